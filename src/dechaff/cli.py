"""The command line, thin over the API.

    dechaff clean PATH|- [PATH ...] [-o FILE] [--explain] [--select RULES] [--ignore RULES]
                  [--pack FILE] [--config FILE | --no-config] [--no-repair] [--no-split]
    dechaff rules [show CODE | check PACK ...]

``clean`` streams every document of its inputs through the cleaner and writes one row per
record, in input order; a document that fails becomes a row with ``error`` (or goes to
``--errors FILE``) and a one-line message on stderr, and the run goes on. Exit status: 0 when
every document was cleaned; 1 when any failed; 2 for a usage or configuration error; 3 when
``--max-errors`` stopped the run; 130 when interrupted (every finished record is written).
``rules check`` exits 1 when an example of a pack fails, naming the file, rule and example.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Sequence

from . import __version__
from .config import Config
from .errors import DechaffError
from . import batch, sinks, sources
from .docs import render_fix, render_rule
from .packs import load_pack
from .pipeline import Cleaner
from .stages.repair import FIXES, Fix
from .testing import check_example

PROG = "dechaff"


def _refs(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Clean aggregator scrapes into article records.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean scrapes into records (JSON Lines or Parquet)",
                           description="Clean every document of the inputs and write one row per "
                                       "article record (and one per failed document) in order.")
    clean.add_argument("inputs", nargs="+", metavar="PATH",
                       help="files, folders (recursive), globs, or - for standard input; .txt, "
                            ".html, .jsonl[.gz|.zst], .parquet, .warc[.gz]")
    clean.add_argument("-o", "--output", metavar="FILE",
                       help="write here instead of stdout; a .parquet name writes Parquet")
    clean.add_argument("--format", choices=("jsonl", "parquet"), help="output format (default: by name)")
    clean.add_argument("--explain", action="store_true", help="add each record's removals")
    add_rule_options(clean)
    clean.add_argument("--no-repair", dest="repair", action="store_false", help="skip the repair stage")
    clean.add_argument("--no-split", dest="split", action="store_false",
                       help="one record per input, never split")
    reading = clean.add_mutually_exclusive_group()
    reading.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                         help="how to read each document (default: HTML recognised by its tags)")
    reading.add_argument("--html", dest="input_format", action="store_const", const="html",
                         help="read every document as an HTML page (--input-format html)")
    reading.add_argument("--text", dest="input_format", action="store_const", const="text",
                         help="read every document as plain text, even if it holds tags")
    clean.add_argument("--text-field", default="text", metavar="NAME",
                       help="the field holding the text in JSON Lines and Parquet inputs (default: text)")
    clean.add_argument("--id-field", metavar="NAME", help="the field holding a document's id")
    clean.add_argument("--stdin-format", choices=("text", "jsonl"), default="text",
                       help="what - holds (default: one text document)")
    clean.add_argument("--no-passthrough", dest="passthrough", action="store_false",
                       help="do not copy the inputs' other fields into the records")
    clean.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="clean in N processes (output order follows input order)")
    clean.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local processes, or a Dask cluster (needs the dask extra)")
    clean.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: an existing cluster (default: start a local one)")
    clean.add_argument("--errors", metavar="FILE",
                       help="write failed documents here (JSON Lines) instead of the output")
    clean.add_argument("--max-errors", type=_positive, metavar="N",
                       help="stop the run after N failed documents (exit status 3)")
    clean.add_argument("--stats", metavar="FILE", help="write the run's summary here as JSON")
    clean.add_argument("-q", "--quiet", action="store_true",
                       help="no progress, per-document errors or summary on stderr")

    rules = sub.add_parser("rules", help="list, show and check rules",
                           description="With no action, list every rule: code, name, groups, "
                                       "description.")
    add_rule_options(rules)
    actions = rules.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="print a rule's documentation and examples")
    show.add_argument("rule", metavar="CODE", help="a rule's code or dotted name")
    check = actions.add_parser("check", help="run a TOML pack's examples")
    check.add_argument("packs", nargs="+", metavar="FILE", help="a TOML rule pack")
    return parser


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--select", type=_refs, metavar="RULES",
                        help="comma-separated rule codes, names, groups or globs to run")
    parser.add_argument("--ignore", type=_refs, default=None, metavar="RULES",
                        help="comma-separated rules (or repair steps) not to run")
    parser.add_argument("--pack", action="append", default=[], metavar="FILE",
                        help="load a TOML rule pack (repeatable)")
    parser.add_argument("--config", metavar="FILE",
                        help="read options from this dechaff.toml or pyproject.toml")
    parser.add_argument("--no-config", action="store_true",
                        help="do not look for a project file ([tool.dechaff] or dechaff.toml)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "rules":
            return run_rules(args)
        return run_clean(args)
    except BrokenPipeError:  # `dechaff clean x | head`: the reader left, that is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except DechaffError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2


def load_config(args: argparse.Namespace, **options: object) -> Config:
    """The project file's options (unless --no-config), then the command line's."""
    if getattr(args, "select", None) is not None:
        options["select"] = tuple(args.select)
    if args.config:
        config = Config.from_file(args.config)
    elif args.no_config:
        config = Config()
    else:
        config = Config.discover()
    if args.ignore is not None:
        options["ignore"] = (*config.ignore, *args.ignore)
    if args.pack:
        options["packs"] = (*config.packs, *args.pack)
    return config.replace(**options)


def run_rules(args: argparse.Namespace) -> int:
    if args.action == "check":
        return check_packs(args.packs)
    cleaner = Cleaner(load_config(args))
    if args.action == "show":  # any rule or repair step, selected or not, by code or name
        ref = args.rule.casefold()
        found = [r for r in (*cleaner.pool, *FIXES) if ref in (r.code.casefold(), r.name.casefold())]
        if not found:
            print(f"{PROG}: error: no rule {args.rule!r}; `dechaff rules` lists them", file=sys.stderr)
            return 2
        sys.stdout.write(render_fix(found[0]) if isinstance(found[0], Fix) else render_rule(found[0]))
        return 0
    for rule in cleaner.rules:
        sys.stdout.write(f"{rule.code}\t{rule.name}\t{','.join(rule.groups)}\t{rule.description}\n")
    return 0


def check_packs(paths: list[str]) -> int:
    """Run every example of every rule in the packs; name each one that fails."""
    failed = 0
    for path in paths:
        try:
            rules = load_pack(path)
        except DechaffError as exc:
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        for cls in rules:
            for example in cls.examples:
                try:
                    check_example(cls, example, packs=(path,))
                except (AssertionError, DechaffError) as exc:
                    failed += 1
                    kind = "must_remove" if example.removes else "must_keep"
                    print(f"{path}: {cls.code} ({cls.name}): {kind} {example.text.strip()!r} "
                          f"failed: {exc}", file=sys.stderr)
        if not failed:
            count = sum(len(c.examples) for c in rules)
            print(f"{path}: {len(rules)} rule(s), {count} example(s) passed")
    return 1 if failed else 0


def run_clean(args: argparse.Namespace) -> int:
    """Stream documents through the cleaner to the sinks; see the module docstring for the
    exit statuses."""
    config = load_config(args, explain=args.explain, repair=args.repair, split=args.split,
                         input=args.input_format)
    Cleaner(config)  # fail early, before any output, on a bad configuration or pack
    docs = sources.read(args.inputs, text_field=args.text_field, id_field=args.id_field,
                        stdin_format=args.stdin_format)
    if args.engine == "dask":
        from .integrations import dask as on_dask
        results = on_dask.run(docs, config, scheduler=args.scheduler, workers=max(args.workers, 2),
                              explain=args.explain, passthrough=args.passthrough)
    else:
        results = batch.outcomes(docs, config, workers=args.workers, explain=args.explain,
                                 passthrough=args.passthrough)
    summary = batch.Summary()
    progress = Progress(enabled=not args.quiet and sys.stderr.isatty(),
                        total=_total_bytes(args.inputs))
    sink = sinks.open_sink(args.output, args.format)
    errors = sinks.JsonlSink(args.errors) if args.errors else sink
    status = 0
    try:
        for outcome in results:
            summary.add(outcome)
            if outcome.error is not None:
                errors.write(outcome.rows)
                status = 1
                if not args.quiet:
                    progress.clear()
                    print(f"{PROG}: error: {outcome.rows[0]['id']}: {outcome.error}", file=sys.stderr)
                if args.max_errors and summary.errored >= args.max_errors:
                    summary.stopped = f"{summary.errored} documents failed (--max-errors {args.max_errors})"
                    status = 3
                    break
            else:
                sink.write(outcome.rows)
            progress.update(summary)
    except KeyboardInterrupt:
        summary.stopped = "interrupted"
        status = 130
    finally:
        progress.clear()
        sink.close()
        if errors is not sink:
            errors.close()
        close = getattr(results, "close", None)
        if close:
            close()
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as handle:
            json.dump(summary.to_dict(), handle, indent=2)
    if not args.quiet:
        for line in summary.lines():
            print(f"{PROG}: {line}", file=sys.stderr)
    return status


class Progress:
    """A one-line progress display on stderr: documents/s, MB/s and, for files, an ETA."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled, self.total = enabled, total
        self.started = time.monotonic()
        self.last = 0.0

    def update(self, summary: batch.Summary) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-6)
        rate = summary.bytes / elapsed
        line = (f"{summary.documents} docs, {summary.documents / elapsed:.0f} docs/s, "
                f"{rate / 1e6:.2f} MB/s, {summary.errored} errors")
        if self.total and rate > 0:
            line += f", ETA {max(self.total - summary.bytes, 0) / rate:.0f}s"
        sys.stderr.write("\r" + line[:120].ljust(120))
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 120 + "\r")
            sys.stderr.flush()


def _total_bytes(paths: list[str]) -> int | None:
    try:
        return sum(os.path.getsize(p) for p in sources.expand(paths) if p != "-")
    except (OSError, DechaffError):
        return None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
