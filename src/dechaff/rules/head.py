"""The head: what stands between an article's headline and its first paragraph.

There sit bylines, agency lines, timestamps, read times, update lines, photo credits and
captions, in any order and any wording ("By Jane Roe, Staff Writer", "AGENCY | Updated: 14
March 2025, 9:12 pm IST", "4 min read", "Photo: Reuters/File"). The zone is read as a region
of its own: a byline goes to ``authors``, a date to ``published``, and the rest goes unless
it reads as prose. The headline itself is found by evidence too: the headline-shaped line
whose words the lede takes up (see :func:`headline_by_lede`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

import regex

from ..dates import find_date, parse_date
from ..features import line
from ..shapes import UNSPACED
from .base import ArticleRule, Proposal, keep, remove
from .split import keys
from .evidence import Reading, describe, rating
from ..patterns import AGENCIES, BYLINE_LABEL, NAME_JOIN
from .registry import register

#: Words that name a writer's job beside the writer's name ("Jane Roe, Staff Writer").
_ROLE = regex.compile(
    r"(?i:\b(?:staff|senior|chief|political|foreign|special|deputy|contributing)?\s*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|redakteur(?:in)?"
    r"|korrespondent(?:in)?|autor(?:in)?|periodista|corresponsal|redactor[a]?|rédact(?:eur|rice)"
    r"|journaliste|jornalista|repórter|wartawan|penulis|kontributor)s?\b)")
_LABELLED = regex.compile(rf"^[^\w\n]{{0,2}}(?i:{BYLINE_LABEL}|words by|text|author|autor|autora"
                          rf"|reporter|reporting by|redaktion)\s*[:|]?\s+")
_AGENCY = regex.compile(rf"^(?:{AGENCIES}|[A-Z]{{2,6}})$")
#: One name: two to four capitalised words (particles allowed), or a single capitalised
#: word only where a label says it is a name.
_NAME = regex.compile(r"^\p{Lu}[\p{L}'’.\-]+(?:\s+(?:(?:de|da|do|dos|van|von|der|den|del|la|le|"
                      r"bin|binti|al|el)\s+)?\p{Lu}[\p{L}'’.\-]*){1,3}$")
_PARTS = regex.compile(r"\s+[|•·/]\s+|\s+[—–-]\s+|,\s+|\s*\|\s*")
_RELATIVE = regex.compile(r"(?i)\b(?:ago|hace|vor|il y a|há|yang lalu|lalu)\b|\d+\s*(?:min|mins|"
                          r"minutes?|hours?|hrs?|stunden?|minuten?|horas?|heures?|menit|jam)\b")


def _name(part: str) -> bool:
    part = part.strip(" .:")
    return bool(_NAME.match(part)) and not any(c.isdigit() for c in part) and len(part) <= 40


def byline_names(text: str) -> list[str] | None:
    """The writers a byline names, or ``None`` when the line is no byline.

    A byline is a name (two to four capitalised words) with the evidence of one beside it:
    a label ("By", "Von", "Reporter:"), a job ("Staff Writer"), a date or an agency.

    >>> byline_names("Jane Roe, Chief Reporter")
    ['Jane Roe']
    >>> byline_names("Von Jonas Weber | 05.03.2025, 14:30 Uhr")
    ['Jonas Weber']
    >>> byline_names("Reporter: Dewi Lestari | Editor: Budi Santoso")
    ['Dewi Lestari']
    >>> byline_names("Harbour United climb to second") is None
    True
    """
    text = text.strip()
    if len(text) > 160 or line(text).closed and not text.endswith(("Uhr", "h")):
        return None
    label = _LABELLED.match(text)
    rest = text[label.end():] if label else text
    parts = [p for p in _PARTS.split(rest) if p and p.strip()]
    if not parts:
        return None
    evidence = bool(label)
    names: list[str] = []
    for n, part in enumerate(parts):
        part = part.strip()
        if _ROLE.search(part) or find_date(part) is not None or _AGENCY.match(part):
            evidence = True
            if _ROLE.search(part) and n == 0 and not label:
                return None  # "Staff Writer" first: a role, then whatever
            continue
        joined = [p.strip() for p in regex.split(NAME_JOIN, part) if p.strip()]
        if joined and all(_name(p) for p in joined) and (not names or n == len(names)):
            names.extend(p.strip(" .:") for p in joined)
        elif n == 0:
            return None  # a byline opens with its names
        else:
            break
    if not names and label and parts and _AGENCY.match(parts[0].strip()):
        names = [parts[0].strip()]
    return names if names and evidence else None


def names_alone(text: str) -> list[str] | None:
    """The names a line holds when it is nothing but names ("Jane Roe and John Doe"): a
    byline when a date stands on the line beside it.

    >>> names_alone("Jane Roe and John Doe")
    ['Jane Roe', 'John Doe']
    >>> names_alone("Harbour United climb to second") is None
    True
    >>> names_alone("PA Media") is None
    True
    """
    if _AGENCY.match(text.strip()):
        return None  # "Associated Press", "PA Media": an agency line, not a writer
    parts = [p.strip() for p in regex.split(NAME_JOIN, text.strip()) if p.strip()]
    return parts if parts and len(parts) <= 4 and all(_name(p) for p in parts) else None


def head_date(text: str) -> str | None:
    """The date of a line that is a date and its labels ("Updated: 14 March 2025, 9:12 pm
    IST", "Kamis, 9 Oktober 2025 07:05 WIB"): few words beside the date.

    >>> head_date("PTI | Updated: 14 March 2025, 9:12 pm IST")
    '2025-03-14T21:12:00+05:30'
    >>> head_date("The talks on 14 March 2025 ended without a deal, the envoy said.") is None
    True
    """
    match = find_date(text)
    if match is None:
        return None
    rest = text[:match.start()] + " " + text[match.end():]
    return parse_date(text) if line(rest.strip() or "-").words <= 8 else None


def _unspaced(text: str) -> bool:
    """Is ``text`` written mostly in Chinese, Japanese or Thai?"""
    return not text.isascii() and len(UNSPACED.findall(text)) * 2 >= len(text)


@lru_cache(maxsize=4096)  # (a document's lines, read by several rules; little kept)
def terms(text: str) -> frozenset[str]:
    """What a headline and a lede share: key words, or in Chinese, Japanese and Thai, pairs
    of characters. (Cached, as :func:`~dechaff.rules.split.keys` is: the page and head
    rules read the same lines.)"""
    if _unspaced(text):
        chars = "".join(UNSPACED.findall(text))
        return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))
    return keys(text)


def headline_by_lede(candidates: Sequence, lede: str):
    """The candidate (a piece) whose words the lede takes up most, or ``None``.

    A site's name, a navigation bar, a ticker ("Breaking: ..."), a promo or a date line
    shares no words with the story; the headline shares several. A candidate needs two
    words in common and a quarter of its words; the first line sharing half its words or
    more wins (a standfirst or a score line under the headline repeats the lede's words
    more closely), else the best share, then the most words shared, then the line nearer
    the lede. In Chinese, Japanese and Thai, among the lines
    sharing half their pairs of characters, the one sharing most wins (a section's name,
    one word of the story, shares all of its pairs).
    """
    lede_terms = terms(lede)
    best, best_key = None, None
    for order, piece in enumerate(candidates):
        words = terms(piece.text)
        if not words:
            continue
        shared = len(words & lede_terms)
        share = shared / len(words)
        if shared < 2 or share < 0.25:
            continue
        # (in Chinese, Japanese or Thai, where the terms are pairs of characters, a one-word
        # line, a section's name, shares all of its pairs by chance: among the lines that
        # share half their pairs, the one that shares most wins)
        most = shared if share >= 0.5 and _unspaced(piece.text) else 0
        # (of the lines the lede takes up by half or more, the first is the headline: a
        # standfirst or a score line under it repeats the lede's words more closely)
        key = (most, 1, 0.0, 0, -order) if share >= 0.5 else (most, 0, round(share, 2), shared, order)
        if best_key is None or key > best_key:
            best, best_key = piece, key
    return best


#: What joins a headline to its site's name: "Headline | Site", "Headline - The Ledger".
_SITE_SEP = regex.compile(r"\s+(?:[|•·»]|::|-|–|—)\s+")


def strip_site(title: str, lede: str) -> str:
    """The headline without a site's name before or after it ("... - The Daily Ledger",
    "Wire | ..."): a short part the lede does not take up, beside a longer one.

    >>> strip_site("Ferry fares rise in March - The Daily Ledger", "Ferry fares will rise in March.")
    'Ferry fares rise in March'
    >>> strip_site("Ferry fares rise - and so do taxes", "Ferry fares rise and so do taxes.")
    'Ferry fares rise - and so do taxes'
    """
    parts = _SITE_SEP.split(title)
    if len(parts) < 2:
        return title
    lede_terms = terms(lede)
    for side in (-1, 0):
        part = parts[side]
        others = parts[:-1] if side == -1 else parts[1:]
        rest = title[:title.rfind(part) - 1].rstrip(" |•·»:-–—") if side == -1 else \
            title[len(part):].lstrip(" |•·»:-–—")
        if (len(part.split()) <= 4 and len(rest.split()) >= 3 and not (terms(part) & lede_terms)
                and (part[:1].isupper() or part[:1].isdigit() or "." in part) and others):
            return rest
    return title


@register
class HeadZone(ArticleRule):
    """The lines between an article's headline and its first paragraph: its head.

    **What it does:** every line above the first paragraph (the lines above the headline have
    gone with ``structure.title``) is judged as a line of the head. A byline (a name with a
    label, a job, a date or an agency beside it: "By Jane Roe, Staff Writer", "Jonas Weber |
    05.03.2025", "Reporter: Dewi Lestari") gives ``authors``; a line that is a date and a
    few labels ("Updated: 14 March 2025, 9:12 pm IST", "Thu, 9 October 2025 7:05 AM")
    gives ``published``, the first one in the article; a line of names alone is a byline
    when a date line stands next to it. Both leave the body. So does every
    other line that does not read as prose (a read time, a photo credit, a share bar, a
    caption's credit), with its reason: "not article text: 3 words, no sentence end,
    between the byline and the first paragraph". A dateline standing alone ("Berlin.",
    "BAAR, SWITZERLAND") stays.

    **Why:** the head holds the article's fields and the page's furniture, in every order
    and wording; what is neither a field nor prose is not the article.

    **Known problems:** a standfirst that is not written as a sentence (no full stop) goes
    with the furniture; a list that opens the article before any paragraph goes too; a
    name alone ("Jane Roe") with no label, job or date beside it or next to it is no
    byline. On a whole web page the page rule drops the head with the page's chrome (it
    keeps the headline), and HTML pages have their metadata: this rule reads the
    articles of plain-text scrapes.
    """

    code = "EV01"
    name = "evidence.head"
    groups = ("evidence", "fields", "structure")
    description = "The head between headline and first paragraph: bylines to authors, dates to published, the rest unless prose."
    on_pages = False
    examples = (
        remove("Council tax to rise by 4.9 per cent\n\nJane Roe, Chief Reporter\n\n"
               "Thu, 9 October 2025 7:05 AM\n\nImage: Getty\n\n4 min read\n\n"
               "Households will pay almost five per cent more in council tax from April.",
               "Jane Roe", "Image: Getty", "4 min read", authors=["Jane Roe"],
               published="2025-10-09T07:05:00"),
        remove("Bakery chain to open 12 shops\n\nAGENCY | Updated: 14 March 2025, 9:12 pm IST\n\n"
               "The bakery chain said on Friday it would open 12 shops in northern towns.",
               "AGENCY | Updated", published="2025-03-14T21:12:00+05:30"),
        remove("Bakery chain to open 12 shops\n\nAna Ruiz\n\n14 March 2025\n\nThe bakery chain said "
               "on Friday it would open 12 shops in northern towns.", "Ana Ruiz", authors=["Ana Ruiz"],
               published="2025-03-14"),
        keep("Bakery chain to open 12 shops\n\nBerlin.\n\nThe bakery chain said on Friday it "
             "would open 12 shops in northern towns.", "Berlin."),
        keep("Bakery chain to open 12 shops\n\nThe chain's first shop opened in 1952 in the "
             "old market hall.\n\nThe bakery chain said on Friday it would open 12 shops.",
             "The chain's first shop opened in 1952"),
    )

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        reading = Reading(pieces)
        if reading.first is None:
            return
        above = "the headline" if pieces[0].block > 0 else "the top"
        dates = [head_date(p.text) for p in pieces[:reading.first]]
        for i in range(reading.first):
            piece, f = pieces[i], reading.lines[i]
            date = dates[i]
            names = byline_names(piece.text)
            if names is None and not date and any(dates[j] for j in (i - 1, i + 1)
                                                  if 0 <= j < len(dates)):
                names = names_alone(piece.text)  # a name, and a date on the next line
            if names:
                if date:
                    yield self.move(piece.start, piece.end, "published", date, keep=True)
                yield self.move(piece.start, piece.end, "authors", names)
                above = "the byline"
            elif date:
                yield self.move(piece.start, piece.end, "published", date)
                above = "the date"
            elif not self._stays(reading, i):
                yield self.drop(piece.start, piece.end, reason=f"not article text: "
                                f"{describe(f)}, between {above} and the first paragraph")

    @staticmethod
    def _stays(reading: Reading, i: int) -> bool:
        """A short sentence; a dateline alone on its line, right above the first paragraph;
        the items of a list a line of the head introduces."""
        f = reading.lines[i]
        if f.closed and f.words >= 3 and not f.label:
            return True  # a short sentence: prose
        if rating(f):
            return True  # a review's stars ("★★★★☆")
        if i == reading.first - 1 and f.words <= 3 and (
                (f.closed and f.text.endswith(".")) or (f.caps_share > 0.9 and "," in f.text)):
            return True
        return any(reading.lines[j].intro and reading.lines[j].words >= 3 for j in range(i + 1))
