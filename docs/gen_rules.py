#!/usr/bin/env python3
"""Write the rule reference from the rules themselves: docs/rules/<CODE>.md, one page a
rule, and docs/rules/index.md, the table of them all.

    python3 docs/gen_rules.py          # rewrite the pages
    python3 docs/gen_rules.py --check  # exit 1 if any page is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from dechaff.docs import render_fix, render_rule
from dechaff.rules import all_rules
from dechaff.stages.repair import FIXES

FOLDER = Path(__file__).resolve().parent / "rules"


def pages() -> dict[Path, str]:
    rules = [c for c in all_rules() if c.__module__.startswith("dechaff.rules")]
    index = ["# Rule reference", "",
             "Every built-in rule, generated from the rules' own metadata by",
             "`python3 docs/gen_rules.py`. Each rule's examples run as tests.", "",
             "| code | name | groups | what it does |", "| --- | --- | --- | --- |"]
    out: dict[Path, str] = {}
    for cls in rules:
        out[FOLDER / f"{cls.code}.md"] = render_rule(cls)
        index.append(f"| [{cls.code}]({cls.code}.md) | `{cls.name}` | {', '.join(cls.groups)} "
                     f"| {cls.description} |")
    index += ["", "## Repairs", "", "The repair stage's steps, in the order they run; `ignore`",
              "takes their codes too.", ""]
    for fix in FIXES:
        out[FOLDER / f"{fix.code}.md"] = render_fix(fix)
        index.append(f"- **[{fix.code}]({fix.code}.md) `{fix.name}`**: {fix.description}")
    out[FOLDER / "index.md"] = "\n".join(index) + "\n"
    return out


def main() -> int:
    wanted = pages()
    if "--check" in sys.argv[1:]:
        stale = [p.name for p, text in wanted.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        extra = [p.name for p in FOLDER.glob("*.md") if p not in wanted]
        if stale or extra:
            print(f"docs/rules is out of date ({', '.join(stale + extra)}): run python3 "
                  "docs/gen_rules.py", file=sys.stderr)
            return 1
        return 0
    FOLDER.mkdir(exist_ok=True)
    for old in FOLDER.glob("*.md"):
        if old not in wanted:
            old.unlink()
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
