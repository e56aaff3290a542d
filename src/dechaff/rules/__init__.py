"""Rules: what they are (:mod:`.base`: one metadata base, a kind per phase, and the examples
they carry), where they are kept (:mod:`.registry`), and the built-in families, one module
each (loaded through the ``dechaff.rules`` entry point).

A rule author's imports are here: ``from dechaff.rules import TextRule, keep, remove``.
"""

from ..document import Proposal
from .base import (ArticleRule, ArticlesRule, Example, HtmlRule, PatternRule, Rule, SentenceRule,
                   TextRule, keep, remove)
from .registry import all_rules, get, register, select

__all__ = ["ArticleRule", "ArticlesRule", "Example", "HtmlRule", "PatternRule", "Proposal", "Rule",
           "SentenceRule", "TextRule", "all_rules", "get", "keep", "register", "remove", "select"]
