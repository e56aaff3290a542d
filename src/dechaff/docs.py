"""A rule's documentation page, written from the rule itself: its metadata, docstring and
examples. ``dechaff rules show CODE`` prints it; the docs site has one page per rule, and
one per repair step (``RP01``...), written from the step's function."""

from __future__ import annotations

import inspect

from .rules.base import Rule
from .stages.repair import Fix


def _quote(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def render_rule(cls: type[Rule]) -> str:
    """Markdown: what the rule removes, why, its known problems, and its examples."""
    lines = [f"# {cls.code} `{cls.name}`", "",
             f"*Groups:* {', '.join(cls.groups) or 'none'}. *Phase:* {cls.phase}.", "",
             cls.description, "", inspect.cleandoc(cls.__doc__ or ""), ""]
    if cls.settings:
        lines += ["**Settings:** " + ", ".join(f"`{k}` (default {v!r})"
                                               for k, v in cls.settings.items()), ""]
    removes = [e for e in cls.examples if e.removes]
    keeps = [e for e in cls.examples if not e.removes]
    if removes:
        lines += ["## Removes", ""]
        for example in removes:
            detail = []
            if example.gone and example.gone != (example.text.strip(),):
                detail.append("gone: " + "; ".join(repr(g) for g in example.gone))
            if example.fields:
                detail.append(", ".join(f"{k} = {v!r}" for k, v in example.fields.items()))
            if example.records is not None:
                detail.append(f"{example.records} record(s)")
            if detail:
                lines += ["(" + "; ".join(detail) + ")", ""]
            lines += [_quote(example.text), ""]
    if keeps:
        lines += ["## Keeps (look-alikes)", ""]
        for example in keeps:
            lines += [_quote(example.text), ""]
    return "\n".join(lines).rstrip() + "\n"


def render_fix(fix: Fix) -> str:
    """Markdown: what a repair step rewrites, why, and its examples (the function's doctests)."""
    doc = inspect.cleandoc(fix.apply.__doc__ or "")
    prose, _, examples = doc.partition(">>>")
    lines = [f"# {fix.code} `{fix.name}`", "", f"*Groups:* {', '.join(fix.groups)}. *Phase:* repair.",
             "", fix.description, "", prose.strip(), "",
             "Repairs run before every rule, in the order of the rule reference's list; "
             f"`ignore=[\"{fix.code}\"]` turns this one off, and `explain` records each of its "
             "edits (action `repaired`).", ""]
    if examples:
        lines += ["## Repairs", "", _quote(">>>" + examples), ""]
    return "\n".join(lines).rstrip() + "\n"
