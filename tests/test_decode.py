"""Decoding is the same whatever is installed, and says what binary bytes are (issue 10)."""

import gzip
import io
import zipfile

import pytest

import dechaff
from dechaff.errors import DecodeError
from dechaff.stages.decode import decode, decode_bytes

FRENCH = "Le café de la place a rouvert après les travaux, a annoncé la mairie lundi."


def decoded(data):
    notes = []
    return decode_bytes(data, notes), notes


def test_windows_1252_is_read_as_such_whatever_detector_is_installed(monkeypatch):
    # with charset_normalizer installed, bs4 read these bytes as windows-1250 ("aprčs"):
    # a detector that says so must change nothing
    import bs4.dammit

    monkeypatch.setattr(bs4.dammit, "_chardet_dammit", lambda data: "windows-1250")
    text, notes = decoded(FRENCH.encode("cp1252"))
    assert text == FRENCH and notes == ["decoded as cp1252 (detected; not UTF-8)"]
    assert dechaff.clean(FRENCH.encode("cp1252"))[0].body == FRENCH


@pytest.mark.parametrize("text,encoding,detected", [
    ("政府は来年度の予算案を閣議決定した。総額は過去最大となる見通しだ。", "shift_jis", "cp932"),
    ("政府は来年度の予算案を閣議決定した。総額は過去最大となる見通しだ。", "euc_jp", "euc_jp"),
    ("国务院总理在会议上表示，今年经济发展的主要目标已经基本完成。", "gb18030", "gb18030"),
    ("行政院長在會議上表示，今年經濟發展的主要目標已經基本完成。", "big5", "big5hkscs"),
    ("정부는 내년도 예산안을 국무회의에서 의결했다고 밝혔다.", "euc_kr", "cp949"),
    ("The council met on Monday and voted to close the bridge.", "utf-16-le", "utf-16-le"),
    ("The council met on Monday and voted to close the bridge.", "utf-16-be", "utf-16-be"),
    ("The council met on Monday and voted to close the bridge.", "utf-32-le", "utf-32-le"),
    ("The council met on Monday and voted to close the bridge.", "utf-32-be", "utf-32-be"),
    ("政府は来年度の予算案を閣議決定した。", "utf-16-le", "utf-16-le"),
])
def test_legacy_and_wide_encodings_are_recognised_where_the_bytes_say_so(text, encoding, detected):
    # Shift-JIS came out as U+FFFD garbage, UTF-16 without a BOM was refused as binary
    assert decoded(text.encode(encoding)) == (text, [f"decoded as {detected} (detected; not UTF-8)"])


def test_a_declared_charset_is_used_when_the_bytes_fit_it():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Großstadt</p></body></html>'
    assert decoded(page.encode("latin-1"))[0] == page
    page = '<html><head><meta charset="shift_jis"></head><body><p>東京</p></body></html>'
    assert decoded(page.encode("shift_jis")) == (page, ["decoded as cp932 (detected; not UTF-8)"])


def zipped():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("story.txt", "The council met.")
    return buffer.getvalue()


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n", "a PDF document"),
    (gzip.compress(b"The council met."), "gzip-compressed data"),  # small: it came out as text
    (zipped(), "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
])
def test_binary_formats_are_refused_by_their_signatures(data, what):
    with pytest.raises(DecodeError) as exc:
        dechaff.clean(data)
    assert f"the bytes are {what}" in str(exc.value) and "extract the text" in str(exc.value)


def test_text_that_names_a_format_is_still_text():
    text = "Convert WEBP to PNG in seconds, the guide says.".encode("ascii")
    assert decoded(text)[0].startswith("Convert WEBP")
    assert decoded(b"ID3 tags hold a song's title.")[0].startswith("ID3 tags")


def test_lone_surrogates_are_replaced_and_flagged():
    text, notes = decode("The council met\ud800 on Monday \ud83d\ude00.", 10**6)
    assert text == "The council met\ufffd on Monday \U0001f600." and "surrogates" in notes[0]
    record = dechaff.clean("The council met\udc80 on Monday and voted.")[0]
    record.body.encode("utf-8")  # before: UnicodeEncodeError
    assert any("surrogates" in flag for flag in record.flags)
