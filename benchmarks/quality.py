#!/usr/bin/env python3
"""Measure how well dechaff extracts article bodies (shingle precision, recall and F1).

Scores the hand-written fixtures (fixtures/**/NAME.expected.json beside NAME.txt) and, when
present, the shared news bench (../shared/bench: text.jsonl, concat.jsonl and the HTML pages
with gold.jsonl; benchmarks/extraction.py compares the HTML row with peers), scored as its
README says: 4-token shingles of the ``\\w+`` words, mean precision over non-empty outputs, mean
recall over all items, F1 of the two means. A "keep-all" row (the whole input as the body) is a
baseline to compare with.

Run from the repository root:

    python benchmarks/quality.py [--check] [--verbose] [--json FILE] [--bench-dir DIR]

``--check`` compares the figures with the floors in benchmarks/floors.json and exits 1 when any
figure is below its floor (or above its maximum).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import dechaff
from _common import print_table as aligned_table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
FLOORS = Path(__file__).resolve().parent / "floors.json"
WORD = re.compile(r"\w+")
COLUMNS = ("set", "items", "precision", "recall", "F1", "empty", "count-exact", "noise-leaked",
           "keep-lost")


def shingles(text: str) -> Counter:
    """The multiset of runs of 4 consecutive words (1-3 words: one shingle; none: empty)."""
    words = WORD.findall(text)
    if len(words) < 4:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i:i + 4]) for i in range(len(words) - 3))


class Scores:
    """Running totals for one set of items (one table row)."""

    def __init__(self, counts: bool = False, noise: bool = False) -> None:
        self.counts, self.noise = counts, noise
        self.precisions: list[float] = []
        self.recalls: list[float] = []
        self.empty = self.docs = self.exact = self.leaked = self.lost = 0

    def add(self, predicted: str, gold: str) -> None:
        pred, ref = shingles(predicted), shingles(gold)
        tp = sum((pred & ref).values())
        if pred:
            self.precisions.append(tp / sum(pred.values()))
        else:
            self.empty += 1
        self.recalls.append(tp / sum(ref.values()) if ref else float(not pred))

    def add_count(self, got: int, expected: int) -> bool:
        self.docs += 1
        self.exact += got == expected
        return got == expected

    def figures(self) -> dict:
        p = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        r = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        return {
            "items": len(self.recalls), "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0, "empty": self.empty,
            "count_exact": self.exact / self.docs if self.counts and self.docs else None,
            "noise_leaked": self.leaked if self.noise else None,
            "keep_lost": self.lost if self.noise else None,
        }


def run(cleaner: dechaff.Cleaner, source: str | bytes, name: str, report: list[str]) -> list:
    """Clean one document; a deliberate DechaffError counts as no output (other errors propagate)."""
    try:
        return cleaner.clean(source)
    except dechaff.DechaffError as exc:
        report.append(f"{name}: {type(exc).__name__}: {exc}")
        return []


def score_by_index(scores: Scores, records: list, golds: list[str]) -> bool:
    """Score gold bodies against output records at the same index; True when counts agree."""
    for i, gold in enumerate(golds):
        scores.add(records[i].body if i < len(records) else "", gold)
    return scores.add_count(len(records), len(golds))


def score_fixtures(cleaner: dechaff.Cleaner, report: list[str]) -> dict:
    scores = Scores(counts=True, noise=True)
    for path in sorted(ROOT.glob("fixtures/**/*.expected.json")):
        name = path.name.removesuffix(".expected.json")
        expected = json.loads(path.read_text(encoding="utf-8"))
        records = run(cleaner, path.with_name(name + ".txt").read_bytes(), name, report)
        golds = [r["body"] for r in expected["records"]]
        if not score_by_index(scores, records, golds):
            report.append(f"{name}: {len(records)} records, expected {len(golds)}")
        texts = [t for r in records for t in (r.title or "", r.body)]
        for noise in expected.get("noise", []):
            if any(noise in t for t in texts):
                scores.leaked += 1
                report.append(f"{name}: noise leaked: {noise!r}")
        for keep in expected.get("must_keep", []):
            if not any(keep in r.body for r in records):
                scores.lost += 1
                report.append(f"{name}: must-keep lost: {keep!r}")
    return scores.figures()


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_bench(cleaner: dechaff.Cleaner, bench: Path, report: list[str]) -> dict[str, dict]:
    results: dict[str, dict] = {}
    text_path, concat_path = bench / "text.jsonl", bench / "concat.jsonl"
    if text_path.is_file():
        scores, baseline = Scores(counts=True), Scores()
        for row in read_jsonl(text_path):
            gold = "\n\n".join(row["gold"])
            records = run(cleaner, row["text"], row["id"], report)
            scores.add("\n\n".join(r.body for r in records), gold)
            scores.add_count(len(records), 1)
            baseline.add(row["text"], gold)
        results["bench-text"] = scores.figures()
        results["bench-text keep-all"] = baseline.figures()
    else:
        print(f"note: {text_path} not found; skipping bench-text rows")
    if concat_path.is_file():
        scores = Scores(counts=True)
        for row in read_jsonl(concat_path):
            records = run(cleaner, row["text"], row["id"], report)
            if not score_by_index(scores, records, row["gold"]):
                report.append(f"{row['id']}: {len(records)} records, expected {len(row['gold'])}")
        results["bench-concat"] = scores.figures()
    else:
        print(f"note: {concat_path} not found; skipping bench-concat row")
    if (bench / "html").is_dir() and (bench / "gold.jsonl").is_file():
        from extraction import load_pages  # the HTML pages, as benchmarks/extraction.py reads them

        scores = Scores(counts=True)
        for page_id, html, gold in load_pages(bench):
            records = run(cleaner, html, page_id, report)
            scores.add("\n\n".join(r.body for r in records), gold)
            scores.add_count(len(records), 1)
        results["bench-html"] = scores.figures()
    return results


def cell(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_table(results: dict[str, dict]) -> None:
    keys = ("items", "precision", "recall", "f1", "empty", "count_exact", "noise_leaked",
            "keep_lost")
    aligned_table(COLUMNS, [(name,) + tuple(cell(f[k]) for k in keys) for name, f in results.items()])


def check(results: dict[str, dict]) -> list[str]:
    """Every figure below its floor (or above its ``_max``), per benchmarks/floors.json."""
    failures = []
    for name, floors in json.loads(FLOORS.read_text(encoding="utf-8")).items():
        if name not in results:
            print(f"note: no figures for {name!r} (bench folder absent?); its floors are skipped")
            continue
        for key, limit in floors.items():
            if key.endswith("_max"):
                value = results[name][key.removesuffix("_max")]
                if value > limit:
                    failures.append(f"{name} {key.removesuffix('_max')} = {value} > max {limit}")
            elif results[name][key] < limit:
                failures.append(f"{name} {key} = {results[name][key]:.3f} < floor {limit}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH,
                        help=f"bench folder (default: {DEFAULT_BENCH})")
    parser.add_argument("--check", action="store_true", help="exit 1 below the floors")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--verbose", action="store_true", help="list per-file failures")
    args = parser.parse_args(argv)

    cleaner, report = dechaff.Cleaner(), []
    results = {"fixtures": score_fixtures(cleaner, report)}
    if args.bench_dir.is_dir():
        results.update(score_bench(cleaner, args.bench_dir, report))
    else:
        print(f"note: bench folder {args.bench_dir} not found; skipping bench rows")
    print_table(results)
    if args.verbose and report:
        print("\nfailures:")
        print("\n".join(f"  {line}" for line in report))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.check:
        failures = check(results)
        for failure in failures:
            print(f"FAIL: {failure}", file=sys.stderr)
        if failures:
            return 1
        print("check: all figures meet their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
