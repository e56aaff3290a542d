#!/usr/bin/env python3
"""Every record of every input we have, with its trace: to tell a change that moves no output
from one that does.

Cleans, with ``explain=True``, the fixtures (``cases``, ``heldout``, ``heldout2``, ``seed``,
``dev``, and the packs' scrape, with and without its pack), the shared bench
(``../shared/bench``: ``text.jsonl``, ``concat.jsonl`` and the HTML pages) and the sets of
``../shared/bench-ext`` (``fundus`` and ``readability``: ``text.jsonl`` and ``concat.jsonl``;
the HTML pages of all four sets), and writes one JSON line per input: its set, its id, and
its records (``Record.to_dict()``, trace included) or the error it raised. ``fixtures/check/``
is never read: it is a check set nobody studies.

Run from the repository root:

    python benchmarks/diff_outputs.py -o before.jsonl            # save a baseline
    python benchmarks/diff_outputs.py --compare before.jsonl     # what differs now, per set

``--compare`` prints, per set, how many inputs give other records than in the baseline, and
the first few differences; it exits 1 when any differs. ``--sets`` cleans only some sets.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import sys
from pathlib import Path
from typing import Iterator

import dechaff

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURE_SETS = ("cases", "heldout", "heldout2", "seed", "dev")
EXT_TEXT_SETS = ("fundus", "readability")
EXT_PAGE_SETS = ("fundus", "htmldate_mc", "readability", "trafeval")
PACK = ROOT / "fixtures" / "packs" / "acme.toml"


def _jsonl(path: Path, set_name: str) -> Iterator[tuple[str, str, str | bytes, dict]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                yield set_name, str(row["id"]), row["text"], {}


def _pages(folder: Path, set_name: str) -> Iterator[tuple[str, str, str | bytes, dict]]:
    for path in sorted(folder.glob("*.html.gz")):
        yield set_name, path.name[:-len(".html.gz")], gzip.decompress(path.read_bytes()), {}


def inputs(shared: Path) -> Iterator[tuple[str, str, str | bytes, dict]]:
    """(set, id, text or bytes, options) for every input, in a fixed order."""
    for name in FIXTURE_SETS:
        for path in sorted((ROOT / "fixtures" / name).glob("*.txt")):
            yield f"fixtures/{name}", path.name, path.read_bytes(), {}
    scrape = ROOT / "fixtures" / "packs" / "acme_scrape.txt"
    yield "fixtures/packs", scrape.name, scrape.read_bytes(), {}
    yield "fixtures/packs", scrape.name + " +acme.toml", scrape.read_bytes(), {"packs": [str(PACK)]}
    bench = shared / "bench"
    for name in ("text", "concat"):
        if (bench / f"{name}.jsonl").is_file():
            yield from _jsonl(bench / f"{name}.jsonl", f"bench/{name}")
    if (bench / "html").is_dir():
        yield from _pages(bench / "html", "bench/html")
    ext = shared / "bench-ext"
    for set_name in EXT_TEXT_SETS:
        for name in ("text", "concat"):
            if (ext / set_name / f"{name}.jsonl").is_file():
                yield from _jsonl(ext / set_name / f"{name}.jsonl", f"{set_name}/{name}")
    for set_name in EXT_PAGE_SETS:
        if (ext / set_name / "pages").is_dir():
            yield from _pages(ext / set_name / "pages", f"{set_name}/html")


def clean(source: str | bytes, options: dict) -> dict:
    try:
        return {"records": [r.to_dict() for r in dechaff.clean(source, explain=True, **options)]}
    except dechaff.DechaffError as exc:
        return {"error": str(exc)}


def outputs(shared: Path, sets: set[str] | None) -> Iterator[dict]:
    for set_name, item, source, options in inputs(shared):
        if sets is None or set_name in sets or set_name.split("/")[0] in sets:
            yield {"set": set_name, "id": item, **clean(source, options)}


def _key(row: dict) -> tuple[str, str]:
    return row["set"], row["id"]


def read(path: Path) -> dict[tuple[str, str], dict]:
    with path.open(encoding="utf-8") as handle:
        return {_key(row): row for row in map(json.loads, handle) if row}


def _lines(row: dict) -> list[str]:
    return json.dumps({k: v for k, v in row.items() if k not in ("set", "id")}, indent=1,
                      ensure_ascii=False, sort_keys=True).splitlines()


def compare(before: dict[tuple[str, str], dict], now: list[dict], shown: int) -> int:
    """Print how many inputs differ per set, and the first ``shown`` differences."""
    per_set: dict[str, list[int]] = {}
    differences = []
    for row in now:
        counts = per_set.setdefault(row["set"], [0, 0, 0])
        counts[0] += 1
        old = before.get(_key(row))
        if old is None:
            counts[2] += 1
        elif old != row:
            counts[1] += 1
            differences.append((old, row))
    seen = {_key(row) for row in now}
    gone = [key for key in before if key not in seen and (key[0] in per_set)]
    width = max((len(s) for s in per_set), default=3)
    print(f"{'set':<{width}}  inputs  differ  new")
    for name, (total, differ, new) in per_set.items():
        print(f"{name:<{width}}  {total:>6}  {differ:>6}  {new:>3}")
    total_differ = sum(c[1] for c in per_set.values())
    print(f"{'all':<{width}}  {sum(c[0] for c in per_set.values()):>6}  {total_differ:>6}  "
          f"{sum(c[2] for c in per_set.values()):>3}" + (f"  ({len(gone)} in the baseline only)"
                                                        if gone else ""))
    for old, row in differences[:shown]:
        print(f"\n--- {row['set']} {row['id']}")
        diff = difflib.unified_diff(_lines(old), _lines(row), "baseline", "now", n=1, lineterm="")
        for line in list(diff)[2:40]:
            print(line)
    return 1 if total_differ or gone or any(c[2] for c in per_set.values()) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="write every input's records here (JSON Lines)")
    parser.add_argument("--compare", type=Path, metavar="BASELINE", help="compare with an earlier output")
    parser.add_argument("--show", type=int, default=5, metavar="N", help="differences to print (5)")
    parser.add_argument("--sets", help="only these sets, comma-separated (bench/html, fundus, ...)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (../shared)")
    args = parser.parse_args(argv)
    if not args.output and not args.compare:
        parser.error("give -o FILE, --compare BASELINE, or both")
    sets = set(args.sets.split(",")) if args.sets else None
    now = []
    handle = args.output.open("w", encoding="utf-8") if args.output else None
    try:
        for row in outputs(args.shared, sets):
            line = json.dumps(row, ensure_ascii=False, sort_keys=True)
            now.append(json.loads(line))  # compared as read back, as the baseline is
            if handle:
                handle.write(line + "\n")
    finally:
        if handle:
            handle.close()
    if not args.compare:
        print(f"{len(now)} inputs written to {args.output}")
        return 0
    return compare(read(args.compare), now, args.show)


if __name__ == "__main__":
    sys.exit(main())
