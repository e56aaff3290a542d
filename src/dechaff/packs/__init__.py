"""Declarative rule packs: rules written in TOML by people who do not write Python.

A pack is a file like this (see ``docs/packs.md``)::

    [pack]
    name = "acme"

    [[rules]]
    code = "ACME01"
    name = "acme.sponsor_line"
    description = "Sponsor lines that the Acme portal adds under each story."
    pattern = '''(?i)^brought to you by acme\\b.*$'''
    scope = "line"          # line, span, block, head or tail
    action = "drop"         # drop, cut, move (with field = ...) or boundary
    must_remove = ["Brought to you by Acme Widgets."]
    must_keep = ["The report was brought to the council by Acme's lawyers."]

:func:`load_pack` turns each entry into a rule class, the same kind of object as a built-in
rule, so packs are selected, explained and documented the same way. A malformed pack fails
at once, naming the file, the rule and the field at fault.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import regex

from ..config import read_toml
from ..dates import parse_date
from ..errors import PackError
from ..rules.base import ArticleRule, Example, PatternRule, Proposal, Rule
from ..patterns import URL
from ..shapes import is_body
from .budget import MAX_PATTERN_SIZE, pattern_size

SCOPES = ("line", "span", "block", "head", "tail")
ACTIONS = ("drop", "cut", "move", "boundary")
_CODE = regex.compile(r"^[A-Z][A-Z0-9_]*[0-9]+$")
_NAME = regex.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
_URLS = regex.compile(URL)
_FIELDS = {"code": str, "name": str, "description": str, "pattern": str, "scope": str,
           "action": str, "field": str, "groups": list, "keywords": list, "ignore_case": bool,
           "ends_article": bool, "must_remove": list, "must_keep": list, "why": str,
           "known_problems": str}


def field_value(field: str, text: str) -> Any:
    """What a moved text gives a field: a date for ``published``, URLs for ``sources``."""
    if field == "published":
        return parse_date(text)
    if field == "sources":
        return _URLS.findall(text) or None
    if field == "authors":
        return [text.strip()]
    return text.strip()


class PackPatternRule(PatternRule):
    """A pack rule on the text: a line, a span, or a whole paragraph."""

    action: str = "drop"
    pack: str = ""

    def value(self, match, doc):
        return field_value(self.field or "", match.group("value") if "value" in match.groupdict()
                           else match.group(0))

    def propose(self, doc) -> Iterator[Proposal]:
        if self.action == "boundary":
            for match in self.matches(doc):
                if self.accept(match, doc):
                    yield self.boundary(doc.block_at(match.start()).start, reason=f"pack {self.pack}")
            return
        if self.scope != "block":
            yield from super().propose(doc)
            return
        seen: set[int] = set()
        for match in self.matches(doc):
            paragraph = doc.block_at(match.start()).paragraph
            if paragraph in seen:
                continue
            seen.add(paragraph)
            for block in doc.blocks:
                if block.paragraph == paragraph:
                    yield self.drop(block.start, block.end, reason="paragraph of a match",
                                    ends_article=self.ends_article)


class PackArticleRule(ArticleRule):
    """A pack rule on an article's head (before its first paragraph) or tail (after its last)."""

    scope: str = "head"
    action: str = "drop"
    field: str | None = None
    compiled: regex.Pattern

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        body = [i for i, p in enumerate(pieces) if is_body(p.text)]
        if not body:
            return
        zone = pieces[:body[0]] if self.scope == "head" else pieces[body[-1] + 1:]
        for piece in zone:
            if self.compiled.search(piece.text, timeout=self.timeout):
                if self.action == "move" and self.field:
                    value = field_value(self.field, piece.text)
                    if value:
                        yield self.move(piece.start, piece.end, self.field, value)
                else:
                    yield self.drop(piece.start, piece.end, reason=f"in the article's {self.scope}")


def load_pack(path: str | Path) -> list[type[Rule]]:
    """The rules of the pack at ``path``; :class:`~dechaff.errors.PackError` if malformed."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise PackError(f"{path}: cannot read the pack: {exc.strerror or exc}") from None
    return list(_load(path.resolve(), stamp))


@lru_cache(maxsize=64)
def _load(path: Path, stamp: int) -> tuple[type[Rule], ...]:
    data = read_toml(path, "pack", PackError)
    pack = data.get("pack", {})
    if not isinstance(pack, dict) or not isinstance(pack.get("name"), str) or not pack["name"]:
        raise PackError(f"{path}: [pack] needs a name, e.g. [pack] name = \"acme\"")
    entries = data.get("rules")
    if not isinstance(entries, list) or not entries:
        raise PackError(f"{path}: no [[rules]] in the pack")
    rules, codes = [], set()
    for n, entry in enumerate(entries, start=1):
        cls = _build(path, pack["name"], n, entry)
        if cls.code in codes:
            raise PackError(f"{path}: rule {n} ({cls.code}): field 'code': used twice in the pack")
        codes.add(cls.code)
        rules.append(cls)
    return tuple(rules)


def _build(path: Path, pack: str, n: int, entry: Any) -> type[Rule]:
    where = f"{path}: rule {n}"
    if not isinstance(entry, dict):
        raise PackError(f"{where}: each [[rules]] entry must be a table")
    code = entry.get("code")
    where = f"{path}: rule {n} ({code or 'no code'})"

    def fail(field: str, problem: str) -> PackError:
        return PackError(f"{where}: field {field!r}: {problem}")

    for key, value in entry.items():
        if key not in _FIELDS:
            raise fail(key, f"unknown field; fields are {', '.join(sorted(_FIELDS))}")
        if not isinstance(value, _FIELDS[key]):
            raise fail(key, f"must be a {_FIELDS[key].__name__}, not {type(value).__name__}")
    for key in ("code", "name", "description", "pattern"):
        if not entry.get(key):
            raise fail(key, "required")
    if not _CODE.match(code):
        raise fail("code", f"{code!r} is not a rule code: capitals, then digits, e.g. ACME01")
    if not _NAME.match(entry["name"]):
        raise fail("name", f"{entry['name']!r} is not a dotted lower-case name, e.g. acme.sponsor_line")
    scope = entry.get("scope", "line")
    if scope not in SCOPES:
        raise fail("scope", f"{scope!r}; use one of {', '.join(SCOPES)}")
    action = entry.get("action", "cut" if scope == "span" else "drop")
    if action not in ACTIONS:
        raise fail("action", f"{action!r}; use one of {', '.join(ACTIONS)}")
    field = entry.get("field")
    if action == "move" and not field:
        raise fail("field", "required when action = \"move\" (sources, published, section, ...)")
    if field and action != "move":
        raise fail("field", "only goes with action = \"move\"")
    flags = regex.IGNORECASE if entry.get("ignore_case") else 0
    size = pattern_size(entry["pattern"])
    if size > MAX_PATTERN_SIZE:
        raise fail("pattern", f"stands for about {size:,} items once its counted repeats are "
                   f"spelled out (at most {MAX_PATTERN_SIZE:,}), too many to compile in good "
                   "time; use smaller counts, or + and *")
    try:
        compiled = regex.compile(entry["pattern"], flags | regex.MULTILINE)
    except regex.error as exc:
        raise fail("pattern", f"not a valid regular expression: {exc}") from None
    for key in ("must_remove", "must_keep", "groups", "keywords"):
        if not all(isinstance(v, str) for v in entry.get(key, [])):
            raise fail(key, "must be a list of strings")
    examples = tuple(
        [Example(text, gone=(text.strip(),)) for text in entry.get("must_remove", [])]
        + [Example(text, kept=(text.strip(),)) for text in entry.get("must_keep", [])])
    doc = (f"{entry['description']}\n\n{entry.get('why', '')}\n\n"
           + (f"**Known problems:** {entry['known_problems']}" if entry.get("known_problems") else "")
           + f"\n\nFrom the pack ``{pack}`` ({path.name}).")
    attrs: dict[str, Any] = {
        "__doc__": doc, "__module__": __name__, "code": code, "name": entry["name"],
        "groups": tuple(entry.get("groups", [pack])), "description": entry["description"],
        "examples": examples, "keywords": tuple(k.lower() for k in entry.get("keywords", [])),
        "action": action, "field": field, "pack": pack, "scope": scope,
        "ends_article": bool(entry.get("ends_article", False)), "source": str(path),
    }
    if scope in ("head", "tail"):
        if action not in ("drop", "move"):
            raise fail("action", f"{action!r} does not go with scope {scope!r}; use drop or move")
        attrs["compiled"] = compiled
        return type(f"Pack_{code}", (PackArticleRule,), attrs)
    attrs.update(pattern=entry["pattern"], flags=flags, compiled=compiled)
    if action == "cut":
        attrs["scope"] = "span"  # a cut takes the match out of its line
    elif action == "drop" and scope == "span":
        attrs["scope"] = "line"  # a drop takes the line the match is in
    return type(f"Pack_{code}", (PackPatternRule,), attrs)
