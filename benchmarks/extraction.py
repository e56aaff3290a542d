#!/usr/bin/env python3
"""Compare article extraction from HTML: dechaff beside trafilatura, jusText and readability-lxml.

For every page of the shared news bench (../shared/bench/html/*.html.gz with gold.jsonl) each
system's body text is scored against the gold body as the bench's README says (4-token
shingles: mean precision over non-empty outputs, mean recall over all pages, F1 of the two
means), and each system is timed over all pages in the same run (pages per second; the pages
are read and decoded before the clock starts). The text-mode cases (text.jsonl: a page's whole
visible text, menus and all) are scored for dechaff on the same table.

The peers are optional (``pip install -e ".[bench]"``); a missing one is skipped with a note.

Run from the repository root:

    python benchmarks/extraction.py [--bench-dir DIR] [--systems dechaff,trafilatura,...]
                                    [--repeat N] [--verbose] [--json FILE]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Callable

import dechaff
from _common import print_table
from quality import DEFAULT_BENCH, Scores, read_jsonl

Extractor = Callable[[str], str]


def dechaff_extractor() -> Extractor:
    cleaner = dechaff.Cleaner()

    def extract(html: str) -> str:
        return "\n\n".join(record.body for record in cleaner.clean(html))
    return extract


def trafilatura_extractor(comments: bool) -> Extractor:
    import trafilatura

    def extract(html: str) -> str:
        return trafilatura.extract(html, include_comments=comments) or ""
    return extract


def justext_extractor() -> Extractor:
    import justext
    stoplist = justext.get_stoplist("English")

    def extract(html: str) -> str:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return extract


def readability_extractor() -> Extractor:
    import lxml.html
    from readability import Document

    def extract(html: str) -> str:
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return extract


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "dechaff": dechaff_extractor,
    "trafilatura": lambda: trafilatura_extractor(comments=True),
    "trafilatura-nocomments": lambda: trafilatura_extractor(comments=False),
    "justext": justext_extractor,
    "readability-lxml": readability_extractor,
}


def load_pages(bench: Path) -> list[tuple[str, str, str]]:
    """(id, html, gold body) for every page that has both files."""
    pages = []
    for row in read_jsonl(bench / "gold.jsonl"):
        path = bench / "html" / f"{row['id']}.html.gz"
        if path.is_file():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append((row["id"], html, row["body"]))
    return pages


def measure(extract: Extractor, pages, repeat: int, tolerant: bool) -> tuple[list[str], float]:
    """Every page's output, and pages per second (best of ``repeat`` timed runs). A peer's
    crash (``tolerant``) is a page with no output; dechaff's is a failed benchmark."""
    outputs: list[str] = []
    best = float("inf")
    for _ in range(repeat):
        outputs = []
        start = time.perf_counter()
        for _, html, _ in pages:
            try:
                outputs.append(extract(html))
            except Exception as exc:
                if not tolerant:
                    raise
                print(f"note: {exc.__class__.__name__} on a page: {exc}", file=sys.stderr)
                outputs.append("")
        best = min(best, time.perf_counter() - start)
    return outputs, len(pages) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--systems", default=",".join(SYSTEMS),
                        help=f"comma-separated, from: {', '.join(SYSTEMS)}")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per system (best counts)")
    parser.add_argument("--verbose", action="store_true",
                        help="per-page F1 of dechaff beside the first peer, worst first")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args(argv)

    if not (args.bench_dir / "gold.jsonl").is_file():
        print(f"error: no gold.jsonl in {args.bench_dir}", file=sys.stderr)
        return 2
    pages = load_pages(args.bench_dir)
    results: dict[str, dict] = {}
    per_page: dict[str, list[float]] = {}
    for name in args.systems.split(","):
        try:
            extract = SYSTEMS[name.strip()]()
        except KeyError:
            print(f"error: unknown system {name!r}", file=sys.stderr)
            return 2
        except ImportError as exc:
            print(f"note: {name} skipped ({exc}); pip install -e \".[bench]\"", file=sys.stderr)
            continue
        outputs, rate = measure(extract, pages, args.repeat, tolerant=name != "dechaff")
        scores = Scores()
        page_f1 = []
        for (_, _, gold), output in zip(pages, outputs):
            one = Scores()
            one.add(output, gold)
            page_f1.append(one.figures()["f1"])
            scores.add(output, gold)
        results[f"html: {name}"] = {**scores.figures(), "pages_per_s": rate}
        per_page[name] = page_f1

    text_path = args.bench_dir / "text.jsonl"
    if text_path.is_file() and "dechaff" in per_page:
        cleaner, scores = dechaff.Cleaner(), Scores()
        rows = read_jsonl(text_path)
        start = time.perf_counter()
        outputs = ["\n\n".join(r.body for r in cleaner.clean(row["text"])) for row in rows]
        rate = len(rows) / (time.perf_counter() - start)
        for row, output in zip(rows, outputs):
            scores.add(output, "\n\n".join(row["gold"]))
        results["text: dechaff"] = {**scores.figures(), "pages_per_s": rate}

    columns = ("system", "pages", "precision", "recall", "F1", "empty", "pages/s")
    print_table(columns, [
        (name, str(f["items"]), f"{f['precision']:.3f}", f"{f['recall']:.3f}", f"{f['f1']:.3f}",
         str(f["empty"]), f"{f['pages_per_s']:.1f}") for name, f in results.items()])
    if args.verbose and "dechaff" in per_page and len(per_page) > 1:
        peer = next(name for name in per_page if name != "dechaff")
        print(f"\nper page, dechaff F1 beside {peer}, worst first:")
        rows = sorted(zip(per_page["dechaff"], per_page[peer], (p[0] for p in pages)))
        for ours, theirs, page_id in rows:
            print(f"  {ours:.3f}  {theirs:.3f}  {page_id}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
