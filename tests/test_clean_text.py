"""``dechaff.clean_text``: a scrape in, its records' bodies joined by a blank line out."""

import re
from pathlib import Path

import pytest

import dechaff

STORY = "The council met on Monday and voted to close the old bridge for a year, the mayor said."
NOISY = f"Also read: Another story about the bridge\n\n{STORY}"


def test_the_bodies_of_a_split_scrape_joined_by_a_blank_line(seed_text):
    records = dechaff.clean(seed_text)
    assert len(records) == 2
    text = dechaff.clean_text(seed_text)
    assert text == records[0].body + "\n\n" + records[1].body
    # Titles and the other fields are no part of it.
    assert all(r.title not in text for r in records)
    assert "Also read:" not in text and not text.endswith("\n")


def test_one_record_is_its_body_and_no_article_is_empty():
    assert dechaff.clean_text(NOISY) == STORY
    assert dechaff.clean_text(NOISY.encode("utf-8")) == STORY
    assert dechaff.clean_text("") == ""


def test_options_are_cleans_options(seed_text):
    assert "Also read:" in dechaff.clean_text(seed_text, ignore=["RL01"])
    assert "Also read:" in dechaff.clean_text(seed_text, config=dechaff.Config(ignore=("RL01",)))
    second = dechaff.clean(seed_text)[1].title  # a title when split, body text when not
    assert second in dechaff.clean_text(seed_text, split=False)
    assert second not in dechaff.clean_text(seed_text)


@pytest.mark.parametrize("bad", [None, float("nan"), 42, ["a text"]])
def test_what_is_no_text_raises_what_clean_raises(bad):
    with pytest.raises(dechaff.InputError) as by_clean:
        dechaff.clean(bad)
    with pytest.raises(dechaff.InputError) as by_clean_text:
        dechaff.clean_text(bad)
    assert str(by_clean_text.value) == str(by_clean.value)


def test_a_bad_option_raises_a_config_error():
    with pytest.raises(dechaff.ConfigError, match="unknown option"):
        dechaff.clean_text(STORY, ignroe=["RL01"])
    with pytest.raises(dechaff.ConfigError):
        dechaff.clean_text(STORY, ignore=["XX99"])


QUICKSTART = Path(__file__).resolve().parents[1] / "docs" / "quickstart.md"
CLEAN = "The council met on Monday."


def dataframe_examples() -> dict[str, str]:
    """The quickstart's dataframe examples, by the library each imports."""
    text = QUICKSTART.read_text(encoding="utf-8")
    section = text.split("## One column of clean text", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    return {re.search(r"^import (?!dechaff)(\w+)", b, re.MULTILINE).group(1): b for b in blocks}


def run_example(library: str) -> dict:
    pytest.importorskip(library, reason=f"{library} is not installed: the quickstart's {library} "
                                        f"example cannot run (pip install {library})")
    namespace: dict = {}
    exec(compile(dataframe_examples()[library], f"{QUICKSTART}:{library}", "exec"), namespace)
    return namespace


def test_the_quickstart_shows_pandas_polars_and_datasets():
    assert sorted(dataframe_examples()) == ["datasets", "pandas", "polars"]


def test_the_quickstarts_pandas_example():
    df = run_example("pandas")["df"]
    assert df["clean"][0] == CLEAN and df["clean"].isna()[1]
    assert df["kept"][0].startswith("Also read:") and df["kept"].isna()[1]
    with pytest.raises(dechaff.InputError):  # without na_action, a missing text is refused
        df["text"].map(dechaff.clean_text)


def test_the_quickstarts_polars_example():
    df = run_example("polars")["df"]
    assert df["clean"].to_list() == [CLEAN, None]
    assert df["text"][0].startswith("Also read:")


def test_the_quickstarts_datasets_example():
    dataset = run_example("datasets")["dataset"]
    assert dataset["clean"] == [CLEAN] and dataset["text"][0].startswith("Also read:")


def test_a_pandas_column():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": [NOISY, STORY, None]})
    cleaned = frame["text"].map(dechaff.clean_text, na_action="ignore")
    assert list(cleaned[:2]) == [STORY, STORY] and pd.isna(cleaned[2])


def test_clean_text_is_at_the_top_level():
    assert "clean_text" in dechaff.__all__ and dechaff.clean_text.__doc__
