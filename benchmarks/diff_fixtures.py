#!/usr/bin/env python3
"""Show, for each fixture dechaff gets wrong, what leaked and what was lost.

    python benchmarks/diff_fixtures.py [NAME_SUBSTRING]

A developer's tool: paragraphs in the output that the expectation does not have (leaked),
expected paragraphs missing from the output (lost), and field differences.
"""

import json
import sys
from pathlib import Path

import dechaff

ROOT = Path(__file__).resolve().parents[1] / "fixtures"


def main() -> None:
    pattern = sys.argv[1] if len(sys.argv) > 1 else ""
    # never fixtures/check: its misses are not to be looked at one by one (see its README)
    for path in sorted(p for p in ROOT.rglob("*.expected.json") if p.parent.name != "check"):
        name = path.name[: -len(".expected.json")]
        if pattern not in name:
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))["records"]
        got = [r.to_dict(removals=False) for r in dechaff.clean(path.with_name(name + ".txt").read_bytes())]
        want_paras = {p.strip() for r in expected for p in r["body"].split("\n\n")}
        got_paras = {p.strip() for r in got for p in r["body"].split("\n\n")}
        fields = [(i, k, g.get(k), w[k]) for i, (g, w) in enumerate(zip(got, expected))
                  for k in w if k != "body" and g.get(k) != w[k]]
        if len(got) == len(expected) and want_paras == got_paras and not fields:
            continue
        print(f"== {path.parent.name}/{name}: {len(got)} records, expected {len(expected)}")
        for para in sorted(got_paras - want_paras):
            print("  + leaked:", para[:150])
        for para in sorted(want_paras - got_paras):
            print("  - lost:  ", para[:150])
        for i, key, g, w in fields:
            print(f"  ~ record {i} {key}: {g!r} != {w!r}")


if __name__ == "__main__":
    main()
