"""Writing rows: JSON Lines (plain, gzip or zstd), Parquet, or the bodies alone as plain
text or Markdown, safely.

The format follows the file's name (:data:`FORMATS`); anything else is refused before the
run starts, as is an output that is also an input (:func:`check_paths`). Plain text and
Markdown hold no error rows (:attr:`TextWriter.holds_errors`): the command line sends those
to ``--errors FILE`` or to standard error. A file is written to
a temporary file beside it and renamed into place when the run ends (interrupted runs too:
what is written is whole), so a failed run leaves any previous output as it was and a
reader never sees a half-written file; each document's rows are written with one call, so
standard output holds whole lines. A write that fails (disk full, no permission) raises
:class:`~dechaff.errors.OutputError` with a one-line message.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import os
import stat
import sys
import tempfile
from typing import IO, Any, Iterable

from ..document import markdown
from ..errors import OutputError, UsageError
from . import schema
from .readers import TEMPORARY, missing_extra

#: Output formats, by the end of the file's name.
FORMATS = {".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".jsonl.zst": "jsonl", ".parquet": "parquet",
           ".txt": "txt", ".md": "markdown"}
#: The formats whose rows keep a failed document's text, so it can be cleaned again.
ROW_FORMATS = ("jsonl", "parquet")


def output_format(path: str) -> str:
    """``jsonl``, ``parquet``, ``txt`` or ``markdown``, from the name; a :class:`UsageError`
    for any other name."""
    for suffix, form in FORMATS.items():
        if path.lower().endswith(suffix):
            return form
    raise UsageError(f"cannot write {path}: the output format follows the file's name, which "
                     f"must end in {', '.join(FORMATS)}")


def check_paths(inputs: Iterable[str], outputs: dict[str, str | None]) -> None:
    """Refuse outputs that would overwrite or be read as an input, or name one another.

    ``outputs`` maps an option (``-o``, ``--errors``, ``--stats``) to its path or ``None``.
    The summary (``--stats``, JSON) is never read as an input, so it may lie in an input
    folder; it must still not overwrite one.
    """
    given = {option: path for option, path in outputs.items() if path}
    seen: dict[str, str] = {}
    for option, path in given.items():
        if os.path.isdir(path):
            raise UsageError(f"{option} {path} is a folder; give a file name such as "
                             f"{os.path.join(path, 'out.jsonl')}")
        real = os.path.realpath(path)
        if real in seen:
            raise UsageError(f"{seen[real]} and {option} name the same file ({path}); give "
                             "each its own")
        seen[real] = option
        for source in inputs:
            if _reads(source, path, inside=option != "--stats"):
                raise UsageError(f"{option} {path} would overwrite or be read as the input "
                                 f"{source}; write it somewhere else")


def _reads(source: str, path: str, inside: bool = True) -> bool:
    """Would reading input ``source`` read, or overwrite, the file at ``path``? (``inside``:
    does a folder or glob that holds it count.)"""
    if source == "-":
        return False
    real, folder = os.path.realpath(path), os.path.realpath(source)
    if os.path.isdir(source):
        return inside and real.startswith(folder.rstrip(os.sep) + os.sep)
    if os.path.exists(source) and os.path.exists(path):
        return os.path.samefile(source, path)
    if any(ch in source for ch in "*?["):
        return inside and (fnmatch.fnmatch(real, os.path.realpath(source))
                           or fnmatch.fnmatch(path, source))
    return real == folder


def _special(path: str) -> bool:
    """Is ``path`` a device or a pipe (``/dev/null``, ``/dev/stdout``), written in place?"""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


class Target:
    """A file written beside itself and renamed into place on :meth:`commit`; a device or
    pipe (``/dev/stdout``) is written in place."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            if _special(path):
                self.temporary = None
                self.handle: IO[bytes] = open(path, "wb")
            else:
                folder, name = os.path.split(os.path.abspath(path))
                fd, self.temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMPORARY,
                                                      dir=folder)
                self.handle = os.fdopen(fd, "wb")
        except OSError as exc:
            raise self.error(exc) from None

    def error(self, exc: OSError) -> OutputError:
        kept = (f"the previous {self.path} is left as it was" if os.path.isfile(self.path)
                else f"{self.path} was not written")
        return OutputError(f"cannot write {self.path}: {exc.strerror or exc}; {kept}")

    def commit(self) -> None:
        try:
            self.handle.close()
            if self.temporary:
                os.chmod(self.temporary, 0o666 & ~_umask())
                os.replace(self.temporary, self.path)
                self.temporary = None
        except OSError as exc:
            self.abort()
            raise self.error(exc) from None

    def abort(self) -> None:
        try:
            self.handle.close()
        except OSError:
            pass
        if self.temporary:
            try:
                os.unlink(self.temporary)
            except OSError:
                pass
            self.temporary = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def encode(row: dict[str, Any]) -> bytes:
    """A row as one JSON line; text UTF-8 cannot encode (a lone surrogate) is kept as a
    ``\\u`` escape, so the line is valid and nothing is lost."""
    try:
        return (json.dumps(row, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(row, default=str) + "\n").encode("ascii")


class JsonlWriter:
    """Rows as JSON Lines to a file (``.jsonl``, ``.jsonl.gz``, ``.jsonl.zst``), or to a
    stream (``stream``, standard output by default)."""

    holds_errors = True

    def __init__(self, path: str | None, stream: IO[bytes] | None = None) -> None:
        name = (path or "").lower()
        if name.endswith(".zst"):
            try:
                import zstandard
            except ImportError:
                raise missing_extra("zstd", "zstandard") from None
        self.path, self.target = path, Target(path) if path else None
        self.stream: Any = self.target.handle if self.target else (stream or sys.stdout.buffer)
        if name.endswith(".gz"):
            self.stream = gzip.GzipFile(fileobj=self.stream, mode="wb", mtime=0)
        elif name.endswith(".zst"):
            self.stream = zstandard.ZstdCompressor().stream_writer(self.stream, closefd=False)

    def encode(self, rows: list[dict[str, Any]]) -> bytes:
        """One document's rows, as they are written."""
        return b"".join(encode(row) for row in rows)

    def write(self, rows: list[dict[str, Any]]) -> None:
        try:
            self.stream.write(self.encode(rows))
            if self.target is None:
                self.stream.flush()
        except BrokenPipeError:  # `dechaff clean ... | head`: the reader left
            raise
        except OSError as exc:
            raise self._error(exc) from None

    def _error(self, exc: OSError) -> Exception:
        if self.target is None:
            return OutputError(f"cannot write to standard output: {exc.strerror or exc}")
        self.target.abort()
        return self.target.error(exc)

    def close(self) -> None:
        if self.target is None:
            return
        try:
            if self.stream is not self.target.handle:
                self.stream.close()
        except OSError as exc:
            raise self._error(exc) from None
        self.target.commit()

    def abort(self) -> None:
        if self.target is not None:
            self.target.abort()


class TextWriter(JsonlWriter):
    """The bodies alone, for tools that read text: ``txt``, or ``markdown`` with each title
    as a ``#`` heading and, from an HTML page, its subheadings and lists as Markdown (the
    rows' ``dechaff_markdown``, :meth:`~dechaff.document.Record.to_markdown`). One call writes one document: its records, separated by a blank line;
    between two documents stands :data:`SEPARATORS`' line (a form feed in plain text, as
    ``pdftotext`` puts between pages), so the n-th page is the n-th document written, one
    without an article an empty page. Error rows are refused: they belong elsewhere."""

    holds_errors = False
    SEPARATORS = {"txt": "\f\n", "markdown": "\n---\n\n"}

    def __init__(self, path: str | None, form: str = "txt") -> None:
        super().__init__(path)
        self.form, self.documents = form, 0

    def encode(self, rows: list[dict[str, Any]]) -> bytes:
        if any(schema.BY_KEY["error"].column in row for row in rows):
            raise ValueError("an error row has no place in a text output: write it to --errors")
        text = "\n\n".join(filter(None, map(self._record, rows)))
        lead = self.SEPARATORS[self.form] if self.documents else ""
        self.documents += 1
        return (lead + text + ("\n" if text else "")).encode("utf-8", "backslashreplace")

    def _record(self, row: dict[str, Any]) -> str:
        # A body's own form feed (the repair stage removes them; --no-repair keeps them)
        # would start a page of its own: it becomes a space.
        if self.form == "markdown":
            text = row.get(schema.BY_KEY["markdown"].column)
            if text is None:  # a row made without it: the title and the body
                text = markdown(row.get(schema.BY_KEY["title"].column),
                                row.get(schema.BY_KEY["body"].column) or "")
            return text.replace("\f", " ").rstrip()
        return (row.get(schema.BY_KEY["body"].column) or "").replace("\f", " ")


class ParquetWriter:
    """Rows to a Parquet file, in row groups of ``group_size``; needs the parquet extra.

    The input's fields become columns as the first row group has them, each typed by its
    first value; dechaff's columns have the types :mod:`dechaff.io.schema` gives (its last,
    ``dechaff_extra``, is filled here). A later field or value that does not fit its column
    goes, as JSON, into ``dechaff_extra``, so nothing is lost.
    """

    holds_errors = True

    def __init__(self, path: str, *, explain: bool = False, text_field: str = "text",
                 group_size: int = 1000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise missing_extra("parquet", "pyarrow") from None
        self.pa, self.pq, self.path, self.text_field = pa, pq, path, text_field
        self.ours = schema.arrow_fields(explain, "parquet")
        self.names = {f.name for f in self.ours}
        self.target = Target(path)
        self.writer: Any = None
        self.buffer: list[dict[str, Any]] = []
        self.group_size = group_size

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.group_size:
            self._flush()

    def _start(self) -> None:
        """The file's schema: the input's fields as the first group has them, then ours."""
        pa = self.pa
        theirs: dict[str, Any] = {}
        for row in self.buffer:
            for name in row:
                if name not in self.names and name not in theirs:
                    theirs[name] = None
        theirs.setdefault(self.text_field, pa.string())
        for name in theirs:
            theirs[name] = theirs[name] or self._infer([row.get(name) for row in self.buffer])
        self.schema = pa.schema([*(pa.field(n, t) for n, t in theirs.items()), *self.ours])
        self.writer = self.pq.ParquetWriter(self.target.handle, self.schema)

    def _infer(self, values: list[Any]) -> Any:
        """A column's type: its first value's (string when it has none)."""
        pa = self.pa
        try:
            kind = pa.array([v for v in values if v is not None][:1]).type
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            return pa.string()
        return pa.string() if pa.types.is_null(kind) else kind

    def _table(self, rows: list[dict[str, Any]]) -> Any:
        extras: list[dict[str, Any]] = [{} for _ in rows]
        arrays = []
        for f in self.schema:
            if f.name == schema.BY_KEY["extra"].column:
                continue
            arrays.append(self._column(f, rows, extras))
        known = set(self.schema.names)
        for row, extra in zip(rows, extras):
            extra.update((k, v) for k, v in row.items() if k not in known)
        arrays.append(self.pa.array([json.dumps(e, default=str) if e else None for e in extras],
                                    self.pa.string()))
        return self.pa.Table.from_arrays(arrays, schema=self.schema)

    def _column(self, f: Any, rows: list[dict[str, Any]], extras: list[dict[str, Any]]) -> Any:
        pa = self.pa
        values = [row.get(f.name) for row in rows]
        try:
            return pa.array(values, f.type)
        except (pa.ArrowException, TypeError, ValueError, OverflowError, UnicodeError):
            if f.name in self.names:
                raise
        fitting = []
        for value, extra in zip(values, extras):  # one by one: which values do not fit
            try:
                pa.array([value], f.type)
                fitting.append(value)
            except (pa.ArrowException, TypeError, ValueError, OverflowError, UnicodeError):
                fitting.append(None)
                extra[f.name] = value
        return pa.array(fitting, f.type)

    def _flush(self) -> None:
        try:
            if self.writer is None:
                self._start()
            if self.buffer:
                self.writer.write_table(self._table(self.buffer))
            self.buffer = []
        except OSError as exc:
            self.abort()
            raise self.target.error(exc) from None

    def close(self) -> None:
        self._flush()
        try:
            self.writer.close()
        except OSError as exc:
            self.abort()
            raise self.target.error(exc) from None
        self.target.commit()

    def abort(self) -> None:
        if self.writer is not None:
            try:
                self.writer.close()
            except (OSError, ValueError):
                pass
        self.target.abort()


def open_writer(path: str | None, fmt: str | None = None, *, explain: bool = False,
                text_field: str = "text") -> JsonlWriter | ParquetWriter:
    """A writer for ``path`` (stdout when ``None``), in the format its name gives; ``fmt``,
    when given, must agree."""
    form = output_format(path) if path and not _special(path) else (fmt or "jsonl")
    if fmt and fmt != form:
        raise UsageError(f"--format {fmt} disagrees with the output name {path}, which "
                         f"writes {form}; the format follows the name")
    if form == "parquet":
        if not path:
            raise UsageError("Parquet needs an output file: -o out.parquet")
        return ParquetWriter(path, explain=explain, text_field=text_field)
    if form in TextWriter.SEPARATORS:
        return TextWriter(path, form)
    return JsonlWriter(path)


def open_errors(path: str | None, sink: JsonlWriter | ParquetWriter, *,
                text_field: str = "text") -> JsonlWriter | ParquetWriter:
    """Where failed documents' rows go: ``path`` (``--errors``), else the output when it holds
    rows, else standard error as JSON Lines (a text output has no place for them)."""
    if path is None:
        return sink if sink.holds_errors else JsonlWriter(None, stream=sys.stderr.buffer)
    if output_format(path) not in ROW_FORMATS:
        raise UsageError(f"--errors {path}: failed documents are written as rows that keep "
                         "their text, so the name must end in .jsonl[.gz|.zst] or .parquet")
    return open_writer(path, text_field=text_field)
