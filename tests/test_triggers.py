"""The trigger scan (:mod:`dechaff.triggers`): one automaton finds every keyword of every rule,
and the text's answers (``has_any``, ``blocks_with``) are those of a substring search per
keyword in the lower-cased text, pass after pass."""

import pytest

import dechaff
from conftest import FIXTURES
from dechaff.text import TextView
from dechaff.triggers import Keywords

CLEANER = dechaff.Cleaner()
KEYWORDS = CLEANER.engine.keywords
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.txt"))
         if p.parent.name != "check"]
RULE_WORDS = sorted({r.keywords for r in CLEANER.rules if getattr(r, "keywords", ())})


def every_start(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, overlapping occurrences too: one find at a time."""
    found, at = [], text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def blocks_by_search(doc: TextView, words: tuple[str, ...]) -> list[int]:
    """The blocks ``blocks_with`` names, found as it once did: a search per keyword."""
    lower = doc.lower
    if doc.focus is not None:
        return [b.index for b in doc.focus_blocks if any(w in lower[b.start:b.end] for w in words)]
    return sorted({doc.block_at(at).index for w in words for at in every_start(lower, w)})


def test_the_cleaner_scans_for_every_text_rules_keywords():
    # the text rules' keywords, which the engine checks before it runs a rule (an article
    # rule's, if it had any, would not be)
    assert KEYWORDS.words == {w for r in CLEANER.rules if r.phase == "text" for w in r.keywords}
    assert len(KEYWORDS.words) > 100


@pytest.mark.parametrize("text", TEXTS[:40])
def test_the_scan_finds_every_occurrence_of_every_keyword(text):
    lower = text.lower()
    found = KEYWORDS.scan(lower)
    assert found == {w: every_start(lower, w) for w in KEYWORDS.words if w in lower}


def test_overlapping_and_nested_keywords_are_all_found():
    found = Keywords(["read", "read more", "more", "ore", "more less"]).scan("read more less")
    assert found == {"read": [0], "read more": [0], "more": [5], "ore": [6], "more less": [5]}


def test_case_is_as_in_the_lower_cased_text():
    doc = TextView("READ MORE: Other story\n\nThe council met.", keywords=Keywords(["read"]))
    assert doc.has_any(("read",)) and [b.index for b in doc.blocks_with(("read",))] == [0]
    # an upper-case keyword never matches the lower-cased text, as before
    assert not TextView("READ", keywords=Keywords(["READ"])).has_any(("READ",))
    # lower-casing that changes the length leaves no offsets to use: the whole text is read
    doc = TextView("İstanbul\n\nRead more", keywords=Keywords(["read"]))
    assert doc.has_any(("read",)) and doc.blocks_with(("read",)) is None


@pytest.mark.parametrize("text", TEXTS[:40])
def test_answers_are_those_of_a_search_per_keyword(text):
    doc = TextView(text, keywords=KEYWORDS)
    for words in RULE_WORDS:
        assert doc.has_any(words) == any(w in doc.lower for w in words)
        blocks = doc.blocks_with(words)
        if blocks is not None:
            assert [b.index for b in blocks] == blocks_by_search(doc, words)


def test_a_later_pass_scans_its_own_text():
    """The compacted text of a later pass has other offsets and other words: an answer from
    the text before it would name lines that are gone."""
    text = "Share this story\n\nThe council met on Monday.\n\nShare on Facebook and more."
    doc = TextView(text, keywords=KEYWORDS)
    assert [b.index for b in doc.blocks_with(("share",))] == [0, 2]
    first, last = doc.blocks[0], doc.blocks[2]
    later = doc.compacted([(first.start, first.end, False), (last.start, last.start + 6, False)],
                          [(last.start, last.start + 6)])
    assert later.text.startswith("\n\nThe council met")
    assert later.blocks_with(("share",)) == []  # the line in focus lost its "Share"
    assert later.has_any(("facebook",)) and not later.has_any(("share",))
    assert later.keyword_starts(("share",)) is not doc.keyword_starts(("share",))


def test_a_keyword_the_text_before_lacked_stays_lacking():
    """Removing text can join two words into a keyword ("more" + "less"); a rule skipped in
    the first pass stays skipped, as it always was."""
    doc = TextView("more [x] less", keywords=Keywords(["more less"]))
    assert not doc.has_any(("more less",))
    gone = doc.text.index("[x]")
    later = doc.compacted([(gone, gone + 4, False)], [(gone, gone + 4)])
    assert "more less" in later.text and not later.has_any(("more less",))


def test_a_view_without_the_cleaners_automaton_scans_for_what_it_is_asked():
    doc = TextView("Sponsored content\n\nThe council met.")
    assert doc.has_any(("sponsor",)) and [b.index for b in doc.blocks_with(("sponsor",))] == [0]
    assert not doc.has_any(("gallery",))
