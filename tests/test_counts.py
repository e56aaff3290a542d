"""``Record.counts``: each record's removals by rule, kept whether or not the trace is built,
equal to what its trace says (``dechaff.document.counted``); a corpus run counts from them
and builds no trace unless ``--explain`` asks for one."""

import json
from collections import Counter
from dataclasses import replace

import pytest

import dechaff
from conftest import FIXTURES
from dechaff.cli import main
from dechaff.document import counted
from dechaff.engine.assemble import Assembler
from test_html import NOISY, PARAS, page

INPUTS = [p for p in sorted(FIXTURES.glob("*/*.txt")) if p.parent.name != "check"]
PLAIN, TRACED = dechaff.Cleaner(), dechaff.Cleaner(explain=True)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_counts_are_what_the_trace_says(path):
    source = path.read_bytes()
    traced, plain = TRACED.clean(source), PLAIN.clean(source)
    assert [r.counts for r in traced] == [counted(r.removals) for r in traced]
    assert [r.counts for r in plain] == [r.counts for r in traced]
    assert plain == [replace(r, removals=[]) for r in traced]


def test_some_fixtures_count_something():
    counts = [r.counts for p in INPUTS[:20] for r in PLAIN.clean(p.read_bytes())]
    assert sum(n for c in counts for n, _ in c.values()) > 50


@pytest.mark.parametrize("html", [NOISY, page(f"<article><p>{PARAS[0]}</p></article>")])
def test_on_a_page_the_html_rules_are_counted_when_asked(html):
    traced = TRACED.clean(html)
    assert [r.counts for r in traced] == [counted(r.removals) for r in traced]
    asked = PLAIN.clean(html, count=True)
    assert [r.counts for r in asked] == [r.counts for r in traced]
    assert all(r.removals == [] for r in asked)
    # without it, only the text rules' removals are counted (the HTML rules' text is not read)
    plain = PLAIN.clean(html)
    assert all(not any(code.startswith("HT") for code, _ in r.counts) for r in plain)


def test_html_rules_count_on_a_noisy_page():
    [record] = PLAIN.clean(NOISY, count=True)
    assert any(code.startswith("HT") for code, _ in record.counts)


def test_a_corpus_run_builds_no_trace_unless_asked(tmp_path, capsys, monkeypatch):
    def no_trace(self, repairs):
        raise AssertionError("the trace was built")

    stats = tmp_path / "stats.json"
    inputs = [str(p) for p in INPUTS[:8]]
    monkeypatch.setattr(Assembler, "_trace", no_trace)
    assert main(["clean", "--no-config", "-q", "--stats", str(stats), *inputs]) == 0
    out = capsys.readouterr().out
    assert out and "dechaff_removals" not in out
    counts = json.loads(stats.read_text(encoding="utf-8"))["rules"]
    monkeypatch.undo()
    expected: Counter = Counter()
    for p in INPUTS[:8]:
        for r in TRACED.clean(p.read_bytes()):
            for (code, _), (n, _) in counted(r.removals).items():
                expected[code] += n
    assert {code: c["removals"] for code, c in counts.items()} == dict(expected)
