"""Markdown that keeps an HTML page's structure: the title as a heading, its subheadings and
lists as Markdown; the plain ``body`` stays what it was."""

import pytest

import dechaff
from dechaff.cli import main
from dechaff.document import markdown

LEDE = ("Baking rye bread at home takes patience, but the method is simple and the results "
        "are worth every hour of waiting, our food writer says.")
CLOSE = ("The loaf keeps for a week when it is wrapped in a cloth, and it tastes better on "
         "the second day than on the first, many bakers agree.")
PAGE = f"""<html><head><title>How to bake rye bread at home</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/food">Food</a></nav>
<article><h1>How to bake rye bread at home</h1>
<p>{LEDE}</p>
<h2>What you will need</h2>
<ul><li>Rye flour, about 500 grams</li>
<li>A sourdough starter<ul><li>fed the night before</li></ul></li>
<li>Salt and water</li></ul>
<h3>The method</h3>
<ol><li>Mix the flour, starter and water into a thick paste.</li>
<li><p>Leave it covered for twelve hours.</p><p>A warm room helps.</p></li>
<li>Bake it for an hour at 220 degrees.</li></ol>
<p>{CLOSE}</p>
</article></body></html>"""

EXPECTED = f"""# How to bake rye bread at home

{LEDE}

## What you will need

- Rye flour, about 500 grams
- A sourdough starter
    - fed the night before
- Salt and water

### The method

1. Mix the flour, starter and water into a thick paste.
2. Leave it covered for twelve hours.
   A warm room helps.
3. Bake it for an hour at 220 degrees.

{CLOSE}"""


def test_an_html_pages_headings_and_lists_become_markdown():
    [record] = dechaff.clean(PAGE)
    assert record.to_markdown() == EXPECTED


def test_the_body_is_the_plain_text_it_was():
    [record] = dechaff.clean(PAGE)
    assert "#" not in record.body and "- " not in record.body
    assert record.body.split("\n\n")[1:4] == ["What you will need", "Rye flour, about 500 grams",
                                              "A sourdough starter"]
    assert len(record.kinds) == len(record.body.split("\n\n"))
    assert "kinds" not in record.to_dict() and "markdown" not in record.to_dict()
    assert record == dechaff.Record(**{**record.__dict__, "kinds": ()})  # not compared


def test_a_line_break_inside_a_list_item_stays_in_the_item():
    page = PAGE.replace("Salt and water", "Salt<br>And water, as much as it takes")
    [record] = dechaff.clean(page)
    assert "    - fed the night before\n- Salt\n  And water, as much as it takes\n\n###" in (
        record.to_markdown())


def test_text_input_gives_the_title_and_plain_paragraphs(seed_text):
    first = dechaff.clean(seed_text)[0]
    assert first.kinds == ()
    assert first.to_markdown() == f"# {first.title}\n\n{first.body}"


@pytest.mark.parametrize("name", ["page.md", None])
def test_the_command_line_writes_the_pages_structure(tmp_path, capsys, name):
    page = tmp_path / "bread.html"
    page.write_text(PAGE, encoding="utf-8")
    argv = ["clean", "--no-config", str(page)]
    argv += ["-o", str(tmp_path / name)] if name else ["--format", "markdown"]
    assert main(argv) == 0
    out = (tmp_path / name).read_text(encoding="utf-8") if name else capsys.readouterr().out
    assert out == EXPECTED + "\n"


def test_two_workers_write_the_same_markdown(tmp_path, capsys):
    for n in range(3):
        (tmp_path / f"page{n}.html").write_text(PAGE, encoding="utf-8")
    assert main(["clean", "--no-config", "--workers", "2", "--format", "markdown",
                 *sorted(str(p) for p in tmp_path.glob("*.html"))]) == 0
    assert capsys.readouterr().out == "\n---\n\n".join([EXPECTED + "\n"] * 3)


@pytest.mark.parametrize("text, shown", [
    ("# not a heading", "\\# not a heading"),
    ("- not an item", "\\- not an item"),
    ("> not a quote", "\\> not a quote"),
    ("12. not an item", "12\\. not an item"),
    ("---", "\\---"),
    ("#hashtag and 12.5 per cent", "#hashtag and 12.5 per cent"),
])
def test_a_plain_paragraph_that_reads_as_markup_is_escaped(text, shown):
    assert markdown(None, text) == shown


def test_kinds_that_do_not_fit_the_body_are_left_out():
    assert markdown("T", "a\n\nb", ("h2",)) == "# T\n\na\n\nb"


def test_the_html_docs_example_prints_what_the_page_shows(capsys):
    import re
    import textwrap
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "html.md").read_text(encoding="utf-8")
    step = text.split("9. **the record**", 1)[1]
    code, shown = re.search(r"```python\n(.*?)```\s*```text\n(.*?)```", step, re.S).groups()
    exec(textwrap.dedent(code), {})
    assert capsys.readouterr().out == textwrap.dedent(shown)
