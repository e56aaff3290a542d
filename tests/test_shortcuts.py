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


def _random_texts(alphabet, count=2000, longest=40, seed=13):
    import random
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(longest))) for _ in range(count)]


def test_blanks_collapse_as_the_pattern_collapses_them():
    from dechaff.stages import repair
    alphabet = [" ", " ", "a", "\n", "\t", "\f", "\v", "\u00a0", "\u2009", "\u3000", "\u200b", "é"]
    for text in _random_texts(alphabet) + LINES:
        assert repair.collapse_blanks(text) == repair._RUN.sub(" ", text)


def test_glued_labels_are_found_where_the_pattern_finds_them():
    from dechaff.stages import repair
    words = ["Phone", "Tel", "Telephone", "Number", "No.", ":", " ", "  ", "\u00a0", "E-mail",
             "Email", "Web", "Website", "Contact", "Person", "for", "contact", "Name", "x",
             "Company", "Address", "Fax", "Mobile", "Personal", "Persoń", "Person\u0301", "1"]
    texts = ["".join(parts) for parts in _random_texts(words, count=4000, longest=12)]
    for text in texts + LINES:
        assert [m.span() for m in repair._labels(text)] == [
            m.span() for m in repair._LABEL_AT.finditer(text)]


def _joined_by_the_pattern(text):
    """What working_text gave when it was ``_JOIN.sub`` over the whole text."""
    from dechaff.text import _JOIN, _LINK_LINE

    def join(match):
        line_start = text.rfind("\n", 0, match.start()) + 1
        return "\n" if _LINK_LINE.match(text, line_start, match.start()) else " "

    return _JOIN.sub(join, text)


def test_broken_sentences_join_where_the_pattern_joins_them():
    from dechaff.text import working_text
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.txt"))
             if p.parent.name != "check"]
    words = ["\n", "\n", " ", "\u00a0", "\x1c", "(", "“", "«", "the", "The", "Éte", "état", ",",
             ".", "share", "this", "https://x.io", "date", "2024-04-27", "Also read", ":", "mon",
             "Monday", "5", "1", "…", "”", "Ab", "ab:", "ß"]
    texts += ["".join(parts) for parts in _random_texts(words, count=4000, longest=14)]
    for text in texts:
        assert working_text(text) == _joined_by_the_pattern(text)
