"""The engine checks every proposal, and a bad one names its rule (issue 10)."""


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


@pytest.mark.timeout(120)  # a hang guard, not a speed check
def test_a_rule_that_proposes_without_end_is_capped():
    def flood(self, doc):
        while True:
            yield self.cut(0, 1)

    with registered(rule("FLOOD01", flood)), pytest.raises(RuleError) as exc:
        dechaff.clean(TEXT, time_limit=None)  # the cap, not the deadline, stops it
    assert "FLOOD01" in str(exc.value) and f"{MAX_PROPOSALS:,}" in str(exc.value)


@pytest.mark.timeout(120)  # a hang guard, not a speed check
def test_as_many_proposals_as_the_cap_allows_are_applied():
    def many(self, doc):
        for _ in range(MAX_PROPOSALS):
            yield self.cut(0, 3)

    with registered(rule("MANY01", many)):
        records = dechaff.clean(TEXT, time_limit=None)
    # (each pass proposes the cut again at the start of what the passes before it left)
    assert not records[0].body.startswith("The") and records[0].body.endswith("for repairs.")


GLUED = ("Ferry operator orders two hybrid vessels for island routes\n\nCoastline Ferries has "
         "ordered two hybrid vessels to replace the ageing ships on its busiest island routes, "
         "in a deal worth around 95 million euros, the company said on Tuesday. " * 2 + "\n\n"
         "date 2024-04-27\n\nMuseum returns carved doorway to village after 90 years\n\n"
         + "A carved wooden doorway removed from a village meeting house in the 1930s has been "
         "returned by the city museum that displayed it, the mayor said on Friday. " * 3)


def articles_rule(code, propose, **attrs):
    return type(f"Test_{code}", (dechaff.rules.ArticlesRule,), {
        "code": code, "name": f"test.{code.lower()}", "description": "A rule for a test.",
        "propose_articles": propose, "__module__": "tests.rulekit", **attrs})


def test_an_articles_rule_merges_or_drops_articles():
    assert len(dechaff.clean(GLUED)) == 2
    merge = articles_rule("MERGE01", lambda self, articles, doc: [self.merge(1, len(articles))])
    with registered(merge):
        records = dechaff.clean(GLUED)
    assert len(records) == 1 and "carved wooden doorway" in records[0].body
    drop = articles_rule("DROP01", lambda self, articles, doc: [self.drop(1, 2, reason="why")])
    with registered(drop):
        records = dechaff.explain(GLUED)
    assert len(records) == 1 and "carved wooden doorway" not in records[0].body
    assert any(r.code == "DROP01" and r.reason == "why" for r in records[0].removals)


@pytest.mark.parametrize("make,problem", [
    (lambda r, n: r.drop(0, n + 1), "not within the 2 articles"),
    (lambda r, n: r.cut(0, 1), "action 'cut' is none of drop, merge"),
    (lambda r, n: r.drop(1, 1), "offsets 1:1"),
])
def test_a_bad_articles_proposal_fails_the_document_naming_the_rule(make, problem):
    bad = articles_rule("BADA01", lambda self, articles, doc: [make(self, len(articles))])
    with registered(bad), pytest.raises(RuleError) as exc:
        dechaff.clean(GLUED)
    assert exc.value.rule_code == "BADA01" and problem in str(exc.value)


PAGE = ("<html><body><div class='menu'><a>Home</a> <a>World</a></div><article><h1>Bridge to "
        "close</h1><p>The council voted on Monday to close the old bridge for repairs, the mayor "
        "said after a long meeting that ran late into the night.</p><p>Work starts in May and "
        "will take a year, officials said.</p></article></body></html>")


def test_a_bad_html_proposal_fails_the_document_naming_the_rule():
    from dechaff.document import Proposal as P

    def propose(self, element, tag, names, page):
        return P("drop", 0, 5, self)  # a drop before the walk names no element

    bad = type("Test_BADH01", (dechaff.rules.HtmlRule,), {
        "code": "BADH01", "name": "test.badh01", "description": "A rule for a test.",
        "tags": frozenset({"p"}), "propose_element": propose, "__module__": "tests.rulekit"})
    with registered(bad), pytest.raises(RuleError) as exc:
        dechaff.clean(PAGE)
    assert exc.value.rule_code == "BADH01" and "bad proposal" in str(exc.value)


def test_html_rules_propose_and_the_engine_traces():
    records = dechaff.explain(PAGE)
    assert records[0].body.startswith("The council voted") and "Bridge to close" not in records[0].body
    codes = {(r.code, r.reason) for r in records[0].removals}
    assert ("HT11", "the headline: the record's title") in codes


def test_a_rule_written_before_the_kinds_is_its_phases_kind():
    legacy = rule("OLD01", lambda self, doc: iter(()))
    article = rule("OLD02", lambda self, pieces, doc: iter(()), phase="article")
    assert issubclass(legacy, dechaff.rules.TextRule)
    assert issubclass(article, dechaff.rules.ArticleRule)
    assert isinstance(legacy(), dechaff.Rule)


HEADLINE_PAGE = ("Bridge to close for a year\n\nThe council voted on Monday to close the old bridge "
                 "for repairs, the mayor said after a long meeting.")


def _line_rules(page_level, field="title"):
    """A rule that drops the first line, and one (page-level or not) that moves it."""
    def drop(self, doc):
        yield self.drop(doc.blocks[0].start, doc.blocks[0].end, reason="a list item")

    def move(self, doc):
        first = doc.blocks[0]
        yield self.move(first.start, first.end, field, first.text)

    return (rule("DROPL1", drop),
            rule("MOVEL1", move, page_level=page_level))


@pytest.mark.parametrize("page_level, field, title", [
    (True, "title", "Bridge to close for a year"),  # the page's headline: kept as the title
    (False, "title", None),  # any other rule: the line is the first rule's
    (True, "section", None),  # a page-level move into another field: the same
])
def test_a_page_level_rules_headline_takes_a_line_another_rule_dropped(page_level, field, title):
    with registered(*_line_rules(page_level, field)):
        [record] = dechaff.explain(HEADLINE_PAGE)
    assert record.title == title and record.section is None
    assert record.body.startswith("The council voted")
