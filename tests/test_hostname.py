"""The record's ``hostname``: read from its URL, written by every output through the schema."""

import json

import pytest

import dechaff
from dechaff.cli import main
from dechaff.document import hostname
from dechaff.io import schema

BODY = ("The city council voted on Monday to close the old river bridge for at least a year, "
        "after engineers found that its steel supports had corroded far faster than expected.")
PAGE = ("<!DOCTYPE html><html><head><title>Bridge to close</title>"
        "<link rel='canonical' href='https://WWW.Post.Example:8443/news/bridge?x=1'></head>"
        f"<body><article><h1>Bridge to close</h1><p>{BODY}</p></article></body></html>")
#: A look-alike: a text scrape that names an address in its body has no URL of its own.
TEXT = f"{BODY} Read it at https://www.other.example/story today."


@pytest.mark.parametrize("url, host", [
    ("https://www.example.com/a", "example.com"),
    ("http://User:pw@News.Example.CO.UK:8080/a?b#c", "news.example.co.uk"),
    ("https://www2.example.com/", "www2.example.com"),   # only "www." is dropped
    ("https://wwwexample.com/", "wwwexample.com"),
    ("https://sport.example.com/x", "sport.example.com"),  # other subdomains are kept
    ("www.example.com/a", None),                          # no scheme: no host to read
    ("/news/a", None),
    ("http://[::1", None),                                # malformed
    ("", None),
    (None, None),
])
def test_hostname_of_a_url(url, host):
    assert hostname(url) == host


def test_a_record_has_the_hostname_of_its_url_and_none_without_one():
    [page] = dechaff.clean(PAGE)
    assert page.url.startswith("https://WWW.Post.Example:8443") and page.hostname == "post.example"
    assert page.to_dict()["hostname"] == "post.example"
    [text] = dechaff.clean(TEXT)
    assert text.url is None and text.hostname is None and text.to_dict()["hostname"] is None


def test_jsonl_and_parquet_rows_carry_dechaff_hostname(tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    source = tmp_path / "in.jsonl"
    # The input's own `url` field is passed through; it is not the record's URL.
    source.write_text("".join(json.dumps(row) + "\n" for row in (
        {"text": PAGE, "url": "https://input.example/1"},
        {"text": TEXT, "url": "https://input.example/2"})), encoding="utf-8")
    assert main(["clean", "--no-config", "-q", str(source)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["dechaff_hostname"] for r in rows] == ["post.example", None]
    assert [r["url"] for r in rows] == ["https://input.example/1", "https://input.example/2"]
    target = tmp_path / "out.parquet"
    assert main(["clean", "--no-config", "-q", "-o", str(target), str(source)]) == 0
    assert pq.read_table(target).column("dechaff_hostname").to_pylist() == ["post.example", None]


def test_batch_cleaner_columns_carry_dechaff_hostname():
    pytest.importorskip("pyarrow")
    out = dechaff.batch_cleaner()({"text": [PAGE, TEXT]}).to_pydict()
    assert out["dechaff_hostname"] == ["post.example", None]
    assert list(out).index("dechaff_hostname") == list(out).index("dechaff_url") + 1


def test_the_schema_places_hostname_after_url():
    keys = list(schema.RECORD_KEYS)
    assert keys.index("hostname") == keys.index("url") + 1
    assert schema.BY_KEY["hostname"].type == "string"
