"""The text outputs of ``dechaff clean``: ``txt`` (bodies only) and Markdown, for pipes."""

import json
import subprocess
import sys

import pytest

import dechaff
from dechaff.cli import main

STORY = "The council met on Monday and voted to close the old bridge for a year, the mayor said."


@pytest.fixture
def inputs(tmp_path, seed_text):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-seed.txt").write_text(seed_text, encoding="utf-8")
    (folder / "b-story.txt").write_text(f"Also read: Another story\n\n{STORY}", encoding="utf-8")
    return folder


def clean(capsys, *argv):
    status = main(["clean", "--no-config", *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_txt_is_the_bodies_a_blank_line_between_records_a_form_feed_between_documents(
        inputs, seed_text, capsys):
    status, out, _ = clean(capsys, inputs / "a-seed.txt", inputs / "b-story.txt", "--format", "txt")
    assert status == 0
    assert out == dechaff.clean_text(seed_text) + "\n\f\n" + STORY + "\n"
    pages = out.split("\f\n")
    assert len(pages) == 2 and pages[0].count("\n\n") >= 1  # the seed's two records, one page
    titles = [r.title for r in dechaff.clean(seed_text)]
    assert not any(title in out for title in titles) and "dechaff_" not in out


@pytest.mark.parametrize("name, form", [("out.txt", "txt"), ("out.md", "markdown")])
def test_the_output_name_chooses_the_text_formats(inputs, tmp_path, capsys, name, form):
    target = tmp_path / name
    assert clean(capsys, inputs, "-o", target)[0] == 0
    written = target.read_text(encoding="utf-8")
    status, out, _ = clean(capsys, inputs, "--format", form)
    assert status == 0 and written == out
    assert written.lstrip().startswith("#") == (form == "markdown")


def test_a_format_that_disagrees_with_the_name_is_a_usage_error(inputs, tmp_path, capsys):
    status, out, err = clean(capsys, inputs, "-o", tmp_path / "out.jsonl", "--format", "txt")
    assert status == 2 and "disagrees" in err and not (tmp_path / "out.jsonl").exists()


def test_markdown_titles_are_headings_and_bodies_paragraphs(inputs, seed_text, capsys):
    status, out, _ = clean(capsys, inputs, "--format", "markdown")
    first, second = dechaff.clean(seed_text)
    seed_page, story_page = out.split("\n---\n\n")
    assert seed_page == (f"# {first.title}\n\n{first.body}\n\n# {second.title}\n\n{second.body}\n")
    assert story_page == STORY + "\n"  # a record without a title is its body alone


def test_wc_counts_the_words_of_the_bodies(inputs, seed_text):
    result = subprocess.run(f"{sys.executable} -m dechaff clean --no-config -q --format txt "
                            f"{inputs / 'a-seed.txt'} | wc -w", shell=True, capture_output=True,
                            text=True)
    assert int(result.stdout) == len(dechaff.clean_text(seed_text).split())


def test_a_failed_document_goes_to_stderr_as_a_row_and_keeps_its_empty_page(inputs, capsys):
    missing = inputs / "missing.txt"
    status, out, err = clean(capsys, inputs / "a-seed.txt", missing, inputs / "b-story.txt",
                             "--format", "txt")
    assert status == 1
    assert out.split("\f\n")[1:] == ["", STORY + "\n"]  # the n-th page is the n-th document
    rows = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert [r["dechaff_id"] for r in rows] == [str(missing)] and "dechaff_error" in rows[0]
    assert f"dechaff: error: {missing}" in err
    # Quiet silences the messages, never the failed document's row.
    status, _, err = clean(capsys, missing, "--format", "txt", "-q")
    assert status == 1 and json.loads(err)["dechaff_id"] == str(missing)


def test_errors_file_takes_the_failed_rows_of_a_text_output(inputs, tmp_path, capsys):
    missing, errors = inputs / "missing.txt", tmp_path / "errors.jsonl"
    status, out, err = clean(capsys, missing, inputs / "b-story.txt", "--format", "txt",
                             "--errors", errors)
    assert status == 1 and out == "\f\n" + STORY + "\n"
    assert not any(line.startswith("{") for line in err.splitlines())
    [row] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert row["dechaff_id"] == str(missing)


@pytest.mark.parametrize("name", ["errors.txt", "errors.md"])
def test_an_errors_file_must_hold_rows(inputs, tmp_path, capsys, name):
    status, _, err = clean(capsys, inputs, "-o", tmp_path / "out.txt", "--errors", tmp_path / name)
    assert status == 2 and "--errors" in err and ".jsonl" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # nothing written


def test_a_form_feed_in_a_body_starts_no_page(tmp_path, capsys):
    story = tmp_path / "feed.txt"
    story.write_text(STORY.replace("Monday", "Monday\f"), encoding="utf-8")
    status, out, _ = clean(capsys, story, "--format", "txt", "--no-repair")
    assert status == 0 and out == STORY.replace("Monday", "Monday ") + "\n"
    status, out, _ = clean(capsys, story, "--no-repair")  # the rows keep the body as it is
    assert "Monday\f" in json.loads(out)["dechaff_body"]
