"""Cleaning cleaned text changes nothing; traces point at their text; deep pages keep their
text (issue 10)."""

import dechaff
from dechaff.stages.repair import repair

LEDE = "The council met on Monday and voted to close the old bridge for repairs, officials said."


def render(record):
    return (record.title + "\n\n" if record.title else "") + record.body


def test_a_page_body_cleaned_again_as_html_is_the_same():
    # the text of a page, cleaned again as HTML, lost its line breaks
    first = dechaff.clean("<div>W-k-a</div>e w k e y G.", input="html")
    assert [r.body for r in first] == ["W-k-a\n\ne w k e y G."]
    again = dechaff.clean(first[0].body, input="html")
    assert [r.body for r in again] == [first[0].body]


def test_published_and_updated_lines_both_leave_the_body():
    text = f"Published May 1 2024 ...\nUpdated Jun 1 2024\n{LEDE}"
    record = dechaff.clean(text)[0]
    assert record.published == "2024-05-01" and record.body == LEDE
    assert [r.body for r in dechaff.clean(render(record))] == [record.body]


def test_an_entity_repair_is_traced_at_its_place_inside_a_mojibake_line():
    text = "The council met on Monday &amp; voted. It was in the cafÃ© that the mayor said it."
    fixed, _ = repair(text)
    trace = dechaff.explain(text)[0].removals
    entity = next(r for r in trace if r.code == "RP02")
    assert fixed.index("&") == 26 and (entity.start, entity.end) == (26, 27)  # was 80, 80
    assert fixed[entity.start:entity.end] == entity.replacement == "&"


def test_html_of_any_depth_keeps_its_text():
    # below 254 levels the text went, and below 2,048 the whole page did
    for depth in (300, 3000):
        page = (f"<html><body><p>First: {LEDE}</p>{'<div>' * depth}<p>Deep: {LEDE}</p>"
                f"{'</div>' * depth}<p>After: {LEDE}</p></body></html>")
        body = dechaff.clean(page)[0].body
        assert "First:" in body and f"Deep: {LEDE}" in body and "After:" in body, depth


def test_a_ten_mb_attribute_keeps_the_page():
    page = f'<html><body><div class="{"x" * 11_000_000}"><p>{LEDE}</p></div></body></html>'
    assert dechaff.clean(page, max_chars=12_000_000)[0].body == LEDE  # came out empty
