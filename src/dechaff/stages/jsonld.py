"""JSON-LD as pages write it: parsed leniently, its nodes linked, the article found.

Publishers' JSON-LD is hand-templated more often than generated, so a strict parser loses
a page's whole metadata to one trailing comma. :func:`loads` reads what browsers' and
search engines' readers accept: comments, trailing commas, raw control characters inside
strings, HTML-escaped scripts, several values one after another. :class:`Graph` then indexes
the nodes by ``@id``, so an ``author`` that is a reference to a ``Person`` node elsewhere in
the ``@graph`` is followed, and :func:`article_nodes` finds the objects that describe an
article (also as a ``WebPage``'s ``mainEntity``), never those of a related-article list.

>>> loads('{"headline": "A", /* the CMS */ "author": ["Jane",],}')
[{'headline': 'A', 'author': ['Jane']}]
>>> loads('{"a": 1}{"b": 2}')
[{'a': 1}, {'b': 2}]
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Iterator

#: schema.org types whose object describes the article itself.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
    "blogposting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
    "satiricalarticle", "socialmediaposting", "posting", "reportage", "medicalwebpage"})
#: Types that hold the article as their ``mainEntity`` (never an article themselves), and
#: whose own dates and authors are the page's when it names no article.
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "medicalwebpage", "aboutpage",
                        "profilepage", "qapage", "faqpage", "contactpage"})
_WRAPPERS = ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>")
#: A string, a comment, or a comma that only closes (the parts :func:`_repair` reads).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/|,(?=\s*[}\]])', re.DOTALL)


def loads(raw: str) -> list[Any]:
    """The JSON values of one script's text; ``[]`` when nothing in it parses."""
    raw = raw.strip()
    for junk in _WRAPPERS:
        if junk in raw:
            raw = raw.replace(junk, "")
    if not raw:
        return []
    for fix in (str, _repair, lambda text: _repair(html.unescape(text))):
        values = _decode_all(fix(raw))
        if values:
            return values
    return []


def _repair(raw: str) -> str:
    """Comments and trailing commas out; strings as they were.

    >>> _repair('{"a": "x // y", // note\\n "b": [1, 2,],}')
    '{"a": "x // y", \\n "b": [1, 2]}'
    """
    return _TOKEN.sub(lambda m: m.group() if m.group().startswith('"') else "", raw)


def _decode_all(text: str) -> list[Any]:
    """Every JSON value in ``text``, one after another (control characters allowed in
    strings); ``[]`` when the first does not parse."""
    decoder = json.JSONDecoder(strict=False)
    values, at = [], 0
    while True:
        while at < len(text) and (text[at].isspace() or text[at] == ";"):
            at += 1
        if at >= len(text):
            return values
        try:
            value, at = decoder.raw_decode(text, at)
        except ValueError:
            return values
        values.append(value)


def kinds(node: dict) -> set[str]:
    """A node's ``@type`` names, lowercase and without a vocabulary prefix."""
    value = node.get("@type")
    names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for n in names if isinstance(n, str)}


class Graph:
    """The nodes of a page's JSON-LD, indexed by ``@id`` to follow references."""

    def __init__(self, values: list[Any]) -> None:
        self.values = values
        self.by_id: dict[str, dict] = {}
        for node in self._all(values, 0):
            key = node.get("@id")
            if isinstance(key, str) and len(node) > 1:
                self.by_id.setdefault(key, node)

    def _all(self, value: Any, depth: int) -> Iterator[dict]:
        """Every node, however deep it is nested (to a limit: a page's JSON-LD can be huge)."""
        if depth > 8:
            return
        if isinstance(value, list):
            for item in value:
                yield from self._all(item, depth + 1)
        elif isinstance(value, dict):
            yield value
            for item in value.values():
                if isinstance(item, (dict, list)):
                    yield from self._all(item, depth + 1)

    def resolve(self, value: Any) -> Any:
        """The node a reference (``{"@id": ...}`` alone) points to, else the value."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.by_id.get(value["@id"], value)
        return value

    def article_nodes(self) -> list[dict]:
        """The nodes that describe an article, in page order: top-level ones, those of
        ``@graph``, and a page's ``mainEntity``, not the works a node lists or links to."""
        found: list[dict] = []
        self._collect(self.values, found, 0)
        return found

    def page_node(self) -> dict:
        """The node that describes the page itself (a ``WebPage``), or ``{}``."""
        return next((node for node in self._all(self.values, 0) if kinds(node) & PAGE_TYPES), {})

    def _collect(self, value: Any, found: list[dict], depth: int) -> None:
        """Article nodes, descending only into lists, ``@graph`` and a page's (or an untyped
        wrapper's) ``mainEntity``: an ``ItemList``'s elements, ``relatedLink``, ``hasPart``
        and the like are other works."""
        if depth > 6:
            return
        if isinstance(value, list):
            for item in value:
                self._collect(item, found, depth + 1)
            return
        value = self.resolve(value)
        if not isinstance(value, dict):
            return
        types = kinds(value)
        if types & ARTICLE_TYPES and not any(value is node for node in found):
            found.append(value)
        for key in ("@graph", "mainEntity", "mainentity"):
            if key in value and (key == "@graph" or types & PAGE_TYPES or not types & ARTICLE_TYPES):
                self._collect(value[key], found, depth + 1)
