"""Validate: what a rule proposes is checked before the engine takes any of it.

The engine trusts no rule (a plugin's, a pack's, or a built-in one with a bug): a proposal
must be a :class:`~dechaff.document.Proposal` made by a rule, with an action its phase knows,
integer offsets within what the phase shows (``0 <= start <= end <= size``: characters of a
text, articles of a document, text blocks of a page), and, for a move, a field that records
have and a value of that field's type. A rule makes at most :data:`MAX_PROPOSALS` proposals on
a document, and one more for each :data:`CHARS_EACH` characters of it.
Anything else fails the document with a :class:`~dechaff.errors.RuleError` that names the
rule and what was wrong, before it can corrupt a record.
"""

from __future__ import annotations

from itertools import islice
from typing import Any, Iterable

from ..document import Proposal
from ..errors import RuleError
from ..rules.base import Rule

#: What the rules of each phase may propose.
ACTIONS = {"text": ("drop", "cut", "move", "boundary"), "article": ("drop", "cut", "move", "boundary"),
           "articles": ("drop", "merge"), "html": ("drop", "select")}
#: The fields a move may fill, and what their values may be (``None``: no value).
FIELDS: dict[str, tuple[type, ...]] = {
    "title": (str,), "published": (str,), "section": (str,), "authors": (str, list, tuple),
    "sources": (str, list, tuple)}
MAX_PROPOSALS = 10_000
CHARS_EACH = 4
_PLAIN = ("drop", "cut", "boundary")
_HOW = {"text": "build proposals with the rule's drop(), cut(), move() and boundary()",
        "articles": "build proposals with the rule's drop() and merge(), on articles start:end",
        "html": "build proposals with the rule's judge(), select() and drop() on blocks start:end"}


def most_proposals(size: int) -> int:
    """How many proposals a rule may make on a document of ``size`` characters."""
    return MAX_PROPOSALS + size // CHARS_EACH


def collect(rule: Rule, proposals: Iterable[Any], size: int) -> list[Proposal]:
    """The rule's proposals on a text of ``size`` characters, checked."""
    cap = most_proposals(size)
    found = list(islice(proposals, cap + 1))
    if len(found) > cap:
        raise RuleError(f"rule {rule.code} ({rule.name}) made more than {cap:,} proposals on "
                        f"one document (at most {MAX_PROPOSALS:,}, and one per {CHARS_EACH} "
                        "characters): it may loop; fix it, or leave it out with ignore",
                        rule_code=rule.code)
    for p in found:
        if (type(p) is not Proposal or type(p.start) is not int or type(p.end) is not int
                or not 0 <= p.start <= p.end <= size or not isinstance(p.rule, Rule)
                or not (p.action in _PLAIN and p.field is None or p.action == "move" and _fills(p))
                or not (p.reason is None or type(p.reason) is str) or p.target is not None):
            bad(rule, p, problem(p, size))
    return found


def check(rule: Rule, proposals: Iterable[Any], size: int, phase: str) -> list[Proposal]:
    """The proposals of an ``articles`` or ``html`` rule on ``size`` articles or text blocks,
    checked: an element's drop made before the walk read it has offsets ``-1``."""
    found = list(islice(proposals, size + 1))
    if len(found) > max(size, 1):
        raise RuleError(f"rule {rule.code} ({rule.name}) made {len(found):,} proposals on "
                        f"{size:,} {'articles' if phase == 'articles' else 'text blocks'}; "
                        "one each at most", rule_code=rule.code)
    for p in found:
        if (type(p) is not Proposal or type(p.start) is not int or type(p.end) is not int
                or not isinstance(p.rule, Rule) or p.action not in ACTIONS[phase]
                or p.field is not None or not (p.reason is None or type(p.reason) is str)
                or not _places(p, size, phase)):
            bad(rule, p, problem(p, size, phase), phase)
    return found


def _places(p: Proposal, size: int, phase: str) -> bool:
    if phase == "articles":
        return 0 <= p.start < p.end <= size and p.target is None
    if p.action == "select" or p.start != -1:
        return 0 <= p.start < p.end <= size and (p.action == "drop" or p.target is not None)
    return p.end == -1 and p.target is not None  # an element, before the walk read it


def bad(rule: Rule, p: Any, what: str, phase: str = "text") -> None:
    raise RuleError(f"rule {rule.code} ({rule.name}) made a bad proposal: {what}; "
                    f"{_HOW.get(phase, _HOW['text'])}", rule_code=rule.code)


def _fills(p: Proposal) -> bool:
    kinds = FIELDS.get(p.field) if isinstance(p.field, str) else None
    if kinds is None:
        return False
    value = p.value
    if value is None or type(value) is str:
        return True
    return isinstance(value, kinds) and all(type(v) is str for v in value)


def problem(p: Any, size: int, phase: str = "text") -> str:
    """What is wrong with a proposal, in words."""
    if not isinstance(p, Proposal):
        return f"{p!r:.80} is a {type(p).__name__}, not a Proposal"
    actions = ACTIONS[phase]
    if p.action not in actions:
        return f"action {p.action!r:.40} is none of {', '.join(actions)}"
    for name in ("start", "end"):
        value = getattr(p, name)
        if type(value) is not int:
            return f"{name} {value!r:.40} is a {type(value).__name__}, not an int"
    if not isinstance(p.rule, Rule):
        return f"its rule is {p.rule!r:.40}, not a Rule"
    if not (p.reason is None or type(p.reason) is str):
        return f"reason {p.reason!r:.40} is not a str"
    if phase in ("articles", "html"):
        if p.field is not None:
            return f"a {p.action} takes no field (field {p.field!r:.40})"
        what = "articles" if phase == "articles" else "text blocks"
        if phase == "html" and p.target is None and p.action == "select":
            return "a select names the element it keeps (target)"
        if phase == "html" and p.start == p.end == -1:
            return "a drop before the walk names the element it drops (target)"
        if phase == "articles" and p.target is not None:
            return "a proposal on articles names no element (target)"
        return f"offsets {p.start}:{p.end} are not within the {size} {what} (start before end)"
    if not 0 <= p.start <= p.end <= size:
        return f"offsets {p.start}:{p.end} are not within the text (0:{size}, start before end)"
    if p.target is not None:
        return f"a proposal on the text names no element (target {p.target!r:.40})"
    if p.action != "move":
        return f"a {p.action} takes no field (field {p.field!r:.40}); a move fills one"
    if not isinstance(p.field, str) or p.field not in FIELDS:
        return f"field {p.field!r:.40} is none of {', '.join(FIELDS)}"
    kinds = " or ".join("a list of str" if k in (list, tuple) else k.__name__
                        for k in FIELDS[p.field] if k is not tuple)
    return f"the value for {p.field} must be {kinds}, not {p.value!r:.60}"
