"""Decode: bytes or str in, text out, or a clear error that says what to do.

Bytes are decoded from a byte-order mark, then as UTF-8, then by what bs4's ``UnicodeDammit``
detects (a declared or guessed encoding). Data that decodes but is mostly control characters
is binary, not a scrape, and is refused rather than cleaned into garbage.
"""

from __future__ import annotations

import codecs
import logging

from bs4.dammit import UnicodeDammit

from ..errors import DecodeError, InputError, InputTooLargeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Share of control characters (other than tab, newline, carriage return, form feed) in the
#: first 8 KB above which decoded bytes are taken for binary data.
BINARY_SHARE = 0.10


def decode(source: object, max_chars: int) -> tuple[str, list[str]]:
    """Turn ``source`` into text, refusing what cannot be a scrape.

    Also returns notes on how bytes were decoded when it was not plain UTF-8, for the
    records' ``flags``: a guessed encoding, or bytes replaced because nothing fitted.
    """
    notes: list[str] = []
    if isinstance(source, str):
        text = source
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > 4 * max_chars:
            raise InputTooLargeError(too_large(len(data) // 4, max_chars))
        text = decode_bytes(data, notes)
    else:
        raise InputError(
            f"clean() takes str or bytes, not {type(source).__name__}; "
            "pass the text, or the file's bytes (open(path, 'rb').read())"
        )
    if len(text) > max_chars:
        raise InputTooLargeError(too_large(len(text), max_chars))
    return text, notes


def too_large(size: int, limit: int) -> str:
    return (f"input of {size:,} characters is over the limit of {limit:,}; "
            "split it, or raise Config.max_chars")


def decode_bytes(data: bytes, notes: list[str] | None = None) -> str:
    """Decode bytes by BOM, UTF-8, or detection; raise :class:`DecodeError` on binary data."""
    notes = [] if notes is None else notes
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"bytes start with a {encoding} byte-order mark but do not "
                                  f"decode as {encoding}: {exc.reason}") from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            log = logging.getLogger("bs4.dammit")
            level = log.level
            log.setLevel(logging.ERROR)  # its warning becomes a note on the records instead
            try:
                dammit = UnicodeDammit(data, is_html=b"<" in data[:4096])
            finally:
                log.setLevel(level)
            if dammit.unicode_markup is None:
                raise DecodeError("could not detect the encoding of the input bytes; "
                                  "decode them yourself and pass a str") from None
            text = dammit.unicode_markup
            notes.append(f"decoded as {dammit.original_encoding} (detected; not UTF-8)")
            if dammit.contains_replacement_characters:
                notes.append("some bytes fitted no encoding and became U+FFFD")
    if looks_binary(text):
        raise DecodeError("input looks like binary data, not text (too many control "
                          "characters); pass the scrape's text")
    return text


def looks_binary(text: str) -> bool:
    head = text[:8192]
    if not head:
        return False
    controls = sum(1 for ch in head if ch < " " and ch not in "\t\n\r\f")
    return controls / len(head) > BINARY_SHARE
