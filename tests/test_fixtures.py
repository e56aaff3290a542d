"""Every fixture end to end: a scrape in, the hand-written records out.

Fixtures live in ``fixtures/`` as ``NAME.txt`` beside ``NAME.expected.json``. Records are
compared field by field (only the fields the expectation names); bodies are compared with
runs of white space folded. Cases dechaff does not yet get right are listed in
``KNOWN_FAILURES`` and run as strict xfails, so fixing one is noticed.
"""

import json
from pathlib import Path

import pytest
import regex

import dechaff

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: ``fixtures/dev/`` (cases to learn from) and ``fixtures/check/`` (a check set: its cases
#: measure how the rules generalise, so none is fixed against one by one) are scored by
#: ``benchmarks/quality.py`` on rows of their own and never run here.
CASES = sorted(p for p in FIXTURES.rglob("*.expected.json") if p.parent.name not in ("dev", "dev2", "check"))

#: name -> why it fails today. Strict: an unexpected pass fails the run.
KNOWN_FAILURES: dict[str, str] = {}


def fold(text):
    return regex.sub(r"[ \t]+", " ", text or "").strip()


def case_id(path):
    return path.name[: -len(".expected.json")]


def load(path):
    expected = json.loads(path.read_text(encoding="utf-8"))
    source = path.with_name(case_id(path) + ".txt").read_bytes()
    return source, expected


def params():
    for path in CASES:
        marks = []
        if case_id(path) in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(reason=KNOWN_FAILURES[case_id(path)], strict=True))
        yield pytest.param(path, id=case_id(path), marks=marks)


def test_there_are_enough_fixtures():
    assert len(CASES) >= 26


@pytest.mark.parametrize("path", list(params()))
def test_fixture(path):
    source, expected = load(path)
    records = dechaff.clean(source)
    want = expected["records"]
    got = [r.to_dict(removals=False) for r in records]
    assert len(got) == len(want), f"{len(got)} records, expected {len(want)}: {[g['title'] for g in got]}"
    for n, (g, w) in enumerate(zip(got, want)):
        for key, value in w.items():
            if key == "body":
                assert fold(g["body"]) == fold(value), f"record {n} body differs"
            else:
                assert g[key] == value, f"record {n} {key}: {g[key]!r} != {value!r}"
    texts = [f"{g['title'] or ''}\n{g['body']}" for g in got]
    for noise in expected.get("noise", []):
        assert not any(noise in t for t in texts), f"noise {noise!r} leaked"
    for kept in expected.get("must_keep", []):
        assert any(kept in g["body"] for g in got), f"must-keep {kept!r} lost"
