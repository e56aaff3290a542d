"""HTML in: the page's visible text, one block element a line, for the text rules.

A first step, not structure-aware extraction: scripts, styles, templates and hidden elements
go, block elements (paragraphs, headings, list items, table cells, line breaks) become lines,
and Cloudflare ``data-cfemail`` addresses are decoded where the page has them.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<(?:div|p|article|section|meta|"
                         r"title|span|h[1-6]|table|ul|a)\b)", re.IGNORECASE)
_TAGS = re.compile(r"<\s*/?\s*(?:p|div|br|span|a|li|h[1-6]|html|body|article)\b[^>]*>", re.IGNORECASE)
DROP = ("script", "style", "noscript", "template", "svg", "iframe", "head", "form", "button",
        "select", "input", "textarea")
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
          "th", "table", "section", "article", "header", "footer", "aside", "nav", "main",
          "blockquote", "pre", "figure", "figcaption", "dt", "dd", "hr", "title", "address"}


def looks_like_html(text: str) -> bool:
    """Does this text look like an HTML page rather than a scrape's plain text?

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Prices rose 3% <a bit> faster than wages.")
    False
    """
    head = text[:2000]
    return bool(_LOOKS_HTML.search(head)) or len(_TAGS.findall(head)) >= 5


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


def html_to_text(markup: str) -> str:
    """The visible text of a page, a line per block element."""
    soup = BeautifulSoup(markup, _parser())
    for node in soup.find_all(DROP):
        node.decompose()
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for node in soup.find_all(attrs={"hidden": True}):
        node.decompose()
    for node in soup.find_all(attrs={"data-cfemail": True}):
        address = decode_cfemail(node["data-cfemail"])
        node.replace_with(address or node.get_text())
    parts: list[str] = []
    _walk(soup, parts)
    text = "".join(parts)
    return re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def _walk(node: Tag, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag):
            block = child.name in BLOCKS
            if block:
                parts.append("\n\n")
            _walk(child, parts)
            if block:
                parts.append("\n\n")


def _parser() -> str:
    try:
        import lxml  # noqa: F401
        return "lxml"
    except ImportError:
        return "html.parser"
