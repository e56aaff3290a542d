"""The built-in rules, one module per family of noise; importing this registers them all."""

from . import footer, fields, boundaries, related, promo, wire, email, ui, structure  # noqa: F401  (registers)
from .base import Example, PatternRule, Proposal, Rule, keep, remove
from .registry import all_rules, get, register, select

__all__ = ["Example", "PatternRule", "Proposal", "Rule", "all_rules", "get", "keep", "register",
           "remove", "select"]
