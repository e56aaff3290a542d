"""Running one rule: under the document's deadline, contained, its proposals checked.

Whatever a rule raises (``SystemExit`` and ``KeyboardInterrupt`` too: a rule ends no run)
becomes a :class:`~dechaff.errors.RuleError` that names it, and so does a bad proposal
(:mod:`.validate`); the deadline is read after each rule (:mod:`dechaff.limits`).
"""

from __future__ import annotations

from typing import Any, Callable

from .. import limits
from ..document import Proposal
from ..rules.base import Rule, TextRule
from ..text import TextView
from .validate import check, collect


def text_rule(rule: TextRule, doc: TextView, run: limits.Run) -> list[Proposal]:
    """A text rule's proposals on ``doc`` (none if it does not apply to it).

    :func:`_contained` spelled out: a document runs some fifty text rules in each pass, most
    of which do not apply, and the calls it saves are a tenth of a small document's time."""
    run.rule = rule
    try:
        found = collect(rule, rule.propose(doc), len(doc.text)) if rule.applies_to(doc) else []
    except BaseException as exc:
        limits.fail(rule, exc)
    run.rule = None
    run.check(rule)
    return found


def article_rule(rule: Rule, pieces: list, doc: TextView, run: limits.Run) -> list[Proposal]:
    """An article rule's proposals on one article's ``pieces``."""
    return _contained(rule, run, lambda: collect(rule, rule.propose_article(pieces, doc),
                                                 len(doc.text)))


def articles_rule(rule: Rule, articles: list, doc: TextView, run: limits.Run) -> list[Proposal]:
    """An articles rule's proposals on the list of a document's ``articles``."""
    return _contained(rule, run, lambda: check(rule, rule.propose_articles(articles, doc),
                                               len(articles), "articles"))


def _contained(rule: Rule, run: limits.Run, propose: Callable[[], list[Proposal]]
               ) -> list[Proposal]:
    """What ``propose`` gives, ``rule`` named as the rule running; the deadline read after."""
    run.rule = rule
    try:
        found = propose()
    except BaseException as exc:
        limits.fail(rule, exc)
    run.rule = None
    run.check(rule)
    return found


def ask(rule: Rule, method: Callable[..., Any], *args: Any) -> Any:
    """What an HTML rule's ``method`` answers; what it raises becomes a RuleError naming it."""
    try:
        return method(*args)
    except BaseException as exc:
        limits.fail(rule, exc)
