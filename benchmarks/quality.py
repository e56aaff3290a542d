#!/usr/bin/env python3
"""Measure how well dechaff extracts article bodies (shingle precision, recall and F1).

Scores the hand-written fixtures (fixtures/**/NAME.expected.json beside NAME.txt; the dev set in
fixtures/dev/ and the check set in fixtures/check/ on rows of their own, never gated) and, when present, the shared news bench (../shared/bench: text.jsonl, concat.jsonl and the HTML pages
with gold.jsonl; benchmarks/extraction.py compares the HTML row with peers), scored as its
README says: 4-token shingles of the ``\\w+`` words, mean precision over non-empty outputs, mean
recall over all items, F1 of the two means. A "keep-all" row (the whole input as the body) is a
baseline to compare with. The text-mode cases of ../shared/bench-ext (fundus, readability) get
rows of their own. For fixtures, it also prints the share of noise strings leaked, of must-keep
strings kept, of glued scrapes split exactly, and of titles and dates right (by record index).

Run from the repository root:

    python benchmarks/quality.py [--check] [--verbose [--show-check]] [--json FILE] [--bench-dir DIR]

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
#: The text-mode cases of these sets in ../shared/bench-ext (made as bench's text.jsonl is).
EXT_SETS = ("fundus", "readability")
FLOORS = Path(__file__).resolve().parent / "floors.json"
WORD = re.compile(r"\w+")
COLUMNS = ("set", "items", "precision", "recall", "F1", "empty", "count-exact", "split-exact",
           "noise-leaked", "keep-kept", "title", "date")
#: Fixture folders scored on rows of their own, never gated and never run as tests:
#: ``fixtures/dev/`` and ``fixtures/dev2/`` (cases to learn from, which the rules do not all
#: get right yet) and ``fixtures/check/``, which measures generalisation, so no rule is fixed
#: against its cases (see each folder's README).
OWN_ROWS = ("dev", "dev2", "check")


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
        self.noise_total = self.keep_total = 0
        self.glued = self.glued_exact = 0
        self.fields: dict[str, list[bool]] = {"title": [], "published": []}

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
        if expected > 1:
            self.glued += 1
            self.glued_exact += got == expected
        return got == expected

    def add_field(self, name: str, got: str | None, expected: str | None) -> bool:
        """A title (white space folded) or a date (the same day) against the expectation."""
        if name == "published":
            right = (got or "")[:10] == (expected or "")[:10]
        else:
            right = " ".join((got or "").split()) == " ".join((expected or "").split())
        self.fields[name].append(right)
        return right

    def figures(self) -> dict:
        p = sum(self.precisions) / len(self.precisions) if self.precisions else 0.0
        r = sum(self.recalls) / len(self.recalls) if self.recalls else 0.0
        return {
            "items": len(self.recalls), "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0, "empty": self.empty,
            "count_exact": self.exact / self.docs if self.counts and self.docs else None,
            "split_exact": self.glued_exact / self.glued if self.counts and self.glued else None,
            "noise_leaked": self.leaked if self.noise else None,
            "noise_leaked_share": self.leaked / self.noise_total if self.noise_total else None,
            "keep_lost": self.lost if self.noise else None,
            "keep_kept_share": 1 - self.lost / self.keep_total if self.keep_total else None,
            "title": _share(self.fields["title"]),
            "date": _share(self.fields["published"]),
        }


def _share(values: list[bool]) -> float | None:
    return sum(values) / len(values) if values else None


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


def fixture_paths(folder: str | None = None) -> list[Path]:
    """The fixtures' expectations: those of one of ``OWN_ROWS``, or (``None``) all the others."""
    return sorted(p for p in ROOT.glob("fixtures/**/*.expected.json")
                  if (p.parent.name if p.parent.name in OWN_ROWS else None) == folder)


def score_fixtures(cleaner: dechaff.Cleaner, report: list[str], folder: str | None = None) -> dict:
    scores = Scores(counts=True, noise=True)
    for path in fixture_paths(folder):
        name = path.name.removesuffix(".expected.json")
        expected = json.loads(path.read_text(encoding="utf-8"))
        records = run(cleaner, path.with_name(name + ".txt").read_bytes(), name, report)
        golds = [r["body"] for r in expected["records"]]
        if not score_by_index(scores, records, golds):
            report.append(f"{name}: {len(records)} records, expected {len(golds)}")
        for i, want in enumerate(expected["records"]):
            got = records[i] if i < len(records) else None
            for key in ("title", "published"):
                value = getattr(got, key) if got is not None else None
                if not scores.add_field(key, value, want.get(key)):
                    report.append(f"{name}: record {i} {key} {value!r}, expected {want.get(key)!r}")
        texts = [t for r in records for t in (r.title or "", r.body)]
        for noise in expected.get("noise", []):
            scores.noise_total += 1
            if any(noise in t for t in texts):
                scores.leaked += 1
                report.append(f"{name}: noise leaked: {noise!r}")
        for keep in expected.get("must_keep", []):
            scores.keep_total += 1
            if not any(keep in r.body for r in records):
                scores.lost += 1
                report.append(f"{name}: must-keep lost: {keep!r}")
    return scores.figures()


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_bench(cleaner: dechaff.Cleaner, bench: Path, report: list[str],
                prefix: str = "bench", html: bool = True) -> dict[str, dict]:
    results: dict[str, dict] = {}
    text_path, concat_path = bench / "text.jsonl", bench / "concat.jsonl"
    # the sets of bench-ext have the page's own title and date: the text-mode record's are
    # scored against them (a page's visible headline; the same day)
    heads = ({g["id"]: g for g in read_jsonl(bench / "gold.jsonl")}
             if prefix != "bench" and (bench / "gold.jsonl").is_file() else {})
    if text_path.is_file():
        scores, baseline = Scores(counts=True), Scores()
        for row in read_jsonl(text_path):
            gold = "\n\n".join(row["gold"])
            records = run(cleaner, row["text"], row["id"], report)
            scores.add("\n\n".join(r.body for r in records), gold)
            scores.add_count(len(records), 1)
            baseline.add(row["text"], gold)
            page = heads.get(row["id"], {})
            first = records[0] if records else None
            for key in ("title", "published"):
                if page.get(key):
                    scores.add_field(key, getattr(first, key, None), page[key])
        results[f"{prefix}-text"] = scores.figures()
        results[f"{prefix}-text keep-all"] = baseline.figures()
    else:
        print(f"note: {text_path} not found; skipping bench-text rows")
    if concat_path.is_file():
        scores = Scores(counts=True)
        for row in read_jsonl(concat_path):
            records = run(cleaner, row["text"], row["id"], report)
            if not score_by_index(scores, records, row["gold"]):
                report.append(f"{row['id']}: {len(records)} records, expected {len(row['gold'])}")
        results[f"{prefix}-concat"] = scores.figures()
    else:
        print(f"note: {concat_path} not found; skipping {prefix}-concat row")
    if html and (bench / "html").is_dir() and (bench / "gold.jsonl").is_file():
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
    keys = ("items", "precision", "recall", "f1", "empty", "count_exact", "split_exact",
            "noise_leaked_share", "keep_kept_share", "title", "date")
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
    parser.add_argument("--show-check", action="store_true",
                        help="with --verbose, list the check set's misses too (for its report only)")
    args = parser.parse_args(argv)

    cleaner, report = dechaff.Cleaner(), []
    results = {"fixtures": score_fixtures(cleaner, report)}
    for folder in OWN_ROWS:
        if fixture_paths(folder):
            # the check set's misses stay unlisted unless asked for: no rule is fixed against them
            quiet = folder == "check" and not args.show_check
            results[folder] = score_fixtures(cleaner, [] if quiet else report, folder)
    if args.bench_dir.is_dir():
        results.update(score_bench(cleaner, args.bench_dir, report))
        for name in EXT_SETS:
            folder = args.bench_dir.parent / "bench-ext" / name
            if folder.is_dir():
                results.update(score_bench(cleaner, folder, report, prefix=name, html=False))
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
