"""The evidence rules: what reads as article text stays, the rest goes, with its reason."""

import pytest

import dechaff
from dechaff.features import line

PARA = "The council met on Monday and voted to close the old bridge for repairs."
NEXT = "The bridge will stay shut until the spring, officials said on Tuesday."


def bodies(text, **options):
    return [r.body for r in dechaff.clean(text, **options)]


def test_a_line_is_measured_once():
    first = line("Photo: Reuters/File")
    assert line("Photo: Reuters/File") is first  # cached by its text
    assert first.label and not first.prose and first.words == 3


def test_the_reason_says_what_the_line_is_and_where():
    text = f"{PARA}\n\nSee All Newsletters\n\nMore from the council\n\nPick Six\n\n{NEXT}"
    removals = [r for rec in dechaff.explain(text, select=["EV02"]) for r in rec.removals]
    assert [r.text for r in removals] == ["See All Newsletters", "More from the council", "Pick Six"]
    assert removals[0].reason == ("not article text: 3 words, no sentence end, between two "
                                  "paragraphs")


@pytest.mark.parametrize("favor,kept", [
    ("precision", []),
    ("balanced", ["Nobody was hurt."]),
    ("recall", ["Nobody was hurt.", "More from the council", "Council news roundup"]),
])
def test_favor_moves_the_threshold(favor, kept):
    text = (f"{PARA}\n\nNobody was hurt.\n\n{NEXT}\n\nMore from the council\n\nCouncil news roundup"
            f"\n\n{PARA}")
    body = bodies(text, favor=favor)[0]
    for candidate in ("Nobody was hurt.", "More from the council", "Council news roundup"):
        assert (candidate in body) == (candidate in kept), (favor, body)


def test_a_rule_setting_wins_over_the_config():
    text = f"{PARA}\n\nMore from the council\n\nCouncil news roundup\n\n{NEXT}"
    body = bodies(text, favor="precision", rules={"EV02": {"favor": "recall"}})[0]
    assert "More from the council" in body


def test_a_wrong_favor_is_refused():
    with pytest.raises(dechaff.ConfigError, match="favor"):
        dechaff.Config(favor="greedy")
    with pytest.raises(dechaff.ConfigError, match="favor"):
        dechaff.Cleaner(rules={"EV02": {"favor": "greedy"}})


@pytest.mark.parametrize("middle,kept", [
    # numbered steps under the line that introduces them
    ("To apply for a permit:\n\n1. Fill in the form\n\n2. Attach a photo\n\n"
     "3. Pay the fee at the desk", ["To apply for a permit:", "2. Attach a photo"]),
    # a sentence that links broke into lines
    ("The plan was first reported by\n\nCity Herald\n\n, which said the works would start in May.",
     ["The plan was first reported by", "City Herald"]),
    # a dateline on its own line
    ("Berlin.", ["Berlin."]),
], ids=["steps", "broken-sentence", "dateline"])
def test_the_shapes_of_real_text_stay(middle, kept):
    body = bodies(f"{PARA}\n\n{middle}\n\n{NEXT}\n\nNo one was hurt.")[0]
    for line_ in [*kept, "No one was hurt."]:  # and a short closing line
        assert line_ in body


def test_a_list_of_other_headlines_goes_whole():
    text = (f"{PARA}\n\nFerry fares rise in March\n\nHarbour master named\n\n"
            f"Island bus route cut\n\n{NEXT}")
    body = bodies(text)[0]
    assert "Harbour master named" not in body and "Island bus route cut" not in body


def test_an_article_without_a_paragraph_is_left_alone():
    text = "Opening hours\n\nMonday to Friday\n\nNine to five\n\nClosed on holidays"
    removals = [r for rec in dechaff.explain(text) for r in rec.removals if r.code == "EV02"]
    assert removals == []
