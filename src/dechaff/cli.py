"""The command line, thin over the API.

    dechaff clean PATH|- [PATH ...] [-o FILE] [--explain] [--select RULES] [--ignore RULES]
                  [--pack FILE] [--config FILE | --no-config] [--no-repair] [--no-split]
    dechaff rules [show CODE | check PACK ...]

``clean`` writes one JSON object per record per line. Exit status: 0 when every input was
cleaned, 1 when any input could not be read or cleaned (each gets a one-line message on
stderr and the others are still cleaned), 2 for a usage or configuration error.
``rules check`` exits 1 when an example of a pack fails, naming the file, rule and example.
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
from .docs import render_rule
from .packs import load_pack
from .pipeline import Cleaner
from .testing import check_example

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
    add_rule_options(clean)
    clean.add_argument("--no-repair", dest="repair", action="store_false", help="skip the repair stage")
    clean.add_argument("--no-split", dest="split", action="store_false",
                       help="one record per input, never split")

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
    if args.action == "show":
        found = [r for r in cleaner.rules if args.rule in (r.code, r.name)]
        if not found:
            print(f"{PROG}: error: no rule {args.rule!r}; `dechaff rules` lists them", file=sys.stderr)
            return 2
        sys.stdout.write(render_rule(type(found[0])))
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
                except AssertionError as exc:
                    failed += 1
                    kind = "must_remove" if example.removes else "must_keep"
                    print(f"{path}: {cls.code} ({cls.name}): {kind} {example.text.strip()!r} "
                          f"failed: {exc}", file=sys.stderr)
        if not failed:
            count = sum(len(c.examples) for c in rules)
            print(f"{path}: {len(rules)} rule(s), {count} example(s) passed")
    return 1 if failed else 0


def run_clean(args: argparse.Namespace) -> int:
    config = load_config(args, explain=args.explain, repair=args.repair, split=args.split)
    cleaner = Cleaner(config)
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
