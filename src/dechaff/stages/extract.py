"""HTML in: the article's blocks, chosen by the page's structure.

One parse (lxml), then one walk of the tree that turns block elements (paragraphs, headings,
list items, quotes, preformatted text, table rows, line breaks) into text blocks and, on the
way, asks the structural rules (:mod:`dechaff.rules.html`) about each element:

- ``prune`` rules look at an element before its content is read (tag, class, id, role and
  aria tokens, its text and link density) and drop it whole: navigation, share bars, related
  links, ads, comments, hidden elements;
- the ``select`` rule then picks the element (or elements, on a page of several articles) that
  holds the article, from the blocks the walk kept;
- ``inner`` rules look at the elements inside the article (link-dense lists and boxes).

What is left is plain text, a blank line between blocks, which the text rules then read as
they read any scrape. Every element a rule drops is recorded with its text, so a removal made
by structure is traced like one made by a text rule.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree

from ..document import Removal
from ..limits import fail
from .html import decode_cfemail
from .repair import remove_control

if TYPE_CHECKING:
    from ..rules.html import HtmlRule

#: Never text a reader sees: dropped before the walk, not traced.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
             "embed", "canvas", "video", "audio", "source", "track", "img", "picture", "map",
             "head", "link", "meta", "input", "select", "option", "textarea", "button")
#: Elements that start and end a block of text.
BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "thead", "tbody", "tfoot", "caption", "section", "article", "main", "header",
    "footer", "aside", "nav", "blockquote", "pre", "figure", "figcaption", "address", "hr",
    "body", "html", "form", "fieldset", "legend", "details", "summary", "center", "menu",
    "dialog", "hgroup", "td", "th"})
_CELLS = frozenset({"td", "th"})
#: An article's headline stands among its first lines, above any line this long.
HEAD_LINES = 6
#: ... and a line the page's title repeats, among them, is set as one of these.
_TITLE_LINE_TAGS = frozenset({"h1", "h2", "h3", "h4", "p", "div", "header"})
#: A piece of text this long is a paragraph, not a teaser or a label.
PARAGRAPH_CHARS = 150
#: A line break in the markup (source newlines are only white space).
_BR = "\x0b"
_SPACE = etree.XPath("normalize-space(string())")
_LINK_TEXT = etree.XPath(".//a//text()")


@dataclass(slots=True)
class Span:
    """What the walk learnt of one block element: its blocks, text and link characters."""

    element: Any
    first: int
    end: int = 0
    chars: int = 0
    links: int = 0
    score: float = 0.0


@dataclass(slots=True)
class TextBlock:
    """One block of text: a paragraph, heading, list item or table row."""

    text: str
    links: int
    tag: str


@dataclass
class Extraction:
    """The article texts a page holds, and what the structural rules removed from it."""

    texts: list[str]
    removals: list[Removal] = field(default_factory=list)
    #: The root element of each article, for the metadata stage.
    roots: list[Any] = field(default_factory=list)


def parse(markup: str):
    """The page's tree (lxml); ``None`` when the markup holds no document at all.

    The parser takes trees of any size (lxml's ``huge_tree``); a page nested deeper than it
    takes (2,048 levels) is parsed again with the elements below :data:`MAX_DEPTH` levels
    taken out and their text kept, instead of losing all the text below.
    """
    if markup.lstrip().startswith("<?xml") and "?>" in markup:
        markup = markup[markup.index("?>") + 2:]  # lxml refuses str input that names an encoding
    # the parser would turn control characters into U+FFFD; the text path drops them
    markup = remove_control(markup)[0]
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
        if markup.count("<") > MAX_DEPTH and any(e.type_name == "ERR_RESOURCE_LIMIT"
                                                 for e in parser.error_log):
            root = lxml.html.document_fromstring(flatten(markup), parser=parser)
        return root
    except (etree.ParserError, ValueError):
        return None


#: Elements nested deeper than this are taken out of a page too deep for the parser.
MAX_DEPTH = 1000
_LOCAL = threading.local()
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>|<!--.*?-->", re.DOTALL)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "plaintext"})


def _parser():
    """This thread's parser (an lxml parser is not to be shared between threads)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = lxml.html.HTMLParser(huge_tree=True)
    return parser


def flatten(markup: str, limit: int = MAX_DEPTH) -> str:
    """``markup`` less the tags of elements nested more than ``limit`` deep (a block
    element's become line breaks); their text stays.

    >>> flatten("<div><div><p>a</p><b>b</b></div></div>", limit=2)
    '<div><div><br>a<br>b</div></div>'
    """
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    pos = 0
    lower = markup.lower()
    while (found := _TAG.search(markup, pos)) is not None:
        closing, name = found.group(1), (found.group(2) or "").lower()
        end = found.end()
        keep = True
        if name in _RAW and not closing:
            close = lower.find(f"</{name}", end)  # its content is not markup
            end = len(markup) if close == -1 else close
        elif not name or name in _VOID or found.group(0).endswith("/>"):
            pass
        elif closing and dropped.get(name):
            dropped[name] -= 1
            keep = False
        elif closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
        elif len(stack) >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            keep = False
        else:
            stack.append(name)
        out.append(markup[pos:found.start()])
        out.append(markup[found.start():end] if keep else ("<br>" if name in BLOCKS else ""))
        pos = end
    out.append(markup[pos:])
    return "".join(out)


def element_text(element) -> str:
    """An element's text, whitespace collapsed."""
    return _SPACE(element)


def link_chars(element) -> int:
    """How many characters of an element's text sit inside links."""
    return sum(len(t.strip()) for t in _LINK_TEXT(element))


def describe(element) -> str:
    """A CSS-like name for an element: ``div#main.story-body``."""
    name = element.tag if isinstance(element.tag, str) else "node"
    ids = (element.get("id") or "").split()
    if ids:
        name += "#" + ids[0]
    classes = (element.get("class") or "").split()
    if classes:
        name += "." + ".".join(classes[:3])
    return name


#: The names that say what an element is for, read from its attributes' first characters
#: (real ones hold a few hundred at most): a 10 MB class attribute is not searched whole.
NAMES = ("class", "id", "role", "aria-label", "itemprop", "data-component", "data-module")
NAME_CHARS = 2000


def tokens(element) -> str:
    """The words that name an element's purpose: class, id, role, aria-label, itemprop..."""
    get = element.get
    return " ".join(value[:NAME_CHARS] for value in map(get, NAMES) if value).lower()


class Pruner:
    """The prune rules, indexed so that each element is asked about by the rules that look
    at it (by tag, attribute or token) and no others."""

    def __init__(self, rules: list["HtmlRule"]) -> None:
        import regex

        self.rules = rules
        self.by_tag: dict[str, list] = {}
        for rule in rules:
            for tag in rule.tags:
                self.by_tag.setdefault(tag, []).append(rule)
        self.token_rules = [r for r in rules if r.pattern is not None]
        self.any_token = (regex.compile("|".join(f"(?:{r.pattern.pattern})" for r in self.token_rules))
                          if self.token_rules else None)
        self.attr_rules = [r for r in rules if r.attributes]
        self.attributes = frozenset(a for r in self.attr_rules for a in r.attributes)
        self.order = {id(r): i for i, r in enumerate(rules)}

    def judge(self, element, tag: str, page) -> tuple["HtmlRule", str] | None:
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
            try:
                reason = rule.judge(element, tag, names, page)
            except BaseException as exc:  # a rule's failure names the rule
                fail(rule, exc)
            if reason:
                return rule, reason
        return None


class Walk:
    """One pass over the tree: text blocks, block-element spans, and the prune rules' drops."""

    def __init__(self, pruner: Pruner | None, explain: bool) -> None:
        self.pruner = pruner
        self.explain = explain
        self.blocks: list[TextBlock] = []
        self.spans: list[Span] = []
        self.removals: list[Removal] = []
        self._parts: list[str] = []
        self._links = 0
        self._cum = [0]
        self._cum_links = [0]

    def text(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._links += len(text.strip())

    def flush(self, tag: str, pre: bool = False) -> None:
        if not self._parts:
            return
        raw = "".join(self._parts)
        self._parts.clear()
        if pre:
            lines = [line.rstrip() for line in raw.replace(_BR, "\n").strip("\n").split("\n")]
        else:
            lines = [" ".join(line.split()) for line in raw.split(_BR)]
        text = "\n".join(lines).strip()
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        links, self._links = self._links, 0
        if text:
            links = min(links, len(text))
            self.blocks.append(TextBlock(text, links, tag))
            self._cum.append(self._cum[-1] + len(text))
            self._cum_links.append(self._cum_links[-1] + links)

    def run(self, root, page) -> None:
        pruner = self.pruner
        walker = etree.iterwalk(root, events=("start", "end"))
        open_spans: list[Span] = []
        in_link = pre = 0
        skipped = None  # the element whose subtree the walk skips
        for event, element in walker:
            tag = element.tag
            if not isinstance(tag, str):  # an entity or other node the parser kept
                if event == "end":
                    self.text(element.tail, in_link > 0)
                continue
            if event == "start":
                if pruner is not None:
                    verdict = pruner.judge(element, tag, page)
                    if verdict:
                        walker.skip_subtree()
                        skipped = element
                        if self.explain:
                            self._record(element, *verdict)
                        continue
                if tag in BLOCKS and (tag not in _CELLS or _has_blocks(element)):
                    self.flush(open_spans[-1].element.tag if open_spans else tag, pre > 0)
                    open_spans.append(Span(element, len(self.blocks)))
                elif tag == "br":
                    self._parts.append(_BR)
                elif tag in _CELLS:
                    self._parts.append(" ")
                elif tag == "a":
                    in_link += 1
                if tag == "pre":
                    pre += 1
                self.text(element.text, in_link > 0)
                continue
            if element is skipped:
                skipped = None
            elif open_spans and open_spans[-1].element is element:
                self.flush(tag, pre > 0)
                span = open_spans.pop()
                span.end = len(self.blocks)
                span.chars = self._cum[span.end] - self._cum[span.first]
                span.links = self._cum_links[span.end] - self._cum_links[span.first]
                if span.end > span.first:
                    self.spans.append(span)
            elif tag == "a":
                in_link -= 1
            elif tag in _CELLS:
                self._parts.append(" ")
            if tag == "pre":
                pre -= 1
            self.text(element.tail, in_link > 0)
        self.flush("body")

    def _record(self, element, rule: "HtmlRule", reason: str) -> None:
        text = element_text(element)
        if text:
            self.removals.append(Removal(rule.code, rule.name, "dropped", text, -1, -1,
                                         reason=f"{describe(element)}: {reason}"))

    def drop_blocks(self, first: int, end: int, rule: "HtmlRule", reason: str) -> None:
        """Record blocks ``first:end`` as dropped by ``rule`` (the caller leaves them out)."""
        if self.explain and end > first:
            text = "\n\n".join(b.text for b in self.blocks[first:end])
            self.removals.append(Removal(rule.code, rule.name, "dropped", text, -1, -1,
                                         reason=reason))


class Extractor:
    """The structural rules of one configuration, ready to run on pages."""

    def __init__(self, rules: list["HtmlRule"]) -> None:
        self.pruner = Pruner([r for r in rules if r.stage == "prune"]) if any(
            r.stage == "prune" for r in rules) else None
        self.select = next((r for r in rules if r.stage == "select"), None)
        self.inner = [r for r in rules if r.stage == "inner"]

    def extract(self, root, explain: bool = False, title: str | None = None) -> Extraction:
        """The article texts of a prepared tree (see :func:`prepare`); ``title``, the page's
        own (from its metadata), helps find the article's headline."""
        from ..rules.html import Page

        walk = Walk(self.pruner, explain)
        walk.run(root, Page(root) if self.pruner is not None else None)
        if not walk.blocks:
            return Extraction([], walk.removals)
        roots = _ask(self.select, self.select.select, walk) if self.select is not None else []
        if not roots:
            return Extraction(["\n\n".join(b.text for b in walk.blocks)], walk.removals)
        texts, previous = [], 0
        for span in roots:
            if self.select is not None:
                walk.drop_blocks(previous, span.first, self.select, "outside the article")
            previous = span.end
            texts.append(self._article_text(walk, span, title if len(roots) == 1 else None))
        walk.drop_blocks(previous, len(walk.blocks), self.select, "outside the article")
        return Extraction(texts, walk.removals, [s.element for s in roots])

    @staticmethod
    def _headline(walk: Walk, root: Span, title: str | None) -> int | None:
        """The article's headline, among its first lines (above any paragraph): its ``<h1>``,
        or a heading that the page's title repeats."""
        title = " ".join(title.split()).casefold() if title else None
        for i in range(root.first, min(root.end, root.first + HEAD_LINES)):
            block = walk.blocks[i]
            if block.tag == "h1":
                return i
            if (title and block.tag in _TITLE_LINE_TAGS and len(block.text) >= 12
                    and title.startswith(" ".join(block.text.split()).casefold())):
                return i
            if len(block.text) >= PARAGRAPH_CHARS:
                return None
        return None

    def _article_text(self, walk: Walk, root: Span, title: str | None = None) -> str:
        """The blocks of one article, less what the inner rules drop."""
        dropped: list[tuple[int, int]] = []
        inside = sorted((s for s in walk.spans
                         if root.first <= s.first and s.end <= root.end and s is not root),
                        key=lambda s: (s.first, -s.end))
        for span in inside:
            if dropped and span.end <= dropped[-1][1]:
                continue  # inside a span already dropped
            for rule in self.inner:
                reason = _ask(rule, rule.judge_span, span, walk)
                if reason:
                    walk.drop_blocks(span.first, span.end, rule,
                                     f"{describe(span.element)}: {reason}")
                    dropped.append((span.first, span.end))
                    break
        headline = self._headline(walk, root, title)
        if headline is not None:
            walk.drop_blocks(headline, headline + 1, self.select, "the headline: the record's title")
            dropped.append((headline, headline + 1))
        keep = [True] * (root.end - root.first)
        for first, end in dropped:
            for i in range(first, end):
                keep[i - root.first] = False
        return "\n\n".join(b.text for b, k in zip(walk.blocks[root.first:root.end], keep) if k)


def _ask(rule: "HtmlRule", method, *args):
    """A rule's answer; what it raises becomes a RuleError that names it."""
    try:
        return method(*args)
    except BaseException as exc:
        fail(rule, exc)


def _has_blocks(cell) -> bool:
    """Does a table cell hold paragraphs of its own (a layout table), not a value?"""
    return next(cell.iter("p", "div", "table", "ul", "br", "h1", "h2", "h3"), None) is not None


def prepare(root) -> None:
    """Drop what is never visible and decode Cloudflare-protected addresses, in place."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *INVISIBLE,
                         with_tail=False)
    for node in root.iterfind(".//*[@data-cfemail]"):
        address = decode_cfemail(node.get("data-cfemail", ""))
        if address:
            for child in list(node):
                node.remove(child)
            node.text = address
