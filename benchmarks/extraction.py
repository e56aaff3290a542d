#!/usr/bin/env python3
"""Compare article extraction from HTML: dechaff beside trafilatura and readability-lxml.

Every set with gold is read: the news bench (../shared/bench: html/, gold.jsonl) and the four
sets of ../shared/bench-ext (fundus, readability, trafeval, htmldate_mc: pages/, gold.jsonl).
Each system gets each page's HTML alone (no URL) and its body, title, date and authors are
scored as ../shared/bench-ext/README.md says (see scoring.py): body shingle F1 (with its
bootstrap standard deviation), or on trafeval the micro F1 of the must-have and must-not-have
snippets; title exact and normalised; date the same day, and no date where the page has
none; authors exact and token F1, and no author where the page names none. A figure is over
the pages whose gold has that field. The systems run page by page in turn (the order rotating),
so a drift in the shared machine's speed touches them all alike; pages/s counts only the
extraction calls.

The peers are optional (``pip install -e ".[bench]"``); a missing one is skipped with a note.
To iterate cheaply, pick sets and systems, sample pages, save every output once and read the
peers' outputs back instead of running them again (their pages/s is then from that run, and
marked ``*``). Run from the repository root:

    python benchmarks/extraction.py [--sets bench,fundus,...] [--systems dechaff,trafilatura,...]
        [--sample N] [--misses title,date,authors,body] [--save FILE] [--peers FILE]
        [--json FILE] [--bench-dir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import dechaff
from _common import print_table
from quality import DEFAULT_BENCH, Scores, read_jsonl
from scoring import author_scores, same_day, snippet_counts, title_exact, title_norm

EXT_SETS = ("fundus", "readability", "trafeval", "htmldate_mc")


@dataclass
class Page:
    id: str
    html: str
    gold: dict


@dataclass
class Output:
    """What one system made of one page."""

    body: str = ""
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    seconds: float = 0.0


Extractor = Callable[[str], Output]


def dechaff_extractor() -> Extractor:
    cleaner = dechaff.Cleaner()

    def extract(html: str) -> Output:
        records = cleaner.clean(html)
        if not records:
            return Output()
        first = records[0]
        return Output("\n\n".join(r.body for r in records), first.title, first.published,
                      list(first.authors))
    return extract


def trafilatura_extractor(comments: bool) -> Extractor:
    import trafilatura

    def extract(html: str) -> Output:
        found = trafilatura.extract(html, output_format="json", with_metadata=True,
                                    include_comments=comments)
        if not found:
            return Output()
        data = json.loads(found)
        body = data.get("text") or ""
        if comments and data.get("comments"):
            body += "\n" + data["comments"]
        authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
        return Output(body, data.get("title"), data.get("date"), authors)
    return extract


def readability_extractor() -> Extractor:
    import lxml.html
    from readability import Document

    def extract(html: str) -> Output:
        document = Document(html)
        title, author = document.short_title(), document.author()
        summary = document.summary(html_partial=True)  # mutates the document: called last
        body = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        return Output(body, title or None, None, [] if author == "[no-author]" else [author])
    return extract


def justext_extractor() -> Extractor:
    import justext
    stoplist = justext.get_stoplist("English")

    def extract(html: str) -> Output:
        paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
        return Output("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))
    return extract


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "dechaff": dechaff_extractor,
    "trafilatura": lambda: trafilatura_extractor(comments=True),
    "trafilatura-nocomments": lambda: trafilatura_extractor(comments=False),
    "readability-lxml": readability_extractor,
    "justext": justext_extractor,
}
DEFAULT_SYSTEMS = ("dechaff", "trafilatura", "trafilatura-nocomments", "readability-lxml")


def decode_page(data: bytes) -> str:
    """UTF-8, or (a few legacy pages) what bs4's charset detection makes of the bytes."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from bs4 import UnicodeDammit
        return UnicodeDammit(data, is_html=True).unicode_markup or data.decode("utf-8", "replace")


def read_set(folder: Path, pages_dir: str) -> list[Page]:
    """The pages of one set that have both their gold line and their HTML file."""
    pages = []
    for row in read_jsonl(folder / "gold.jsonl"):
        path = folder / pages_dir / f"{row['id']}.html.gz"
        if path.is_file():
            pages.append(Page(row["id"], decode_page(gzip.decompress(path.read_bytes())), row))
    return pages


def load_pages(bench: Path) -> list[tuple[str, str, str]]:
    """(id, html, gold body) for every page of the news bench (quality.py reads it so)."""
    return [(p.id, p.html, p.gold["body"]) for p in read_set(bench, "html")]


def set_folders(bench: Path) -> dict[str, tuple[Path, str]]:
    """Every set's folder and the name of its pages' subfolder."""
    folders = {"bench": (bench, "html")}
    folders.update({name: (bench.parent / "bench-ext" / name, "pages") for name in EXT_SETS})
    return folders


def run_interleaved(pages: list[Page], systems: dict[str, Extractor]) -> dict[str, list[Output]]:
    """Every system's output of every page, the systems taking turns page by page. A peer's
    crash is a page with no output; dechaff's fails the benchmark."""
    outputs: dict[str, list[Output]] = {name: [] for name in systems}
    names = list(systems)
    for n, page in enumerate(pages):
        turn = n % len(names) if names else 0
        for name in names[turn:] + names[:turn]:
            start = time.perf_counter()
            try:
                output = systems[name](page.html)
            except Exception as exc:
                if name == "dechaff":
                    raise
                print(f"note: {name}: {exc.__class__.__name__} on {page.id}: {exc}", file=sys.stderr)
                output = Output()
            output.seconds = time.perf_counter() - start
            outputs[name].append(output)
    return outputs


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def body_f1_spread(precisions: list[float | None], recalls: list[float], rounds: int) -> float:
    """The standard deviation of body F1 over bootstrap resamples of the pages."""
    rng, n, values = random.Random(14), len(recalls), []
    for _ in range(rounds):
        picks = [rng.randrange(n) for _ in range(n)]
        ps = [precisions[i] for i in picks if precisions[i] is not None]
        values.append(_f1(_mean(ps) or 0.0, _mean([recalls[i] for i in picks]) or 0.0))
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5


def page_body(output: Output, gold: str) -> tuple[float | None, float]:
    """One page's shingle precision (``None`` when the output is empty) and recall."""
    one = Scores()
    one.add(output.body, gold)
    return (one.precisions[0] if one.precisions else None), one.recalls[0]


def figures(pages: list[Page], outputs: list[Output], rounds: int) -> dict:
    """The set's figures for one system; ``None`` where no page has gold for a field."""
    precisions, recalls, snippets = [], [], [0, 0, 0, 0]
    titles, norms, dates, undated, exact, tokf1, anonymous = [], [], [], [], [], [], []
    empty = 0
    for page, out in zip(pages, outputs):
        gold = page.gold
        empty += not out.body.strip()
        if gold.get("body"):
            p, r = page_body(out, gold["body"])
            precisions.append(p)
            recalls.append(r)
        if gold.get("with") is not None:
            for i, count in enumerate(snippet_counts(out.body, gold["with"], gold.get("without") or [])):
                snippets[i] += count
        if gold.get("title"):
            titles.append(title_exact(out.title, gold["title"]))
            norms.append(bool(out.title) and title_norm(out.title) == title_norm(gold["title"]))
        if gold.get("published"):
            dates.append(same_day(out.published, gold["published"]))
        elif gold.get("published") == "":
            undated.append(not out.published)
        if gold.get("authors"):
            right, f1 = author_scores(out.authors, gold["authors"])
            exact.append(right)
            tokf1.append(f1)
        elif gold.get("authors") == [] and gold.get("dataset") == "trafeval":
            anonymous.append(not any(a.strip() for a in out.authors))
    result: dict = {"pages": len(pages), "empty": empty,
                    "seconds": sum(o.seconds for o in outputs)}
    if recalls:
        p = _mean([x for x in precisions if x is not None]) or 0.0
        r = _mean(recalls) or 0.0
        result.update(kind="body", p=p, r=r, f1=_f1(p, r),
                      spread=body_f1_spread(precisions, recalls, rounds) if rounds else None)
    elif any(snippets):
        tp, fn, fp, _ = snippets
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        result.update(kind="snippets", p=p, r=r, f1=_f1(p, r), spread=None)
    for key, values in (("title", titles), ("title_norm", norms), ("date", dates),
                        ("no_date", undated), ("author", exact), ("author_f1", tokf1),
                        ("no_author", anonymous)):
        result[key] = _mean([float(v) for v in values])
        result[f"n_{key}"] = len(values)
    return result


COLUMNS = (("F1", "f1"), ("±", "spread"), ("P", "p"), ("R", "r"), ("empty", "empty"),
           ("title exact", "title"), ("title norm", "title_norm"), ("date", "date"),
           ("no-date ok", "no_date"), ("author exact", "author"), ("author tokF1", "author_f1"),
           ("no-author ok", "no_author"))
_SHARES = frozenset({"title", "title_norm", "date", "no_date", "author", "no_author"})


def _cell(key: str, value) -> str:
    if value is None:
        return "-"
    if key in _SHARES:
        return f"{value:.1%}"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def print_set(name: str, results: dict[str, dict], reused: set[str]) -> None:
    """One table per set: a row per system, the columns that have gold on this set."""
    first = next(iter(results.values()))
    shown = [(head, key) for head, key in COLUMNS if first.get(key) is not None
             or (key in ("p", "r", "empty") and first.get("f1") is not None)]
    label = {"body": "body F1", "snippets": "snippet F1"}.get(first.get("kind", ""), "F1")
    header = ["system"] + [label if key == "f1" else head for head, key in shown] + ["pages/s"]
    rows = []
    for system, f in results.items():
        rate = f["pages"] / f["seconds"] if f["seconds"] else float("nan")
        rows.append([system] + [_cell(key, f.get(key)) for _, key in shown]
                    + [f"{rate:.1f}" + ("*" if system in reused else "")])
    counts = ", ".join(f"{key.removeprefix('n_')} {first[key]}" for key in
                       ("n_title", "n_date", "n_no_date", "n_author", "n_no_author") if first[key])
    print(f"\n{name}: {first['pages']} pages" + (f" (n: {counts})" if counts else ""))
    print_table(header, rows)


def print_misses(fields: list[str], pages: list[Page], outputs: dict[str, list[Output]]) -> None:
    """dechaff's wrong fields page by page, beside the gold and the first peer's value."""
    peer = next((name for name in outputs if name != "dechaff"), None)
    ours = outputs["dechaff"]
    for i, page in enumerate(pages):
        gold, out = page.gold, ours[i]
        theirs = outputs[peer][i] if peer else Output()
        lines = []
        if "title" in fields and gold.get("title") and not title_exact(out.title, gold["title"]):
            lines.append(f"title {out.title!r} | gold {gold['title']!r} | {peer} {theirs.title!r}")
        if "date" in fields and gold.get("published") is not None and (
                not same_day(out.published, gold["published"]) if gold["published"] else out.published):
            lines.append(f"date {out.published!r} | gold {gold['published']!r} | {peer} {theirs.published!r}")
        if "authors" in fields and gold.get("authors") is not None and (
                not author_scores(out.authors, gold["authors"])[0] if gold["authors"] else out.authors):
            lines.append(f"authors {out.authors!r} | gold {gold['authors']!r} | {peer} {theirs.authors!r}")
        if "body" in fields and gold.get("body"):
            p, r = page_body(out, gold["body"])
            tp, tr = page_body(theirs, gold["body"]) if peer else (None, 0.0)
            if _f1(p or 0.0, r) < _f1(tp or 0.0, tr) - 0.1:
                lines.append(f"body F1 {_f1(p or 0.0, r):.3f} (P {p or 0:.2f} R {r:.2f}) | "
                             f"{peer} {_f1(tp or 0.0, tr):.3f}")
        for line in lines:
            print(f"  {page.id}: {line}")


def load_saved(path: Path) -> dict[tuple[str, str], dict[str, Output]]:
    """Outputs saved by ``--save``: (set, page id) -> system -> output."""
    saved: dict[tuple[str, str], dict[str, Output]] = {}
    for row in read_jsonl(path):
        key, system = (row.pop("set"), row.pop("id")), row.pop("system")
        saved.setdefault(key, {})[system] = Output(**row)
    return saved


def sample(pages: list[Page], n: int | None) -> list[Page]:
    """Every k-th page, so that a small sample still spans the set's sites."""
    if not n or n >= len(pages):
        return pages
    step = len(pages) / n
    return [pages[int(i * step)] for i in range(n)]


def _names(text: str, known) -> Iterator[str]:
    for name in filter(None, (n.strip() for n in text.split(","))):
        if name not in known:
            raise SystemExit(f"error: unknown name {name!r} (known: {', '.join(known)})")
        yield name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--sets", default="bench," + ",".join(EXT_SETS),
                        help="comma-separated, from: bench, " + ", ".join(EXT_SETS))
    parser.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS),
                        help=f"comma-separated, from: {', '.join(SYSTEMS)}")
    parser.add_argument("--sample", type=int, metavar="N", help="only N pages of each set, spread")
    parser.add_argument("--bootstrap", type=int, default=1000, metavar="N",
                        help="resamples for body F1's ± (0: none)")
    parser.add_argument("--misses", default="", metavar="FIELDS",
                        help="list dechaff's misses: title,date,authors,body")
    parser.add_argument("--save", type=Path, metavar="FILE", help="write every output (JSONL)")
    parser.add_argument("--peers", type=Path, metavar="FILE",
                        help="read the systems not run from a --save file instead")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args(argv)

    folders = set_folders(args.bench_dir)
    saved = load_saved(args.peers) if args.peers else {}
    systems: dict[str, Extractor] = {}
    for name in _names(args.systems, SYSTEMS):
        try:
            systems[name] = SYSTEMS[name]()
        except ImportError as exc:
            print(f"note: {name} skipped ({exc}); pip install -e \".[bench]\"", file=sys.stderr)
    reused = sorted({s for by_system in saved.values() for s in by_system} - set(systems))
    report: dict[str, dict] = {}
    out_file = args.save.open("w", encoding="utf-8") if args.save else None
    for set_name in _names(args.sets, folders):
        folder, pages_dir = folders[set_name]
        if not (folder / "gold.jsonl").is_file():
            print(f"note: no gold.jsonl in {folder}; {set_name} skipped", file=sys.stderr)
            continue
        pages = sample(read_set(folder, pages_dir), args.sample)
        outputs = run_interleaved(pages, systems)
        for name in reused:
            found = [saved.get((set_name, p.id), {}).get(name) for p in pages]
            if all(found):
                outputs[name] = found
        report[set_name] = {name: figures(pages, outs, args.bootstrap) for name, outs in outputs.items()}
        print_set(set_name, report[set_name], set(reused))
        if args.misses and "dechaff" in outputs:
            print_misses(args.misses.split(","), pages, outputs)
        if out_file:
            for name, outs in outputs.items():
                for page, out in zip(pages, outs):
                    out_file.write(json.dumps({"set": set_name, "id": page.id, "system": name,
                                               **asdict(out)}, ensure_ascii=False) + "\n")
    if out_file:
        out_file.close()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
