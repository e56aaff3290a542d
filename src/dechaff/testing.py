"""Helpers for testing rules: run a rule's examples the way dechaff's own tests do.

A plugin's test suite can check its rules with one line::

    @pytest.mark.parametrize("example", MyRule.examples)
    def test_my_rule(example):
        check_example(MyRule, example)
"""

from __future__ import annotations

from .config import Config
from .pipeline import Cleaner
from .rules.base import Example, Rule


def check_example(rule: type[Rule], example: Example) -> None:
    """Clean ``example.text`` with only ``rule`` (and ``example.also``) on; assert the outcome.

    Raises ``AssertionError`` naming the rule and the example when a ``gone`` string
    survives, a ``kept`` string is lost, or a field has another value.
    """
    cleaner = Cleaner(Config(select=(rule.code, *example.also)))
    records = cleaner.clean(example.text)
    texts = [t for r in records for t in (r.title or "", r.body)]
    bodies = [r.body for r in records]
    for gone in example.gone:
        assert not any(gone in t for t in texts), f"{rule.code}: {gone!r} survived in {texts!r}"
    for kept in example.kept:
        assert any(kept in b for b in bodies), f"{rule.code}: look-alike {kept!r} lost: {bodies!r}"
    if example.records is not None:
        assert len(records) == example.records, (
            f"{rule.code}: {len(records)} records, expected {example.records}")
    for name, value in example.fields.items():
        assert records, f"{rule.code}: no record from {example.text!r}"
        got = getattr(records[0], name)
        assert got == value, f"{rule.code}: {name} is {got!r}, expected {value!r}"
