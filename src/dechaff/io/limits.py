"""Reading limits: how much one line, one document and one compressed file may hold.

A hostile or broken input (a line of a gigabyte, a gzip "bomb" of zeros) must cost an error
row, not the run or the machine's memory. Every limit has a default and a command-line flag;
going over one gives an error naming both. Compressed inputs are read through a
:class:`Meter`, which counts what comes out as it streams and stops a file whose size or
ratio is past its limit, so nothing is ever held whole.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import IO

from ..errors import LimitError

MiB = 1 << 20
GiB = 1 << 30


@dataclass(frozen=True)
class Limits:
    """Limits of one run's reading. ``Limits(line_bytes=...)`` overrides one.

    - ``line_bytes``: bytes of one JSON Lines line (``--max-line-bytes``).
    - ``document_bytes``: bytes of one document's text: a text or HTML file, a WARC record,
      a JSON Lines or Parquet text field (``--max-document-bytes``).
    - ``file_bytes``: bytes decompressed from one compressed file (``--max-file-bytes``).
    - ``ratio``: decompressed bytes per compressed byte of one file, judged once
      ``ratio_after`` bytes have come out (``--max-ratio``); text seldom packs past 20.
    """

    line_bytes: int = 64 * MiB
    document_bytes: int = 32 * MiB
    file_bytes: int = 16 * GiB
    ratio: float = 100.0
    ratio_after: int = 16 * MiB

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0:
                raise ValueError(f"limit {f.name} must be positive, not {getattr(self, f.name)}")


#: Each limit's command-line flag and what it bounds, for the CLI, messages and the docs.
FLAGS = {"line_bytes": ("--max-line-bytes", "one JSON Lines line"),
         "document_bytes": ("--max-document-bytes",
                            "one document's text (a file, a WARC record, a text field)"),
         "file_bytes": ("--max-file-bytes", "the data decompressed from one file"),
         "ratio": ("--max-ratio", "decompressed bytes per compressed byte of one file, "
                   "judged once 16 MiB have come out")}


def table() -> str:
    """The limits as the Markdown table of ``docs/corpora.md``."""
    defaults = Limits()
    lines = ["| limit | flag | default | what it bounds |", "| --- | --- | --- | --- |"]
    for name, (flag, what) in FLAGS.items():
        lines.append(f"| `{name}` | `{flag}` | {_size(getattr(defaults, name))} | {what} |")
    return "\n".join(lines) + "\n"


def _size(value: float) -> str:
    for unit, size in (("GiB", GiB), ("MiB", MiB)):
        if value >= size and value % size == 0:
            return f"{int(value // size)} {unit}"
    return f"{value:,g}"


def over(limit: str, value: float, what: str) -> LimitError:
    """The error for ``what`` going over ``limit`` (a :class:`Limits` field name)."""
    flag = FLAGS[limit][0]
    return LimitError(f"{what} is over the limit of {value:,g} "
                      f"{'' if limit == 'ratio' else 'bytes '}({flag}); "
                      f"raise it with {flag} N if the input is sound")


class Meter:
    """A decompressed stream that counts its bytes and stops past the file limits.

    ``packed`` is the compressed file underneath, whose position says how much was read.
    """

    def __init__(self, stream: IO[bytes], packed: IO[bytes], limits: Limits) -> None:
        self.stream, self.packed, self.limits = stream, packed, limits
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        return self._counted(self.stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._counted(self.stream.readline(size))

    def _counted(self, data: bytes) -> bytes:
        self.count += len(data)
        limits = self.limits
        if self.count > limits.file_bytes:
            raise over("file_bytes", limits.file_bytes, "the decompressed data")
        if self.count > limits.ratio_after:
            ratio = self.count / max(self.packed.tell(), 1)
            if ratio > limits.ratio:
                raise over("ratio", limits.ratio,
                           f"the compression ratio ({ratio:,.0f} to 1, a decompression bomb?)")
        return data

    def close(self) -> None:
        try:
            self.stream.close()
        finally:
            self.packed.close()

    def __enter__(self) -> "Meter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
