"""The engine checks every proposal, and a bad one names its rule (issue 10)."""

import time

import pytest

import dechaff
from dechaff.errors import RuleError
from dechaff.rules.base import Proposal
from dechaff.engine.validate import MAX_PROPOSALS
from rulekit import registered, rule

TEXT = "The council met on Monday and voted to close the old bridge for repairs."


def proposing(make, phase="text"):
    def propose(self, *args):
        yield make(self)
    return rule("BAD01", propose, phase=phase)


@pytest.mark.parametrize("make,problem", [
    (lambda r: Proposal("erase", 0, 3, r), "action 'erase'"),              # KeyError before
    (lambda r: None, "None is a NoneType, not a Proposal"),                # AttributeError
    (lambda r: ("cut", 0, 3), "is a tuple, not a Proposal"),
    (lambda r: r.cut(0.0, 3.5), "start 0.0 is a float, not an int"),       # TypeError
    (lambda r: r.cut(-5, 3), "offsets -5:3 are not within the text"),     # sliced from the end
    (lambda r: r.cut(3, 10**6), "offsets 3:1000000 are not within the text"),
    (lambda r: r.cut(10, 3), "offsets 10:3"),
    (lambda r: r.move(0, 3, "summary", "x"), "field 'summary' is none of"),  # text deleted
    (lambda r: r.move(0, 3, "title", 42), "value for title must be str, not 42"),  # to_dict
    (lambda r: r.move(0, 3, "authors", ["Jane", 7]), "authors must be str or a list of str"),
    (lambda r: r.drop(0, 3, field="title"), "a drop takes no field"),
    (lambda r: r.cut(0, 3, reason=["why"]), "reason ['why'] is not a str"),
    (lambda r: Proposal("cut", 0, 3, "me"), "its rule is 'me', not a Rule"),
])
@pytest.mark.parametrize("phase", ["text", "article"])
def test_a_bad_proposal_fails_the_document_naming_the_rule(make, problem, phase):
    with registered(proposing(make, phase)), pytest.raises(RuleError) as exc:
        dechaff.clean(TEXT)
    assert exc.value.rule_code == "BAD01" and "BAD01 (test.bad01)" in str(exc.value)
    assert problem in str(exc.value)


def test_good_moves_fill_their_fields():
    good = proposing(lambda r: r.move(0, 3, "authors", ["Jane Doe"]))
    with registered(good):
        assert dechaff.clean(TEXT)[0].authors == ["Jane Doe"]


def test_a_rule_that_proposes_without_end_is_capped():
    def flood(self, doc):
        while True:
            yield self.cut(0, 1)

    started = time.monotonic()
    with registered(rule("FLOOD01", flood)), pytest.raises(RuleError) as exc:
        dechaff.clean(TEXT, time_limit=None)  # the cap, not the deadline, stops it
    assert time.monotonic() - started < 10
    assert "FLOOD01" in str(exc.value) and f"{MAX_PROPOSALS:,}" in str(exc.value)


def test_many_proposals_under_the_cap_run_in_reasonable_time():
    def many(self, doc):
        for _ in range(MAX_PROPOSALS):
            yield self.cut(0, 3)

    started = time.monotonic()
    with registered(rule("MANY01", many)):
        records = dechaff.clean(TEXT)
    assert time.monotonic() - started < 10 and not records[0].body.startswith("The")
