#!/usr/bin/env python3
"""Does dechaff's time grow linearly with a document's size? Seconds per MB at 1, 10 and 50 MB.

Each shape is built to each size and cleaned once, as one document, by one cleaner (built
outside the timing, with ``max_chars`` raised to hold 50 MB and the default time limit):

- ``text``: the fixture scrapes, one after another (real scrapes, many articles);
- ``html``: an HTML page of the fixtures' lines as paragraphs, with navigation, share bars
  and related boxes between them;
- ``noise line``: one line of ``Email: [email protected] and`` repeated (thousands of cuts
  in one line);
- ``short lines``: lines of one to three menu words (``Home``, ``Share``; 200,000 of them
  in 1 MB);
- ``date lines``: a paragraph, then date headers (``date 2024-04-27``), one a line: a marker
  of an article's start on every line;
- ``attribute``: an HTML page whose one ``class`` attribute holds the whole size in short
  tokens;
- ``deep html``: paragraphs nested in ``<div>`` elements thousands deep.

Times are the process's CPU seconds (the machine may be shared; wall-clock seconds are
printed as each document finishes). A document that runs past its time limit shows
``RuleError`` and the seconds it took. The last column is the time per MB at the largest size
over that at the smallest (1.0: linear).

Run from the repository root:

    python benchmarks/scaling.py [--sizes 1,10,50] [--shapes text,html] [--check]

``--check`` exits 1 when a shape takes 2 s per MB or more at any size, or its time per MB at
the largest size is more than 25% over that at the smallest.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Callable

import dechaff
from _common import print_table

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
#: At most this many seconds per MB, and this much growth from the smallest size to the largest.
MAX_SECONDS_PER_MB = 2.0
MAX_GROWTH = 1.25
CHROME = ('<nav class="menu"><a href="/">Home</a> <a href="/world">World</a></nav>\n'
          '<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a></div>\n'
          '<aside class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story</a>'
          '</li></ul></aside>\n')


def fixture_lines() -> list[str]:
    return [line for path in sorted((ROOT / "fixtures").rglob("*.txt")) if "packs" not in path.parts
            for line in path.read_text(encoding="utf-8").splitlines()]


def repeat(unit: Callable[[int], str], size: int) -> str:
    """Units ``unit(0)``, ``unit(1)``... up to ``size`` bytes of UTF-8."""
    parts, total, i = [], 0, 0
    while total < size:
        part = unit(i)
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return "".join(parts)


def text(size: int) -> str:
    lines = fixture_lines()
    return repeat(lambda i: lines[i % len(lines)] + "\n", size)


def html(size: int) -> str:
    lines = [line for line in fixture_lines() if line.strip()]
    body = repeat(lambda i: (CHROME if i % 20 == 0 else "") + f"<p>{escape(lines[i % len(lines)])}</p>\n",
                  size)
    return f"<!DOCTYPE html><html><head><title>Scaling</title></head><body><article>{body}</article></body></html>"


def noise_line(size: int) -> str:
    return repeat(lambda i: "Email: [email protected] and ", size)


def short_lines(size: int) -> str:
    words = ("Home", "News", "Share", "Login", "Menu", "Sports", "Tweet", "Search")
    return repeat(lambda i: " ".join(words[(i + k) % 8] for k in range(i % 3 + 1)) + "\n", size)


def date_lines(size: int) -> str:
    lede = ("The council met on Monday and voted on the plan for the city budget, "
            "which members had long debated.\n")
    return lede + repeat(lambda i: f"date 2024-04-{i % 28 + 1:02d}\n", size)


def attribute(size: int) -> str:
    tokens = repeat(lambda i: "ab ", size)
    return (f'<!DOCTYPE html><html><body><div class="{tokens}"><p>The council met on Monday and '
            "voted on the plan for the city budget.</p></div></body></html>")


def deep_html(size: int) -> str:
    paragraph = "<p>The council met on Monday and voted on the plan for the city budget.</p>"
    depth = 5000
    inner = repeat(lambda i: paragraph, max(size - 11 * depth, len(paragraph)))
    return f"<!DOCTYPE html><html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>"


def escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SHAPES: dict[str, Callable[[int], str]] = {
    "text": text, "html": html, "noise line": noise_line, "short lines": short_lines,
    "date lines": date_lines, "attribute": attribute, "deep html": deep_html,
}


def measure(cleaner: dechaff.Cleaner, document: str) -> tuple[float, float, str]:
    """CPU and wall-clock seconds to clean ``document``, and what came of it (records, or the
    error's class)."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        outcome = f"{len(cleaner.clean(document))} records"
    except dechaff.DechaffError as exc:
        outcome = type(exc).__name__
    return time.process_time() - cpu, time.perf_counter() - wall, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,50", help="sizes in MB, comma-separated (1,10,50)")
    parser.add_argument("--shapes", default=",".join(SHAPES),
                        help=f"shapes, comma-separated (default: all of {', '.join(SHAPES)})")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 at {MAX_SECONDS_PER_MB} s/MB or more, or growth over {MAX_GROWTH}")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    shapes = [s.strip() for s in args.shapes.split(",")]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s) {unknown}; shapes are {', '.join(SHAPES)}")

    cleaner = dechaff.Cleaner(max_chars=int(max(sizes) * MB * 1.2))
    cleaner.clean("warm up: The council met on Monday and voted.")
    print(f"time limit: {getattr(cleaner.config, 'time_limit', None)} s per MB (at least that many seconds)")
    rows, failures = [], []
    for name in shapes:
        per_mb = []
        row = [name]
        for size in sizes:
            document = SHAPES[name](int(size * MB))
            megabytes = len(document.encode("utf-8")) / MB
            seconds, wall, outcome = measure(cleaner, document)
            del document
            per_mb.append(seconds / megabytes)
            row.append(f"{per_mb[-1]:.3f}" + ("" if outcome.endswith("records") else f" ({outcome})"))
            print(f"  {name} at {megabytes:.1f} MB: {seconds:.2f} s CPU, {wall:.2f} s wall, {outcome}",
                  file=sys.stderr, flush=True)
            if per_mb[-1] >= MAX_SECONDS_PER_MB:
                failures.append(f"{name} at {size:g} MB: {per_mb[-1]:.2f} s per MB")
        growth = per_mb[-1] / per_mb[0] if per_mb[0] else float("inf")
        if len(sizes) > 1 and growth > MAX_GROWTH:
            failures.append(f"{name}: {growth:.2f} times the time per MB at {sizes[-1]:g} MB as at {sizes[0]:g} MB")
        rows.append(row + [f"{growth:.2f}"])
    print_table(("shape", *(f"s/MB at {s:g} MB" for s in sizes), f"{sizes[-1]:g} MB / {sizes[0]:g} MB"),
                rows)
    if args.check:
        for failure in failures:
            print(f"FAIL: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
