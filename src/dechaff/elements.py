"""A page as the HTML rules see it: its elements' text, links and names; the text blocks and
block elements the walk found; and the page as a whole.

The page's tree is lxml's (parsed by :mod:`dechaff.stages.tree`); these are the few things
the rules and the engine ask of it, read the same way by both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from lxml import etree

#: A piece of text this long is a paragraph, not a teaser or a label.
PARAGRAPH_CHARS = 150
#: Elements that start and end a block of text (the walk's, and the rules' that read the tree).
BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "thead", "tbody", "tfoot", "caption", "section", "article", "main", "header",
    "footer", "aside", "nav", "blockquote", "pre", "figure", "figcaption", "address", "hr",
    "body", "html", "form", "fieldset", "legend", "details", "summary", "center", "menu",
    "dialog", "hgroup", "td", "th"})
_SPACE = etree.XPath("normalize-space(string())")
_LINK_TEXT = etree.XPath(".//a//text()")


@dataclass(slots=True)
class Span:
    """What the walk learnt of one block element: its blocks (``first:end``), text and link
    characters."""

    element: Any
    first: int
    end: int = 0
    chars: int = 0
    links: int = 0


@dataclass(slots=True)
class TextBlock:
    """One block of text: a paragraph, heading, list item or table row.

    ``kind`` says what the block is to a reader, for the Markdown output (see
    :data:`~dechaff.document.KINDS`): ``""`` a paragraph, ``h1``-``h6`` a heading, ``ul`` or
    ``ol`` an item of a bulleted or numbered list (``ul2``, ``ol3``: nested that deep), ``li``
    a later block of the item before it."""

    text: str
    links: int
    tag: str
    kind: str = ""


class Layout(NamedTuple):
    """What the walk made of a page: its text blocks, in order, and its block elements'
    spans over them (children before their parents). The ``select`` and ``inner`` HTML rules
    read it."""

    blocks: list[TextBlock]
    spans: list[Span]


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


class Page:
    """What a prune rule may ask of the page as a whole."""

    def __init__(self, root) -> None:
        self.root = root
        self.chars = len(element_text(root))

    def holds_article(self, element, chars: int, links: int, headline: bool) -> bool:
        """Does this element hold the article: an element marked as the article's body, or
        most of the page's text in prose (with the page's headline, when ``headline``)?"""
        if element.find(".//*[@itemprop='articleBody']") is not None:
            return True
        if chars < 0.5 * self.chars or links >= 0.5 * chars:
            return False
        return not headline or element.find(".//h1") is not None
