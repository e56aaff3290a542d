"""Apply: turn the text rules' proposals into decisions, and the blocks into pieces.

Whole-block decisions (drops, and moves that take a whole line) are taken first, in rule
order, so a line-level rule owns a line that an inline rule also touched (one exception: a
page-level rule's move of the page's headline into the title takes a line an earlier rule
dropped); then inline cuts,
first come first served where they overlap. What remains of each block is a piece; a cut
that ends an article, or a boundary inside a line, splits the line into two pieces.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from ..document import Proposal
from ..text import Piece, TextView

_SPACES = regex.compile(r"\s+")
#: What makes a line text: a letter or a digit, or a rating's stars ("★★★★☆"); a line of
#: punctuation alone ("|", "---") is what a cut or a layout left, and goes.
_WORDY = regex.compile(r"[\w★☆⭐]")
_LAST_WORDY = regex.compile(r"(?r)[\w★☆⭐]")
#: Fields whose line, standing alone, opens an article (a byline, a date line).
OPENING_FIELDS = ("published", "authors")


@dataclass(frozen=True, slots=True)
class Marker:
    """A point in the text where an article may end (``end``) or start (``boundary``,
    ``opener``), with the proposal behind it."""

    kind: str
    offset: int
    proposal: Proposal


@dataclass
class Ledger:
    """Every decision taken on one document, kept for the splitter and the trace."""

    doc: TextView
    claimed: dict[int, Proposal] = field(default_factory=dict)
    cuts: list[Proposal] = field(default_factory=list)
    moves: list[Proposal] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    leftovers: list[tuple[Proposal, int, int]] = field(default_factory=list)


def _whole(proposal: Proposal, doc: TextView, words: dict[int, tuple[int, int]]) -> bool:
    """Does the span leave nothing worth keeping of the block(s) it sits in?

    A drop proposed in a later pass may cover only part of a line as the first pass saw
    it; it is then applied as a cut. ``words`` keeps where each block's first and last word
    characters are, so a line of thousands of proposals is read once, not once for each.
    """
    blocks = doc.blocks_between(proposal.start, proposal.end)
    if len(blocks) != 1:
        return len(blocks) > 1 and proposal.action == "drop"
    b = blocks[0]
    if b.index not in words:
        first = _WORDY.search(doc.text, b.start, b.end)
        last = _LAST_WORDY.search(doc.text, b.start, b.end)
        words[b.index] = (first.start(), last.start()) if first else (b.end, b.start - 1)
    first, last = words[b.index]
    return not (first < max(proposal.start, b.start) or last >= min(proposal.end, b.end))


def apply_proposals(doc: TextView, proposals: list[Proposal]) -> Ledger:
    ledger = Ledger(doc)
    inline: list[Proposal] = []
    words: dict[int, tuple[int, int]] = {}
    for p in proposals:
        if p.action == "boundary":
            ledger.markers.append(Marker("boundary", p.start, p))
        elif p.action == "move" and p.keep:
            ledger.moves.append(p)
        elif _whole(p, doc, words):
            _claim(ledger, p)
        else:
            inline.append(p)
    taken = Taken(inline)
    for p in inline:
        if any(b.index in ledger.claimed for b in doc.blocks_between(p.start, p.end)):
            continue
        parts = _uncovered(p, taken, doc.text)
        for part in parts:
            taken.take(part.start, part.end)
            ledger.cuts.append(part)
        if parts and p.action == "move":
            ledger.moves.append(p)
        if parts and p.ends_article:
            ledger.markers.append(Marker("end", p.end, p))
    ledger.cuts.sort(key=lambda p: p.start)
    ledger.markers = [m for m in ledger.markers if not _on_dropped_line(m, ledger)]
    if any(p.rule.page_level for p in proposals):
        # a whole web page: the rule that reads it whole says where its pages start; the
        # date lines, bylines and repeated menus inside a page open no article
        ledger.markers = [m for m in ledger.markers if m.proposal.rule.page_level]
    return ledger


def _on_dropped_line(marker: Marker, ledger: Ledger) -> bool:
    """A boundary on a line another rule dropped as noise ("RELATED: ..." looks like a
    dateline) is no evidence of an article (a rule that drops a line and marks a boundary
    there itself, as a repeated site header does, means both)."""
    if marker.kind != "boundary" or not ledger.doc.blocks:
        return False
    block = ledger.doc.block_at(marker.offset)
    claim = ledger.claimed.get(block.index)
    return (claim is not None and claim.action == "drop" and claim.rule is not marker.proposal.rule
            and block.start <= marker.offset < block.end)


def _uncovered(p: Proposal, taken: "Taken", text: str) -> list[Proposal]:
    """The parts of a cut that no earlier cut took, as cuts of their own.

    A later pass may propose a span that runs over what an earlier one cut (it saw the text
    without it); only the rest is new.
    """
    if p.start == p.end:
        return [] if taken.inside(p.start) else [p]
    spans = taken.free(p.start, p.end)
    if spans == [(p.start, p.end)]:
        return [p]
    return [p._replace(start=a, end=b) for a, b in spans if text[a:b].strip()]


class Taken:
    """The stretches of text that earlier cuts took, first come first served.

    The text is cut into segments at every offset where one of the ``proposals`` starts or
    ends; a taken segment points on to the next one that may be free (a union-find), so
    finding what is left of a cut costs about what it finds, however many cuts came before:
    a line of thousands of cuts stays linear.
    """

    def __init__(self, proposals: list[Proposal]) -> None:
        self.points = sorted({x for p in proposals for x in (p.start, p.end)})
        self.place = {x: i for i, x in enumerate(self.points)}
        # segment i runs from points[i] to points[i + 1]; the last point closes them all
        self.next = list(range(len(self.points)))
        self.edges: set[int] = set()

    def _free_from(self, i: int) -> int:
        """The first free segment at or after segment ``i``."""
        root = i
        nxt = self.next
        while nxt[root] != root:
            root = nxt[root]
        while nxt[i] != root:
            nxt[i], i = root, nxt[i]
        return root

    def free(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of ``start:end`` that no cut took yet, in order."""
        points, nxt = self.points, self.next
        i, stop = self._free_from(self.place[start]), self.place[end]
        spans = []
        while i < stop:
            first = i
            while i < stop and nxt[i] == i:
                i += 1
            spans.append((points[first], points[i]))
            i = self._free_from(i)
        return spans

    def take(self, start: int, end: int) -> None:
        """Mark ``start:end`` (free, and on segment edges) as taken."""
        if start == end:
            return  # an empty cut takes nothing
        self.edges.update((start, end))
        i, stop = self.place[start], self.place[end]
        while i < stop:
            self.next[i] = i + 1
            i += 1

    def inside(self, offset: int) -> bool:
        """Does a taken stretch hold ``offset`` strictly inside it?"""
        i = self.place[offset]
        return (0 < i < len(self.points) - 1 and offset not in self.edges
                and self.next[i - 1] != i - 1 and self.next[i] != i)


def _claim(ledger: Ledger, p: Proposal) -> None:
    if _headline_of_page(ledger, p):
        # the rule that reads the whole page knows its headline: another rule that dropped
        # that line (as a list item, a date line's neighbour) took it from the body all the
        # same, and the headline is kept as the title
        ledger.claimed[ledger.doc.block_at(p.start).index] = p
        ledger.moves.append(p)
        return
    blocks = [b for b in ledger.doc.blocks_between(p.start, p.end) if b.index not in ledger.claimed]
    if not blocks:
        return
    for b in blocks:
        ledger.claimed[b.index] = p
    if p.action == "move":
        ledger.moves.append(p)
        if p.field in OPENING_FIELDS:
            ledger.markers.append(Marker("opener", blocks[0].start, p))
    if p.ends_article:
        ledger.markers.append(Marker("end", blocks[-1].end, p))


def _headline_of_page(ledger: Ledger, p: Proposal) -> bool:
    """Is ``p`` a page-level rule's move of one line into the title, a line another rule
    dropped?"""
    if not (p.action == "move" and p.field == "title" and p.rule.page_level):
        return False
    blocks = ledger.doc.blocks_between(p.start, p.end)
    claim = ledger.claimed.get(blocks[0].index) if len(blocks) == 1 else None
    return claim is not None and claim.action == "drop"


def pieces(ledger: Ledger) -> list[Piece]:
    """What is left of every block once the decisions are applied."""
    doc = ledger.doc
    cuts_by_block: dict[int, list[Proposal]] = {}
    for p in ledger.cuts:
        for block in doc.blocks_between(p.start, p.end)[:1]:  # blanked by a pass: none
            cuts_by_block.setdefault(block.index, []).append(p)
    splits = sorted({m.offset for m in ledger.markers if m.kind in ("end", "boundary")})
    out: list[Piece] = []
    for block in doc.blocks:
        if block.index in ledger.claimed:
            continue
        cuts = cuts_by_block.get(block.index, [])
        if not cuts and not splits_inside(block, splits):
            text = block.text if "  " not in block.text else _SPACES.sub(" ", block.text)
            if _WORDY.search(text):
                out.append(Piece(block.index, block.start, block.end, text))
            continue
        pos = block.start
        last_cut: Proposal | None = None
        current: list[tuple[int, int]] = []
        for cut in cuts:
            current.append((pos, cut.start))
            pos = max(pos, cut.end)
            if cut.ends_article:
                out.extend(_piece(ledger, block.index, current, last_cut or cut))
                current = []
            last_cut = cut
        current.append((pos, block.end))
        # a boundary inside the line splits it too
        inner = splits[bisect_right(splits, block.start):bisect_left(splits, block.end)]
        for part in _split_spans(current, inner):
            out.extend(_piece(ledger, block.index, part, last_cut))
    return out


def splits_inside(block, splits: list[int]) -> bool:
    i = bisect_right(splits, block.start)
    return i < len(splits) and splits[i] < block.end


def _split_spans(spans: list[tuple[int, int]], at: list[int]) -> list[list[tuple[int, int]]]:
    if not at:
        return [spans]
    parts: list[list[tuple[int, int]]] = [[]]
    for s, e in spans:
        for o in at:
            if s < o < e:
                parts[-1].append((s, o))
                parts.append([])
                s = o
            elif o == s and parts[-1]:
                parts.append([])
        parts[-1].append((s, e))
    return [p for p in parts if p]


def _piece(ledger: Ledger, block: int, spans: list[tuple[int, int]], cut: Proposal | None
           ) -> list[Piece]:
    text = ledger.doc.text
    spans = [(s, e) for s, e in spans if e > s]
    raw = " ".join(text[s:e] for s, e in spans)
    clean = _SPACES.sub(" ", raw).strip()
    if not clean:
        return []
    start = next(s + (len(text[s:e]) - len(text[s:e].lstrip())) for s, e in spans if text[s:e].strip())
    end = max(e - (len(text[s:e]) - len(text[s:e].rstrip())) for s, e in spans if text[s:e].strip())
    if not _WORDY.search(clean):
        # punctuation left behind by a cut ("|", ":") goes with the cut that stranded it
        if cut is not None:
            ledger.leftovers.append((cut, start, end))
            return []
    return [Piece(block, start, end, clean)]
