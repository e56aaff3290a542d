"""`dechaff report`: one self-contained HTML page whose marks are the trace, entry for entry.

The first tests read the page as HTML (no browser); the last ones open it in headless
chromium with playwright, and are skipped, saying why, where either is missing.
"""

import json
import os
import re
import shutil
from collections import Counter
from html.parser import HTMLParser

import pytest

import dechaff
from dechaff.cli import main
from dechaff.document import Change, Record
from dechaff.report import Mark, Report, Shown, ShowingCleaner, build, draw, placed
from dechaff.io.readers import Document, Reader

from conftest import FIXTURES

SEED = FIXTURES / "seed" / "exbulletin-2024-04-27.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCRIPT = ("The council met on Monday and voted to keep the library open.\n\n"
          "<script>window.pwned = 1; document.title = 'pwned'</script>\n\n"
          "Residents said they were glad the decision came before the summer.\n")


class Marks(HTMLParser):
    """The page's marks (``data-entry`` to ``data-code``), its tags, and its script count."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, str] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "mark" in (attrs.get("class") or "").split():
            self.entries[attrs["data-entry"]] = attrs["data-code"]

    def codes(self) -> Counter:
        return Counter(self.entries.values())


def parse(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


def trace_codes(records) -> Counter:
    return Counter(c.code for r in records for c in r.removals)


def report(tmp_path, *args) -> tuple[int, str]:
    out = tmp_path / "report.html"
    status = main(["report", *map(str, args), "-o", str(out), "--no-config"])
    return status, out.read_text(encoding="utf-8") if out.exists() else ""


@pytest.fixture
def seed_page(tmp_path):
    status, page = report(tmp_path, SEED)
    assert status == 0
    return page


def test_the_seed_report_is_one_file_that_loads_nothing(tmp_path, seed_page):
    assert os.listdir(tmp_path) == ["report.html"]
    tags = parse(seed_page).tags
    assert not [t for t, _ in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in attrs for t, attrs in tags if t == "script")
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", seed_page)
    assert "@import" not in seed_page and "url(" not in seed_page


def test_every_trace_entry_is_one_mark(seed_page, seed_text):
    records = dechaff.explain(seed_text)
    assert parse(seed_page).codes() == trace_codes(records)
    assert sum(trace_codes(records).values()) == len(parse(seed_page).entries) > 20


def test_every_entry_of_the_seed_has_its_place_in_the_shown_text(seed_text):
    result = ShowingCleaner(explain=True).report(Document("seed", seed_text))
    assert len(result.texts) == len(result.records) == 2
    assert result.texts[0] is result.texts[1] and result.texts[0].repaired
    changes = [c for r in result.records for c in r.removals]
    assert all(placed(c, result.texts[0]) for c in changes)
    assert "after the repair stage" in dechaff.report.render([result])


def test_every_entry_of_the_cases_is_one_mark_in_place():
    paths = sorted(str(p) for p in (FIXTURES / "cases").glob("*.txt"))
    cleaner = ShowingCleaner(explain=True)
    reports = [cleaner.report(doc) for doc in Reader(paths)]
    assert reports and not [r.id for r in reports if r.error]
    for result in reports:
        for record, shown in zip(result.records, result.texts):
            assert all(placed(c, shown) for c in record.removals), result.id
    page = dechaff.report.render(reports, paths)
    assert parse(page).codes() == trace_codes(r for doc in reports for r in doc.records)
    assert 'class="outside"' not in page  # text inputs: every entry has its place


def _text_of(html: str) -> str:
    """What a reader sees of the drawn text, without the before-text of repairs."""
    html = re.sub(r'<del class="before">.*?</del>', "", html)
    html = re.sub(r'<span class="label">.*?</span>', "", html)
    return re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&lt;", "<")


def test_crossing_marks_are_drawn_in_fragments_of_one_entry():
    text = "alpha beta gamma delta"
    changes = [Change("RL01", "related.a", "cut", "alpha beta", 0, 10),
               Change("UI02", "ui.b", "cut", "beta gamma", 6, 16),
               Change("SP01", "split.c", "split", "gamma", 11, 11),
               Change("RP04", "repair.d", "repaired", "\u00a0", 5, 6, replacement=" ")]
    drawn = draw(text, [Mark(str(i), c) for i, c in enumerate(changes)])
    assert _text_of(drawn) == text
    assert drawn.count("<span") == drawn.count("</span>")
    entries = re.findall(r'data-entry="(\d)"', drawn)
    assert set(entries) == {"0", "1", "2", "3"} and entries.count("1") == 2  # UI02 in two
    assert drawn.count(' cont"') == 1 and "U+00A0" in drawn


def test_document_text_is_escaped(tmp_path):
    path = tmp_path / "script.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    status, page = report(tmp_path, "--text", path)
    assert status == 0
    assert "&lt;script&gt;window.pwned" in page
    assert page.count("<script") == 1  # the page's own


def test_flagged_documents_come_first(tmp_path, seed_text):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([json.dumps({"id": "fine", "text": seed_text}),
                               json.dumps({"id": "broken", "body": "no text field"})]) + "\n",
                    encoding="utf-8")
    status, page = report(tmp_path, "--id-field", "id", rows)
    assert status == 1  # as clean: a document failed
    ids = re.findall(r'<span class="doc-id">(.*?)</span>', page)
    assert ids == ["broken", "fine"]
    assert 'class="doc flagged"' in page and "error:" in page


def test_records_with_flags_sort_before_the_others():
    plain = Report("plain", [Record(body="x")], [None])
    guarded = Report("guarded", [Record(body="y", flags=["over-removal guard: ..."])], [None])

    class Fixed(ShowingCleaner):
        def report(self, doc):
            return {"plain": plain, "guarded": guarded}[doc.id]

    order = build([Document("plain", "x"), Document("guarded", "y")], Fixed())
    assert [r.id for r in order] == ["guarded", "plain"]


def test_an_html_page_lists_the_changes_made_on_its_markup(tmp_path):
    body = " ".join(["The council met on Monday and voted to keep the library open."] * 12)
    page_path = tmp_path / "page.html"
    page_path.write_text(f"<html><head><title>Library stays open</title></head><body>"
                         f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                         f"<article><h1>Library stays open</h1><p>{body}</p></article>"
                         f"</body></html>", encoding="utf-8")
    status, page = report(tmp_path, page_path)
    assert status == 0
    records = dechaff.explain(page_path.read_bytes())
    assert parse(page).codes() == trace_codes(records)
    assert any(c.start == -1 for r in records for c in r.removals)
    assert 'class="outside"' in page and "HTML rules extracted" in page


def test_a_missing_input_is_a_usage_error(tmp_path, capsys):
    status, page = report(tmp_path, tmp_path / "nowhere.txt")
    assert status == 2 and page == ""
    assert "nowhere.txt: no such file or folder" in capsys.readouterr().err


def test_the_output_may_not_be_an_input(tmp_path, capsys):
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED, copy)
    assert main(["report", str(copy), "-o", str(copy)]) == 2
    assert "would overwrite or be read as the input" in capsys.readouterr().err
    assert copy.read_bytes() == SEED.read_bytes()


def test_an_unwritable_output_is_status_4(tmp_path, capsys):
    assert main(["report", str(SEED), "-o", str(tmp_path / "no" / "such" / "r.html")]) == 4
    assert "cannot write" in capsys.readouterr().err


def test_the_shown_text_is_the_input_when_nothing_was_repaired():
    text = "The council met on Monday and voted.\n"
    result = ShowingCleaner(explain=True).report(Document("plain", text))
    assert result.texts == [Shown(text, repaired=False, page=False)]


# -- in a real browser -------------------------------------------------------------------


def no_browser(reason: str) -> None:
    """Skip, saying why; fail instead where CI installed the browser and asks for it."""
    if os.environ.get("DECHAFF_REQUIRE_BROWSER"):
        pytest.fail(f"DECHAFF_REQUIRE_BROWSER is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright import sync_api
    except ImportError:
        no_browser("playwright is not installed (pip install playwright; the test extra has it)")
    if not os.path.exists(CHROMIUM):
        no_browser(f"no chromium at {CHROMIUM} (apt-get install -y chromium; .ci/run does)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_page(browser, path):
    page = browser.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda r: problems.append(f"request {r.url}")
            if not r.url.startswith("file:") else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


@pytest.mark.timeout(120)
def test_in_a_browser_the_seed_report_loads_its_marks_and_filters(browser, tmp_path, seed_text):
    status, _ = report(tmp_path, SEED)
    assert status == 0
    page, problems = open_page(browser, tmp_path / "report.html")
    try:
        pairs = page.eval_on_selector_all(
            ".mark", "ms => ms.map(m => [m.dataset.entry, m.dataset.code])")
        assert Counter(dict(pairs).values()) == trace_codes(dechaff.explain(seed_text))

        def shown(code_family):
            return page.eval_on_selector_all(
                f'.mark[data-family="{code_family}"]', """ms => ms.map(m => [
                    m.classList.contains('off'), getComputedStyle(m).backgroundColor])""")

        assert shown("RL") and all(not off and bg != "rgba(0, 0, 0, 0)" for off, bg in shown("RL"))
        page.click('input[data-filter="family"][value="RL"]')
        assert all(off and bg == "rgba(0, 0, 0, 0)" for off, bg in shown("RL"))
        assert not any(off for off, _ in shown("PR"))  # the other families keep theirs
        page.click('input[data-filter="rule"][value="PR01"]')
        assert page.eval_on_selector_all('.mark[data-code="PR01"]',
                                         "ms => ms.every(m => m.classList.contains('off'))")
        page.click('input[data-filter="family"][value="RL"]')
        assert not any(off for off, _ in shown("RL"))
        assert problems == []
    finally:
        page.close()


@pytest.mark.timeout(120)
def test_in_a_browser_a_script_in_a_document_does_not_run(browser, tmp_path):
    path = tmp_path / "script.txt"
    path.write_text(SCRIPT, encoding="utf-8")
    assert report(tmp_path, "--text", path)[0] == 0
    page, problems = open_page(browser, tmp_path / "report.html")
    try:
        assert page.evaluate("window.pwned === undefined && document.title === 'dechaff report'")
        assert "window.pwned" in page.inner_text("#documents")
        assert problems == []
    finally:
        page.close()
