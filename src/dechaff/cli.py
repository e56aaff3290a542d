"""The command line, thin over the API.

    dechaff clean PATH|- [PATH ...] [-o FILE] [--explain] [--select RULES] [--ignore RULES]
    dechaff rules

``clean`` writes one JSON object per record per line. Exit status: 0 when every input was
cleaned, 1 when any input could not be read or cleaned (each gets a one-line message on
stderr and the others are still cleaned), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, Sequence

from . import __version__
from .config import Config
from .errors import DechaffError
from .pipeline import Cleaner
from .rules import all_rules

PROG = "dechaff"


def _refs(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Clean aggregator scrapes into article records.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    clean = sub.add_parser("clean", help="clean scrapes into JSON Lines records",
                           description="Clean each input (a file, or - for standard input) and "
                                       "write one JSON object per article record per line.")
    clean.add_argument("inputs", nargs="+", metavar="PATH", help="a text file, or - for stdin")
    clean.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    clean.add_argument("--explain", action="store_true", help="add each record's removals")
    clean.add_argument("--select", type=_refs, metavar="RULES",
                       help="comma-separated rule codes, names, groups or globs to run")
    clean.add_argument("--ignore", type=_refs, default=[], metavar="RULES",
                       help="comma-separated rules (or repair steps) not to run")
    clean.add_argument("--no-repair", dest="repair", action="store_false", help="skip the repair stage")
    clean.add_argument("--no-split", dest="split", action="store_false",
                       help="one record per input, never split")

    sub.add_parser("rules", help="list the rules", description="List every rule: code, name, groups, description.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "rules":
            return list_rules(sys.stdout)
        return run_clean(args)
    except BrokenPipeError:  # `dechaff clean x | head`: the reader left, that is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def list_rules(out: IO[str]) -> int:
    for cls in all_rules():
        out.write(f"{cls.code}\t{cls.name}\t{','.join(cls.groups)}\t{cls.description}\n")
    return 0


def run_clean(args: argparse.Namespace) -> int:
    try:
        config = Config(select=args.select, ignore=tuple(args.ignore), explain=args.explain,
                        repair=args.repair, split=args.split)
        cleaner = Cleaner(config)
    except DechaffError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = False
    try:
        for path in args.inputs:
            try:
                data = sys.stdin.buffer.read() if path == "-" else _read(path)
                records = cleaner.clean(data)
            except (OSError, DechaffError) as exc:
                print(f"{PROG}: error: {path}: {_reason(exc)}", file=sys.stderr)
                failed = True
                continue
            if not records:
                print(f"{PROG}: warning: {path}: no article text found", file=sys.stderr)
            for record in records:
                line = {"input": path, **record.to_dict(removals=args.explain)}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
