"""Cleaning corpora: documents in, rows out, in order, on one process or many, nothing lost.

A document that fails (undecodable, a rule over its time limit, a bug) becomes an error row
carrying its id, its original text and the reason; so documents read always equal documents
cleaned plus documents errored, and :class:`Summary` says so.
"""

from __future__ import annotations

import json
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from .config import Config
from .errors import DechaffError
from .pipeline import Cleaner, _cleaner
from .io.readers import Document

#: The keys of a record row; passed-through input fields never overwrite them.
RECORD_KEYS = ("id", "part", "title", "published", "section", "authors", "body", "sources",
               "flags", "removals", "error", "text")


@dataclass
class Outcome:
    """What cleaning one document gave."""

    rows: list[dict[str, Any]]
    error: str | None = None
    families: Counter = field(default_factory=Counter)
    size: int = 0


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
    removals: Counter = field(default_factory=Counter)
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
        self.removals.update(outcome.families)

    @property
    def balanced(self) -> bool:
        return self.documents == self.cleaned + self.errored

    def to_dict(self) -> dict[str, Any]:
        return {"documents_read": self.documents, "documents_cleaned": self.cleaned,
                "documents_errored": self.errored, "documents_without_article": self.empty,
                "records_written": self.records, "documents_split": self.documents_split,
                "articles_split": self.articles_split, "bytes_read": self.bytes,
                "removals_by_family": dict(sorted(self.removals.items())),
                "balanced": self.balanced, "stopped": self.stopped}

    def lines(self) -> list[str]:
        lines = [f"{self.documents} documents read = {self.cleaned} cleaned + {self.errored} "
                 f"errored; {self.records} records written ({self.articles_split} articles "
                 f"split off, {self.empty} documents without an article)"]
        if self.removals:
            lines.append("removals by family: " + ", ".join(
                f"{family} {count}" for family, count in sorted(self.removals.items())))
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        return lines


def family(code: str) -> str:
    return code.rstrip("0123456789") or code


def clean_document(cleaner: Cleaner, doc: Document, *, explain: bool = False,
                   passthrough: bool = True) -> Outcome:
    """Clean one document into its rows; a failure becomes one error row."""
    extra = doc.fields if passthrough else {}
    if doc.error is None:
        try:
            records = cleaner.clean(doc.text)  # type: ignore[arg-type]
        except DechaffError as exc:
            doc.error = str(exc)
        except Exception as exc:  # a bug must not lose the document: it is reported with it
            doc.error = f"internal error, please report: {type(exc).__name__}: {exc}"
    if doc.error is not None:
        text = doc.text.decode("utf-8", "replace") if isinstance(doc.text, bytes) else doc.text
        row = {"id": doc.id, "error": doc.error, "text": text}
        return Outcome([_merge(row, extra)], doc.error, size=doc.size)
    families: Counter = Counter()
    rows = []
    for record in records:
        families.update(family(r.code) for r in record.removals
                        if r.action not in ("repaired", "split"))
        row = {"id": doc.id, **record.to_dict(removals=explain)}
        rows.append(_merge(row, extra))
    return Outcome(rows, None, families, size=doc.size)


def _merge(row: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if key not in row and key not in RECORD_KEYS:
            row[key] = value
    return row


def clean_chunk(docs: list[Document], config: Config, explain: bool,
                passthrough: bool) -> list[Outcome]:
    """Clean a list of documents (the unit of work a worker process or a Dask task gets)."""
    cleaner = _cleaner(config)
    return [clean_document(cleaner, d, explain=explain, passthrough=passthrough) for d in docs]


def chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered(submit: Callable[[list[Document]], Any], result: Callable[[Any], list[Outcome]],
            docs: Iterable[Document], chunk_size: int, window: int) -> Iterator[Outcome]:
    """Outcomes in input order, with at most ``window`` chunks in flight (flat memory)."""
    pending: deque = deque()
    for chunk in chunks(docs, chunk_size):
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def outcomes(docs: Iterable[Document], config: Config, *, workers: int = 1, explain: bool = False,
             passthrough: bool = True, chunk_size: int = 128) -> Iterator[Outcome]:
    """Every document's outcome, in order: in this process, or in ``workers`` processes."""
    # The trace is built when the run needs it: for the output, or to count removals.
    config = config.replace(explain=True)
    if workers <= 1:
        cleaner = _cleaner(config)
        for doc in docs:
            yield clean_document(cleaner, doc, explain=explain, passthrough=passthrough)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            yield from ordered(lambda c: pool.submit(clean_chunk, c, config, explain, passthrough),
                               lambda f: f.result(), docs, chunk_size, window=workers * 4)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def clean_many(items: Iterable[Any], *, workers: int = 1, config: Config | None = None,
               text_field: str = "text", id_field: str | None = None, explain: bool = False,
               **options: Any) -> Iterator[dict[str, Any]]:
    """Clean many documents, yielding one row per record (or per failed document), in order.

    ``items`` are texts (``str``/``bytes``) or dicts holding one in ``text_field`` (their
    other fields are passed through). A row is a record's fields plus ``id``; a failed
    document's row has ``error`` and its original ``text``.
    """
    config = (config or Config()).replace(**options) if options else (config or Config())
    docs = (as_document(item, n, text_field, id_field) for n, item in enumerate(items))
    for outcome in outcomes(docs, config, workers=workers, explain=explain):
        yield from outcome.rows


def as_document(item: Any, number: int, text_field: str = "text",
                id_field: str | None = None) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, (str, bytes)):
        return Document(str(number), item)
    if isinstance(item, dict):
        row = dict(item)
        text = row.pop(text_field, None)
        doc_id = str(row[id_field]) if id_field and row.get(id_field) is not None else str(number)
        if not isinstance(text, (str, bytes)):
            return Document(doc_id, None if text is None else json.dumps(text, default=str), row,
                            error=f"no text in field {text_field!r}")
        return Document(doc_id, text, row)
    return Document(str(number), None, {}, error=f"cannot clean a {type(item).__name__}")
