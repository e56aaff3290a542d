#!/usr/bin/env python3
"""Write docs/rules.md, the rule reference, from the rules' own metadata and examples.

    python3 docs/gen_rules.py          # rewrite docs/rules.md
    python3 docs/gen_rules.py --check  # exit 1 if docs/rules.md is out of date
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from dechaff.rules import all_rules
from dechaff.stages.repair import FIXES

TARGET = Path(__file__).resolve().parent / "rules.md"


def quote(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def render() -> str:
    out = ["# Rule reference", "",
           "Generated from the rules' own metadata by `python3 docs/gen_rules.py`; do not edit.",
           "Each rule's examples run as tests: the text it must remove, and look-alike text it",
           "must keep.", ""]
    for cls in all_rules():
        out += [f"## {cls.code} `{cls.name}`", "",
                f"*Groups:* {', '.join(cls.groups)}. *Phase:* {cls.phase}.", "",
                cls.description, "", inspect.cleandoc(cls.__doc__ or ""), ""]
        for example in cls.examples:
            kind = "Removes" if example.removes else "Keeps"
            detail = []
            if example.gone:
                detail.append("gone: " + "; ".join(repr(g) for g in example.gone))
            if example.fields:
                detail.append(", ".join(f"{k} = {v!r}" for k, v in example.fields.items()))
            if example.records is not None:
                detail.append(f"{example.records} record(s)")
            out += [f"{kind}" + (f" ({'; '.join(detail)})" if detail else "") + ":", "",
                    quote(example.text), ""]
    out += ["## Repairs", "", "The repair stage's steps, in the order they run.", ""]
    for fix in FIXES:
        out += [f"- **{fix.code} `{fix.name}`**: {fix.description}"]
    return "\n".join(out) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run python3 docs/gen_rules.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
