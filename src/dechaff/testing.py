"""Helpers for testing rules: run a rule's examples the way dechaff's own tests do.

A plugin's test suite checks all its rules' examples with one line::

    from dechaff.testing import example_tests
    test_examples = example_tests(MyRule, MyOtherRule, packs=["my_pack.toml"])

The example builders a rule's ``examples`` are written with, :func:`remove` and :func:`keep`,
are here too (and in :mod:`dechaff.rules`).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from .config import Config
from .pipeline import Cleaner
from .rules.base import Example, Rule, keep, remove

__all__ = ["Example", "check_example", "example_tests", "keep", "remove"]


def check_example(rule: type[Rule], example: Example, **options: Any) -> None:
    """Clean ``example.text`` with only ``rule`` (and ``example.also``) on; assert the outcome.

    ``options`` go to :class:`~dechaff.config.Config` (``packs=[...]`` for a pack's rule).
    Raises ``AssertionError`` naming the rule and the example when a ``gone`` string
    survives, a ``kept`` string is lost, or a field has another value.
    """
    cleaner = Cleaner(Config(select=(rule.code, *example.also), **options))
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


def example_tests(*rules: type[Rule], packs: Iterable[str] = ()) -> Callable[..., None]:
    """A pytest test, parametrised over every example of ``rules`` and of the rules in
    ``packs``; assign it to a ``test_`` name in a test module."""
    import pytest

    from .packs import load_pack

    pack_paths = tuple(str(p) for p in packs)
    cases = [(cls, e, {}) for cls in rules for e in cls.examples]
    cases += [(cls, e, {"packs": pack_paths}) for path in pack_paths for cls in load_pack(path)
              for e in cls.examples]

    @pytest.mark.parametrize("case", cases, ids=[f"{c.code}-{n}" for n, (c, _, _) in enumerate(cases)])
    def test_rule_example(case: tuple[type[Rule], Example, dict]) -> None:
        cls, example, options = case
        check_example(cls, example, **options)

    return test_rule_example
