"""Teasers: boxes inside the article recognised by how they are built, not by their names.

A class name is a site's word, in the site's language; the structure under it is not. A box
of teasers ("More from ...", "Neueste Beiträge", "También te puede interesar") is a run of
items built alike, each a link that reads as a headline and stands on a line of its own,
with at most a short blurb, a date or a picture beside it. That shape is read here from the
markup alone, so it holds for a site and a language no list names, and it leaves alone what
only looks like it: a paragraph with links in it, a list of steps whose links sit inside
their sentences, a table of contents (links to the page itself), a list of references.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, NamedTuple

from ..document import Proposal
from ..elements import BLOCKS, Layout, Span, element_text, link_chars, tokens
from ..shapes import is_headline, word_count
from .base import HtmlRule, keep, remove, token_pattern
from .registry import register

BOXES = frozenset({"div", "section", "ul", "ol", "aside", "nav", "dl"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
def names_pattern(words: tuple[str, ...], prefixes: tuple[str, ...]) -> re.Pattern:
    """:func:`~dechaff.rules.base.token_pattern` of names that are never empty."""
    pattern = token_pattern(words, prefixes)
    assert pattern is not None
    return pattern


#: Between a headline link and its blurb, or after it: separators, not words.
_SEPARATORS = " \t\n\r\xa0-–—|:·•»›>"
#: Names that make two teasers enough (three are needed when the names say nothing).
_HINTS = names_pattern(("teaser", "teasers", "card", "cards", "tile", "tiles", "more", "latest",
                        "recent"),
                       ("related", "recirc", "recommend", "teaser", "card", "post-item",
                        "more-", "latest-", "recent-", "popular", "trending"))


def _links(element) -> Iterator:
    """The links of ``element`` that lead away from the page (not ``#`` anchors or scripts)."""
    for link in element.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            yield link


def _text_before(item, link) -> int:
    """Characters of text, outside links, that come before ``link`` in ``item``."""
    ancestors = set()
    parent = link.getparent()
    while parent is not None and parent is not item:
        ancestors.add(parent)
        parent = parent.getparent()
    before = len((item.text or "").strip())
    for element in item.iterdescendants():
        if element is link:
            return before
        if not isinstance(element.tag, str) or element.tag == "a" or _in_link(element, item):
            continue
        before += len((element.text or "").strip())
        if element not in ancestors:
            before += len((element.tail or "").strip())
    return before


def _in_link(element, item) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not item:
        if parent.tag == "a":
            return True
        parent = parent.getparent()
    return False


def _in_heading(link, item) -> bool:
    if next(link.iter(*_HEADINGS), None) is not None:
        return True
    parent = link.getparent()
    while parent is not None and parent is not item.getparent():
        if parent.tag in _HEADINGS:
            return True
        parent = parent.getparent()
    return False


def headline_link(item):
    """The link that is ``item``'s headline: its anchor reads as a headline (a few words,
    not closed like a sentence) and stands on a line of its own (no text runs on from it),
    set as a heading or first in the item (after a kicker or a date at most); else ``None``."""
    for link in _links(item):
        text = element_text(link)
        if not text or not is_headline(text) or word_count(text) < 2:
            continue
        tail = (link.tail or "").strip(_SEPARATORS)
        if tail:
            continue  # the sentence runs on: a link inside prose, a step
        if _in_heading(link, item) or _text_before(item, link) <= KICKER_CHARS:
            return link
    return None


def headline(item):
    """What leads the reader on from ``item``, when it is built as a teaser: its headline
    link, or a heading (a headline, not a link) with a link on a line of its own under it
    ("Read more", in any words); else ``None``."""
    link = headline_link(item)
    if link is not None:
        return link
    heading = next(item.iter(*_HEADINGS), None)
    if heading is None or not is_headline(element_text(heading)):
        return None
    return next((a for a in _links(item) if element_text(a) and _own_line(a)), None)


def _own_line(link) -> bool:
    """Does ``link`` stand as a line of its own: no text before or after it in its block?"""
    element = link
    while True:
        if (element.tail or "").strip(_SEPARATORS):
            return False
        before = element.getprevious()
        if before is None:
            parent = element.getparent()
            if parent is None or (parent.text or "").strip(_SEPARATORS):
                return False
            if parent.tag in BLOCKS:
                return True
            element = parent  # an inline wrapper: its neighbours decide
            continue
        return before.tag in BLOCKS or before.tag == "br"


#: Text before an item's headline link: a kicker or a date, not a sentence.
KICKER_CHARS = 40
#: The most text, outside its links, a teaser has beside its headline.
BLURB_CHARS = 320


def box_items(box) -> list:
    """The items of a box: its children with text, past a title above them and wrappers
    around them."""
    for _ in range(4):
        children = [c for c in box if isinstance(c.tag, str) and element_text(c)]
        rest = [c for c in children if not is_box_title(c)]
        if len(rest) != 1 or rest[0].tag not in BLOCKS:
            return children
        box = rest[0]
    return []


def is_box_title(element) -> bool:
    """A box's title: a heading, or a short line that is not a link."""
    if element.tag in _HEADINGS:
        return True
    text = element_text(element)
    return len(text) <= 60 and next(_links(element), None) is None


class Item(NamedTuple):
    element: Any
    chars: int
    #: ``title`` (a heading or a short line), ``teaser``, or ``other``.
    kind: str


def _signature(element) -> tuple:
    """How an item is built, for telling items alike: its tag and first class name."""
    return element.tag, tuple((element.get("class") or "").split()[:1])


def read_items(box) -> list[Item]:
    """The items of ``box``, each a title, a teaser (a :func:`headline` leading to an
    address no item before it leads to, and at most a short blurb) or something else."""
    found, addresses = [], set()
    for element in box_items(box):
        text = element_text(element)
        kind = "other"
        if is_box_title(element):
            kind = "title"
        elif len(text) - link_chars(element) <= BLURB_CHARS:  # (a long item is no teaser)
            lead = headline(element)
            address = lead.get("href").strip() if lead is not None else None
            if address is not None and address not in addresses:
                addresses.add(address)
                kind = "teaser"
        found.append(Item(element, len(text), kind))
    return found


def teaser_box(items: list[Item], least: int, share: float) -> bool:
    """Is a box of these items a box of teasers: at least ``least`` of them, holding
    ``share`` of its text or more, or two thirds of its items with the others built alike?"""
    teasers = [i for i in items if i.kind == "teaser"]
    if len(teasers) < least:
        return False
    if sum(i.chars for i in teasers) >= share * sum(i.chars for i in items):
        return True
    others = [i for i in items if i.kind == "other"]
    shapes = {_signature(i.element) for i in teasers}
    return (3 * len(teasers) >= 2 * (len(teasers) + len(others))
            and all(_signature(i.element) in shapes for i in others))


def trailing_run(items: list[Item]) -> list[Item]:
    """The teasers that end a box, with a title just above them."""
    run: list[Item] = []
    for item in reversed(items):
        if item.kind != "teaser":
            if item.kind == "title" and run:
                run.append(item)
            break
        run.append(item)
    return run[::-1]


@register
class Teasers(HtmlRule):
    """Inside the article: a box that is a run of teasers, whatever it is called and in
    whatever language. Each teaser is a link that reads as a headline (a few words, not a
    sentence), stands on its own line and leads elsewhere, with at most a short blurb, a
    date or a picture beside it; the items are most of the box (a title above them goes with
    them). Three teasers make the box; two do when its names say it is one (``teaser``,
    ``card``, ``related``...).

    **Look-alikes kept:** a paragraph with several links in it, a list of steps whose links
    sit inside their sentences, a table of contents (its links lead to the page itself), a
    list of references (the authors come before the linked title), items whose text beside
    the link runs long (a list of reviews).

    **Known problems:** a list of links to further reading that the article itself compiles
    (each a headline, nothing more) goes too.
    """

    code = "HT15"
    name = "html.teasers"
    groups = ("html", "related")
    description = "Runs of teasers (headline links with short blurbs) inside the article, by shape."
    stage = "inner"
    settings = {"min_teasers": 3, "share": 0.75}
    examples = (
        remove("<html><body><article><p>The council voted on Monday to close the old bridge for "
               "repairs, the mayor said after a long meeting that ran late.</p><p>Work starts in "
               "May and will take a year, officials said.</p><div class='x9'><h4>Lesen Sie auch"
               "</h4><div class='r'><div><a href='/a'><h3>Neue Brücke für die Stadt</h3></a>"
               "<p>Der Rat stimmt im Mai ab.</p></div><div><a href='/b'><h3>Der Bürgermeister "
               "tritt an</h3></a><p>Er will es noch einmal wissen.</p></div><div><a href='/c'>"
               "<h3>Radweg bleibt gesperrt</h3></a><p>Bis zum Herbst.</p></div></div></div>"
               "</article></body></html>", "Lesen Sie auch", "Neue Brücke", "Bis zum Herbst",
               also=("HT11",)),
        remove("<html><body><article><p>The council voted on Monday to close the old bridge for "
               "repairs, the mayor said after a long meeting that ran late.</p><ul class='wp'>"
               "<li><a href='/a'>Bridge closes for a year</a><small>The council had no choice, "
               "engineers said.</small></li><li><a href='/b'>Mayor's race heats up</a><small>"
               "Two new names are in.</small></li><li><a href='/c'>Ferry returns for the summer"
               "</a><small>It runs every hour.</small></li></ul></article></body></html>",
               "Bridge closes for a year", "Two new names are in", also=("HT11",)),
        keep("<html><body><article><p>The council voted on Monday to close the old bridge, "
             "the <a href='/m'>Mayor of Riverton</a> said, after the <a href='/e'>City "
             "Engineers</a> and the <a href='/p'>Port Authority</a> warned of the risk.</p>"
             "</article></body></html>", "the Mayor of Riverton said"),
        keep("<html><body><article><p>To report a crack in the bridge:</p><ol><li><a href='/f'>"
             "Open the form</a> on the city's site and choose Bridges.</li><li><a href='/m'>"
             "Mark the place</a> on the map as closely as you can.</li><li><a href='/s'>Send a "
             "photo</a> if you have one, then press Submit.</li></ol></article></body></html>",
             "Open the form on the city's site", "Send a photo if you have one"),
        keep("<html><body><article><p>The council voted on Monday to close the old bridge for "
             "repairs, citing two studies.</p><ol><li>Roe, J. (2019). <a href='/r1'>Corrosion "
             "in river bridges</a>. Bridge Journal 12.</li><li>Doe, A. (2021). <a href='/r2'>"
             "Steel fatigue in the cold</a>. Materials 4.</li><li>Poe, E. (2022). <a href='/r3'>"
             "Load tests on old spans</a>. Bridge Journal 15.</li></ol></article></body></html>",
             "Corrosion in river bridges", "Load tests on old spans"),
    )

    def propose_span(self, span: Span, layout: Layout) -> Proposal | None:
        box = span.element
        if box.tag not in BOXES or span.end - span.first < 2 or span.links * 20 < span.chars:
            return None  # (teasers lead somewhere: a box with hardly a link holds none)
        items = read_items(box)
        least = self.options["min_teasers"]
        if _HINTS.search(tokens(box)):
            least = min(least, 2)
        if teaser_box(items, least, self.options["share"]):
            count = sum(i.kind == "teaser" for i in items)
            return self.drop(span.first, span.end, target=box,
                             reason=f"a box of {count} teasers (headline links, short blurbs)")
        run = trailing_run(items)
        teasers = [i for i in run if i.kind == "teaser"]
        if len(teasers) < self.options["min_teasers"] or len(run) == len(items):
            return None
        first, end = _blocks(layout, span, run[0].element, run[-1].element)
        if first is None or end <= first:
            return None
        return self.drop(first, end, target=run[0].element,
                         reason=f"a run of {len(teasers)} teasers ending the box")


def _blocks(layout: Layout, span: Span, first, last) -> tuple[int | None, int]:
    """The blocks from element ``first``'s to element ``last``'s, inside ``span``."""
    start = end = None
    for inner in layout.spans:
        if inner.first < span.first or inner.end > span.end:
            continue
        if inner.element is first:
            start = inner.first
        if inner.element is last:
            end = inner.end
    return start, (end if end is not None else -1)
