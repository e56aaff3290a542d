"""The articles phase: the articles rules see the list of a document's articles and propose
dropping or merging some; the engine folds back the splits that made no article.

A split whose article has no body text (what follows a closing footer, say) is no article:
the rules that judge such splits (``settled = False``) run first, and what none of them
drops is folded into the article before. The other rules then see the settled list. An
article dropped leaves its text out of the records, traced (to the article before it, or
to an empty one standing in its place when none is before); an article merged joins its
text to the article before.
"""

from __future__ import annotations

from .. import limits
from ..document import Proposal
from ..rules.base import ArticlesRule
from ..text import Piece, TextView
from .run import articles_rule
from .split import Article

#: What an article's trace holds: each piece dropped with it, and the proposal that did it.
Dropped = list[tuple[Proposal, Piece]]


def settle(articles: list[Article], rules: list[ArticlesRule], doc: TextView, run: limits.Run
           ) -> tuple[list[Article], list[Dropped]]:
    """The articles that stay, each with the pieces dropped into its trace."""
    dropped: list[Dropped] = [[] for _ in articles]
    for rule in rules:
        if not rule.settled:
            articles, dropped = _apply(rule, articles, dropped, doc, run)
    articles, dropped = _fold(articles, dropped)
    for rule in rules:
        if rule.settled:
            articles, dropped = _apply(rule, articles, dropped, doc, run)
    return articles, dropped


def _fold(articles: list[Article], dropped: list[Dropped]
          ) -> tuple[list[Article], list[Dropped]]:
    """Every article after the first with no body text, folded into the one before."""
    kept: list[Article] = []
    traces: list[Dropped] = []
    for article, trace in zip(articles, dropped):
        if kept and not article.has_body:
            kept[-1].pieces.extend(article.pieces)
            traces[-1].extend(trace)
        else:
            kept.append(article)
            traces.append(trace)
    return kept, traces


def _apply(rule: ArticlesRule, articles: list[Article], dropped: list[Dropped], doc: TextView,
           run: limits.Run) -> tuple[list[Article], list[Dropped]]:
    chosen: dict[int, Proposal] = {}
    for proposal in articles_rule(rule, list(articles), doc, run):
        for i in range(proposal.start, proposal.end):
            chosen.setdefault(i, proposal)
    if not chosen:
        return articles, dropped
    kept: list[Article] = []
    traces: list[Dropped] = []
    for i, (article, trace) in enumerate(zip(articles, dropped)):
        proposal = chosen.get(i)
        if proposal is None or (proposal.action == "merge" and not kept):
            kept.append(article)
            traces.append(list(trace))
        elif proposal.action == "merge":
            kept[-1].pieces.extend(article.pieces)
            traces[-1].extend(trace)
        else:
            if not kept:  # nothing before it: its trace goes to an empty article in its place
                kept.append(Article(article.start))
                traces.append([])
            traces[-1].extend([(proposal, piece) for piece in article.pieces] + trace)
    return kept, traces
