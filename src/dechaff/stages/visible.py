"""What a reader sees of an article's metadata: its headline, byline and date on the page.

Markup can be missing or wrong (a search-engine variant of the headline, the site as the
author, no date at all); the page as laid out for people rarely is. This module reads, from
the parsed page:

- the **headline**: the heading above the article's first paragraph that agrees with what
  the markup calls the title, else the ``<h1>`` there, never the site's name that a blog sets
  in its own ``<h1>``;
- the **byline**: elements named for the author (``rel=author``, ``itemprop=author``, a class
  or id with author or byline in it), nearest the headline;
- the **date**: a ``<time datetime>``, then a date written out in an element named for dates
  or standing just by the headline, in any language :mod:`dechaff.dates` knows;
  a date the page calls an update only when it has no other;
- the **URL**'s date, as a last resort.

Whatever sits in a comment section, a list of related stories or a sidebar is never read:
those dates and names belong to other texts.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..dates import parse_date
from ..elements import describe, element_text, tokens
from .names import is_site, people, tidy

#: A paragraph this long is the lede: the headline stands above it.
LEDE_CHARS = 150
#: Metadata lines are short; a longer text is prose that mentions a name or a date.
MAX_LINE_CHARS = 160
#: The words in a class, id or itemprop that name an element for its author, or for a date.
_BYLINE_NAMES = regex.compile(r"author|byline|autor")
_DATE_NAMES = regex.compile(r"date|time|publish|posted|datum|fecha|data|meta|info|byline|author|"
                            r"stamp|zeit")
#: A date with a two-digit year (``23.09.22``), read only where a date is expected.
_SHORT_DATE = regex.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(\d\d)(?![\d.])")
#: Where other texts' names and dates sit: a class or id that starts with one of these.
_ELSEWHERE = regex.compile(r"(?<![\w-])(?:comment|related|recommend|sidebar|popular|"
                           r"trending|recent|more-?stories|teaser-list|footer|breadcrumb|"
                           r"respond|replies|reply)")
_PAGE_TAGS = frozenset({"body", "html"})
_UPDATED = regex.compile(r"updat|modif|aktualisiert|geändert|actualiza|mis à jour|mise à jour|"
                         r"bijgewerkt|aggiornat|atualizad|diperbarui|edited", regex.IGNORECASE)
_URL_DATE = regex.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])"
                          r"(?:/|[-_]|\.html?|$)"
                          r"|[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")


def elsewhere(element) -> bool:
    """Does the element sit in a comment section, a related list, a sidebar or the page's
    footer? An ``<aside>`` or ``<footer>`` inside an ``<article>`` is the article's own (its
    date and byline often stand there)."""
    boxed = False
    for node in (element, *element.iterancestors()):
        if node.tag in _PAGE_TAGS:
            break  # a page's own classes say what is on it (``comments-open``), not where
        names = tokens(node)
        if (names and _ELSEWHERE.search(names)) or node.tag == "nav":
            return True
        if node.tag in ("article", "main"):
            return False
        boxed = boxed or node.tag in ("aside", "footer")
    return boxed


class Layout:
    """The page's body in reading order: where each element stands, the headline, the lede."""

    def __init__(self, root) -> None:
        self.root = root
        self.body = root.find("body")
        self._order: dict | None = None
        self._named: tuple[list, list] | None = None

    def named(self) -> tuple[list, list]:
        """The body's elements named for an author, and those named for a date (read when
        first asked for)."""
        if self._named is None:
            bylines, dated = [], []
            for element in self.body.iter() if self.body is not None else ():
                if not isinstance(element.tag, str) or not element.attrib:
                    continue
                names = tokens(element)
                if (names and _BYLINE_NAMES.search(names)) or element.get("rel") == "author":
                    bylines.append(element)
                if names and _DATE_NAMES.search(names):
                    dated.append(element)
            self._named = bylines, dated
        return self._named

    def position(self, element) -> int:
        if self._order is None:
            self._order = {el: i for i, el in enumerate(self.root.iter())}
        return self._order.get(element, 0)

    def lede(self):
        """The article's first paragraph: the first ``<p>`` long enough, outside comments
        and sidebars; ``None`` when there is none."""
        if self.body is None:
            return None
        return next((p for p in self.body.iter("p") if len(element_text(p)) >= LEDE_CHARS
                     and not elsewhere(p)), None)

    def headings(self) -> Iterator:
        """The headings above the lede (all of them when the page has no paragraph that
        long)."""
        if self.body is None:
            return
        for element in self.body.iter("h1", "h2", "h3", "p"):
            if element.tag != "p":
                yield element
            elif len(element_text(element)) >= LEDE_CHARS:
                return


def headline(layout: Layout, titles: list[str], sites: list[str]):
    """The visible headline: of the headings above the lede, the one that agrees best with
    what the markup calls the title, else the first ``<h1>`` there that is not the site's
    name (a blog's). Returns the element, or ``None``."""
    texts = [(h, heading_text(h)) for h in layout.headings() if not elsewhere(h)]
    texts = [(h, t) for h, t in texts if t and not is_site(t, sites)]
    if not texts:
        return None
    score, best = max(((agreement(t, titles), h) for h, t in texts), key=lambda pair: pair[0])
    if score >= AGREEMENT:
        return best
    return next((h for h, _ in texts if h.tag == "h1"), None)


#: A heading agrees with a markup title when the shorter one has this share of its words in
#: the other.
AGREEMENT = 0.5
_WORD = regex.compile(r"\w+")
#: A heading's part that is its kicker (the topic line above the headline), not the headline.
_KICKER = regex.compile(r"kicker|overline|dachzeile|topline|eyebrow|roofline|supertitle|"
                        r"pretitle|spitzmarke|antetitulo|surtitre|occhiello")


def heading_text(element, titles: Iterable[str] = ()) -> str | None:
    """A heading's text. A kicker inside it (``span.kicker``: the topic line over the
    headline) is left out, unless one of the markup's ``titles`` quotes the two together:
    then it is set off by a colon, as those titles write it.

    >>> from lxml.html import fragment_fromstring as f
    >>> h1 = f("<h1><span class='kicker'>Bridge</span> <span>It closes</span></h1>")
    >>> heading_text(h1), heading_text(h1, ["Bridge: it closes | Post"])
    ('It closes', 'Bridge: It closes')
    """
    kicker = next((k for k in element.iterdescendants() if _KICKER.search(tokens(k))), None)
    if kicker is None:
        return tidy(element_text(element))
    rest = tidy(" ".join(_text_without(element, kicker)))
    head = tidy(element_text(kicker))
    if not head or not rest:
        return head or rest
    both = f"{head} {rest}" if head[-1] in ":.!?-–—" else f"{head}: {rest}"
    quoted = [_words(title) for title in titles]
    return both if any(_words(both) in title for title in quoted) else rest


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _text_without(element, skipped) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        if child is not skipped:
            yield from _text_without(child, skipped)
        if child.tail:
            yield child.tail


def agreement(text: str, titles: list[str]) -> float:
    """How far ``text`` and the best of ``titles`` share their words: the share of the
    shorter one's words the other holds, 0 when they share fewer than two (0 to 1).

    >>> agreement("Bridge closes for a year", ["Bridge closes for a year | Post"])
    1.0
    >>> agreement("Bridge", ["Riverton will close its old bridge"])
    0.0
    """
    words = set(_WORD.findall(text.casefold()))
    best = 0.0
    for title in titles:
        other = set(_WORD.findall(title.casefold()))
        shared = len(words & other)
        if shared >= 2 or (words and words == other):
            best = max(best, shared / min(len(words), len(other)))
    return best


def byline(layout: Layout, anchor, sites: list[str]) -> tuple[tuple[str, ...], str] | None:
    """The names of the byline nearest the headline (``anchor``), with where they were."""
    candidates = [el for el in layout.named()[0] if not elsewhere(el)]
    for element in _nearest(layout, candidates, anchor):
        inner = [c for c in candidates if c is not element and _inside(c, element)]
        texts = [_person_text(c) for c in inner] if inner else [_person_text(element)]
        names = people([t for t in texts if t and len(t) <= MAX_LINE_CHARS], sites)
        if names:
            return names, describe(element)
    return None


def _person_text(element) -> str:
    """A person element's name: its ``itemprop=name`` part, its ``content``, or its text."""
    named = element.find(".//*[@itemprop='name']")
    if named is not None:
        element = named
    return element.get("content") or element_text(element)


def machine_date(layout: Layout, anchor) -> tuple[str, str] | None:
    """The ``<time datetime>`` nearest the headline, an update's only when nothing else."""
    if layout.body is None:
        return None
    times = [t for t in layout.body.iter("time") if t.get("datetime") and not elsewhere(t)]
    return _first_date(layout, times, anchor, _stamp_or_text, "<time>")


def written_date(layout: Layout, anchor) -> tuple[str, str] | None:
    """A date written out in an element named for dates or metadata, or just by the
    headline, nearest the headline."""
    near = [el for el in _around(anchor) if not elsewhere(el)] if anchor is not None else []
    named = [el for el in layout.named()[1] if _short(el) and not elsewhere(el)
             and not any(el is n for n in near)]
    return _first_date(layout, near + named, anchor, _stamp_or_text, "written date")


def dateline(layout: Layout) -> tuple[str, str] | None:
    """The date a lede opens with, as press releases and agency copy write it ("27.1.2022 -
    The council...", "BERLIN, 3 March 2021 (dpa) -")."""
    lede = layout.lede()
    stamp = parse_date(spaced_text(lede)[:DATELINE_CHARS]) if lede is not None else None
    return (stamp, f"the lede's dateline {describe(lede)}") if stamp else None


#: A dateline's date stands within this many characters of the lede's start.
DATELINE_CHARS = 40


def _stamp_or_text(element) -> str:
    """An element's machine-readable date (``title='2018-06-05T08:00'`` on an ``<abbr>``,
    ``content``, ``datetime``) where it has one, else its text."""
    for name in ("datetime", "content", "title", "data-time", "data-date"):
        value = element.get(name)
        if value and value[:1].isdigit() and parse_date(value):
            return value
    return spaced_text(element)


def spaced_text(element) -> str:
    """An element's text with a space between its parts ("Erstellt am" and "09.02.2022" in
    two spans must not run together as ``am09.02.2022``)."""
    return " ".join(" ".join(element.itertext()).split())


def _first_date(layout, elements, anchor, read, where) -> tuple[str, str] | None:
    """The date of the element nearest the headline that holds one, with where it was; a
    date the element calls an update ("Updated", ``time.updated``) only when no other
    element holds a date, since a page that shows both was published on the other."""
    updates = None
    for element in _nearest(layout, elements, anchor):
        value = read(element)
        stamp = (parse_date(value) or short_date(value)) if value else None
        if not stamp:
            continue
        if _UPDATED.search(value) or _UPDATED.search(tokens(element)):
            updates = updates or (stamp, f"{where} {describe(element)} (an update)")
            continue
        return stamp, f"{where} {describe(element)}"
    return updates


def short_date(text: str) -> str | None:
    """A day written with a two-digit year, in this century (``23.09.22``).

    >>> short_date("Von Jane Roe | 31.10.23"), short_date("Version 1.2.3")
    ('2023-10-31', None)
    """
    found = _SHORT_DATE.search(text)
    if not found:
        return None
    d, m, y = (int(g) for g in found.groups())
    return parse_date(f"{2000 + y:04d}-{m:02d}-{d:02d}")


def _around(anchor, after: int = 4, before: int = 2) -> Iterator:
    """The few short elements that stand by the headline: those after it (its siblings,
    then its parent's), and the one or two just above it (a kicker line with the date)."""
    for limit, preceding in ((after, False), (before, True)):
        node, seen = anchor, 0
        while node is not None and seen < limit:
            for sibling in node.itersiblings(preceding=preceding):
                if not isinstance(sibling.tag, str):
                    continue
                if len(element_text(sibling)) <= MAX_LINE_CHARS:
                    yield sibling
                seen += 1
                if seen >= limit:
                    break
            node = node.getparent()


def url_date(url: str | None) -> str | None:
    """The day a URL's path names (``/2021/03/05/``, ``-20210305-``).

    >>> url_date("https://post.example/news/2021/3/05/bridge-closes")
    '2021-03-05'
    >>> url_date("https://post.example/a/20210305-bridge"), url_date("https://post.example/2021/")
    ('2021-03-05', None)
    """
    found = _URL_DATE.search(url or "")
    if not found:
        return None
    y, m, d = (int(g) for g in found.groups() if g is not None)
    return parse_date(f"{y:04d}-{m:02d}-{d:02d}")


def _short(element) -> bool:
    text = element_text(element)
    return 0 < len(text) <= MAX_LINE_CHARS


def _inside(element, container) -> bool:
    return any(a is container for a in element.iterancestors())


def _nearest(layout: Layout, elements: list, anchor) -> list:
    """``elements`` nearest the headline first, those below it before those above it (when
    there is a headline; else in page order)."""
    if anchor is None or len(elements) < 2:
        return elements
    at = layout.position(anchor)
    return sorted(elements, key=lambda el: (layout.position(el) < at,
                                            abs(layout.position(el) - at)))
