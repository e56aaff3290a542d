"""``dechaff clean --statistics`` and ``--stats``: removals by rule and family, counted on the
way (no ``--explain`` needed), equal to what ``dechaff.explain``'s traces say."""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

import dechaff
from dechaff.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INPUTS = [FIXTURES / "seed" / "exbulletin-2024-04-27.txt",
          *sorted((FIXTURES / "cases").glob("*.txt"))]
ROW = re.compile(r"^(\S+)(?: +(\S+))? +(\d+) +(\d+) +(\d+)$")


def from_traces(paths, **options):
    """The counts, read from each fixture's trace as ``dechaff.explain`` gives it."""
    rules = defaultdict(lambda: {"name": None, "removals": 0, "chars": 0, "documents": 0})
    families = defaultdict(lambda: {"removals": 0, "chars": 0, "documents": 0})
    for path in paths:
        changes = [c for r in dechaff.explain(path.read_bytes(), **options) for c in r.removals
                   if c.action in ("dropped", "cut", "moved")]
        for c in changes:
            chars = 0 if c.reason == "kept in the body" else len(c.text)
            rules[c.code]["name"] = c.name
            rules[c.code]["removals"] += 1
            rules[c.code]["chars"] += chars
            family = re.match(r"[A-Z]+", c.code).group(0)
            families[family]["removals"] += 1
            families[family]["chars"] += chars
        for code in {c.code for c in changes}:
            rules[code]["documents"] += 1
        for family in {re.match(r"[A-Z]+", c.code).group(0) for c in changes}:
            families[family]["documents"] += 1
    return dict(rules), dict(families)


def run(capsys, tmp_path, *argv):
    stats = tmp_path / "stats.json"
    status = main(["clean", "--no-config", "--stats", str(stats), *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured, json.loads(stats.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected():
    return from_traces(INPUTS)


def test_the_stats_file_counts_what_the_traces_hold(expected, tmp_path, capsys):
    rules, families = expected
    status, captured, stats = run(capsys, tmp_path, "-q", *INPUTS)
    assert status == 0 and stats["documents_read"] == len(INPUTS)
    assert stats["rules"] == rules and stats["families"] == families
    assert stats["removals_by_family"] == {f: c["removals"] for f, c in families.items()}
    # Counted without the trace in the output.
    assert all("dechaff_removals" not in json.loads(line) for line in captured.out.splitlines())


def test_repairs_and_splits_are_no_removals(expected, tmp_path, capsys):
    changes = [c for p in INPUTS for r in dechaff.explain(p.read_bytes()) for c in r.removals]
    only = {c.code for c in changes if c.action in ("repaired", "split")} - {
        c.code for c in changes if c.action in ("dropped", "cut", "moved")}
    assert {"RP01", "SP01"} <= only  # rules that only repair or split: they count nothing
    _, _, stats = run(capsys, tmp_path, "-q", *INPUTS)
    assert not only & set(stats["rules"]) and "RP" not in stats["families"]
    # A rule that both splits and removes (a closing footer) counts its removals alone.
    footer = [c for c in changes if c.code == "FT01"]
    assert stats["rules"]["FT01"]["removals"] == sum(c.action != "split" for c in footer) < len(footer)


def test_statistics_prints_the_same_counts_on_stderr(expected, tmp_path, capsys):
    rules, families = expected
    status, captured, _ = run(capsys, tmp_path, "-q", "--statistics", *INPUTS)
    assert status == 0
    printed = [ROW.match(line).groups() for line in captured.err.splitlines() if ROW.match(line)]
    assert {code: {"name": name, "removals": int(n), "chars": int(chars), "documents": int(docs)}
            for code, name, n, chars, docs in printed if name} == rules
    assert {fam: {"removals": int(n), "chars": int(chars), "documents": int(docs)}
            for fam, name, n, chars, docs in printed if not name} == families
    counts = [int(n) for code, name, n, _, _ in printed if name]
    assert counts == sorted(counts, reverse=True)  # most removals first


def test_without_statistics_no_table(tmp_path, capsys):
    _, captured, _ = run(capsys, tmp_path, *INPUTS[:2])
    assert "removals by family" in captured.err  # the summary, as before
    assert not any(line.startswith("code ") for line in captured.err.splitlines())


def test_an_ignored_rule_counts_nothing_and_the_counts_follow(tmp_path, capsys):
    rules, _ = from_traces(INPUTS[:1], ignore=["RL01"])
    _, _, stats = run(capsys, tmp_path, "-q", "--ignore", "RL01", INPUTS[0])
    assert "RL01" not in stats["rules"] and stats["rules"] == rules


def test_workers_count_the_same(expected, tmp_path, capsys):
    _, _, stats = run(capsys, tmp_path, "-q", "--workers", "2", *INPUTS)
    assert stats["rules"] == expected[0] and stats["families"] == expected[1]


def test_a_run_without_removals_says_so(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text("The council met on Monday and voted to close the old bridge.", encoding="utf-8")
    status, captured, stats = run(capsys, tmp_path, "-q", "--statistics", story)
    assert status == 0 and captured.err == "no removals\n" and stats["rules"] == {}
