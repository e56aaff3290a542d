"""Reading corpora: every input becomes a stream of documents, lazily, whatever its format.

A :class:`Document` is one thing to clean: its id (from ``--id-field``, or its path and line),
its text (``str`` or ``bytes``), and the input's other fields, passed through to its records.
Paths may be files, folders (read recursively) or globs; ``-`` is standard input. Formats go by
extension: ``.txt``, ``.html``/``.htm``, JSON Lines (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``),
Parquet (``.parquet``, with the ``parquet`` extra) and WARC (``.warc``, ``.warc.gz``: the HTML
response records, with the ``warc`` extra). A line or record that cannot be read becomes a
document with an ``error``, so it is counted and written, never silently lost.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson", ".json.gz")
KNOWN = TEXT_SUFFIXES + JSONL_SUFFIXES + (".parquet", ".warc", ".warc.gz")


@dataclass
class Document:
    """One input document: what to clean, and what to carry to its records."""

    id: str
    text: str | bytes | None
    fields: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    @property
    def size(self) -> int:
        return len(self.text) if self.text is not None else 0


def missing_extra(extra: str, module: str) -> InputError:
    return InputError(f"reading this format needs {module}: pip install 'dechaff[{extra}]'")


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files named by paths, folders (recursively, known formats only) and globs, in order."""
    for path in paths:
        if path == "-":
            yield path
        elif any(ch in path for ch in "*?[") and not Path(path).exists():
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise InputError(f"{path}: no file matches this pattern")
            yield from (m for m in matches if Path(m).is_file())
        elif Path(path).is_dir():
            yield from sorted(str(p) for p in Path(path).rglob("*")
                              if p.is_file() and p.name.lower().endswith(KNOWN))
        else:
            yield path


def read(paths: Iterable[str], *, text_field: str = "text", id_field: str | None = None,
         stdin_format: str = "text") -> Iterator[Document]:
    """Every document of every input, lazily, in order."""
    for path in expand(paths):
        try:
            yield from _read_one(path, text_field, id_field, stdin_format)
        except OSError as exc:  # unreadable: a failed document, counted and written
            yield Document(path, None, {}, error=f"cannot read: {exc.strerror or exc}")


def _read_one(path: str, text_field: str, id_field: str | None,
              stdin_format: str) -> Iterator[Document]:
    name = path.lower()
    if path == "-":
        if stdin_format == "jsonl":
            yield from _jsonl(sys.stdin.buffer, "-", text_field, id_field)
        else:
            yield Document("-", sys.stdin.buffer.read())
    elif name.endswith(JSONL_SUFFIXES):
        with _open(path) as handle:
            yield from _jsonl(handle, path, text_field, id_field)
    elif name.endswith(".parquet"):
        yield from _parquet(path, text_field, id_field)
    elif name.endswith((".warc", ".warc.gz")):
        yield from _warc(path)
    else:
        yield Document(path, Path(path).read_bytes())


def _open(path: str) -> io.BufferedIOBase:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if path.lower().endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise missing_extra("zstd", "zstandard") from None
        raw = open(path, "rb")
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return open(path, "rb")


def _jsonl(handle, path: str, text_field: str, id_field: str | None) -> Iterator[Document]:
    for number, line in enumerate(handle, start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield Document(where, line.decode("utf-8", "replace"), {},
                           error=f"not a JSON object: {exc}")
            continue
        if not isinstance(row, dict):
            yield Document(where, line.decode("utf-8", "replace"), {}, error="not a JSON object")
            continue
        yield _from_row(row, where, text_field, id_field)


def _from_row(row: dict, where: str, text_field: str, id_field: str | None) -> Document:
    text = row.pop(text_field, None)
    doc_id = str(row[id_field]) if id_field and row.get(id_field) is not None else where
    if not isinstance(text, (str, bytes)):
        found = "no" if text is None else f"a {type(text).__name__}"
        return Document(doc_id, None if text is None else json.dumps(text), row,
                        error=f"{found} text in field {text_field!r}")
    return Document(doc_id, text, row)


def _parquet(path: str, text_field: str, id_field: str | None) -> Iterator[Document]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise missing_extra("parquet", "pyarrow") from None
    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            number += 1
            yield _from_row(row, f"{path}:{number}", text_field, id_field)


def _warc(path: str) -> Iterator[Document]:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise missing_extra("warc", "warcio") from None
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "response":
                continue
            kind = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            if "html" not in kind.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            yield Document(url or f"{path}:{record.rec_headers.get_header('WARC-Record-ID')}",
                           record.content_stream().read(), {"url": url})
