#!/usr/bin/env python3
"""Measure dechaff's speed against its peers, paired, per corpus, in one run.

Three corpora, each timed on its own (mixing them would let the large one hide the other):

- ``scrapes``: the aggregator scrapes of ``fixtures/`` (``*.txt``, the check set left out),
  the input dechaff exists for;
- ``bench-text``: the text-mode news pages of ``../shared/bench`` (``text.jsonl`` and
  ``concat.jsonl``);
- ``bench-html``: the HTML pages of ``../shared/bench/html``.

Text corpora: dechaff (defaults), dechaff with ``explain=True``, and ``ftfy.fix_text`` as
the peer. HTML: dechaff on the page, trafilatura with its defaults and with ``fast=True``,
and resiliparse's main-content text, when they are installed (``pip install -e ".[bench]"
resiliparse``; a peer that is not installed is named and left out).

Each round runs every system once over the corpus, in an order that turns each round (so
drift in machine load hits all of them alike), after one warm-up pass each. A round gives a
paired ratio, the peer's time over dechaff's (``3.0``: dechaff is three times as fast); the
table shows the min and the median over the rounds of each ratio and of each system's MB/s.
MB counts the UTF-8 bytes of the input. Cleaners are built once, outside the timing.

Run from the repository root:

    python benchmarks/speed.py [--rounds N] [--corpora scrapes,bench-text,bench-html] [--check]

``--check`` exits 1 when dechaff is slower than its peer (median ratio below 1) on any
corpus: ``ftfy.fix_text`` for text, trafilatura's defaults for HTML.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import ftfy

import dechaff
from _common import print_table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
CORPORA = ("scrapes", "bench-text", "bench-html")


def scrapes() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("fixtures/**/*.txt"))
            if "check" not in p.relative_to(ROOT / "fixtures").parts]


def bench_text(bench: Path) -> list[str]:
    texts: list[str] = []
    for name in ("text.jsonl", "concat.jsonl"):
        path = bench / name
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return texts


def bench_html(bench: Path) -> list[str]:
    return [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
            for p in sorted((bench / "html").glob("*.html.gz"))]


def safe(clean: Callable[[str], object]) -> Callable[[str], object]:
    """A deliberate error on one document does not stop the run (it still took its time)."""
    def run(text: str) -> object:
        try:
            return clean(text)
        except Exception:
            return None
    return run


def text_systems() -> tuple[dict[str, Callable[[str], object]], str]:
    return {
        "dechaff": safe(dechaff.Cleaner().clean),
        "dechaff explain=True": safe(dechaff.Cleaner(explain=True).clean),
        "ftfy.fix_text": ftfy.fix_text,
    }, "ftfy.fix_text"


def html_systems() -> tuple[dict[str, Callable[[str], object]], str | None]:
    systems: dict[str, Callable[[str], object]] = {"dechaff": safe(dechaff.Cleaner().clean)}
    peer = None
    try:
        import trafilatura
    except ImportError as exc:
        print(f"note: trafilatura left out ({exc})")
    else:
        systems["trafilatura"] = safe(trafilatura.extract)
        systems["trafilatura fast=True"] = safe(lambda html: trafilatura.extract(html, fast=True))
        peer = "trafilatura"
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError as exc:
        print(f"note: resiliparse left out ({exc})")
    else:
        systems["resiliparse"] = safe(lambda html: extract_plain_text(html, main_content=True))
    return systems, peer


def one_pass(func: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        func(text)
    return time.perf_counter() - start


def rounds(systems: dict[str, Callable[[str], object]], texts: list[str],
           count: int) -> dict[str, list[float]]:
    """Each system's time in each round, the order turning from round to round."""
    for func in systems.values():
        one_pass(func, texts)
    names = list(systems)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(count):
        for name in names[r % len(names):] + names[:r % len(names)]:
            times[name].append(one_pass(systems[name], texts))
    return times


def report(corpus: str, texts: list[str], systems: dict[str, Callable[[str], object]],
           count: int) -> dict[str, list[float]]:
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"\n{corpus}: {len(texts)} docs, {megabytes:.3f} MB, {count} rounds after a warm-up")
    times = rounds(systems, texts, count)
    print_table(("system", "s (median)", "MB/s (min)", "MB/s (median)", "docs/s (median)"), [
        (name, f"{statistics.median(t):.3f}", f"{megabytes / max(t):.3f}",
         f"{megabytes / statistics.median(t):.3f}", f"{len(texts) / statistics.median(t):.1f}")
        for name, t in times.items()])
    ratios = {}
    for name, t in times.items():
        if name == "dechaff":
            continue
        paired = [other / mine for other, mine in zip(t, times["dechaff"])]
        ratios[name] = paired
        print(f"  {name} time / dechaff time: min {min(paired):.2f}, "
              f"median {statistics.median(paired):.2f}")
    return ratios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH,
                        help=f"bench folder (default: {DEFAULT_BENCH})")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds per corpus (5)")
    parser.add_argument("--corpora", default=",".join(CORPORA),
                        help=f"which corpora, comma-separated (default: {','.join(CORPORA)})")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if dechaff is slower than its peer on any corpus")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    chosen = [c.strip() for c in args.corpora.split(",") if c.strip()]
    unknown = sorted(set(chosen) - set(CORPORA))
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)} (known: {', '.join(CORPORA)})")

    slower = []
    for corpus in chosen:
        if corpus == "scrapes":
            texts, (systems, peer) = scrapes(), text_systems()
        elif corpus == "bench-text":
            texts, (systems, peer) = bench_text(args.bench_dir), text_systems()
        else:
            texts, (systems, peer) = bench_html(args.bench_dir), html_systems()
        if not texts:
            print(f"\n{corpus}: no documents found (is {args.bench_dir} there?); left out")
            continue
        ratios = report(corpus, texts, systems, args.rounds)
        if peer is not None and statistics.median(ratios[peer]) < 1:
            slower.append(f"{corpus} (against {peer})")
    if args.check and slower:
        print(f"FAIL: dechaff is slower than its peer on {', '.join(slower)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
