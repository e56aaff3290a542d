"""The record schema: every column dechaff adds to an output row, defined once.

A row is the input's own fields, exactly as they were, followed by dechaff's columns, whose
names all start with :data:`PREFIX` so that they can never overwrite an input field. A record
row holds the record's columns; an error row holds ``dechaff_id`` and ``dechaff_error`` beside
the input's fields *including* its text, so the row can be cleaned again as it stands. JSON
Lines, Parquet, ``datasets``, Dask and pandas outputs are all built from :data:`FIELDS`.

>>> [f.column for f in FIELDS][:3]
['dechaff_id', 'dechaff_part', 'dechaff_title']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

PREFIX = "dechaff_"


@dataclass(frozen=True)
class Field:
    """One output column: its name in :meth:`Record.to_dict` (``key``), its Arrow type, and
    what it holds."""

    key: str
    type: str
    description: str
    #: ``record``: on record rows; ``error``: on error rows; ``both``.
    rows: str = "record"
    #: Only in this output format (``parquet``), or in every one (``None``).
    only: str | None = None

    @property
    def column(self) -> str:
        return PREFIX + self.key


#: The fields of :class:`~dechaff.document.Removal`, as the Arrow struct of ``dechaff_removals``.
REMOVAL = (("code", "string"), ("name", "string"), ("action", "string"), ("text", "string"),
           ("start", "int64"), ("end", "int64"), ("field", "string"),
           ("replacement", "string"), ("reason", "string"))

FIELDS = (
    Field("id", "string", "the document's id: the `--id-field` value, else `path:line` "
          "(JSON Lines, Parquet), the URL (WARC) or the path (a whole file)", "both"),
    Field("part", "int32", "which article of the document the record is (0, 1, ...)"),
    Field("title", "string", "the headline"),
    Field("published", "string", "ISO date (`YYYY-MM-DD`) or datetime of publication"),
    Field("section", "string", "the section label (`Politics`)"),
    Field("authors", "list<string>", "the bylines' names"),
    Field("url", "string", "the page's canonical address (HTML pages that name one)"),
    Field("hostname", "string", "the URL's host, lower-cased, without port or a leading "
          "`www.` (as trafilatura's `hostname`)"),
    Field("language", "string", "with `--language`: the body's language (ISO 639-1, from "
          "py3langid; none for a body under 40 letters)"),
    Field("body", "string", "the article's paragraphs, separated by one blank line"),
    Field("sources", "list<string>", "the addresses the article credits"),
    Field("flags", "list<string>", "notes on how the record was made (`decoded as "
          "windows-1252`, the over-removal guard)"),
    Field("removals", "list<removal>", "with `--explain`: every removal, repair and split "
          "(code, name, action, text, start, end, field, replacement, reason)"),
    Field("markdown", "string", "the record as Markdown: the title as a heading, an HTML "
          "page's subheadings and lists kept (what `--format markdown` writes)",
          only="markdown"),
    Field("error", "string", "why the document could not be cleaned", "error"),
    Field("line", "string", "the input line as read, when it is not a JSON object", "error"),
    Field("extra", "string", "the input's fields that do not fit the file's columns (a "
          "field first seen after the first row group, a value of another type, text with a "
          "lone surrogate), as a JSON object", "both", only="parquet"),
)
BY_KEY = {f.key: f for f in FIELDS}
COLUMNS = tuple(f.column for f in FIELDS)
#: The record's own fields, as :meth:`Record.to_dict` names them.
RECORD_KEYS = tuple(f.key for f in FIELDS if f.rows == "record")


def fields_for(explain: bool = False, form: str | None = None) -> list[Field]:
    """dechaff's fields in a columnar output of format ``form`` (``removals`` only when
    explaining)."""
    return [f for f in FIELDS if (explain or f.key != "removals") and f.only in (None, form)]


def columns(explain: bool = False, form: str | None = None) -> list[str]:
    return [f.column for f in fields_for(explain, form)]


def reserved(fields: Iterable[str]) -> list[str]:
    """The input field names that use dechaff's prefix."""
    return [name for name in fields if isinstance(name, str) and name.startswith(PREFIX)]


def collision(fields: Iterable[str]) -> str | None:
    """Why input fields with these names cannot be written beside dechaff's, or ``None``."""
    taken = reserved(fields)
    if not taken:
        return None
    return (f"input field(s) {', '.join(map(repr, taken))} use the prefix {PREFIX!r}, which "
            "dechaff keeps for its own columns: rename them and run again")


def record_row(fields: dict[str, Any], doc_id: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record's row: the input's fields, then ``dechaff_id`` and the record's columns."""
    row = dict(fields)
    row[BY_KEY["id"].column] = doc_id
    for key in RECORD_KEYS:
        if key in record:
            row[PREFIX + key] = record[key]
        elif key == "flags":
            row[PREFIX + key] = []
    return row


def error_row(fields: dict[str, Any], doc_id: str, error: str,
              line: str | None = None) -> dict[str, Any]:
    """A failed document's row: the input's fields (its text too), its id and the reason."""
    row = dict(fields)
    row[BY_KEY["id"].column] = doc_id
    row[BY_KEY["error"].column] = error
    if line is not None:
        row[BY_KEY["line"].column] = line
    return row


def arrow_type(spec: str) -> Any:
    """The pyarrow type a :class:`Field` names."""
    import pyarrow as pa

    if spec == "list<removal>":
        return pa.list_(pa.struct([(name, arrow_type(kind)) for name, kind in REMOVAL]))
    if spec.startswith("list<"):
        return pa.list_(arrow_type(spec[5:-1]))
    return {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64()}[spec]


def arrow_fields(explain: bool = False, form: str | None = None) -> list[Any]:
    """dechaff's columns as pyarrow fields, in order."""
    import pyarrow as pa

    return [pa.field(f.column, arrow_type(f.type)) for f in fields_for(explain, form)]


def table() -> str:
    """The schema as the Markdown table of ``docs/corpora.md``."""
    lines = ["| column | Arrow type | on | what it holds |", "| --- | --- | --- | --- |"]
    rows = {"record": "records", "error": "errors", "both": "every row"}
    for f in FIELDS:
        where = rows[f.rows] + (f" ({f.only} only)" if f.only else "")
        lines.append(f"| `{f.column}` | `{f.type}` | {where} | {f.description} |")
    return "\n".join(lines) + "\n"
