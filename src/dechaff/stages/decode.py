"""Decode: bytes or str in, text out, or a clear error that says what to do.

Bytes are read in one fixed order, whatever else is installed (no optional detector is
consulted, so the same bytes always give the same text):

1. a binary format's signature (PDF, gzip, ZIP, images...): refused, saying what the bytes are;
2. a byte-order mark;
3. UTF-32 or UTF-16 without a mark, where the zero bytes say so (ASCII in UTF-16 has a zero
   in every other byte);
4. UTF-8;
5. the charset an HTML or XML document declares, if the bytes decode in it;
6. Shift-JIS, EUC-JP, GB18030, Big5, EUC-KR or UTF-16, where one of them turns the bytes
   into that language's common characters (a third of them or more; read in the wrong one,
   the same bytes give rare characters in no order);
7. windows-1252, what browsers read an unlabelled Western page as (the five bytes it leaves
   undefined become U+FFFD, and the records say so).

Text that decodes but is mostly control characters is binary, not a scrape, and is refused.
In a ``str``, lone surrogates (half of a UTF-16 pair, which no encoding can write) become
U+FFFD, and the records say so.
"""

from __future__ import annotations

import codecs
import re

from ..errors import DecodeError, InputError, InputTooLargeError
from .charsets import BROWSER_NAMES, COMMON, DECLARED, LANGUAGE_OF, SIGNATURES

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
#: How much of the bytes the detection reads.
SAMPLE = 16384
#: The legacy encodings tried on bytes that are not UTF-8, in order (a tie goes to the first).
LEGACY = ("cp932", "euc_jp", "gb18030", "big5hkscs", "cp949", "utf-16-le", "utf-16-be")
#: The share of a decoding's non-ASCII characters that must be its language's common ones.
COMMON_SHARE = 0.33
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def decode(source: object, max_chars: int) -> tuple[str, list[str]]:
    """Turn ``source`` into text, refusing what cannot be a scrape.

    Also returns notes on how bytes were decoded when it was not plain UTF-8, for the
    records' ``flags``: a guessed encoding, or bytes replaced because nothing fitted.
    """
    notes: list[str] = []
    if isinstance(source, str):
        text = replace_surrogates(source, notes)
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
    """Decode bytes in the order above; raise :class:`DecodeError` on binary data."""
    notes = [] if notes is None else notes
    for signature, what in SIGNATURES:
        if signature.match(data):
            raise DecodeError(f"the bytes are {what}, not text: extract the text first "
                              "(or pass the file a scrape was saved in)")
    text = _by_bom(data)
    if text is None:
        encoding = _wide(data)
        if encoding is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                encoding = _declared(data) or _legacy(data) or "cp1252"
        if text is None:
            text = data.decode(encoding, errors="replace")
            notes.append(f"decoded as {encoding} (detected; not UTF-8)")
            if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
                notes.append("some bytes fitted no encoding and became U+FFFD")
    if looks_binary(text):
        raise DecodeError("input looks like binary data, not text (too many control "
                          "characters); pass the scrape's text")
    return text


def _by_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"bytes start with a {encoding} byte-order mark but do not "
                                  f"decode as {encoding}: {exc.reason}") from None
    return None


def _wide(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without a byte-order mark, where the zero bytes say so: one of the
    two (or four) byte places nearly always zero, the others nearly never."""
    sample = data[:SAMPLE]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for width, encodings in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        size = len(sample) // width * width
        if len(data) % width or not size:
            continue
        zeros = [sample[i:size:width].count(0) / (size // width) for i in range(width)]
        high = (zeros[-1] >= 0.9 and zeros[0] < 0.1, zeros[0] >= 0.9 and zeros[-1] < 0.1)
        for encoding, fits in zip(encodings, high):
            if fits and _decodes(data, encoding):
                return encoding
    return None


def _declared(data: bytes) -> str | None:
    """The charset an HTML or XML document declares, read as browsers read it, if the bytes
    decode in it."""
    found = DECLARED.search(data[:4096])
    if found is None:
        return None
    try:
        name = codecs.lookup((found.group(1) or found.group(2)).decode("ascii")).name
    except LookupError:
        return None
    encoding = BROWSER_NAMES.get(name, name)
    if encoding.startswith(("utf-16", "utf-32", "utf-8")):
        return None  # bytes that are not UTF-8 do not declare UTF-8; UTF-16 cannot declare
    return encoding if _decodes(data, encoding) else None


def _legacy(data: bytes) -> str | None:
    """The legacy encoding that reads the bytes as its language's common characters."""
    best, best_share = None, COMMON_SHARE
    for encoding in LEGACY:
        text = _decode_sample(data, encoding)
        if text is None:
            continue
        wide = [ch for ch in text if ch > "\x7f" and not ch.isspace()]
        if len(wide) < 2:
            continue
        languages = [LANGUAGE_OF[encoding]] if encoding in LANGUAGE_OF else list(COMMON)
        share = max(sum(ch in COMMON[lang] for ch in wide) / len(wide) for lang in languages)
        if share > best_share:
            best, best_share = encoding, share
    return best


def _decode_sample(data: bytes, encoding: str) -> str | None:
    """The first bytes decoded strictly (a character cut at the sample's end left out)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        return decoder.decode(data[:SAMPLE], final=len(data) <= SAMPLE)
    except UnicodeDecodeError:
        return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def replace_surrogates(text: str, notes: list[str]) -> str:
    """Lone surrogates (which no encoding can write) as U+FFFD; a pair of them, as the
    character they stand for."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    notes.append("lone surrogates (half of a UTF-16 pair) became U+FFFD")
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def looks_binary(text: str) -> bool:
    """Is ``text`` mostly control characters (C0, DEL, C1) and U+FFFD in its first 8 KB?"""
    head = text[:8192]
    if not head:
        return False
    return len(_CONTROL.findall(head)) / len(head) > BINARY_SHARE
