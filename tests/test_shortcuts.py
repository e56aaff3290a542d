"""Shortcuts the speed work took: each cheap look answers as the slow one it stands before.

A shortcut may only rule out what the pattern or the function behind it could never find;
these tests read every line of the fixtures (the check set left out) both ways."""

import regex

from conftest import FIXTURES
from dechaff import dates
from dechaff.text import TextView

LINES = sorted({b.text for p in sorted(FIXTURES.glob("*/*.txt")) if p.parent.name != "check"
                for b in TextView(p.read_text(encoding="utf-8")).blocks})


def test_every_date_the_pattern_finds_holds_a_year_the_look_sees():
    found = [m.group() for text in LINES if (m := dates._FIND.search(text))]
    assert len(found) > 50
    assert all(dates.may_hold_date(text) for text in found)
    # and so a line it rules out holds no date
    assert all(dates._FIND.search(text) is None for text in LINES if not dates.may_hold_date(text))


def test_a_date_with_no_year_is_none_either_way():
    for text in ("March 3", "Monday, 10:30", "Posted 3 hours ago", "14 Oct"):
        assert not dates.may_hold_date(text) or dates._FIND.search(text) is None
        assert dates.find_date(text) is None and dates.parse_date(text) is None


def test_a_year_in_other_digits_is_no_date_to_the_pattern():
    # The pattern's years are ASCII digits ([0-9]): a year in Devanagari or Arabic-Indic
    # digits is no year to it, so the look may rule such a line out.
    for text in ("१४ मार्च २०२५", "١٤ مارس ٢٠٢٥"):
        assert not dates.may_hold_date(text)
        assert dates._FIND.search(text) is None
