"""The text as the text rules see it: the repaired text as logical lines, with their offsets.

A scraper that wrote one line per text node breaks a sentence wherever a link began
(``The\\ncompany shelved its plans\\nfor an IPO``). Such lines are joined, by turning the
line break into a space, so offsets do not move: the working text has exactly the length of
the repaired text and every offset means the same in both.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import NamedTuple

import regex

from .dates import WEEKDAY
from .document import Block
from .patterns import FIRST_WORD, READ_ALSO, head_word
from .triggers import Keywords, keywords_of

_HEAD_ASCII = re.compile(r"[^\w(]*(\w+)")
_NOT_NEWLINE = re.compile(r"[^\n]")


# A sentence's first word: at a line's start, or after a sentence's end and a space (found
# from the stop, which the standard library's engine scans for quickly), behind at most three
# marks (a bullet, an arrow).
_LINE_OPENING = re.compile(r"[^\w\n]{0,3}(\w+)")
_LINE_OPENINGS = re.compile(r"^[^\w\n]{0,3}(\w+)", re.MULTILINE)
_INNER_OPENING = re.compile(r"[.!?…] ([^\w\n]{0,3})(\w+)")
# The line breaks inside a broken sentence, found in one pass: after an opening bracket or
# quote, or after a line not closed like a sentence when the next goes on in lower case;
# never before a line that opens a line of its own (a URL, a date header, one opening with a
# weekday in small letters, "st 5. března 2025", a label in small letters, "by: a name", or
# a button, "share this").
_BUTTONS = (r"(?:share|tweet|email|print|save|follow|subscribe|sign up|log in|read more|see more|"
            r"show more|load more|click here|more|less)")
_OWN = (rf"(?!https?://|www\.|(?:date|fecha|datum|data|tanggal)\b|\d{{4}}-\d\d|\p{{Ll}}+\s?:"
        rf"|(?i:{WEEKDAY}),?\s+\d"
        rf"|(?i:{_BUTTONS})(?:[^\S\n]+(?:this|it|us|now))?[^\S\n]*(?:\n|$))")
_JOIN = regex.compile(
    rf"(?<=[(\[“‘«][^\S\n]*)\n(?=[^\S\n]*{_OWN}\S)"
    rf"|(?<=[^\s.!?…(\[“‘«][^\S\n]*)\n(?=[^\S\n]*{_OWN}[\p{{Ll}},.;:)\]}}”’»…])")
# Where ``_JOIN`` may match, found by the standard library's engine (the pattern's look
# behind every character is slow on a whole text): a line break after an opening bracket or
# quote, or before a line going on in a letter other than A-Z or in punctuation. Every
# break ``_JOIN`` joins is one of these (its spaces are ``str.isspace``'s too, its small
# letters are letters); the pattern is then asked at each.
_MAY_JOIN_AFTER_OPENER = re.compile(r"[(\[“‘«][^\S\n]*\n")
_MAY_JOIN_BEFORE = re.compile(r"\n(?=[^\S\n]*(?:[^\W\d_A-Z]|[,.;:)\]}”’»…]))")
# A related-link line ("Also read | Other headline") is whole: what follows it is not its rest.
_LINK_LINE = regex.compile(rf"[^\w\n]{{0,3}}(?i:{READ_ALSO})\s*[:|»›>\-–—]")


def working_text(text: str) -> str:
    """``text`` with the line breaks inside broken sentences turned into spaces.

    >>> working_text("The\\ncompany shelved\\nits plans.\\nNext line")
    'The company shelved its plans.\\nNext line'
    >>> working_text("Sources\\nhttps://example.com/a\\nPolitics\\ndate 2024-04-27")
    'Sources\\nhttps://example.com/a\\nPolitics\\ndate 2024-04-27'
    >>> working_text("Bridge to reopen in May\\nby: Jane Roe\\nshare this\\nThe end")
    'Bridge to reopen in May\\nby: Jane Roe\\nshare this\\nThe end'
    >>> working_text("The council will\\nshare this year's costs")
    "The council will share this year's costs"
    >>> working_text("Výluka na trati potrvá tři týdny\\nst 5. března 2025 14:20")
    'Výluka na trati potrvá tři týdny\\nst 5. března 2025 14:20'
    """
    breaks = {m.end() - 1 for m in _MAY_JOIN_AFTER_OPENER.finditer(text)}
    breaks.update(m.start() for m in _MAY_JOIN_BEFORE.finditer(text))
    parts, last = [], 0
    for at in sorted(breaks):  # what ``_JOIN.sub`` rewrites: the breaks it matches, in order
        if _JOIN.match(text, at) is not None:
            line_start = text.rfind("\n", 0, at) + 1
            parts += [text[last:at], "\n" if _LINK_LINE.match(text, line_start, at) else " "]
            last = at + 1
    return "".join([*parts, text[last:]]) if parts else text


def split_blocks(text: str) -> list[Block]:
    """The non-empty lines of ``text``, stripped, with offsets and paragraph numbers."""
    blocks: list[Block] = []
    append = blocks.append
    paragraph = pos = 0
    blank = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.find(stripped[0])
            if blank and blocks:
                paragraph += 1  # a blank line since the last block
            append(Block(len(blocks), start, start + len(stripped), stripped, paragraph))
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return blocks


class Piece(NamedTuple):
    """What is left of a block after cuts: the text a reader would see, and its span."""

    block: int
    start: int
    end: int
    text: str


class Origin:
    """Maps offsets in a compacted text back to the text it was made from."""

    def __init__(self, new_starts: list[int], old_starts: list[int]) -> None:
        self.new_starts = new_starts
        self.old_starts = old_starts

    def __call__(self, pos: int) -> int:
        i = max(bisect_right(self.new_starts, pos) - 1, 0)
        return self.old_starts[i] + (pos - self.new_starts[i]) if self.new_starts else pos

    def many(self, positions: list[int]) -> list[int]:
        """``self(pos)`` for each of ``positions``, which are in order: one walk, no search."""
        new_starts, old_starts = self.new_starts, self.old_starts
        if not new_starts:
            return list(positions)
        out, i, last = [], 0, len(new_starts) - 1
        for pos in positions:
            while i < last and new_starts[i + 1] <= pos:
                i += 1
            out.append(old_starts[i] + (pos - new_starts[i]))
        return out

    def to_new(self, old: int) -> int:
        """Where a source offset landed (the start of what replaced it, if it was removed)."""
        i = max(bisect_right(self.old_starts, old) - 1, 0)
        if not self.new_starts:
            return old
        following = self.new_starts[i + 1] if i + 1 < len(self.new_starts) else None
        new = self.new_starts[i] + (old - self.old_starts[i])
        return min(new, following) if following is not None else new

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span's place in the source: its last character's place, plus one, ends it."""
        return self(start), (self(end - 1) + 1 if end > start else self(start))


def _index_heads(blocks: list[Block]) -> dict[str, list[Block]]:
    index: dict[str, list[Block]] = {}
    for block in blocks:
        text = block.text
        # the standard library's engine is quicker, and agrees with ``regex`` on ASCII text
        found = (_HEAD_ASCII if text.isascii() else FIRST_WORD).match(text)
        if found:
            key = head_word(found.group(1))
            bucket = index.get(key)
            if bucket is None:
                index[key] = [block]
            else:
                bucket.append(block)
    return index


def _merged(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Spans in order, those with only blanks between them joined (a line break wanted after
    the first is wanted after the run)."""
    out: list[list] = []
    for start, end, breaks in sorted(spans):
        if out and (start <= out[-1][1] or not text[out[-1][1]:start].strip(" \t")):
            out[-1][1] = max(out[-1][1], end)
            out[-1][2] = out[-1][2] or breaks
        else:
            out.append([start, end, breaks])
    return [(s, e, b) for s, e, b in out]


class TextView:
    """What the text rules see of a text: the working text and its blocks (a rule's ``doc``)."""

    def __init__(self, text: str, *, joined: bool = False, keywords: Keywords | None = None
                 ) -> None:
        self.text = text if joined else working_text(text)
        #: The automaton of the rules' keywords (see :mod:`dechaff.triggers`), scanned once
        #: per text when a rule first asks.
        self.keywords = keywords
        self._scans: dict[Keywords, dict[str, list[int]]] = {}
        self._any: dict[tuple[str, ...], bool] = {}
        #: In a later pass, the text it was compacted from: a keyword it lacked is taken as
        #: lacking here too (a rule skipped in the first pass stays skipped).
        self.before: TextView | None = None
        self.blocks = split_blocks(self.text)
        self._starts = [b.start for b in self.blocks]
        #: Work that rules share or repeat (sentence openings by word), kept per document.
        self.shared: dict[object, object] = {}
        #: In a later pass, the blocks that changed since the pass before (``None``: all).
        self.focus: set[int] | None = None
        #: In a later pass, how this text's offsets map back to the repaired text's.
        self.origin: Origin | None = None
        #: In a later pass, the blocks right after a removal or in focus (``None``: all).
        self.joined: set[int] | None = None

    def compacted(self, removed: list[tuple[int, int, bool]], cut: list[tuple[int, int]]
                  ) -> "TextView":
        """This document as a reader would see it once ``removed`` is gone, for another pass.

        Noise often hides noise: "date 2024-04-27 Connect with us [email protected]" ends in
        "Connect with us" only once the placeholder is gone. A removed line leaves a blank
        line; a span cut from inside a line leaves one space; one that took a line's head, or
        closed an article (``breaks``), leaves a line break, so what follows starts a line.
        The new document's ``origin`` maps its offsets back to this one's. The lines that
        spans were ``cut`` from are its ``focus``: line rules need to look only there again.
        """
        text = self.text
        parts: list[str] = []
        new_starts: list[int] = []
        old_starts: list[int] = []
        size = pos = 0

        def keep(piece: str, old: int) -> None:
            nonlocal size
            if piece:
                new_starts.append(size)
                old_starts.append(old)
                parts.append(piece)
                size += len(piece)

        for start, end, breaks in _merged(text, removed):
            if end <= pos:
                continue
            start = max(start, pos)
            before = text[pos:start]
            gone = text[start:end]
            while end < len(text) and text[end] in " \t":
                end += 1  # the blanks after a cut go with it
            if breaks or "\n" in gone:
                keep(before.rstrip(" \t"), pos)
                keep("\n", start)
            elif before and before[-1] not in " \t\n" and end < len(text) and text[end] != "\n":
                keep(before, pos)
                keep(" ", start)
            else:
                keep(before, pos)
            pos = end
        keep(text[pos:], pos)
        doc = TextView("".join(parts), joined=True, keywords=self.keywords)
        doc.origin = Origin(new_starts, old_starts)
        doc.before = self
        lines = sorted({self._line_around(s, t) for s, t in cut})
        doc.focus = {b.index for start, end in lines
                     for b in doc.blocks_between(doc.origin.to_new(start), doc.origin.to_new(end))}
        # Blocks that now follow something removed: their neighbourhood changed.
        doc.joined = set(doc.focus)
        # (a gap between two blocks that grew when mapped back held removed text)
        blocks = doc.blocks
        places = doc.origin.many([p for prev, block in zip(blocks, blocks[1:])
                                  for p in (prev.end - 1, block.start)])
        for k, block in enumerate(blocks[1:]):
            if places[2 * k + 1] - places[2 * k] > block.start - blocks[k].end + 1:
                doc.joined.add(block.index)
        return doc

    def _line_around(self, start: int, end: int) -> tuple[int, int]:
        """Where the line(s) holding ``start:end`` start and end; looked up once per block
        for a span inside one (a line of thousands of cuts is not searched for each)."""
        block = self.block_at(start)
        if not block.start <= start <= end <= block.end:
            text = self.text
            stop = text.find("\n", end)
            return text.rfind("\n", 0, start) + 1, stop if stop != -1 else len(text)
        lines = self.shared.setdefault("lines", {})
        if block.index not in lines:
            stop = self.text.find("\n", block.end)
            lines[block.index] = (self.line_start(block), stop if stop != -1 else len(self.text))
        return lines[block.index]

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def heads(self) -> dict[str, list[Block]]:
        """Blocks by their first word (lower-cased; numbers as ``#``), for ``Rule.starts``."""
        return _index_heads(self.blocks)

    @cached_property
    def focus_heads(self) -> dict[str, list[Block]]:
        """``heads`` of the blocks in focus alone (all of them in a first pass)."""
        return self.heads if self.focus is None else _index_heads(self.focused(self.blocks))

    def sentences_opening(self, words: frozenset[str]) -> list[tuple[int, str]]:
        """Where the sentences opening with one of ``words`` (as ``heads``) start, in focus,
        with the word each opens with. The text is read for openings once, whatever the
        words: each rule that asks for its own words reads only theirs."""
        if words not in self.shared:
            index = self._openings()
            self.shared[words] = sorted(found for word in words.intersection(index)
                                        for found in index[word])
        return self.shared[words]  # type: ignore[return-value]

    def _openings(self) -> dict[str, list[tuple[int, str]]]:
        """Every sentence opening in focus, by its first word (as ``heads``): where it starts,
        and the word."""
        if "openings" not in self.shared:
            text = self.text
            found: list[tuple[int, str]] = []
            blocks = self.focused(self.blocks)
            if self.focus is None:  # every line: one scan (a blank line opens no sentence)
                found.extend((m.start(), head_word(m.group(1)))
                             for m in _LINE_OPENINGS.finditer(text))
            else:
                for at in sorted({self.line_start(b) for b in blocks}):
                    m = _LINE_OPENING.match(text, at)
                    if m:
                        found.append((at, head_word(m.group(1))))
            if self.focus is None:
                inner = _INNER_OPENING.finditer(text)
            else:
                inner = (m for b in blocks for m in _INNER_OPENING.finditer(text, b.start, b.end))
            found.extend((m.start(1), head_word(m.group(2))) for m in inner)
            index: dict[str, list[tuple[int, str]]] = {}
            for opening in found:
                index.setdefault(opening[1], []).append(opening)
            self.shared["openings"] = index
        return self.shared["openings"]  # type: ignore[return-value]

    def pairs_changed(self, index: int) -> bool:
        """Is the pair (block ``index``, the next) new since the last pass? Always, at first."""
        joined = self.joined
        return joined is None or index in joined or index + 1 in joined or index - 1 in joined

    @cached_property
    def focus_blocks(self) -> list[Block]:
        """The blocks in focus, in order (every block in a first pass)."""
        return self.blocks if self.focus is None else [self.blocks[i] for i in sorted(self.focus)]

    def focused(self, blocks: list[Block]) -> list[Block]:
        """Those of ``blocks`` in focus (all of them in a first pass)."""
        if self.focus is None:
            return blocks
        return [b for b in blocks if b.index in self.focus]

    def keyword_starts(self, words: tuple[str, ...]) -> dict[str, list[int]]:
        """Where each of ``words`` that the text holds starts in the lower-cased text.

        The text is scanned once for all the keywords of its cleaner's rules, whichever rule
        asks first (words its automaton lacks get a scan of their own)."""
        keywords = self.keywords
        if keywords is None or not keywords.words.issuperset(words):
            keywords = keywords_of(frozenset(words))
        found = self._scans.get(keywords)
        if found is None:
            found = self._scans[keywords] = keywords.scan(self.lower)
        return found

    def has_any(self, words: tuple[str, ...]) -> bool:
        """Does the text hold one of ``words`` (lower-case)? Never in a later pass when the
        text before it held none (removing text adds no word that matters)."""
        found = self._any.get(words)
        if found is None:
            starts = self.keyword_starts(words)
            found = self._any[words] = (
                ("" in words or any(map(starts.__contains__, words)))
                and (self.before is None or self.before.has_any(words)))
        return found

    def blocks_with(self, words: tuple[str, ...]) -> list[Block] | None:
        """The blocks whose text holds one of ``words`` (lower-case), in order: in a first
        pass, those where one starts; in a later pass, the blocks in focus that hold one
        whole.

        ``None`` when lower-casing changed the text's length, so its offsets cannot be used.
        """
        if len(self.lower) != len(self.text):
            return None
        if "" in words:
            return self.focus_blocks
        starts = self.keyword_starts(words)
        found: dict[int, Block] = {}
        block_at, focus = self.block_at, self.focus
        for word in words:
            size = len(word)
            for at in starts.get(word, ()):
                block = block_at(at)
                if focus is None or (block.index in focus and block.start <= at
                                     and at + size <= block.end):
                    found[block.index] = block
        return [found[i] for i in sorted(found)]

    def line_start(self, block: Block) -> int:
        """Where the line holding ``block`` starts (before any leading blanks)."""
        return self.text.rfind("\n", 0, block.start) + 1

    def block_at(self, pos: int) -> Block:
        """The block holding offset ``pos`` (or the last one starting before it)."""
        i = bisect_right(self._starts, pos) - 1
        return self.blocks[max(i, 0)]

    def blocks_between(self, start: int, end: int) -> list[Block]:
        """The blocks a span overlaps."""
        first = max(bisect_right(self._starts, start) - 1, 0)
        found = self.blocks[first:bisect_left(self._starts, max(end, start + 1), first)]
        # blocks are sorted and do not overlap: only the first may end before the span
        return found[1:] if found and found[0].end <= start else found
