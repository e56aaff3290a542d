"""The over-removal guard: an article whose paragraph text the rules would mostly remove is
kept as it was, and flagged (``Config.max_removed_share``); as trafilatura undoes a pruning
that leaves too little."""

from __future__ import annotations

from dataclasses import replace

from ..document import Record
from ..shapes import is_body, word_count
from ..text import TextView
from .assemble import Assembler
from .settle import Dropped
from .split import Article

#: The guard looks after articles with at least this many words of paragraphs.
GUARD_MIN_WORDS = 50


def guard(record: Record, article: Article, doc: TextView, assembler: Assembler,
          settled: Dropped, share: float | None) -> Record:
    """``record``, or the article as it was, flagged, when its rules removed more than
    ``share`` of its paragraph text (the lines a page rule dropped as chrome not counted)."""
    if share is None:
        return record
    start, end = assembler.span(article)
    blocks = doc.blocks_between(start, end)
    claimed = assembler.ledger.claimed
    paragraphs = [b.text for b in blocks if is_body(b.text)
                  and not (b.index in claimed and claimed[b.index].rule.page_level)]
    if sum(word_count(t) for t in paragraphs) < GUARD_MIN_WORDS:
        return record  # a stub that is all noise may well go whole
    before = sum(map(len, paragraphs)) - sum(len(p.text) for _, p in settled if is_body(p.text))
    after = sum(len(p.text) for p in article.pieces)
    if before <= 0 or after >= (1 - share) * before:
        return record
    flag = (f"over-removal guard: the rules would have removed {1 - after / before:.0%} of "
            f"this article's paragraph text (limit {share:.0%}); it is kept as it was")
    kept = [r for r in record.removals if r.action in ("repaired", "split")]
    return replace(record, body="\n\n".join(b.text for b in blocks), removals=kept,
                   flags=[*record.flags, flag], counts={},
                   kinds=assembler.kinds_of([b.index for b in blocks]))
