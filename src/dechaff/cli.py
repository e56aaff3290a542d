"""The command line, thin over the API.

    dechaff clean PATH|- [PATH ...] [-o FILE] [--format FORMAT] [--explain] [--select RULES]
                  [--ignore RULES] [--pack FILE] [--config FILE | --no-config] [--no-repair]
                  [--no-split]
    dechaff report PATH|- [PATH ...] -o FILE.html [rule and reading options]
    dechaff rules [show CODE | check PACK ...]

``clean`` streams every document of its inputs through the cleaner and writes one row per
record, in input order; a document that fails becomes a row with ``dechaff_error`` (or goes
to ``--errors FILE``) and a one-line message on stderr, and the run goes on. The exit
statuses are :data:`EXIT` (documented in docs/corpora.md). ``rules check`` exits 1 when an
example of a pack fails, naming the file, rule and example.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Sequence

from . import __version__
from .config import Config
from .errors import DechaffError, OutputError, UsageError
from .io.limits import FLAGS as LIMIT_FLAGS, Limits
from . import corpus
from .io import readers, writers
from .docs import render_fix, render_rule
from .packs import load_pack
from .pipeline import Cleaner
from .stages.repair import FIXES, Fix
from .testing import check_example

PROG = "dechaff"

#: The exit statuses of ``dechaff clean``, each with what it means.
EXIT = {
    0: "every document was cleaned",
    1: "some documents failed: each is an error row (or a line of --errors FILE; of stderr "
       "for txt and markdown)",
    2: "a usage or configuration error (nothing was read or written)",
    3: "--max-errors N stopped the run",
    4: "the output cannot be written (disk full, no permission); a previous output is left "
       "as it was",
    70: "an internal error (a bug: please report it); the summary and --stats are written",
    130: "interrupted; every finished record is written",
}
USAGE, STOPPED, UNWRITABLE, INTERNAL, INTERRUPTED = 2, 3, 4, 70, 130


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
                       help="write here instead of stdout; the name gives the format: .jsonl, "
                            ".jsonl.gz, .jsonl.zst, .parquet, .txt (bodies only) or .md "
                            "(Markdown)")
    clean.add_argument("--format", choices=("jsonl", "parquet", "txt", "markdown"),
                       help="output format; must agree with -o's name (default: by name); txt "
                            "and markdown hold the bodies, a form feed (txt) or --- line "
                            "between documents; their failed documents go to --errors or "
                            "stderr, as JSON Lines")
    clean.add_argument("--explain", action="store_true", help="add each record's removals")
    clean.add_argument("--language", action="store_true",
                       help="add each record's language (needs the language extra: py3langid)")
    add_rule_options(clean)
    clean.add_argument("--no-repair", dest="repair", action="store_false", help="skip the repair stage")
    clean.add_argument("--no-split", dest="split", action="store_false",
                       help="one record per input, never split")
    add_reading_options(clean)
    clean.add_argument("--no-passthrough", dest="passthrough", action="store_false",
                       help="do not copy the inputs' other fields into the rows")
    clean.add_argument("--keep-text", action="store_true",
                       help="keep each input's text field on its record rows too")
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
    clean.add_argument("--statistics", action="store_true",
                       help="after the run, print the removals by rule and by family (count, "
                            "characters, documents) on stderr, even with --quiet")
    defaults = Limits()
    for name, (flag, what) in LIMIT_FLAGS.items():
        default = getattr(defaults, name)
        clean.add_argument(flag, dest=name, type=float if name == "ratio" else _positive,
                           default=default, metavar="N", help=f"at most N for {what} "
                           f"(default: {default:,g}); over it, an error row")
    clean.add_argument("-q", "--quiet", action="store_true",
                       help="no progress, per-document errors or summary on stderr")

    report = sub.add_parser("report", help="write an HTML page that shows what was removed",
                            description="Clean every document of the inputs with its trace and "
                                        "write one self-contained HTML page: each document's "
                                        "text with every change marked in place, per-rule "
                                        "totals and filters, flagged documents first.")
    report.add_argument("inputs", nargs="+", metavar="PATH",
                        help="what dechaff clean reads: files, folders, globs, or -")
    report.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the HTML page to write (report.html, say)")
    add_rule_options(report)
    report.add_argument("--no-repair", dest="repair", action="store_false",
                        help="skip the repair stage")
    report.add_argument("--no-split", dest="split", action="store_false",
                        help="one record per input, never split")
    add_reading_options(report)
    report.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")

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


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    reading = parser.add_mutually_exclusive_group()
    reading.add_argument("--input-format", choices=("auto", "text", "html"), default="auto",
                         help="how to read each document (default: HTML recognised by its tags)")
    reading.add_argument("--html", dest="input_format", action="store_const", const="html",
                         help="read every document as an HTML page (--input-format html)")
    reading.add_argument("--text", dest="input_format", action="store_const", const="text",
                         help="read every document as plain text, even if it holds tags")
    parser.add_argument("--text-field", default="text", metavar="NAME",
                        help="the field holding the text in JSON Lines and Parquet inputs (default: text)")
    parser.add_argument("--id-field", metavar="NAME", help="the field holding a document's id")
    parser.add_argument("--stdin-format", choices=("text", "jsonl"), default="text",
                        help="what - holds (default: one text document)")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "rules":
            return run_rules(args)
        if args.command == "report":
            return run_report(args)
        return run_clean(args)
    except BrokenPipeError:  # `dechaff clean x | head`: the reader left, that is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return INTERRUPTED
    except OutputError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return UNWRITABLE
    except DechaffError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return USAGE


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
    """Stream documents through the cleaner to the writers; see :data:`EXIT` for the exit
    statuses. The summary (and ``--stats``) is written however the run ends."""
    config = load_config(args, explain=args.explain, language=args.language, repair=args.repair,
                         split=args.split, input=args.input_format)
    Cleaner(config)  # fail early, before any output, on a bad configuration or pack
    try:
        limits = Limits(line_bytes=args.line_bytes, document_bytes=args.document_bytes,
                        file_bytes=args.file_bytes, ratio=args.ratio)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    outputs = {"-o": args.output, "--errors": args.errors, "--stats": args.stats}
    writers.check_paths(args.inputs, outputs)
    reader = readers.Reader(args.inputs, text_field=args.text_field, id_field=args.id_field,
                            stdin_format=args.stdin_format, limits=limits,
                            exclude=[path for path in outputs.values() if path])
    summary = corpus.Summary(skipped=reader.skipped)
    sink = writers.open_writer(args.output, args.format, explain=args.explain,
                               text_field=args.text_field)
    try:
        errors = writers.open_errors(args.errors, sink, text_field=args.text_field)
    except DechaffError:
        sink.abort()
        raise
    status, results = 0, None
    try:
        results = _engine(args, reader, config, markdown=getattr(sink, "form", None) == "markdown")
        status = _drain(results, summary, sink, errors, args)
        _commit(sink, errors)
    except KeyboardInterrupt:
        summary.stopped = "interrupted"
        status = INTERRUPTED
        _commit(sink, errors)
    except BrokenPipeError:  # the reader of standard output left: what it read is whole
        summary.stopped = "standard output was closed"
        _commit(sink, errors)
        raise
    except BaseException as exc:
        sink.abort()
        errors.abort()
        status = _fatal(exc, summary)
    finally:
        close = getattr(results, "close", None)
        if close:
            close()
        status = _report(summary, args, status)
    return status


def run_report(args: argparse.Namespace) -> int:
    """Write the HTML report of the inputs (:mod:`dechaff.report`): 0 when every document
    was cleaned, 1 when any failed (each is shown on the page, first), 2 for a usage error,
    4 when the page cannot be written."""
    from . import report

    config = load_config(args, explain=True, repair=args.repair, split=args.split,
                         input=args.input_format)
    cleaner = report.ShowingCleaner(config)
    for path in args.inputs:  # clean makes an error row of it; a report of nothing is no use
        if path != "-" and not any(ch in path for ch in "*?[") and not os.path.exists(path):
            raise UsageError(f"{path}: no such file or folder; give the texts, HTML pages or "
                             "JSON Lines files to report on")
    writers.check_paths(args.inputs, {"-o": args.output})
    reader = readers.Reader(args.inputs, text_field=args.text_field, id_field=args.id_field,
                            stdin_format=args.stdin_format, exclude=[args.output])
    reports = report.build(reader, cleaner)
    report.write(args.output, report.render(reports, args.inputs))
    failed = sum(r.error is not None for r in reports)
    if not args.quiet:
        print(f"{PROG}: {len(reports)} documents ({failed} failed) reported in {args.output}",
              file=sys.stderr)
    return 1 if failed else 0


def _engine(args: argparse.Namespace, reader: readers.Reader, config: Config,
            markdown: bool = False):
    options = dict(explain=args.explain, passthrough=args.passthrough, keep_text=args.keep_text,
                   markdown=markdown)
    if args.engine == "dask":
        from .integrations import dask as on_dask
        return on_dask.run(iter(reader), config, scheduler=args.scheduler,
                           workers=max(args.workers, 2), **options)
    return corpus.outcomes(iter(reader), config, workers=args.workers, **options)


def _drain(results, summary: corpus.Summary, sink, errors, args: argparse.Namespace) -> int:
    """Write every outcome; the status the documents give (0, 1, or 3 when stopped)."""
    status = 0
    progress = Progress(enabled=not args.quiet and sys.stderr.isatty(),
                        total=_total_bytes(args.inputs))
    try:
        for outcome in results:
            summary.add(outcome)
            if outcome.error is None:
                sink.write(outcome.rows)
                progress.update(summary)
                continue
            progress.clear()
            errors.write(outcome.rows)
            if errors is not sink:  # a text output keeps one page a document, this one empty
                sink.write([])
            status = 1
            if not args.quiet:
                print(f"{PROG}: error: {outcome.id}: {outcome.error}", file=sys.stderr)
            if args.max_errors and summary.errored >= args.max_errors:
                summary.stopped = f"{summary.errored} documents failed (--max-errors {args.max_errors})"
                return STOPPED
            progress.update(summary)
    finally:
        progress.close()
    return status


def _commit(sink, errors) -> None:
    sink.close()
    if errors is not sink:
        errors.close()


def _fatal(exc: BaseException, summary: corpus.Summary) -> int:
    """A run that cannot go on: one line that says why, and the exit status."""
    if isinstance(exc, OutputError):
        status, message = UNWRITABLE, str(exc)
    elif isinstance(exc, DechaffError):
        status, message = USAGE, str(exc)
    elif isinstance(exc, Exception):
        status = INTERNAL
        message = f"internal error, please report it: {type(exc).__name__}: {exc}"
    else:
        raise exc
    print(f"{PROG}: error: {message}", file=sys.stderr)
    summary.stopped = message
    return status


def _report(summary: corpus.Summary, args: argparse.Namespace, status: int) -> int:
    """The summary on stderr and in ``--stats``; an unwritable stats file is status 4."""
    if args.stats:
        try:
            with open(args.stats, "w", encoding="utf-8") as handle:
                json.dump(summary.to_dict(), handle, indent=2)
        except OSError as exc:
            print(f"{PROG}: error: cannot write {args.stats}: {exc.strerror or exc}",
                  file=sys.stderr)
            status = status or UNWRITABLE
    if not args.quiet:
        for line in summary.lines():
            print(f"{PROG}: {line}", file=sys.stderr)
    if args.statistics:
        sys.stderr.write("".join(line + "\n" for line in summary.table()))
    return status


class Progress:
    """The run's progress on stderr: one tqdm bar of the input's MB (with its total and an ETA
    when the inputs are files), documents and errors beside it, as wide as the terminal.

    Shown only when stderr is a terminal and ``--quiet`` was not given (``enabled``);
    ``stream`` is where it is drawn (stderr)."""

    def __init__(self, enabled: bool, total: int | None, stream=None) -> None:
        self.bar = None
        self.done = 0
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1000,
                            file=stream or sys.stderr, dynamic_ncols=True, leave=False,
                            mininterval=0.2, desc=PROG)

    def update(self, summary: corpus.Summary) -> None:
        if self.bar is None:
            return
        self.bar.set_postfix_str(f"{summary.documents} docs, {summary.errored} errors",
                                 refresh=False)
        self.bar.update(summary.bytes - self.done)
        self.done = summary.bytes

    def clear(self) -> None:
        """Take the bar off the line (for an error message); the next update draws it again."""
        if self.bar is not None:
            self.bar.clear()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _total_bytes(paths: list[str]) -> int | None:
    try:
        return sum(os.path.getsize(p) for p in readers.expand(paths) if p != "-")
    except (OSError, DechaffError):
        return None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
