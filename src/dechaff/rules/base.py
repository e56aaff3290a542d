"""What a rule is: a named unit that *proposes* changes and never applies them.

Every rule shares one metadata base, :class:`Rule` (code, dotted name, groups, description,
docstring, examples, settings), and is of one kind, by the phase it runs in and what it
looks at:

- :class:`TextRule` (and :class:`PatternRule`, :class:`SentenceRule`): the whole text;
- :class:`ArticleRule`: one article's pieces, once the text is split;
- :class:`ArticlesRule`: the list of a document's articles (merge or drop one);
- :class:`HtmlRule`: a page's elements, before and after the walk that reads them.

Each yields :class:`~dechaff.document.Proposal` values (drop this block, cut this span, move
this text into a field, an article starts here, drop this element...). The engine
(:mod:`dechaff.engine`) checks, decides, applies and records them, so every change is traced
to the rule that asked for it.

Each rule carries its own examples: text it must remove and look-alike text it must keep.
They run as tests (``tests/test_rule_examples.py``) and document the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Sequence

import regex

from ..document import Proposal
from ..errors import ConfigError

if TYPE_CHECKING:
    from ..elements import Layout, Page, Span
    from ..text import Piece, TextView


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


#: The kind of rule each phase runs, once the kinds are defined (below).
_KINDS: dict[str, type] = {}


class Rule:
    """The metadata every rule has, whatever its kind: subclass a kind (:class:`TextRule`,
    :class:`ArticleRule`, :class:`ArticlesRule`, :class:`HtmlRule`), not this class.

    The class docstring is the rule's documentation. A rule written before the kinds, as a
    direct subclass of ``Rule``, is taken for a rule of its ``phase``'s kind.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    groups: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    #: When the rule runs: ``text`` (the whole text), ``article`` (one article at a time,
    #: once the text is split), ``articles`` (the list of a document's articles) or ``html``
    #: (a page's elements). Each kind sets its own.
    phase: ClassVar[str] = "text"
    #: Does the rule also read the articles of HTML pages? A rule that judges layout from
    #: text alone (runs of short lines) leaves pages to the HTML rules, which see the markup.
    on_pages: ClassVar[bool] = True
    examples: ClassVar[tuple[Example, ...]] = ()
    #: The rule's settings and their defaults; a setting's type is its default's type.
    #: Users override them with ``Config(rules={"ST06": {"min_words": 80}})``.
    settings: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if Rule in cls.__bases__ and _KINDS and cls not in _KINDS.values():
            kind = _KINDS.get(cls.phase, _KINDS["text"])  # written before the kinds
            cls.__bases__ = tuple(kind if base is Rule else base for base in cls.__bases__)

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

    # Helpers that build proposals, so rules read as what they ask for.
    def drop(self, start: int, end: int, reason: str | None = None, **kw: Any) -> Proposal:
        return Proposal("drop", start, end, self, reason=reason, **kw)

    def cut(self, start: int, end: int, reason: str | None = None, **kw: Any) -> Proposal:
        return Proposal("cut", start, end, self, reason=reason, **kw)

    def move(self, start: int, end: int, field: str, value: Any, **kw: Any) -> Proposal:
        return Proposal("move", start, end, self, field=field, value=value, **kw)

    def finditer(self, pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[regex.Match]:
        """``pattern.finditer`` under this rule's time limit."""
        if endpos is None:
            endpos = len(text)
        return pattern.finditer(text, pos, endpos, timeout=self.timeout)


class TextRule(Rule):
    """A rule on the whole text (a :class:`~dechaff.text.TextView`, its ``doc``): implement
    :meth:`propose`. Text rules run in passes, each seeing the text as the passes before left
    it."""

    phase = "text"
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
    #: A rule that judges a whole page at once (its chrome against its article): the lines it
    #: drops are not the article's, so the over-removal guard leaves them out of its count;
    #: and when it reads a document as a page, its boundaries alone split it (a page's date
    #: lines, bylines and repeated menus open no article).
    page_level: ClassVar[bool] = False

    def applies_to(self, doc: "TextView") -> bool:
        if self.keywords and not doc.has_any(self.keywords):
            return False
        return not self.starts or not self.starts.isdisjoint(self._heads(doc))

    def _heads(self, doc: "TextView") -> dict:
        return doc.heads if self.context else doc.focus_heads

    def candidates(self, doc: "TextView") -> list:
        """The blocks this rule may match: those whose first word is in ``starts``."""
        if not self.starts:
            return doc.blocks if self.context else doc.focused(doc.blocks)
        heads = self._heads(doc)
        return sorted((b for word in self.starts.intersection(heads) for b in heads[word]),
                      key=lambda b: b.index)

    def propose(self, doc: "TextView") -> Iterable[Proposal]:  # pragma: no cover - abstract
        raise NotImplementedError

    def boundary(self, start: int, reason: str | None = None) -> Proposal:
        return Proposal("boundary", start, start, self, reason=reason)


class SentenceRule(TextRule):
    """A text rule on the sentences that open with one of its ``starts`` words (a call to
    act, a notice): :meth:`propose_block` sees each block holding one, once. The text is read
    for sentence openings once, whichever rules ask."""

    def applies_to(self, doc: "TextView") -> bool:
        return bool(doc.sentences_opening(self.starts))

    def is_opening(self, text: str, start: int) -> bool:
        """Does the sentence at ``start`` open as this rule's sentences do?"""
        return True

    def propose(self, doc: "TextView") -> Iterator[Proposal]:
        seen: set[int] = set()
        for start, _ in doc.sentences_opening(self.starts):
            if not self.is_opening(doc.text, start):
                continue
            block = doc.block_at(start)
            if block.index not in seen:
                seen.add(block.index)
                yield from self.propose_block(doc.text, block)

    def propose_block(self, text: str, block) -> Iterable[Proposal]:  # pragma: no cover
        raise NotImplementedError


class ArticleRule(Rule):
    """A rule on one article at a time, once the text is split: implement
    :meth:`propose_article`, which sees the article's pieces (what the text rules left of
    its lines) and proposes drops and moves on them."""

    phase = "article"
    #: An article rule that only drops, and may run again when other rules dropped lines.
    repeatable: ClassVar[bool] = False

    def propose_article(self, pieces: "list[Piece]", doc: "TextView") -> Iterable[Proposal]:
        raise NotImplementedError  # pragma: no cover - abstract


class ArticlesRule(Rule):
    """A rule on the list of a document's articles, once the text is split: implement
    :meth:`propose_articles`, which proposes dropping articles ``start:end`` (their text
    leaves the record, traced to the article before) or merging them into the article
    before (their text joins its body). An article has ``pieces``, ``has_body`` and
    ``words`` (of body text)."""

    phase = "articles"
    #: Does the rule see the articles once the engine has folded back the splits that made
    #: no article (no body text) into the article before? A rule about those splits
    #: themselves sets it off and runs first.
    settled: ClassVar[bool] = True

    def propose_articles(self, articles: Sequence[Any], doc: "TextView") -> Iterable[Proposal]:
        raise NotImplementedError  # pragma: no cover - abstract

    def merge(self, start: int, end: int, reason: str | None = None) -> Proposal:
        return Proposal("merge", start, end, self, reason=reason)


def token_pattern(words: Iterable[str], prefixes: Iterable[str]) -> re.Pattern | None:
    """Whole tokens (``ad`` but not ``head``) and token starts (``related`` in ``relatedPosts``).

    Compiled with the standard library's ``re``: on the plain alternations of class and id
    tokens it is faster than ``regex`` and matches the same (the pattern has no syntax the two
    read differently)."""
    parts = []
    if words:
        parts.append(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z0-9])")
    if prefixes:
        parts.append(r"(?<![a-z0-9])(?:" + "|".join(map(re.escape, prefixes)) + ")")
    return re.compile("|".join(parts)) if parts else None


class HtmlRule(Rule):
    """A rule on the page's tree (see :mod:`dechaff.elements`). ``stage`` says when it runs:

    - ``prune``: :meth:`propose_element` sees each element it looks at (by ``tags``, by
      ``attributes`` present, or by a token in ``words``/``prefixes``) before the walk reads
      it, and may propose dropping it whole; the simplest way is :meth:`judge`, returning
      the reason to drop it (or ``None``);
    - ``select``: :meth:`propose_selection` proposes the article's elements (``select``) once
      the walk is done, and :meth:`propose_headline` the headline among an article's blocks;
    - ``inner``: :meth:`propose_span` sees each block element inside the article
      (:meth:`judge_span`: the reason to drop it); a rule that weighs where the element
      sits in the article overrides :meth:`propose_in_article`, which is shown the article
      too;
    - ``meta``: the page's metadata, read by :mod:`dechaff.stages.meta`.
    """

    phase = "html"
    stage: ClassVar[str] = "prune"
    tags: ClassVar[frozenset[str]] = frozenset()
    attributes: ClassVar[tuple[str, ...]] = ()
    words: ClassVar[tuple[str, ...]] = ()
    prefixes: ClassVar[tuple[str, ...]] = ()
    pattern: ClassVar[re.Pattern | regex.Pattern | None] = None

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if "words" in cls.__dict__ or "prefixes" in cls.__dict__:
            cls.pattern = token_pattern(cls.words, cls.prefixes)

    def propose_element(self, element, tag: str, names: str, page: "Page") -> Proposal | None:
        reason = self.judge(element, tag, names, page)
        return Proposal("drop", -1, -1, self, reason=reason, target=element) if reason else None

    def judge(self, element, tag: str, names: str, page: "Page") -> str | None:
        return None

    def propose_selection(self, layout: "Layout") -> Iterable[Proposal]:  # pragma: no cover
        raise NotImplementedError

    def propose_headline(self, layout: "Layout", article: "Span", title: str | None
                         ) -> Proposal | None:
        return None

    def propose_span(self, span: "Span", layout: "Layout") -> Proposal | None:
        reason = self.judge_span(span, layout)
        if not reason:
            return None
        return Proposal("drop", span.first, span.end, self, reason=reason, target=span.element)

    def judge_span(self, span: "Span", layout: "Layout") -> str | None:
        return None

    def propose_in_article(self, span: "Span", layout: "Layout", article: "Span"
                           ) -> Proposal | None:
        """What the engine asks an ``inner`` rule of each block element inside ``article``;
        by default, :meth:`propose_span`."""
        return self.propose_span(span, layout)

    def select(self, span: "Span") -> Proposal:
        """A proposal that ``span``'s element holds an article."""
        return Proposal("select", span.first, span.end, self, target=span.element)

    def evidence(self, tag: str, names: str) -> str:
        """Why the rule looked at this element: its tag or the token that matched."""
        if tag in self.tags:
            return f"<{tag}> element"
        found = self.pattern.search(names) if self.pattern is not None and names else None
        return f"token {found.group()!r}" if found else "attribute"


#: A direct subclass of :class:`Rule` becomes one of its phase's kind.
_KINDS.update(text=TextRule, article=ArticleRule, articles=ArticlesRule, html=HtmlRule)


class PatternRule(TextRule):
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

    def value(self, match: regex.Match, doc: "TextView") -> Any:
        return match.group(0).strip()

    def accept(self, match: regex.Match, doc: "TextView") -> bool:
        """A second look at a match; override to veto look-alikes."""
        return True

    def matches(self, doc: "TextView") -> Iterator[regex.Match]:
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
        text, compiled, timeout, line_start = doc.text, self.compiled, self.timeout, doc.line_start
        # (the look a rule does not override says yes to every line: not asked)
        may_match = None if type(self).may_match is PatternRule.may_match else self.may_match
        for block in lines:
            if len(block.text) > longest or (may_match is not None and not may_match(block.text)):
                continue
            if self.anchored:
                found = compiled.match(text, line_start(block), block.end, timeout=timeout)
                if found is not None:
                    yield found
            else:
                yield from self.finditer(compiled, text, line_start(block), block.end)

    def may_match(self, line: str) -> bool:
        """A cheap look at a candidate line before the pattern runs on it."""
        return True

    def propose(self, doc: "TextView") -> Iterator[Proposal]:
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
