"""The shapes of text that structure decisions rest on: a headline, a body paragraph.

Kept in one place so the splitter and the structure rules agree on what they see.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

_WORD = regex.compile(r"\w+")
_WORD_ASCII = re.compile(r"\w+")
_SENTENCE = regex.compile(r"\S.*?(?:[.!?…]+[\"”’»)\]]*(?=\s|$)|$)", regex.DOTALL)
_INNER_STOP = regex.compile(r"\w[.!?][\"”’)]?\s+\p{Lu}")
_END_TERMINAL = (".", "!", "?", "…", ".\"", ".”", "!”", "?”", ".’", ".)")
#: Scripts written without spaces between words, where a line's words are its characters.
# Han, Hiragana, Katakana and Thai, as code point ranges: a class the standard library's
# engine scans for quickly.
UNSPACED = re.compile("[\u0e00-\u0e7f\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b"
                       "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                       "\uff66-\uff9f\U00020000-\U0003134f]")
#: How a sentence ends in Chinese or Japanese.
UNSPACED_STOP = ("。", "！", "？", "」", "）", "』")
#: Thai letters (with their vowel and tone marks): a Thai word is about four of them.
THAI = re.compile("[\u0e00-\u0e7f]")


def unspaced_words(text: str, chars: int) -> int:
    """How many words ``chars`` characters of an unspaced script make: every two of Chinese
    or Japanese, every four of Thai (its vowels and tone marks are characters of their
    own, and it spaces its phrases, not its words)."""
    thai = len(THAI.findall(text)) if "\u0e00" <= max(text) else 0
    return (chars - thai) // 2 + thai // 4


@lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    # the standard library's engine is quicker, and agrees with ``regex`` on ASCII text
    return len((_WORD_ASCII if text.isascii() else _WORD).findall(text))


@lru_cache(maxsize=16384)
def is_body(text: str) -> bool:
    """A paragraph of article text rather than a label, a headline or a menu item.

    >>> is_body("A spokeswoman for the mayor declined to comment on the report.")
    True
    >>> is_body("Got a news tip?")
    False
    >>> is_body("La subida del alquiler empuja a los jóvenes a compartir piso hasta los 35 años")
    False
    """
    words = word_count(text)
    stripped = text.rstrip()
    if words < 12 and stripped.endswith(("?", "!", "?”", "!”")):
        return False  # a short question or exclamation standing alone is a headline
    if words >= 25 or (words >= 6 and stripped.endswith(_END_TERMINAL)):
        return True
    return words >= 12 and _INNER_STOP.search(text) is not None


@lru_cache(maxsize=16384)
def weight(text: str) -> tuple[int, bool]:
    """A line's words, and whether it is a paragraph (:func:`is_body`); in Chinese or
    Japanese, where words are not spaced, every two characters count as a word (in Thai,
    every four: :func:`unspaced_words`), and a line of 25 such words, or of five or more
    closed by 。 (or ！, ？, 」), is a paragraph. Thai has no full stop: only length tells.

    >>> weight("The council met on Monday and voted to close the old bridge.")
    (12, True)
    >>> weight("ショートカットの欄を空欄にしただけでは、起動しなくなるだけです。")
    (15, True)
    >>> weight("これが非常に困ったもの。")
    (5, True)
    >>> weight("ソフトウェア一般")
    (4, False)
    >>> weight("เชียงใหม่เตรียมจัดงานประเพณี ปล่อยโคมได้เฉพาะจุดที่กำหนด")[1]
    False
    """
    words = word_count(text)
    unspaced = len(UNSPACED.findall(text)) if not text.isascii() else 0
    if unspaced >= 8:
        words = max(words, unspaced_words(text, unspaced))
        return words, words >= 25 or (words >= 5 and text.rstrip().endswith(UNSPACED_STOP))
    return words, is_body(text)


@lru_cache(maxsize=16384)
def is_headline(text: str) -> bool:
    """Short, capitalised, not closed like a sentence: how headlines and labels look.

    >>> is_headline("China seeks to influence US elections, says Blinken")
    True
    >>> is_headline("(With contributions from ANI)")
    False
    >>> is_headline("東北新幹線、強風で一時運転見合わせ")
    True
    >>> is_headline("وزارة التربية تعلن جدول امتحانات الثانوية العامة")
    True
    """
    text = text.strip()
    first = text[:1]
    if not text or not (first.isupper() or first.isdigit() or first in "“\"‘'¿¡「『【"
                        or (not first.isascii() and first.isalpha() and not first.islower())):
        return False  # (Arabic, Hindi, Chinese, Japanese, Thai: letters with no capitals)
    if text.endswith((".", ",", ";", ":", ")", "…", "।", "،", "؛")) or len(text) > 400:
        return False  # closed like a sentence, or far too long for 30 words
    return 1 <= word_count(text) <= 30


def in_quotation(text: str, pos: int, line_start: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier on its line? Quoted noise is the story's.

    >>> in_quotation('He read “Log in now” aloud.', 9, 0)
    True
    """
    before = text[line_start:pos]
    if before.count("“") > before.count("”") or before.count("«") > before.count("»"):
        return True
    return before.count('"') % 2 == 1


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]``, roughly: enough to cut a promo."""
    return [m.span() for m in _SENTENCE.finditer(text, start, len(text) if end is None else end)]
