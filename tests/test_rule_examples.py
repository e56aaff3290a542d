"""Every rule's own examples, run as tests: alone (only that rule on) and with all rules."""

import pytest

import dechaff
from dechaff.testing import check_example
from dechaff.rules import all_rules

CASES = [(cls, i) for cls in all_rules() for i in range(len(cls.examples))]


@pytest.mark.parametrize("cls,i", CASES, ids=[f"{c.code}-{i}" for c, i in CASES])
def test_example_alone(cls, i):
    check_example(cls, cls.examples[i])


KEEPS = [(cls, i) for cls, i in CASES if not cls.examples[i].removes]


@pytest.mark.parametrize("cls,i", KEEPS, ids=[f"{c.code}-{i}" for c, i in KEEPS])
def test_lookalike_survives_every_rule(cls, i):
    """A look-alike must stay even when every other rule runs too (precision)."""
    example = cls.examples[i]
    records = dechaff.clean(example.text)
    text = "\n".join(f"{r.title or ''}\n{r.body}" for r in records)
    for kept in example.kept:
        assert kept in text, f"{cls.code}: look-alike {kept!r} lost with all rules on"


@pytest.mark.parametrize("cls", all_rules(), ids=lambda c: c.code)
def test_every_rule_has_positive_and_negative_examples(cls):
    assert any(e.removes for e in cls.examples), f"{cls.code} has no example it removes"
    assert any(not e.removes for e in cls.examples), f"{cls.code} has no look-alike to keep"
    assert cls.__doc__ and cls.description and "." in cls.name


def test_codes_and_names_are_unique():
    rules = all_rules()
    assert len({c.code for c in rules}) == len(rules)
    assert len({c.name for c in rules}) == len(rules)
