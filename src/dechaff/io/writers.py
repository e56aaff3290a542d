"""Writing rows: JSON Lines (the default) or Parquet, valid at every moment.

A JSON Lines row is written whole, with one call, and flushed with its document's other rows,
so an interrupted run leaves every finished record and no half-written line. Parquet rows are
written in row groups; closing the writer (which an interrupt also does) writes the rest.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any

from .readers import missing_extra

#: Parquet columns of a record row; the input's other fields go into ``fields`` (JSON).
COLUMNS = ("id", "part", "title", "published", "section", "authors", "url", "body", "sources",
           "flags", "error", "text", "removals", "fields")
LISTS = ("authors", "sources", "flags")


class JsonlSink:
    def __init__(self, path: str | None) -> None:
        self.handle: IO[str] = open(path, "w", encoding="utf-8") if path else sys.stdout

    def write(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            self.handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        self.handle.flush()

    def close(self) -> None:
        if self.handle is not sys.stdout:
            self.handle.close()


class ParquetSink:
    """Rows to a Parquet file, in row groups of ``group_size``; needs the parquet extra."""

    def __init__(self, path: str, group_size: int = 2000) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise missing_extra("parquet", "pyarrow") from None
        self.pa = pa
        text = pa.string()
        types = {name: pa.list_(text) if name in LISTS else text for name in COLUMNS}
        types["part"] = pa.int32()
        self.schema = pa.schema([(name, types[name]) for name in COLUMNS])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: list[dict[str, Any]] = []
        self.group_size = group_size

    def write(self, rows: list[dict[str, Any]]) -> None:
        self.buffer.extend(self._shape(row) for row in rows)
        if len(self.buffer) >= self.group_size:
            self._flush()

    def _shape(self, row: dict[str, Any]) -> dict[str, Any]:
        shaped = {name: row.get(name) for name in COLUMNS if name != "fields"}
        if shaped.get("removals") is not None:
            shaped["removals"] = json.dumps(shaped["removals"], ensure_ascii=False)
        others = {k: v for k, v in row.items() if k not in COLUMNS}
        shaped["fields"] = json.dumps(others, ensure_ascii=False, default=str) if others else None
        return shaped

    def _flush(self) -> None:
        if self.buffer:
            self.writer.write_table(self.pa.Table.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self.writer.close()


def open_sink(path: str | None, fmt: str | None = None) -> JsonlSink | ParquetSink:
    """A sink for ``path`` (stdout when ``None``), Parquet when the name or ``fmt`` says so."""
    if fmt == "parquet" or (fmt is None and path and path.lower().endswith(".parquet")):
        if not path:
            raise ValueError("Parquet needs an output file: -o out.parquet")
        return ParquetSink(path)
    return JsonlSink(path)
