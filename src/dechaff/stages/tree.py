"""HTML in: the page's tree, and the walk that reads it as text blocks.

One parse (lxml); :func:`prepare` drops what is never visible and decodes Cloudflare's
protected addresses; then one walk of the tree (:class:`Walk`) turns block elements
(paragraphs, headings, list items, quotes, preformatted text, table rows, line breaks) into
text blocks, each marked when it is a heading or a list item (``TextBlock.kind``), and
learns which blocks each block element holds (its span). Before it reads an
element, the walk asks whether it is dropped (the engine's HTML phase answers, from the
``prune`` rules): a dropped element is skipped whole.
"""

from __future__ import annotations

import re
import threading
from typing import Callable

import lxml.html
from lxml import etree

from ..elements import BLOCKS, Layout, Span, TextBlock
from .repair import remove_control

#: Never text a reader sees: dropped before the walk, not traced.
INVISIBLE = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object",
             "embed", "canvas", "video", "audio", "source", "track", "img", "picture", "map",
             "head", "link", "meta", "input", "select", "option", "button")
#: Emptied before the walk but kept: a box to write a message in says what its form is for.
EMPTIED = ("textarea",)
_CELLS = frozenset({"td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol"})
#: A line break in the markup (source newlines are only white space).
_BR = "\x0b"


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


class Walk:
    """One pass over the tree: its text blocks and block-element spans (:attr:`layout`).

    ``dropped(element, tag)``, when given, is asked about each element before it is read;
    an element it drops is skipped, its subtree and all.
    """

    def __init__(self, dropped: Callable[[object, str], bool] | None = None) -> None:
        self.dropped = dropped
        self.blocks: list[TextBlock] = []
        self.spans: list[Span] = []
        self._parts: list[str] = []
        self._links = 0
        self._cum = [0]
        self._cum_links = [0]
        #: The open headings and list items, innermost last: ``[element, kind, given]``,
        #: ``given`` once a list item's first block is read (its later blocks are ``li``).
        self._marks: list[list] = []
        self._lists: list[str] = []

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
            kind = ""
            if self._marks:
                mark = self._marks[-1]
                kind = mark[1]
                if kind[0] != "h":  # a heading's every block is the heading
                    kind = "li" if mark[2] else kind  # an item's later blocks go on with it
                    mark[2] = True
            self.blocks.append(TextBlock(text, links, tag, kind))
            self._cum.append(self._cum[-1] + len(text))
            self._cum_links.append(self._cum_links[-1] + links)

    @property
    def layout(self) -> Layout:
        return Layout(self.blocks, self.spans)

    def run(self, root) -> Layout:
        dropped = self.dropped
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
                if dropped is not None and dropped(element, tag):
                    walker.skip_subtree()
                    skipped = element
                    continue
                if tag in BLOCKS and (tag not in _CELLS or _has_blocks(element)):
                    self.flush(open_spans[-1].element.tag if open_spans else tag, pre > 0)
                    open_spans.append(Span(element, len(self.blocks)))
                    if tag in _LISTS:
                        self._lists.append(tag)
                    elif tag == "li":
                        depth = len(self._lists)
                        kind = self._lists[-1] if self._lists else "ul"
                        self._marks.append([element, kind + (str(depth) if depth > 1 else ""),
                                            False])
                    elif tag in _HEADINGS:
                        self._marks.append([element, tag, False])
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
                if self._marks and self._marks[-1][0] is element:
                    self._marks.pop()
                elif tag in _LISTS and self._lists:
                    self._lists.pop()
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
        return self.layout


def _has_blocks(cell) -> bool:
    """Does a table cell hold paragraphs of its own (a layout table), not a value?"""
    return next(cell.iter("p", "div", "table", "ul", "br", "h1", "h2", "h3"), None) is not None


def decode_cfemail(encoded: str) -> str | None:
    """Cloudflare's obfuscated address: the first byte is the key for the others.

    >>> decode_cfemail("543931142c39353d387a373b39")
    'me@xmail.com'
    """
    try:
        data = bytes.fromhex(encoded)
    except ValueError:
        return None
    if not data:
        return None
    return "".join(chr(b ^ data[0]) for b in data[1:])


def prepare(root) -> None:
    """Drop what is never visible (and empty a ``<textarea>``, whose place the rules read),
    and decode Cloudflare-protected addresses, in place."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *INVISIBLE,
                         with_tail=False)
    for box in root.iter(*EMPTIED):
        box.text = None
        for child in list(box):
            box.remove(child)
    for node in root.iterfind(".//*[@data-cfemail]"):
        address = decode_cfemail(node.get("data-cfemail", ""))
        if address:
            for child in list(node):
                node.remove(child)
            node.text = address
