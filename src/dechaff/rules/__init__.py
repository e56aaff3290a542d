"""Rules: what they are (:mod:`.base`), where they are kept (:mod:`.registry`), and the
built-in families, one module each (loaded through the ``dechaff.rules`` entry point)."""

from .base import Example, PatternRule, Proposal, Rule, keep, remove
from .registry import all_rules, get, register, select

__all__ = ["Example", "PatternRule", "Proposal", "Rule", "all_rules", "get", "keep", "register",
           "remove", "select"]
