"""Reading corpora: every input becomes a stream of documents, lazily, whatever its format.

A :class:`Document` is one thing to clean: its id (from ``--id-field``, or its path and line),
its text (``str`` or ``bytes``), and the input's other fields, passed through to its rows
unchanged. Paths may be files, folders (read recursively) or globs; ``-`` is standard input.
Formats go by extension: text and HTML (``.txt``, ``.html``, ``.htm``, also ``.gz`` or
``.zst``), JSON Lines (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``), Parquet (``.parquet``, with
the ``parquet`` extra) and WARC (``.warc``, ``.warc.gz``: the HTML response records, with the
``warc`` extra; the others are counted in :attr:`Reader.skipped`).

Nothing that goes wrong here ends a run: a line that is not JSON, a document over a limit, a
field with a lone surrogate become documents with an ``error``, counted and written; a
compressed file that breaks part-way keeps the documents read from it and gives one error
document for the rest, naming where it stopped.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from ..errors import InputError, LimitError
from .limits import Limits, Meter, over
from .schema import BY_KEY, collision

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")
COMPRESSED = (".gz", ".zst")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".jsonl.zst", ".json.gz", ".ndjson.gz")
KNOWN = (TEXT_SUFFIXES + tuple(s + c for s in TEXT_SUFFIXES for c in COMPRESSED)
         + JSONL_SUFFIXES + (".parquet", ".warc", ".warc.gz"))
#: What the writers name their temporary files; never read as input.
TEMPORARY = ".dechaff-tmp"
#: The marks of an earlier run's error row: dropped on reading, so the row runs again.
EARLIER = tuple(BY_KEY[k].column for k in ("error", "line"))
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


@dataclass
class Document:
    """One input document: what to clean, and what to carry to its rows.

    ``text_key`` names the field the text came from (an error row keeps the text there);
    ``line`` is the raw input line when it could not be parsed at all.
    """

    id: str
    text: str | bytes | None
    fields: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    text_key: str = "text"
    line: str | None = None

    @property
    def size(self) -> int:
        return len(self.text) if self.text is not None else 0

    @classmethod
    def from_row(cls, row: dict[str, Any], text_field: str, id_field: str | None,
                 default_id: str) -> "Document":
        """A document from an input row (its text popped from ``text_field``; its id from
        ``id_field``, else ``default_id``), with the reason it cannot be cleaned, if any."""
        text = row.pop(text_field, None)
        doc_id = str(row[id_field]) if id_field and row.get(id_field) is not None else default_id
        doc = cls(doc_id, text, row, text_key=text_field)
        doc.error = row_fault(row, text, text_field)
        return doc


def missing_extra(extra: str, module: str) -> InputError:
    return InputError(f"reading this format needs {module}: pip install 'dechaff[{extra}]'")


def row_fault(fields: dict[str, Any], text: Any, text_field: str) -> str | None:
    """Why an input row (its other ``fields`` and its ``text``) cannot be cleaned, or
    ``None``: a field that would collide with dechaff's columns, or no text."""
    collides = collision(fields)
    if collides or isinstance(text, (str, bytes)):
        return collides
    found = "no" if text is None else f"a {type(text).__name__}"
    return f"{found} text in field {text_field!r}"


def lone_surrogate(fields: dict[str, Any]) -> str | None:
    """Which field holds a lone surrogate (which UTF-8 cannot encode), and where; ``None``
    when none does."""
    for name, value in fields.items():
        found = _surrogate_in(value)
        if found:
            return f"field {name!r} holds a lone surrogate ({found})"
    return None


def _surrogate_in(value: Any) -> str | None:
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return found and f"{found.group()!r} at character {found.start()}"
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return next(filter(None, map(_surrogate_in, items)), None)


def expand(paths: Iterable[str], exclude: Iterable[str] = (),
           skipped: Counter | None = None) -> Iterator[str]:
    """Files named by paths, folders (recursively, known formats only) and globs, in order.

    ``exclude`` holds the run's own outputs: never read, even when a folder or glob holds
    them (each one passed over is counted in ``skipped``).
    """
    own = {os.path.realpath(p) for p in exclude}

    def mine(path: str) -> bool:
        if TEMPORARY in os.path.basename(path) or os.path.realpath(path) in own:
            if skipped is not None:
                skipped["the run's own output"] += 1
            return True
        return False

    for path in paths:
        if path == "-":
            yield path
        elif any(ch in path for ch in "*?[") and not Path(path).exists():
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise InputError(f"{path}: no file matches this pattern")
            yield from (m for m in matches if Path(m).is_file() and not mine(m))
        elif Path(path).is_dir():
            yield from sorted(str(p) for p in Path(path).rglob("*")
                              if p.is_file() and p.name.lower().endswith(KNOWN)
                              and not mine(str(p)))
        else:
            yield path


def _decompression_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (EOFError, OSError, zlib.error, LimitError)
    try:
        import zstandard
    except ImportError:
        return errors
    return (*errors, zstandard.ZstdError)


def _why(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the compressed data ends early (a truncated file?)"
    if isinstance(exc, LimitError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class Reader:
    """Every document of ``paths``, in order, when iterated; see the module docstring."""

    def __init__(self, paths: Iterable[str], *, text_field: str = "text",
                 id_field: str | None = None, stdin_format: str = "text",
                 limits: Limits | None = None, exclude: Iterable[str] = ()) -> None:
        self.paths, self.exclude = list(paths), list(exclude)
        self.text_field, self.id_field, self.stdin_format = text_field, id_field, stdin_format
        self.limits = limits or Limits()
        #: Inputs passed over, by reason (WARC records that are not HTML responses...).
        self.skipped: Counter = Counter()
        self.broken = _decompression_errors()

    def files(self) -> Iterator[str]:
        return expand(self.paths, self.exclude, self.skipped)

    def __iter__(self) -> Iterator[Document]:
        for path in self.files():
            try:
                yield from self._read_one(path)
            except OSError as exc:  # unreadable: a failed document, counted and written
                yield Document(path, None, {}, error=f"cannot read: {exc.strerror or exc}")

    def _read_one(self, path: str) -> Iterator[Document]:
        name = path.lower()
        if path == "-":
            if self.stdin_format == "jsonl":
                yield from self._jsonl(sys.stdin.buffer, "-")
            else:
                yield self._whole("-", sys.stdin.buffer)
        elif name.endswith(JSONL_SUFFIXES):
            with self._open(path) as handle:
                yield from self._jsonl(handle, path)
        elif name.endswith(".parquet"):
            yield from self._parquet(path)
        elif name.endswith((".warc", ".warc.gz")):
            yield from self._warc(path)
        elif name.endswith(COMPRESSED):
            with self._open(path) as handle:
                yield self._whole(path, handle)
        else:
            size = os.path.getsize(path)
            if size > self.limits.document_bytes:
                yield self._too_large(path, size)
            else:
                yield Document(path, Path(path).read_bytes())

    def _open(self, path: str) -> IO[bytes] | Meter:
        name = path.lower()
        if name.endswith(".gz"):
            packed = open(path, "rb")
            return Meter(gzip.GzipFile(fileobj=packed, mode="rb"), packed, self.limits)
        if name.endswith(".zst"):
            try:
                import zstandard
            except ImportError:
                raise missing_extra("zstd", "zstandard") from None
            packed = open(path, "rb")
            reader = zstandard.ZstdDecompressor().stream_reader(packed, read_across_frames=True)
            return Meter(io.BufferedReader(reader), packed, self.limits)  # type: ignore[arg-type]
        return open(path, "rb")

    def _too_large(self, where: str, size: int) -> Document:
        limit = self.limits.document_bytes
        return Document(where, None, error=str(over("document_bytes", limit,
                                                    f"the document ({size:,}+ bytes)")))

    def _whole(self, path: str, handle: IO[bytes] | Meter) -> Document:
        """One document a file, read no further than the document limit allows."""
        limit = self.limits.document_bytes
        try:
            data = handle.read(limit + 1)
        except self.broken as exc:
            return Document(path, None, error=f"{path}: cannot read: {_why(exc)}")
        if len(data) > limit:
            return self._too_large(path, len(data))
        return Document(path, data)

    def _jsonl(self, handle: IO[bytes] | Meter, path: str) -> Iterator[Document]:
        """One document a line; a line over the limit is passed over without being held."""
        limit, number, offset = self.limits.line_bytes, 0, 0
        while True:
            try:
                line = handle.readline(limit + 1)
                offset += len(line)
                long = len(line) > limit and not line.endswith(b"\n")
                while long and (rest := handle.readline(limit)):
                    offset += len(rest)
                    if rest.endswith(b"\n"):
                        break
            except self.broken as exc:
                yield Document(f"{path}:{number + 1}", None, error=(
                    f"{path}: cannot read on from line {number + 1} (byte {offset:,} of the "
                    f"data): {_why(exc)}; the {number:,} line(s) before it were read, the "
                    "rest of this file is skipped"))
                return
            if not line:
                return
            number += 1
            if long:
                yield Document(f"{path}:{number}", None, error=str(
                    over("line_bytes", limit, f"line {number}")))
            elif line.strip():
                yield self._parse(line, f"{path}:{number}")

    def _parse(self, line: bytes, where: str) -> Document:
        try:
            row = json.loads(line)
        except RecursionError:
            return self._unparsed(line, where, "nested too deeply (over ~1,000 levels)")
        except ValueError as exc:
            return self._unparsed(line, where, str(exc))
        if not isinstance(row, dict):
            return self._unparsed(line, where, f"a JSON {type(row).__name__}")
        doc = self.from_row(row, where)
        if doc.error is None and _ESCAPED_SURROGATE.search(line):
            found = lone_surrogate({**doc.fields, doc.text_key: doc.text})
            if found:
                doc.error = (f"{found}, which UTF-8 cannot encode: the input's \\u escapes "
                             "are broken; fix them and run again")
        return doc

    @staticmethod
    def _unparsed(line: bytes, where: str, why: str) -> Document:
        """A line that is no JSON object: an error that keeps the line as it was."""
        return Document(where, None, line=line.decode("utf-8", "replace").rstrip("\r\n"),
                        error=f"not a JSON object dechaff can read: {why}")

    def from_row(self, row: dict, where: str) -> Document:
        """A document from an input row (a JSON object, a Parquet row)."""
        for mark in EARLIER:
            row.pop(mark, None)
        earlier = row.pop(BY_KEY["id"].column, None)
        key = self.id_field
        doc = Document.from_row(row, self.text_field, key,
                                str(earlier) if earlier is not None and not key else where)
        if doc.error is None and len(doc.text) > self.limits.document_bytes:
            doc.error = str(over("document_bytes", self.limits.document_bytes,
                                 f"the text ({len(doc.text):,} characters)"))
            doc.text = None
        return doc

    def _parquet(self, path: str) -> Iterator[Document]:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise missing_extra("parquet", "pyarrow") from None
        number = 0
        try:
            for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
                for row in batch.to_pylist():
                    number += 1
                    yield self.from_row(row, f"{path}:{number}")
        except (OSError, ValueError) as exc:  # pyarrow's errors are both
            yield Document(f"{path}:{number + 1}", None, error=(
                f"{path}: cannot read on from row {number + 1}: {exc}; the {number:,} row(s) "
                "before it were read, the rest of this file is skipped"))

    def _warc(self, path: str) -> Iterator[Document]:
        try:
            from warcio.archiveiterator import ArchiveIterator
        except ImportError:
            raise missing_extra("warc", "warcio") from None
        limit, number = self.limits.document_bytes, 0
        with open(path, "rb") as handle:
            try:
                for record in ArchiveIterator(handle):
                    number += 1
                    reason = self._warc_skip(record)
                    if reason:
                        self.skipped[reason] += 1
                        continue
                    yield self._warc_document(record, path, limit)
            except (*self.broken, ValueError) as exc:
                yield Document(f"{path}:record {number + 1}", None, error=(
                    f"{path}: cannot read on from record {number + 1}: {_why(exc)}; the "
                    f"{number:,} record(s) before it were read, the rest of this file is "
                    "skipped"))

    @staticmethod
    def _warc_skip(record: Any) -> str | None:
        """Why a WARC record is not a document (``None`` when it is one)."""
        if record.rec_type != "response":
            return f"WARC {record.rec_type} record"
        kind = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
        if "html" not in kind.lower():
            return "WARC response that is not HTML"
        return None

    def _warc_document(self, record: Any, path: str, limit: int) -> Document:
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI") or ""
        fields = {"url": url, "warc_record_id": headers.get_header("WARC-Record-ID"),
                  "warc_date": headers.get_header("WARC-Date")}
        key = self.id_field
        doc_id = (str(fields[key]) if key and fields.get(key)
                  else url or f"{path}:{fields['warc_record_id']}")
        data = record.content_stream().read(limit + 1)
        if len(data) > limit:
            return Document(doc_id, None, fields, error=str(
                over("document_bytes", limit, f"the record ({len(data):,}+ bytes)")))
        return Document(doc_id, data, fields)
