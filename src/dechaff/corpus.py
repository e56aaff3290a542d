"""Cleaning corpora: documents in, rows out, in order, on one process or many, nothing lost.

A document that fails (undecodable, a rule over its time limit, a bug, a worker process that
dies on it) becomes an error row carrying its id, its original text and the reason; so
documents read always equal documents cleaned plus documents errored, and :class:`Summary`
says so. Rows follow :mod:`dechaff.io.schema`: the input's fields unchanged, then dechaff's.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from .config import Config
from .document import Record
from .errors import DechaffError
from .io import schema
from .io.readers import Document, lone_surrogate
from .pipeline import Cleaner, cached_cleaner




@dataclass
class Tally:
    """What a rule (or a family of rules) removed: how many removals, the characters they
    took out of the body (a move that keeps its text there takes none), and how many
    documents they touched."""

    removals: int = 0
    chars: int = 0
    documents: int = 0

    def add(self, other: Tally) -> None:
        self.removals += other.removals
        self.chars += other.chars
        self.documents += other.documents

    def to_dict(self) -> dict[str, int]:
        return {"removals": self.removals, "chars": self.chars, "documents": self.documents}


def tally(records: list[Record]) -> dict[tuple[str, str], Tally]:
    """One document's removals, by rule (code and name), from its records' counts (which are
    what their traces would say: no trace is built for them)."""
    rules: dict[tuple[str, str], Tally] = {}
    for record in records:
        for rule, (removals, chars) in record.counts.items():
            counts = rules.setdefault(rule, Tally(documents=1))
            counts.removals += removals
            counts.chars += chars
    return rules


@dataclass
class Outcome:
    """What cleaning one document gave; ``rules`` counts its removals by rule."""

    rows: list[dict[str, Any]]
    error: str | None = None
    rules: dict[tuple[str, str], Tally] = field(default_factory=dict)
    size: int = 0
    id: str = ""


@dataclass
class Summary:
    """Counts for a run. ``documents == cleaned + errored`` always holds."""

    documents: int = 0
    cleaned: int = 0
    errored: int = 0
    empty: int = 0
    records: int = 0
    documents_split: int = 0
    articles_split: int = 0
    bytes: int = 0
    #: Removals by rule, as ``(code, name)``, and by family (``RL``), over the run.
    rules: dict[tuple[str, str], Tally] = field(default_factory=dict)
    families: dict[str, Tally] = field(default_factory=dict)
    #: Inputs that are not documents (WARC requests, non-HTML responses...), by reason.
    skipped: Counter = field(default_factory=Counter)
    stopped: str | None = None

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.bytes += outcome.size
        if outcome.error is not None:
            self.errored += 1
            return
        self.cleaned += 1
        n = len(outcome.rows)
        self.records += n
        self.empty += n == 0
        self.documents_split += n > 1
        self.articles_split += max(0, n - 1)
        families: dict[str, Tally] = {}
        for rule, counts in outcome.rules.items():
            self.rules.setdefault(rule, Tally()).add(counts)
            families.setdefault(family(rule[0]), Tally(documents=1)).add(
                Tally(counts.removals, counts.chars))
        for name, counts in families.items():
            self.families.setdefault(name, Tally()).add(counts)

    @property
    def balanced(self) -> bool:
        return self.documents == self.cleaned + self.errored

    def to_dict(self) -> dict[str, Any]:
        return {"documents_read": self.documents, "documents_cleaned": self.cleaned,
                "documents_errored": self.errored, "documents_without_article": self.empty,
                "records_written": self.records, "documents_split": self.documents_split,
                "articles_split": self.articles_split, "bytes_read": self.bytes,
                "removals_by_family": {name: counts.removals for name, counts
                                       in sorted(self.families.items())},
                "rules": {code: {"name": name, **counts.to_dict()}
                          for (code, name), counts in sorted(self.rules.items())},
                "families": {name: counts.to_dict() for name, counts
                             in sorted(self.families.items())},
                "skipped_by_reason": dict(sorted(self.skipped.items())),
                "balanced": self.balanced, "stopped": self.stopped}

    def lines(self) -> list[str]:
        lines = [f"{self.documents} documents read = {self.cleaned} cleaned + {self.errored} "
                 f"errored; {self.records} records written ({self.articles_split} articles "
                 f"split off, {self.empty} documents without an article)"]
        if self.families:
            lines.append("removals by family: " + ", ".join(
                f"{name} {counts.removals}" for name, counts in sorted(self.families.items())))
        if self.skipped:
            lines.append("skipped, not documents: " + ", ".join(
                f"{count} {reason}" for reason, count in sorted(self.skipped.items())))
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        return lines

    def table(self) -> list[str]:
        """The removals by rule, then by family, as aligned tables (``--statistics``), most
        removals first."""
        if not self.rules:
            return ["no removals"]
        width = max(len(name) for _, name in self.rules) + 7
        rules = [(f"{code:<6} {name}", c) for (code, name), c in self.rules.items()]
        return [*_table("code   name", width, rules), "",
                *_table("family", width, list(self.families.items()))]


def _table(heading: str, width: int, rows: list[tuple[str, Tally]]) -> list[str]:
    rows = sorted(rows, key=lambda row: (-row[1].removals, row[0]))
    return [f"{heading:<{width}} {'removals':>9} {'chars':>10} {'documents':>10}",
            *(f"{label:<{width}} {c.removals:>9} {c.chars:>10} {c.documents:>10}"
              for label, c in rows)]


def family(code: str) -> str:
    return code.rstrip("0123456789") or code


def clean_document(cleaner: Cleaner, doc: Document, *, explain: bool = False,
                   passthrough: bool = True, keep_text: bool = False,
                   markdown: bool = False) -> Outcome:
    """Clean one document into its rows; a failure becomes one error row. With ``markdown``,
    each row holds its record as Markdown too (``dechaff_markdown``, for the Markdown
    output)."""
    fields = doc.fields if passthrough else {}
    if doc.error is None:
        try:
            records = cleaner.clean(doc.text, count=True)  # type: ignore[arg-type]
        except DechaffError as exc:
            doc.error = str(exc)
        except RecursionError:
            doc.error = "too deeply nested to clean (RecursionError)"
        except Exception as exc:  # a bug must not lose the document: it is reported with it
            doc.error = f"internal error, please report: {type(exc).__name__}: {exc}"
    if doc.error is not None:
        return failed(doc, doc.error, passthrough)
    if keep_text:
        fields = {**fields, doc.text_key: _text(doc.text)}
    rows = [schema.record_row(fields, doc.id, record.to_dict(removals=explain, markdown=markdown))
            for record in records]
    return Outcome(rows, None, tally(records), size=doc.size, id=doc.id)


def failed(doc: Document, error: str, passthrough: bool = True) -> Outcome:
    """A document's error row: its fields and text as they came in, its id, the reason."""
    fields = dict(doc.fields) if passthrough else {}
    if doc.text is not None:
        fields[doc.text_key] = _text(doc.text)
    row = schema.error_row(fields, doc.id, error, doc.line)
    return Outcome([row], error, size=doc.size, id=doc.id)


def _text(text: str | bytes | None) -> str | None:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


def clean_chunk(docs: list[Document], config: Config, explain: bool, passthrough: bool,
                keep_text: bool = False, markdown: bool = False) -> list[Outcome]:
    """Clean a list of documents (the unit of work a worker process or a Dask task gets)."""
    cleaner = cached_cleaner(config)
    return [clean_document(cleaner, d, explain=explain, passthrough=passthrough,
                           keep_text=keep_text, markdown=markdown) for d in docs]


def chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered(submit: Callable[[list[Document]], Any], result: Callable[[deque], list[Outcome]],
            docs: Iterable[Document], chunk_size: int, window: int) -> Iterator[Outcome]:
    """Outcomes in input order, with at most ``window`` chunks in flight (flat memory).

    ``pending`` holds ``[future, chunk]`` pairs in input order; ``result(pending)`` takes the
    first one's outcomes (and may submit the others again, when their worker died).
    """
    pending: deque = deque()
    for chunk in chunks(docs, chunk_size):
        pending.append([submit(chunk), chunk])
        if len(pending) >= window:
            yield from result(pending)
    while pending:
        yield from result(pending)


def died(doc: Document, cause: str, passthrough: bool = True) -> Outcome:
    return failed(doc, f"worker process died ({cause}) while cleaning this document; a rule "
                       "that exits or crashes (a plugin's, a native extension's) is the "
                       "likely cause", passthrough)


def outcomes(docs: Iterable[Document], config: Config, *, workers: int = 1, explain: bool = False,
             passthrough: bool = True, keep_text: bool = False, markdown: bool = False,
             chunk_size: int = 128) -> Iterator[Outcome]:
    """Every document's outcome, in order: in this process, or in ``workers`` processes
    (``markdown``: the rows hold their records as Markdown, see :func:`clean_document`)."""
    # The trace is built for the output alone: the records count their removals without it.
    config = config.replace(explain=explain)
    if workers <= 1:
        cleaner = cached_cleaner(config)
        for doc in docs:
            yield clean_document(cleaner, doc, explain=explain, passthrough=passthrough,
                                 keep_text=keep_text, markdown=markdown)
        return
    yield from Pool(workers, config, (explain, passthrough, keep_text, markdown)).run(docs,
                                                                                   chunk_size)


class Pool:
    """Worker processes that survive a worker's death: the chunks it broke are cleaned again
    one document at a time in a fresh worker, and the document that kills that one becomes
    an error row naming the cause."""

    def __init__(self, workers: int, config: Config, options: tuple) -> None:
        self.workers, self.config, self.options = workers, config, options
        self.executor = self._executor(workers)

    def _executor(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                                   initargs=(os.getpid(),))

    def _submit(self, chunk: list[Document]) -> Future:
        try:
            return self.executor.submit(clean_chunk, chunk, self.config, *self.options)
        except BrokenProcessPool:  # broken since the last result: a future that will fail
            broken: Future = Future()
            broken.set_exception(BrokenProcessPool("the pool was broken"))
            return broken

    def run(self, docs: Iterable[Document], chunk_size: int) -> Iterator[Outcome]:
        try:
            yield from ordered(self._submit, self._next, docs, chunk_size, self.workers * 4)
        except BaseException:  # stopped early (interrupted, --max-errors): leave at once
            self.executor.shutdown(wait=False, cancel_futures=True)
            raise
        self.executor.shutdown()

    def _next(self, pending: deque) -> list[Outcome]:
        future, chunk = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            pass
        # A worker died: the chunks the broken pool did not finish go to a fresh one, and
        # this chunk, where it showed, is cleaned one document at a time to find the cause.
        broken, self.executor = self.executor, self._executor(self.workers)
        for entry in pending:
            try:
                finished = entry[0].exception() is None
            except CancelledError:
                finished = False
            if not finished:
                entry[0] = self._submit(entry[1])
        broken.shutdown(wait=False, cancel_futures=True)
        return list(self._one_by_one(chunk))

    def _one_by_one(self, chunk: list[Document]) -> Iterator[Outcome]:
        single = self._executor(1)
        try:
            for doc in chunk:
                future = single.submit(clean_chunk, [doc], self.config, *self.options)
                processes = list(getattr(single, "_processes", {}).values())
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    yield died(doc, _cause(processes), self.options[1])
                    single.shutdown(wait=False, cancel_futures=True)
                    single = self._executor(1)
        finally:
            single.shutdown(wait=False, cancel_futures=True)


def _cause(processes: list) -> str:
    """How a worker ended: its exit code or signal, when it can be read.

    The pool's own thread reaps a dead worker too; when it wins the race, this thread's
    ``join`` returns with no exit code yet (its ``waitpid`` finds no child), and the code
    shows a moment later, once that thread has stored it."""
    for process in processes:
        process.join(timeout=5)
        code = process.exitcode
        waited = 0
        while code is None and waited < 100:
            time.sleep(0.05)
            code, waited = process.exitcode, waited + 1
        if code is not None and code < 0:
            try:
                return f"signal {signal.Signals(-code).name}"
            except ValueError:
                return f"signal {-code}"
        if code:
            return f"exit code {code}"
    return "it ended without a word"


def die_with_parent(parent: int) -> None:
    """In a worker: end when the process that started it (``parent``) ends, so a killed run
    leaves no workers behind. Linux's ``PR_SET_PDEATHSIG`` where it can, else a watchdog."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0:  # 1: PR_SET_PDEATHSIG
                if os.getppid() != parent:  # it died before the signal was set
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="dechaff-parent-watch", daemon=True).start()


def clean_many(items: Iterable[Any], *, workers: int = 1, config: Config | None = None,
               text_field: str = "text", id_field: str | None = None, explain: bool = False,
               keep_text: bool = False, **options: Any) -> Iterator[dict[str, Any]]:
    """Clean many documents, yielding one row per record (or per failed document), in order.

    ``items`` are texts (``str``/``bytes``) or dicts holding one in ``text_field``. A row is
    the item's other fields, unchanged, then dechaff's columns (:mod:`dechaff.io.schema`):
    ``dechaff_id`` (the ``id_field`` value, else the item's number), the record's fields; a
    failed document's row has ``dechaff_error`` and keeps its text in ``text_field``.
    """
    config = Config.of(config, **options)
    docs = (as_document(item, n, text_field, id_field) for n, item in enumerate(items))
    for outcome in outcomes(docs, config, workers=workers, explain=explain,
                            keep_text=keep_text):
        yield from outcome.rows


def as_document(item: Any, number: int, text_field: str = "text",
                id_field: str | None = None) -> Document:
    """A document from a text or a dict (numbered ``number`` when it has no id)."""
    if isinstance(item, Document):
        return item
    if isinstance(item, (str, bytes)):
        doc = Document(str(number), item, text_key=text_field)
    elif isinstance(item, dict):
        doc = Document.from_row(dict(item), text_field, id_field, str(number))
    else:
        return Document(str(number), None, {}, error=f"cannot clean a {type(item).__name__}")
    if doc.error is None:
        found = lone_surrogate({text_field: doc.text, **doc.fields})
        if found:
            doc.error = f"{found}, which UTF-8 cannot encode"
    return doc
