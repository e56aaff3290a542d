"""The article phase: the article rules, on one article at a time.

Each rule sees the article's pieces as the rules before it left them, and proposes drops
and moves on them; a move's text leaves the body unless the move keeps it. Then the rules
that only drop (``repeatable``) run again while they find more: a dropped line can bring two
copies of a line together.
"""

from __future__ import annotations

from .. import limits
from ..document import Proposal
from ..rules.base import ArticleRule
from ..text import TextView
from .assemble import Assembler
from .passes import MAX_PASSES
from .run import article_rule
from .split import Article


def article_phase(article: Article, doc: TextView, assembler: Assembler,
                  rules: list[ArticleRule], run: limits.Run) -> list[Proposal]:
    """Run the article rules on ``article``, in order, then the repeatable ones again while
    they find more; return the moves (the fields they fill)."""
    moves: list[Proposal] = []
    changed = False
    for rule in rules:
        changed |= _apply(rule, article, doc, assembler, moves, run)
    again = [r for r in rules if r.repeatable]
    for _ in range(MAX_PASSES - 1):
        if not changed:
            break
        changed = False
        for rule in again:
            changed |= _apply(rule, article, doc, assembler, moves, run)
    return moves


def _apply(rule: ArticleRule, article: Article, doc: TextView, assembler: Assembler,
           moves: list[Proposal], run: limits.Run) -> bool:
    by_start = {p.start: p for p in article.pieces}
    gone: set[int] = set()
    for proposal in article_rule(rule, list(article.pieces), doc, run):
        piece = by_start.get(proposal.start)
        if piece is None or proposal.start in gone:
            continue
        if proposal.action == "move":
            moves.append(proposal)
            if proposal.keep:
                continue
        gone.add(proposal.start)
        assembler.add_piece(proposal, piece)
    if gone:
        article.pieces = [p for p in article.pieces if p.start not in gone]
    return bool(gone)
