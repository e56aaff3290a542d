"""The HTML phase: the HTML rules' proposals on a page's elements, checked and applied.

The walk (:class:`~dechaff.stages.tree.Walk`) reads the page once; before it reads an element,
the ``prune`` rules that look at it (by tag, attribute or token) may propose dropping it, and
the walk skips what is dropped. Then the ``select`` rule proposes the element (or elements, on
a page of several articles) that holds the article, and the rest of the page goes; inside
each article the ``inner`` rules propose dropping block elements, and the ``select`` rule its
headline (which leaves the body: it is the record's title). What is left is each article's
text, a blank line between blocks, which the text rules then read as they read any scrape,
and what each of its paragraphs is (a heading, a list item: :func:`paragraph_kinds`), which
the records keep for their Markdown (:attr:`~dechaff.document.Record.kinds`).
Every element or block dropped is traced with its text, its offsets ``-1``: the change was
made on the markup, not on the article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import regex

from ..document import Change, Proposal
from ..elements import Layout, Page, Span, TextBlock, describe, element_text, tokens
from ..rules.base import HtmlRule
from ..shapes import is_body, word_count
from ..stages.meta import Meta
from ..stages.tree import Walk
from .run import ask
from .validate import check


@dataclass
class Extraction:
    """The article texts a page holds, and what the HTML rules removed from it."""

    texts: list[str]
    removals: list[Change] = field(default_factory=list)
    #: The root element of each article, for the metadata stage.
    roots: list[Any] = field(default_factory=list)
    #: What the records should say about how their text was found (the fallback's note).
    flags: list[str] = field(default_factory=list)
    #: Each text's paragraphs' kinds (:func:`paragraph_kinds`), for the Markdown output.
    kinds: list[list[str]] = field(default_factory=list)


class Pruner:
    """The prune rules, indexed so that each element is asked about by the rules that look
    at it (by tag, attribute or token) and no others."""

    def __init__(self, rules: list[HtmlRule]) -> None:
        self.rules = rules
        self.by_tag: dict[str, list] = {}
        for rule in rules:
            for tag in rule.tags:
                self.by_tag.setdefault(tag, []).append(rule)
        self.token_rules = [r for r in rules if r.pattern is not None]
        # one pattern for all tokens: on the standard library's engine when every rule's is
        # (a rule may bring a pattern of its own, in ``regex``'s syntax)
        engine = re if all(isinstance(r.pattern, re.Pattern) for r in self.token_rules) else regex
        self.any_token = (engine.compile("|".join(f"(?:{r.pattern.pattern})" for r in self.token_rules))
                          if self.token_rules else None)
        self.attr_rules = [r for r in rules if r.attributes]
        self.attributes = frozenset(a for r in self.attr_rules for a in r.attributes)
        self.order = {id(r): i for i, r in enumerate(rules)}

    def propose(self, element, tag: str, page: Page) -> Proposal | None:
        """The first proposal, in rule order, to drop ``element``, checked; ``None`` if none."""
        found = list(self.by_tag.get(tag, ()))
        names = ""
        attrib = element.attrib
        if attrib:
            names = tokens(element)
            if names and self.any_token is not None and self.any_token.search(names):
                found += [r for r in self.token_rules if r.pattern.search(names)]
            if self.attributes and not self.attributes.isdisjoint(attrib.keys()):
                found += [r for r in self.attr_rules if any(a in attrib for a in r.attributes)]
        if not found:
            return None
        if len(found) > 1:
            found = sorted(set(found), key=lambda r: self.order[id(r)])
        for rule in found:
            proposal = ask(rule, rule.propose_element, element, tag, names, page)
            if proposal is not None:
                check(rule, (proposal,), 0, "html")
                if proposal.target is element:
                    return proposal
                ask(rule, _not_shown, rule, proposal)
        return None


def _not_shown(rule: HtmlRule, proposal: Proposal) -> None:
    raise ValueError(f"a prune rule drops the element it is shown, not {proposal.target!r:.60}")


class HtmlPhase:
    """The HTML rules of one configuration, ready to run on pages."""

    def __init__(self, rules: list[HtmlRule]) -> None:
        prune = [r for r in rules if r.stage == "prune"]
        self.pruner = Pruner(prune) if prune else None
        self.select = next((r for r in rules if r.stage == "select"), None)
        self.inner = [r for r in rules if r.stage == "inner"]
        #: The rule that reads the page's own metadata (its work is the metadata stage's).
        self.metadata = next((r for r in rules if r.stage == "meta"), None)

    def extract(self, root, explain: bool = False, title: str | None = None) -> Extraction:
        """The article texts of a prepared tree (see :func:`~dechaff.stages.tree.prepare`);
        ``title``, the page's own (from its metadata), helps find the article's headline."""
        found = self._extract(root, explain, title)
        have = sum(map(word_count, found.texts))
        if self.pruner is None or have >= FALLBACK_BELOW:
            return found
        return self._fallback(root, found, have, explain) or found

    def _extract(self, root, explain: bool, title: str | None) -> Extraction:
        """The articles the select rule finds in what the prune rules leave."""
        trace = _Trace(explain)
        pruner = self.pruner
        if pruner is not None:
            page = Page(root)

            def dropped(element, tag: str) -> bool:
                proposal = pruner.propose(element, tag, page)
                if proposal is None:
                    return False
                trace.element(proposal)
                return True

            layout = Walk(dropped).run(root)
        else:
            layout = Walk().run(root)
        if not layout.blocks:
            return Extraction([], trace.removals)
        roots = self._selected(layout)
        if not roots:
            return Extraction(["\n\n".join(b.text for b in layout.blocks)], trace.removals,
                              kinds=[paragraph_kinds(layout.blocks)])
        texts, kinds, previous = [], [], 0
        for span in roots:
            trace.blocks(layout, previous, span.first, self.select, "outside the article")
            previous = span.end
            blocks = self._article_blocks(layout, span, trace, title if len(roots) == 1 else None)
            texts.append("\n\n".join(b.text for b in blocks))
            kinds.append(paragraph_kinds(blocks))
        trace.blocks(layout, previous, len(layout.blocks), self.select, "outside the article")
        return Extraction(texts, trace.removals, [s.element for s in roots], kinds=kinds)

    def _fallback(self, root, found: Extraction, have: int, explain: bool) -> Extraction | None:
        """The page's densest region of prose, when what the rules left (``have`` words) is
        much less.

        A prune rule judges an element by its names and its share of the page, and a wrapper
        named for a slideshow, a video player or ``ads`` may hold the whole article. The page
        is walked again with nothing dropped (:func:`densest_prose`); where a region holds
        :data:`FALLBACK_TIMES` the words found or more (and :data:`FALLBACK_PROSE` words at
        least), its blocks are the text (the text rules clean them as any page's), and the
        records say so. (Reading the page again with the drops of that region refused did
        worse: the rules inside it then took the article's paragraphs.) The inner rules still
        read the region, as they read an article: a box of teasers in it goes."""
        layout = Walk().run(root)
        region = densest_prose(layout)
        if region is None or region[1] < max(FALLBACK_PROSE, FALLBACK_TIMES * have):
            return None
        span, prose = region
        trace = _Trace(explain)
        trace.removals = list(found.removals)
        blocks = self._article_blocks(layout, span, trace, None, headline=False)
        note = (f"the HTML rules left {have} words of a page whose densest prose "
                f"({describe(span.element)}) holds {prose}: that region's text was taken")
        return Extraction(["\n\n".join(b.text for b in blocks)], trace.removals, [span.element],
                          [note], [paragraph_kinds(blocks)])

    def _selected(self, layout: Layout) -> list[Span]:
        """The spans of the elements the select rule proposes, checked."""
        rule = self.select
        if rule is None:
            return []
        spans = {id(s.element): s for s in layout.spans}
        found = []
        proposals = ask(rule, lambda: check(rule, rule.propose_selection(layout),
                                            len(layout.blocks), "html"))
        for p in proposals:
            span = spans.get(id(p.target)) if p.action == "select" else None
            if span is None or (span.first, span.end) != (p.start, p.end):
                ask(rule, _not_a_span, p)
            found.append(span)
        return found

    def _article_blocks(self, layout: Layout, root: Span, trace: "_Trace",
                        title: str | None, headline: bool = True) -> list[TextBlock]:
        """The blocks of one article, less what the inner rules and the headline take."""
        dropped: list[tuple[int, int, HtmlRule]] = []
        inside = sorted((s for s in layout.spans
                         if root.first <= s.first and s.end <= root.end and s is not root),
                        key=lambda s: (s.first, -s.end))
        for span in inside:
            if dropped and span.end <= dropped[-1][1]:
                continue  # inside a span already dropped
            for rule in self.inner:
                proposal = ask(rule, rule.propose_in_article, span, layout, root)
                if proposal is not None:
                    self._take(rule, proposal, root, layout, trace, dropped)
                    break
        rule = self.select
        found = ask(rule, rule.propose_headline, layout, root, title) if headline else None
        if found is not None:
            self._take(rule, found, root, layout, trace, dropped)
        keep: list[HtmlRule | None] = [None] * (root.end - root.first)
        for first, end, by in dropped:
            for i in range(first, end):
                keep[i - root.first] = by
        _drop_orphans(layout.blocks[root.first:root.end], keep, root.first, trace, layout)
        return [b for b, by in zip(layout.blocks[root.first:root.end], keep) if by is None]

    @staticmethod
    def _take(rule: HtmlRule, proposal: Proposal, root: Span, layout: Layout, trace: "_Trace",
              dropped: list[tuple[int, int, HtmlRule]]) -> None:
        """Apply a drop of blocks inside ``root``, once checked."""
        check(rule, (proposal,), len(layout.blocks), "html")
        if proposal.action != "drop" or not root.first <= proposal.start < proposal.end <= root.end:
            ask(rule, _outside, proposal)
        reason = proposal.reason or ""
        if proposal.target is not None:
            reason = f"{describe(proposal.target)}: {reason}"
        trace.blocks(layout, proposal.start, proposal.end, rule, reason)
        dropped.append((proposal.start, proposal.end, rule))

    def split_trace(self, text: str, element) -> Change:
        """The trace of an article of its own on a page of several."""
        rule = self.select
        return Change(rule.code, rule.name, "split", text.split("\n", 1)[0], 0, 0,
                      reason=f"{describe(element)}: an article of its own")

    def meta_trace(self, meta: Meta) -> list[Change]:
        """Where the page's metadata gave each field: ``moved`` changes of its rule."""
        rule = self.metadata
        return [Change(rule.code, rule.name, "moved", _shown(getattr(meta, name)), -1, -1,
                       field=name, reason=f"from the page's {where}")
                for name, where in meta.found.items()]


_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _drop_orphans(blocks: list, dropped: list, offset: int, trace: "_Trace",
                  layout: Layout) -> None:
    """Drop the subheadings whose section the inner rules took whole (``dropped[i]``: the rule
    that took block ``i``, or ``None``): a heading right above a dropped box, with no kept
    text after it before the next heading or the article's end, titled that box."""
    following = None  # the kind of the next kept block: "heading", "text" or None (the end)
    for i in range(len(blocks) - 1, -1, -1):
        if dropped[i] is not None:
            continue
        heading = blocks[i].tag in _SUBHEADINGS
        by = dropped[i + 1] if i + 1 < len(blocks) else None
        if heading and by is not None and following != "text":
            dropped[i] = by
            trace.blocks(layout, offset + i, offset + i + 1, by, "the title of a box it dropped")
            continue
        following = "heading" if heading else "text"


#: Pages whose rules left fewer words than this are checked against their densest prose.
FALLBACK_BELOW = 250
#: The fewest words of prose a region needs to be taken instead.
FALLBACK_PROSE = 120
#: How many times the words found the region must hold.
FALLBACK_TIMES = 3


def densest_prose(layout: Layout) -> tuple[Span, int] | None:
    """The block element richest in prose, and its words of prose: the span whose article-
    shaped paragraphs (:func:`~dechaff.shapes.is_body`, few of their characters in links)
    have most words, weighed by the share of its words they are (a page's body holds all
    the prose, but its menus and footers too)."""
    prose = [0]
    total = [0]
    for block in layout.blocks:
        words = word_count(block.text)
        body = words if is_body(block.text) and block.links * 3 < len(block.text) else 0
        prose.append(prose[-1] + body)
        total.append(total[-1] + words)
    best, best_score = None, 0.0
    for span in layout.spans:
        p = prose[span.end] - prose[span.first]
        t = total[span.end] - total[span.first]
        if p and p * p / t > best_score:
            best, best_score = (span, p), p * p / t
    return best


def paragraph_kinds(blocks: list[TextBlock]) -> list[str]:
    """The kind of each paragraph of ``blocks``' text (their texts joined by a blank line),
    in order: a block whose text holds blank lines (``<br><br>``) is several paragraphs, the
    first of its kind, the others, of a list item, its further lines (``li``)."""
    kinds: list[str] = []
    for block in blocks:
        kind = block.kind
        kinds.append(kind)
        more = block.text.count("\n\n")
        if more:
            kinds.extend([kind if kind[:1] in ("", "h") else "li"] * more)
    return kinds


def _not_a_span(proposal: Proposal) -> None:
    raise ValueError(f"a select names an element the walk read, with its blocks "
                     f"({proposal.start}:{proposal.end}); not {proposal.target!r:.60}")


def _outside(proposal: Proposal) -> None:
    raise ValueError(f"a drop inside an article takes blocks of that article, not "
                     f"{proposal.action} {proposal.start}:{proposal.end}")


def _shown(value: Any) -> str:
    """A field's value as a trace shows it (authors joined by semicolons)."""
    return "; ".join(value) if isinstance(value, (list, tuple)) else str(value)


class _Trace:
    """The changes the HTML phase made, when the run explains."""

    def __init__(self, explain: bool) -> None:
        self.explain = explain
        self.removals: list[Change] = []

    def element(self, proposal: Proposal) -> None:
        if self.explain:
            element, rule = proposal.target, proposal.rule
            text = element_text(element)
            if text:
                self.removals.append(Change(rule.code, rule.name, "dropped", text, -1, -1,
                                            reason=f"{describe(element)}: {proposal.reason}"))

    def blocks(self, layout: Layout, first: int, end: int, rule: HtmlRule, reason: str) -> None:
        """Trace blocks ``first:end`` as dropped by ``rule`` (the caller leaves them out)."""
        if self.explain and end > first:
            text = "\n\n".join(b.text for b in layout.blocks[first:end])
            self.removals.append(Change(rule.code, rule.name, "dropped", text, -1, -1,
                                        reason=reason))
