#!/usr/bin/env python3
"""Write the rule reference from the rules themselves: docs/rules/<CODE>.md, one page a
rule, docs/rules/index.md, the table of them all, and the rule pages' part of the site's
navigation in mkdocs.yml (grouped by family, in code order), below its ``# rules:`` line.

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
MKDOCS = FOLDER.parent.parent / "mkdocs.yml"
#: The line of mkdocs.yml under which the rule pages' navigation is written (to the end).
MARK = "  # rules: written by docs/gen_rules.py, do not edit below"


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
    out[MKDOCS] = navigation(rules)
    return out


def navigation(rules: list) -> str:
    """mkdocs.yml with the rule reference's section rewritten: the index, then a section per
    family (``RL``, ``UI``...) with its rules in code order, then the repairs."""
    text = MKDOCS.read_text(encoding="utf-8")
    head = text.split(MARK)[0].rstrip("\n") + "\n" + MARK + "\n"
    families: dict[str, list] = {}
    for cls in sorted(rules, key=lambda c: c.code):
        families.setdefault(cls.code.rstrip("0123456789"), []).append(cls)
    lines = ["  - Rule reference:", "      - rules/index.md"]
    for family, members in families.items():
        lines.append(f"      - {family} ({members[0].groups[0]}):")
        lines += [f"          - {c.code} {c.name}: rules/{c.code}.md" for c in members]
    lines.append("      - Repairs:")
    lines += [f"          - {f.code} {f.name}: rules/{f.code}.md" for f in FIXES]
    return head + "\n".join(lines) + "\n"


def main() -> int:
    wanted = pages()
    if "--check" in sys.argv[1:]:
        stale = [p.name for p, text in wanted.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        extra = [p.name for p in FOLDER.glob("*.md") if p not in wanted]
        stale = [n if n != MKDOCS.name else f"{n}'s rule navigation" for n in stale]
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
