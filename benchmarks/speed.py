#!/usr/bin/env python3
"""Measure dechaff's throughput (MB/s and docs/s) beside ftfy's, on the same texts.

The texts are the fixture scrapes (fixtures/**/*.txt) plus, when present, the shared news bench
(../shared/bench: text.jsonl and concat.jsonl). Three systems run in the same process on the same
texts: dechaff with its default config, dechaff with ``explain=True``, and ``ftfy.fix_text``
alone. Each gets one warm-up pass, then the best of ``--repeat`` timed passes (perf_counter);
the repeats take turns between systems so drift in machine load hits them alike. MB/s counts the
UTF-8 bytes of the input. A cleaner is built once, outside the timing.

Run from the repository root:

    python benchmarks/speed.py [--check] [--repeat N] [--bench-dir DIR]

``--check`` exits 1 when default dechaff is slower (MB/s) than ftfy.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

import ftfy

import dechaff
from _common import print_table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def load_texts(bench: Path) -> list[str]:
    """Fixture scrapes, then the bench texts (text.jsonl, concat.jsonl) that exist."""
    texts = [p.read_bytes().decode("utf-8") for p in sorted(ROOT.glob("fixtures/**/*.txt"))]
    found = False
    for name in ("text.jsonl", "concat.jsonl"):
        path = bench / name
        if path.is_file():
            found = True
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle if line.strip())
        else:
            print(f"note: {path} not found; its texts are left out")
    if not found:
        print("note: timing the fixtures only")
    return texts


def safe(clean: Callable[[str], list]) -> Callable[[str], object]:
    """A deliberate DechaffError on one text does not stop the run (it still took its time)."""
    def run(text: str) -> object:
        try:
            return clean(text)
        except dechaff.DechaffError:
            return None
    return run


def one_pass(func: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        func(text)
    return time.perf_counter() - start


def measure(systems: dict[str, Callable[[str], object]], texts: list[str],
            repeat: int) -> dict[str, float]:
    """Best time of ``repeat`` passes per system, after one warm-up pass each."""
    for func in systems.values():
        one_pass(func, texts)
    best = {name: float("inf") for name in systems}
    for _ in range(repeat):
        for name, func in systems.items():
            best[name] = min(best[name], one_pass(func, texts))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH,
                        help=f"bench folder (default: {DEFAULT_BENCH})")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; best wins (3)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if default dechaff is slower than ftfy (MB/s)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    texts = load_texts(args.bench_dir)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    systems = {
        "dechaff": safe(dechaff.Cleaner().clean),
        "dechaff explain=True": safe(dechaff.Cleaner(explain=True).clean),
        "ftfy.fix_text": ftfy.fix_text,
    }
    print(f"{len(texts)} docs, {megabytes:.3f} MB (UTF-8), best of {args.repeat} "
          f"after one warm-up pass")
    best = measure(systems, texts, args.repeat)
    rate = {name: megabytes / seconds for name, seconds in best.items()}

    print_table(("system", "seconds", "MB/s", "docs/s"),
                [(name, f"{best[name]:.3f}", f"{rate[name]:.3f}", f"{len(texts) / best[name]:.1f}")
                 for name in systems])
    ratio = rate["dechaff"] / rate["ftfy.fix_text"]
    print(f"ratio dechaff/ftfy (MB/s): {ratio:.3f}")
    if args.check and ratio < 1:
        print("FAIL: default dechaff is slower than ftfy.fix_text", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
