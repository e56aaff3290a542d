"""What one line of text looks like, measured once: the features rules read to judge it.

A rule that asks "is this article prose?" looks at the same few things every time: how long
the line is, how many words it has, whether it ends like a sentence, how it is capitalised,
how much of it is digits, how many of its words are function words ("the", "de", "und"), and
a few shapes (a list marker, a "Label:" head, a URL). :func:`line` measures them all in one
pass and caches the result by the line's text, so every rule that asks pays once.

>>> f = line("The council voted on Monday to close the old bridge for repairs.")
>>> f.words, f.closed, f.prose, round(f.function_share, 2)
(12, True, True, 0.42)
>>> line("Photo: Reuters/File").label
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from .shapes import UNSPACED, UNSPACED_STOP, is_headline, unspaced_words, weight, word_count

#: Short words that carry grammar, not subject, in the languages dechaff reads most (en, es,
#: de, fr, pt, id, it, nl). Prose is thick with them (a third to a half of its words); menus,
#: labels, names and headlines have few.
FUNCTION_WORDS = frozenset("""
a an the of to in on at for with and or but nor is was are were be been being has have had
do does did that this these those it its he she they we you i his her their our your my him
them us not no as by from into than then so if when while who whom which what there here
will would can could should may might must said says also about after before over under
el la los las lo un una unos unas de del al y e o u en que por para con sin es son fue era
se su sus le les más pero como muy ya también hay está están sobre entre hasta desde
der die das den dem des ein eine einer eines einem und oder aber in im am zu zum zur von vom
mit ist sind war waren wird werden hat haben nicht auch als an auf für bei nach wie sich es
er sie wir ihr noch nur schon so dass um aus
le la les un une des du de et ou mais dans en au aux par pour sur avec sans est sont était
il elle ils elles on ce cette ces qui que ne pas plus se sa son ses leur leurs
o os as um uma uns umas do da dos das no na nos nas em e ou mas com sem por para que não
é são foi era seu sua seus suas ao aos pelo pela
yang dan di ke dari ini itu dengan untuk pada adalah tidak akan dalam juga atau oleh
sudah telah bisa karena saat tersebut ia mereka kami kita
il lo gli i di del della delle dei degli e che un una per con non è sono nel nella al alla
het een en van op dat te met voor niet zijn was aan bij ook maar om als
""".split())

#: Function words a sentence cannot end on ("of", "the", "and", "was"): a line ending on
#: one was cut, and goes on in the next.
DANGLING = frozenset("""
a an the of to in on at for with and or but nor is was are were be been has have had will
would can could should may might must that which who whose than as if when while by from
into his her their our your my its about after before over under between through against
without including via per like such
el la los las un una de del al y o en que por para con sin su sus sobre entre hasta desde
según como
der die das den dem des ein eine einer eines einem und oder zu zum zur von vom mit für auf
bei nach im am ist sind war wird hat dass aus über unter vor gegen ohne durch um wie wegen
laut seit bis zwischen rund etwa
le les une des du et ou dans pour sur avec par au aux sa son ses leur chez selon entre vers
contre
o os as um uma do da dos das em no na nos nas com pelo pela seu sua sobre até desde
yang dan di ke dari dengan untuk pada atau oleh
il lo gli della delle dei degli nel nella alla tra fra su
het een van op met voor
""".split())

_WORDS = regex.compile(r"\w+")
_WORDS_ASCII = re.compile(r"\w+")
#: A list item's marker: a bullet, a dash, or a number or letter with a stop or bracket.
_LIST_MARK = regex.compile(r"^(?:[•·・▪▫◦‣⁃●○■□►▶▸▲△◆◇❖➤✓✔*]|[-–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s"
                           r"|(?i:step|schritt|paso|étape|etapa|langkah|stap|passo|krok)\s+\d)")
#: "Label: rest": one to three words, then a colon (a full-width one in Chinese and Japanese).
_LABEL = regex.compile(r"^[^\w\n]{0,2}(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2})\s*[:：]\s*\S")
#: A clock time opening a line, as a live blog stamps its entries: "12:10 BST", "15h10",
#: "11.05", "9:42 a.m." (with a zone or "Uhr"), then the entry's text, two words at least
#: and not a length ("04:16 min").
_STAMP = regex.compile(r"^(?:[01]?\d|2[0-3])(?:[:h]|\.(?=\d\d\s))[0-5]\d(?:\s*(?:[ap]\.?m\.?|uhr|h|"
                       r"[A-Z]{2,4}T|GMT|UTC|BST|IST|WIB|CET|CEST))?\s*[-–—:|]?\s+"
                       r"(?!(?:min|mins|minutes?|sec|secs|seconds?|std|hrs?)\b)"
                       r"[\"“«‘'(]?[^\W\d][\w'’.,-]*\s+\S", regex.IGNORECASE)
_URL = regex.compile(r"https?://|www\.\w|\w\.(?:com|org|net|co\.uk|de|fr|es|in)\b")
_SEPARATORS = regex.compile(r"\s[|•·»›]\s|\s/\s")
_SEPARATOR_MARKS = frozenset("|•·»›/")
_URL_MARKS = ("://", "www.", ".com", ".org", ".net", ".co.", ".de", ".fr", ".es", ".in")
_OPEN_END = regex.compile(r"(?:\p{Ll}[\p{L}'’-]*|[,;–—-])\s*$")
_QUOTES = "\"“”‘’'«»„"
_CLOSERS = "\"”’»)]"
_TERMINAL = (".", "!", "?", *UNSPACED_STOP)


class Line(NamedTuple):
    """The measurements of one line (see the module's docstring)."""

    text: str
    chars: int
    #: Words as ``\\w+`` runs; in Chinese, Japanese or Thai, every two characters.
    words: int
    #: Does the line end like a sentence (., !, ?, 。, with any closing quote)? A trailing
    #: "..." or "…" is a teaser's cut, not a sentence's end.
    closed: bool
    #: Does it end open: on a word in small letters, a comma or a dash (a sentence cut off)?
    open_end: bool
    #: Does it end on a comma, a dash or a function word ("of", "the", "und"), so that the
    #: sentence must go on?
    dangling: bool
    #: Does it start in small letters or on punctuation that continues a sentence?
    opens_lower: bool
    #: Share of its words that are function words (0 for unspaced scripts).
    function_share: float
    #: Share of its letters in capitals, and of its words that start with a capital.
    caps_share: float
    title_share: float
    #: Share of its characters that are digits.
    digit_share: float
    #: Article prose, as :func:`~dechaff.shapes.weight` judges it.
    prose: bool
    #: Shaped like a headline (:func:`~dechaff.shapes.is_headline`).
    headline: bool
    #: A list item's marker opens it ("•", "1.", "a)", "Step 2").
    listed: bool
    #: It opens with "Label:" (one to three words and a colon).
    label: bool
    #: It ends with a colon: it introduces what follows.
    intro: bool
    #: It opens with a clock time, then text: a live blog's entry ("12:10 BST Roads shut").
    stamped: bool
    #: How many "|" it holds: a row of a table flattened to a line has one between cells.
    pipes: int
    question: bool
    #: It holds a web address, and how many " | ", " • ", " / " separators.
    url: bool
    separators: int
    #: Wrapped in brackets, "(AP)"; opens with a quotation mark.
    bracketed: bool
    quoted: bool
    #: Written in a script without spaces (Chinese, Japanese, Thai).
    unspaced: bool


def _has_url(text: str) -> bool:
    """A web address in ``text`` (a cheap look for its marks first)."""
    return any(mark in text for mark in _URL_MARKS) and _URL.search(text) is not None


@lru_cache(maxsize=32768)
def line(text: str) -> Line:
    """The features of ``text`` (one line, already stripped), cached by its text.

    >>> line("1. Preheat the oven").listed
    True
    >>> line("the rest of the sentence goes on,").open_end
    True
    >>> line("ショートカットの欄を空欄にしただけでは、起動しなくなるだけです。").unspaced
    True
    """
    text = text.strip()
    words, prose = weight(text)
    tokens = (_WORDS_ASCII if text.isascii() else _WORDS).findall(text)
    spaced = word_count(text)
    if not text.isascii() and words == spaced:  # a short line in an unspaced script
        chars = len(UNSPACED.findall(text))
        if chars * 2 >= len(text):
            words = max(words, unspaced_words(text, chars))
    unspaced = words > spaced
    # (counted with str's own methods, mapped: a paragraph has thousands of characters)
    letters = sum(map(str.isalpha, text))
    upper = sum(map(str.isupper, text))
    capital = sum(1 for t in tokens if t[:1].isupper())
    function = sum(map(FUNCTION_WORDS.__contains__, map(str.lower, tokens)))
    digits = sum(map(str.isdigit, text))
    bare = text.rstrip(_CLOSERS)
    first = text.lstrip(_QUOTES + "([ ")[:1]
    return Line(
        text=text,
        chars=len(text),
        words=words,
        closed=bare.endswith(_TERMINAL) and not bare.endswith(("..", "…")),
        open_end=_OPEN_END.search(text, max(0, len(text) - 60)) is not None,
        dangling=text[-1:] in ",;–—-" or bool(tokens) and tokens[-1] in DANGLING
        and text[-1:].isalnum(),
        opens_lower=(first.islower() or text[:1] in ",;:)]…") if text else False,
        function_share=0.0 if unspaced or not tokens else function / len(tokens),
        caps_share=upper / letters if letters else 0.0,
        title_share=capital / len(tokens) if tokens else 0.0,
        digit_share=digits / len(text) if text else 0.0,
        prose=prose,
        headline=is_headline(text),
        listed=_LIST_MARK.match(text) is not None,
        label=_LABEL.match(text) is not None,
        intro=text.endswith((":", "：")),
        stamped=text[:1].isdigit() and _STAMP.match(text) is not None,
        pipes=text.count("|"),
        question=bare.endswith(("?", "？")),
        url=_has_url(text),
        separators=len(_SEPARATORS.findall(text)) if _SEPARATOR_MARKS.intersection(text) else 0,
        bracketed=text[:1] in "([" and text[-1:] in ")]",
        quoted=text[:1] in _QUOTES,
        unspaced=unspaced,
    )
