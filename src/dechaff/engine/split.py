"""Split: cut the stream of pieces into articles, on the evidence the rules left.

Evidence comes as markers. An ``end`` (a takedown footer, a copyright line) closes the
current article: the next piece of text opens a new one, if it is a headline (a paragraph
straight after a footer means the footer stood inside the article). A ``boundary`` (a date header, a
dateline, a repeated headline or site header) and an ``opener`` (a date line or byline
standing alone) open a new article where they stand, once the current one has body text
and if body text follows them; the headline-shaped lines just above them come along, as
the new article's headline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Proposal
from ..shapes import is_headline, weight
from .apply import Marker
from ..text import Piece

def _prose(text: str) -> bool:
    """A paragraph, in any script: :func:`~dechaff.shapes.weight` counts the words of
    Chinese, Japanese and Thai, which :func:`~dechaff.shapes.is_body` does not."""
    return weight(text)[1]


#: How many headline-shaped lines a boundary may take back from the article before it.
MAX_TAKEN_BACK = 3


@dataclass
class Article:
    start: int
    opened_by: Proposal | None = None
    pieces: list[Piece] = field(default_factory=list)
    ended: bool = False

    @property
    def has_body(self) -> bool:
        """Does it hold a paragraph (:func:`~dechaff.shapes.weight`, which reads Chinese,
        Japanese and Thai too)?"""
        return any(map(_prose, (p.text for p in self.pieces)))

    @property
    def words(self) -> int:
        """Words of body text (in an unspaced script, counted as ``weight`` counts them)."""
        return sum(words for words, long in (weight(p.text) for p in self.pieces) if long)


def _next_pieces(stream: list) -> list[int]:
    """For each place in the stream, the place of the first piece or article end at or after
    it (``len(stream)`` when none): markers in between are stepped over in one jump, so a run
    of thousands of markers is not walked again from each of them."""
    ahead = [len(stream)] * (len(stream) + 1)
    for i in range(len(stream) - 1, -1, -1):
        item = stream[i]
        ahead[i] = i if not isinstance(item, Marker) or item.kind == "end" else ahead[i + 1]
    return ahead


def _ahead_is_body(stream: list, ahead: list[int], i: int) -> bool:
    """Does body text follow position ``i``, directly or after one headline?"""
    seen = 0
    j = ahead[i + 1]
    while j < len(stream):
        item = stream[j]
        if isinstance(item, Marker):  # an article's end
            return False
        if _prose(item.text):
            return True
        seen += 1
        if seen > 2 or not is_headline(item.text):
            return False
        j = ahead[j + 1]
    return False


def _headline_ahead(stream: list, i: int) -> bool:
    """Do headline lines (a headline, a section label) come next, then body text?"""
    heads = 0
    for item in stream[i + 1:i + 10]:
        if isinstance(item, Marker):
            continue
        if _prose(item.text):
            return heads > 0
        if not is_headline(item.text) or heads == 3:
            return False
        heads += 1
    return False


def split(pieces: list[Piece], markers: list[Marker], enabled: bool = True) -> list[Article]:
    """Group pieces into articles, in order."""
    order = {"end": 0, "boundary": 1, "opener": 1}
    stream: list = sorted(
        [*pieces, *markers],
        key=lambda x: (x.offset, order[x.kind]) if isinstance(x, Marker) else (x.start, 2),
    )
    ahead = _next_pieces(stream)
    articles = [Article(0)]
    pending: Marker | None = None
    body = False  # whether the current article has body text yet
    for i, item in enumerate(stream):
        current = articles[-1]
        if isinstance(item, Piece):
            if pending is not None and not _prose(item.text):
                articles.append(Article(item.start, pending.proposal))
                body = False
            pending = None  # a paragraph right after a footer: the article went on
            articles[-1].pieces.append(item)
            body = body or _prose(item.text)
            continue
        if not enabled:
            continue
        if item.kind == "end":
            if body:
                pending = item
        elif pending is not None and item.kind in ("boundary", "opener"):
            articles.append(Article(item.offset, pending.proposal))  # the footer said it first
            pending = None
            body = False
        elif item.kind == "opener" and body and _headline_ahead(stream, i):
            pending = item  # a date line or byline closing an article, the next headline below
        elif body and (item.proposal.rule.page_level or _ahead_is_body(stream, ahead, i)):
            # (a page's own rule knows where its pages start, whatever stands under the title)
            articles.append(_open(current, item))
            body = False
    return articles


def _open(previous: Article, marker: Marker) -> Article:
    """A new article at ``marker``, taking back the headline lines just above it."""
    taken: list[Piece] = []
    while previous.pieces and len(taken) < MAX_TAKEN_BACK:
        last = previous.pieces[-1]
        if _prose(last.text) or not is_headline(last.text):
            break
        taken.insert(0, previous.pieces.pop())
    if not previous.has_body:  # never leave the article before without its text
        previous.pieces.extend(taken)
        taken = []
    start = taken[0].start if taken else marker.offset
    return Article(start, marker.proposal, taken)
