"""Boundaries: evidence that a new article starts, where nothing else marks it.

Glued articles often come with no footer, date or dateline between them: only the next
article's headline, then its first paragraph. A subheading inside an article looks the same,
so the evidence is what the headline says: a headline shares its key words with the lede
under it, and not with the story above it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from ..shapes import is_body, is_headline, word_count
from .base import Proposal, TextRule, keep, remove
from .registry import register

_KEY = regex.compile(r"\p{L}[\p{L}\p{M}]{3,}")  # (Hindi writes its vowels as marks)
#: Four-letter-and-longer words that say nothing of a story's subject.
_STOP = frozenset("""
this that with from have will were been they their there what when which would could should
about after over into more most than then them some said says also just only your other such
very well while where these those being does each even many much must upon like make made
para como pero esta este sobre entre desde hasta sido tiene será está todos también porque
dass oder sind eine einer eines nicht wird wurde werden auch nach über unter beim noch schon
dans pour avec sont mais plus cette leur comme être fait ainsi entre
para como pelo pela mais seus suas esta este entre foram será também
yang dengan untuk dari pada akan atau juga dalam oleh tidak bisa telah sudah""".split())
#: How much of a headline's key words its lede must share, and the story above must not.
LEDE_SHARE = 0.4
ABOVE_SHARE = 0.25
#: How far back "the story above" reaches, in blocks.
LOOK_BACK = 30


@lru_cache(maxsize=16384)
def keys(text: str) -> frozenset[str]:
    """Key words, cut to five letters, so "returns" and "returned" meet."""
    return frozenset(w[:5].casefold() for w in _KEY.findall(text) if w.casefold() not in _STOP)


@register
class HeadlineLede(TextRule):
    """A headline followed by a lede that takes up its words, below a story that does not.

    **Known problems:** a subheading whose words the story above never used, and which the
    paragraph under it repeats, is taken for a new article's headline; it needs five words.
    """

    code = "SP01"
    name = "split.headline_lede"
    groups = ("split",)
    description = "A new article's headline, known by its lede, where no other marker splits."
    settings = {"lede_share": LEDE_SHARE, "above_share": ABOVE_SHARE}
    examples = (
        remove("Ferry operator orders two hybrid vessels for island routes\n"
               "Coastline Ferries has ordered two hybrid vessels to replace ageing ships on its "
               "busiest island routes, in a deal worth 95 million euros.\n"
               "Museum returns carved doorway to village after 90 years\n"
               "A carved wooden doorway removed from a village meeting house in the 1930s has "
               "been returned by the city museum that displayed it.", records=2),
        keep("Ferry operator orders two hybrid vessels for island routes\n"
             "Coastline Ferries has ordered two hybrid vessels to replace ageing ships on its "
             "busiest island routes, in a deal worth 95 million euros.\n"
             "What the hybrid vessels mean for island routes\n"
             "The hybrid vessels will cut fuel use on the island routes by a third.",
             "What the hybrid vessels mean for island routes", records=1),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        blocks = doc.blocks
        def keys_of(j: int) -> frozenset[str]:
            return keys(blocks[j].text)

        # A boundary only counts below body text: start after the first paragraph.
        first = next((b.index for b in blocks if len(b.text) > 40 and is_body(b.text)), len(blocks))
        for i in range(max(1, first + 1), len(blocks) - 1):
            if not doc.pairs_changed(i):
                continue  # a later pass: only where a removal brought lines together
            line, lede = blocks[i], blocks[i + 1]
            if not (len(line.text) < 250 and is_headline(line.text) and word_count(line.text) >= 5
                    and not is_body(line.text) and is_body(lede.text)):
                continue
            words = keys_of(i)
            if len(words) < 3:
                continue
            lede_words = keys(" ".join(lede.text.split()[:60]))
            if len(words & lede_words) < self.options["lede_share"] * len(words):
                continue
            above = set().union(*(keys_of(j) for j in range(max(0, i - LOOK_BACK), i)))
            if len(words & above) <= self.options["above_share"] * len(words):
                yield self.boundary(line.start, reason="headline over its own lede")


#: A line of marks alone ("* * *", "---", "⁂", "◆◆◆"): a break between briefs or sections.
_SEPARATOR = regex.compile(r"^(?:⁂|(?:[*\-_=~#•·◆◇■□●○✦✧]\s*){3,})$")
_SEPARATOR_MARKS = frozenset("*-_=~#•·◆◇■□●○✦✧⁂")


@register
class Separator(TextRule):
    """A line of marks alone ("* * *", "---", "⁂"): it leaves the text, and when a headline
    stands under it, over a paragraph, a new article starts at that headline.

    Digests print their briefs one after another with such a line between them; inside an
    article the same line parts two sections, and the text under it is no headline over a
    paragraph but the section's first paragraph.

    **Known problems:** a section of an article that opens with its own subheading under the
    line is split off as an article (its key words then say it is no other story's:
    :class:`HeadlineLede` reads those).
    """

    code = "SP02"
    name = "split.separator"
    groups = ("split",)
    description = "Separator lines ('* * *', '---'): dropped; a headline under one opens an article."
    examples = (
        remove("Harbour pool to reopen after repairs\n\nThe open-air pool on Marine Parade will "
               "reopen on 1 June after an 18-month closure, the town council said.\n\n* * *\n\n"
               "Library launches seed swap\n\nThe central library has opened a seed library "
               "where residents can borrow packets of vegetable and flower seeds.", "* * *",
               records=2),
        keep("The pool on Marine Parade will reopen on 1 June after an 18-month closure, the "
             "town council said.\n\n* * *\n\nThe council said the repairs had cost two million "
             "pounds, most of it for a new filter plant under the terrace.",
             "The council said the repairs had cost", records=1),
        keep("The council listed the roads that will close:\n\n* Mill Road, Monday\n\n"
             "* Station Road, Thursday\n\nBuses will run to their normal timetable.",
             "* Mill Road, Monday", records=1),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        blocks = doc.blocks
        body_above = False
        for block in blocks:
            text = block.text
            if not (text[:1] in _SEPARATOR_MARKS and _SEPARATOR.match(text)):
                body_above = body_above or is_body(text)
                continue
            yield self.drop(block.start, block.end, reason="a separator line")
            i = block.index
            if (body_above and i + 2 < len(blocks) and is_headline(blocks[i + 1].text)
                    and not is_body(blocks[i + 1].text) and word_count(blocks[i + 1].text) >= 3
                    and is_body(blocks[i + 2].text)):
                yield self.boundary(blocks[i + 1].start, reason="a headline over its paragraph, "
                                    "under a separator line")
