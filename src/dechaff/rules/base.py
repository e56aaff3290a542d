"""What a rule is: a named unit that *proposes* changes and never applies them.

A rule looks at a document (or, in the ``article`` phase, at one article) and yields
:class:`Proposal` values: drop this block, cut this span, move this text into a field, an
article starts here. The engine in :mod:`dechaff.pipeline` decides, applies and records, so
every change is traced to the rule that asked for it.

Each rule carries its own examples: text it must remove and look-alike text it must keep.
They run as tests (``tests/test_rule_examples.py``) and document the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, NamedTuple

import regex

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..stages.blocks import Doc, Piece


class Proposal(NamedTuple):
    """A change a rule asks for (immutable; a tuple, as a document's rules make thousands).

    ``action`` is ``drop`` (the blocks the span touches leave the body), ``cut`` (the span
    leaves the body), ``move`` (the span becomes ``field``; with ``keep`` it also stays in the
    body) or ``boundary`` (an article starts at ``start``). ``ends_article`` says the text
    closes an article, so what follows belongs to the next one.
    """

    action: str
    start: int
    end: int
    rule: "Rule"
    field: str | None = None
    value: Any = None
    keep: bool = False
    ends_article: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class Example:
    """Text a rule is checked against, alone (only that rule selected).

    ``gone``: strings that must not be in any title or body afterwards. ``kept``: strings that
    must still be in a body. ``fields``: values the first record must have.
    """

    text: str
    gone: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)
    #: Other rules the example needs beside the one it documents (a footer that ends an
    #: article, say, for a rule about what follows the end).
    also: tuple[str, ...] = ()
    #: How many records the text must give (for rules that split), when set.
    records: int | None = None

    @property
    def removes(self) -> bool:
        return bool(self.gone or self.fields) or (self.records or 1) > 1


def remove(text: str, *gone: str, also: tuple[str, ...] = (), records: int | None = None,
           **fields: Any) -> Example:
    """An example whose ``gone`` strings the rule removes (default: the whole text), or
    which it splits into ``records`` records."""
    if not gone and not fields and records is None:
        gone = (text.strip(),)
    return Example(text, gone=gone, fields=fields, also=also, records=records)


def keep(text: str, *kept: str, records: int | None = None) -> Example:
    """A look-alike example the rule must leave alone (default: the whole text)."""
    return Example(text, kept=kept or (text.strip(),), records=records)


class Rule:
    """Base class of every rule. Subclasses set the metadata and implement :meth:`propose`.

    The class docstring is the rule's documentation.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    groups: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    #: ``text`` rules see the whole document; ``article`` rules see one article at a time,
    #: after the text rules have run and the document has been split.
    phase: ClassVar[str] = "text"
    #: Does the rule also read the articles of HTML pages? A rule that judges layout from
    #: text alone (runs of short lines) leaves pages to the HTML rules, which see the markup.
    on_pages: ClassVar[bool] = True
    #: An article rule that only drops, and may run again when other rules dropped lines.
    repeatable: ClassVar[bool] = False
    #: A text rule that reads the lines around a line: a later pass shows it every line,
    #: not only the lines that changed.
    context: ClassVar[bool] = False
    #: Lowercase substrings; when none occurs in the document the rule is skipped, and a
    #: pattern rule looks only at the lines that hold one (as gitleaks does): each of its
    #: matches must contain one of them.
    keywords: ClassVar[tuple[str, ...]] = ()
    #: First words (lower-case, ``#`` for a number) of the lines the rule can match, for a
    #: rule that only matches at a line's start: it then runs on those lines alone.
    starts: ClassVar[frozenset[str]] = frozenset()
    examples: ClassVar[tuple[Example, ...]] = ()
    #: A rule that judges a whole page at once (its chrome against its article): the lines it
    #: drops are not the article's, so the over-removal guard leaves them out of its count;
    #: and when it reads a document as a page, its boundaries alone split it (a page's date
    #: lines, bylines and repeated menus open no article).
    page_level: ClassVar[bool] = False
    #: The rule's settings and their defaults; a setting's type is its default's type.
    #: Users override them with ``Config(rules={"ST06": {"min_words": 80}})``.
    settings: ClassVar[dict[str, Any]] = {}

    def __init__(self, timeout: float | None = None, **settings: Any) -> None:
        self.timeout = timeout
        self.options = dict(self.settings)
        for key, value in settings.items():
            if key not in self.settings:
                raise ConfigError(f"rule {self.code} ({self.name}) has no setting {key!r}; its "
                                  f"settings are {', '.join(sorted(self.settings)) or 'none'}")
            want = type(self.settings[key])
            if want is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, want) or (want is int and isinstance(value, bool)):
                raise ConfigError(f"rule {self.code} setting {key!r} must be a {want.__name__}, "
                                  f"not {type(value).__name__}")
            self.options[key] = value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} {self.name}>"

    def applies_to(self, doc: "Doc") -> bool:
        if self.keywords and not doc.has_any(self.keywords):
            return False
        return not self.starts or not self.starts.isdisjoint(self._heads(doc))

    def _heads(self, doc: "Doc") -> dict:
        return doc.heads if self.context else doc.focus_heads

    def candidates(self, doc: "Doc") -> list:
        """The blocks this rule may match: those whose first word is in ``starts``."""
        if not self.starts:
            return doc.blocks if self.context else doc.focused(doc.blocks)
        heads = self._heads(doc)
        return sorted((b for word in self.starts.intersection(heads) for b in heads[word]),
                      key=lambda b: b.index)

    def propose(self, doc: "Doc") -> Iterable[Proposal]:  # pragma: no cover - abstract
        raise NotImplementedError

    def propose_article(self, pieces: "list[Piece]", doc: "Doc") -> Iterable[Proposal]:
        raise NotImplementedError  # pragma: no cover - abstract

    # Helpers that build proposals, so rules read as what they ask for.
    def drop(self, start: int, end: int, reason: str | None = None, **kw: Any) -> Proposal:
        return Proposal("drop", start, end, self, reason=reason, **kw)

    def cut(self, start: int, end: int, reason: str | None = None, **kw: Any) -> Proposal:
        return Proposal("cut", start, end, self, reason=reason, **kw)

    def move(self, start: int, end: int, field: str, value: Any, **kw: Any) -> Proposal:
        return Proposal("move", start, end, self, field=field, value=value, **kw)

    def boundary(self, start: int, reason: str | None = None) -> Proposal:
        return Proposal("boundary", start, start, self, reason=reason)

    def finditer(self, pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[regex.Match]:
        """``pattern.finditer`` under this rule's time limit."""
        if endpos is None:
            endpos = len(text)
        return pattern.finditer(text, pos, endpos, timeout=self.timeout)


class PatternRule(Rule):
    """A rule that is one regular expression and an action.

    ``scope = "line"`` drops each block a match starts in; ``"span"`` cuts the match itself.
    ``field`` turns the action into a move: :meth:`value` says what goes into the field.
    Patterns are compiled once per class, with ``MULTILINE`` so ``^`` and ``$`` mark lines.
    """

    pattern: ClassVar[str] = ""
    flags: ClassVar[int] = 0
    scope: ClassVar[str] = "line"
    field: ClassVar[str | None] = None
    #: For a rule whose matches fill a whole line: lines longer than this are not looked at.
    max_line: ClassVar[int | None] = None
    keep_text: ClassVar[bool] = False
    ends_article: ClassVar[bool] = False
    compiled: ClassVar[regex.Pattern]
    anchored: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.pattern:
            if "compiled" not in cls.__dict__:  # (a pack's rule comes compiled)
                cls.compiled = regex.compile(cls.pattern, cls.flags | regex.MULTILINE)
            # a pattern anchored at a line's start matches a line once, at its start, at most
            cls.anchored = cls.pattern.startswith("^")

    def value(self, match: regex.Match, doc: "Doc") -> Any:
        return match.group(0).strip()

    def accept(self, match: regex.Match, doc: "Doc") -> bool:
        """A second look at a match; override to veto look-alikes."""
        return True

    def matches(self, doc: "Doc") -> Iterator[regex.Match]:
        """The pattern's matches, looked for only on the lines that can hold one.

        With ``starts``, those are the lines opening with one of its words; with
        ``keywords``, the lines holding one of them (every match must contain a keyword and
        stay within its line); with neither, the whole text is scanned.
        """
        if self.starts:
            lines = self.candidates(doc)
        elif self.keywords and (lines := doc.blocks_with(self.keywords)) is not None:
            pass
        elif doc.focus is not None:
            lines = doc.focused(doc.blocks)
        else:  # no index to use (or lower-casing moved the offsets): scan the whole text
            yield from self.finditer(self.compiled, doc.text)
            return
        longest = self.max_line or 1 << 30
        text, compiled, timeout = doc.text, self.compiled, self.timeout
        for block in lines:
            if len(block.text) <= longest and self.may_match(block.text):
                if self.anchored:
                    found = compiled.match(text, doc.line_start(block), block.end, timeout=timeout)
                    if found is not None:
                        yield found
                else:
                    yield from self.finditer(compiled, text, doc.line_start(block), block.end)

    def may_match(self, line: str) -> bool:
        """A cheap look at a candidate line before the pattern runs on it."""
        return True

    def propose(self, doc: "Doc") -> Iterator[Proposal]:
        for match in self.matches(doc):
            if match.end() == match.start() or not self.accept(match, doc):
                continue
            start, end = match.span()
            while start < end and doc.text[start].isspace():
                start += 1
            if self.scope == "line":
                block = doc.block_at(start)
                start, end = block.start, block.end
            if self.field:
                value = self.value(match, doc)
                if value:
                    yield self.move(start, end, self.field, value, keep=self.keep_text,
                                    ends_article=self.ends_article)
            elif self.scope == "line":
                yield self.drop(start, end, ends_article=self.ends_article)
            else:
                yield self.cut(start, end, ends_article=self.ends_article)
