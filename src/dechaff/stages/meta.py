"""HTML in: the article's metadata, from what the page says about itself.

Each field is read from the sources in this order of trust, and :attr:`Meta.found` says
which one gave it:

1. **JSON-LD**: the article object (also as a page's ``mainEntity`` or in an ``@graph``,
   authors followed through ``@id`` references), parsed leniently (:mod:`.jsonld`);
2. **microdata**: ``itemprop`` ``headline``, ``datePublished``, ``author``;
3. **``<meta>`` tags**: OpenGraph, ``article:*``, Parse.ly, Dublin Core, Sailthru...;
4. **the visible page** (:mod:`.visible`): the byline, ``<time datetime>``, a date written
   out in the page's language, then the date in the page's URL; an update's date
   (``dateModified``, ``og:updated_time``) only when none of these gives one.

The title is the exception: the JSON-LD (or microdata) headline where there is one, else
the headline a reader sees (the heading above the lede) when OpenGraph's title or the
``<title>`` agrees with it in most of its words, since those are then variants written for
sharing or carrying the site's name; when they disagree, the page's ``<h1>`` is a label (the
blog's name, a section's) and the markup's title stands. Names and titles are cleaned as
:mod:`.names` says. Dates become ISO values like the text rules'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

import regex
from lxml import etree

from ..dates import parse_date
from .jsonld import Graph, kinds, loads
from .names import clean_title, is_site, people, tidy
from .visible import (AGREEMENT, Layout, agreement, byline, dateline, headline, heading_text,
                      machine_date, url_date, written_date)

_DATE_KEYS = ("article:published_time", "article:published:time", "og:article:published_time",
              "og:published_time", "published_time", "datepublished", "article:published",
              "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
              "dcterms.created", "dcterms.date", "dc.date.created", "article.published",
              "date", "citation_publication_date", "citation_date", "datecreated",
              "originalpublicationdate", "release_date", "created", "schema.datepublished",
              "schema.datecreated")
_UPDATE_KEYS = ("article:modified_time", "article:modified:time", "og:updated_time",
                "datemodified", "dc.date.modified", "dcterms.modified", "last-modified",
                "modified", "lastmod")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "citation_author", "articleauthor",
                "article:author_name", "twitter:creator")
_TITLE_KEYS = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title",
               "headline", "title")
_SITE_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher",
              "twitter:site", "dc.publisher", "copyright")
_URL_KEYS = ("og:url", "twitter:url")
_SECTION_KEYS = ("article:section", "parsely-section", "section")
_ORGANISATIONS = frozenset({"organization", "newsmediaorganization", "corporation",
                            "website", "brand", "localbusiness", "educationalorganization"})
_JSON_LD = etree.XPath("//script[@type='application/ld+json']")


@dataclass(frozen=True)
class Meta:
    """What the page's markup says of its article."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    section: str | None = None
    found: dict[str, str] = field(default_factory=dict)  # field -> where it was read


class Markup:
    """What the page's markup (not its visible text) says: its JSON-LD article, its
    microdata and its ``<meta>`` tags, and the names the site gives itself."""

    def __init__(self, root) -> None:
        self.root = root
        self.metas = _meta_tags(root)
        values = [v for script in _JSON_LD(root) for v in loads(script.text or "")]
        self.graph = Graph(values)
        self.canonical = _url(_attr(root.find(".//link[@rel='canonical']"), "href"))
        self.url = self.canonical or next(filter(None, map(_url, map(self.metas.get, _URL_KEYS))),
                                          None)
        self.article = self._article(self.graph.article_nodes())
        self.page = self.graph.page_node() if not self.article else {}
        self.microdata = _microdata(root)
        self.sites = self._sites()

    def _article(self, nodes: list[dict]) -> dict:
        """The article node that is this page's: the one whose URL is the page's, else
        the first (a page lists related articles after its own)."""
        if self.url and len(nodes) > 1:
            for node in nodes:
                if _url(node.get("url") or node.get("mainEntityOfPage")) == self.url:
                    return node
        return nodes[0] if nodes else {}

    def _sites(self) -> list[str]:
        """The names the site gives itself: ``og:site_name`` and kin, its organisations in
        JSON-LD, its host name with and without the top-level domain."""
        names = [self.metas.get(key, "").lstrip("@") for key in _SITE_KEYS]
        for node in self.graph.by_id.values():
            if kinds(node) & _ORGANISATIONS:
                names.append(_text(node.get("name")) or "")
        publisher = self.graph.resolve(self.article.get("publisher"))
        if isinstance(publisher, dict):
            names.append(_text(publisher.get("name")) or "")
        if self.url:
            host = regex.sub(r"^https?://(?:www\.)?", "", self.url).split("/")[0]
            names += [host, host.rsplit(".", 1)[0]]
        return [n for n in names if n]

    def titles(self) -> list[tuple[str, str]]:
        """The markup's titles, most trusted first, with where each was read."""
        found = [(self.article.get("headline") or self.article.get("name"), "json-ld headline"),
                 (self.microdata.get("headline"), "microdata headline")]
        found += [(self.metas.get(key), f"meta {key}") for key in _TITLE_KEYS]
        found.append((self.metas.get("<title>"), "<title>"))
        titles = []
        for value, where in found:
            title = clean_title(_text(value), self.sites, where == "<title>")
            if title:
                titles.append((title, where))
        return titles

    def authors(self) -> tuple[tuple[str, ...], str] | None:
        """The article's authors from its JSON-LD, microdata or ``<meta>`` tags."""
        value = self.article.get("author") or self.article.get("creator")
        names = people(self._people(value), self.sites)
        if names:
            return names, "json-ld author"
        agencies = self._agencies(value)
        if agencies:
            return agencies, "json-ld author (an organisation)"
        names = people(self.microdata.get("author", ()), self.sites)
        if names:
            return names, "microdata author"
        for key in _AUTHOR_KEYS:
            value = self.metas.get(key)
            if value and "://" not in value and not value.startswith("@"):
                names = people([value], self.sites)
                if names:
                    return names, f"meta {key}"
        return None

    def _people(self, value: Any) -> list[str]:
        """Names from a JSON-LD ``author``: a name, a person (maybe by ``@id``, maybe only
        ``givenName`` and ``familyName``), or a list of them; organisations are left out."""
        names = []
        for item in value if isinstance(value, list) else [value]:
            item = self.graph.resolve(item)
            if isinstance(item, dict):
                if kinds(item) & _ORGANISATIONS:
                    continue
                name = item.get("name") or " ".join(filter(None, (
                    _text(item.get("givenName")), _text(item.get("familyName")))))
                names.extend(name if isinstance(name, list) else [name])
            elif isinstance(item, str):
                names.append(item)
        return [n for n in names if isinstance(n, str) and n]

    def _agencies(self, value: Any) -> tuple[str, ...]:
        """The organisations a JSON-LD ``author`` names that are not the site itself (a
        news agency's wire story): the authors when it names no person."""
        names = []
        for item in value if isinstance(value, list) else [value]:
            item = self.graph.resolve(item)
            if isinstance(item, dict) and kinds(item) & _ORGANISATIONS:
                name = _text(item.get("name"))
                if name and not is_site(name, self.sites) and name not in names:
                    names.append(name)
        return tuple(names)

    def published(self) -> tuple[str, str] | None:
        return self._published() or _first_value(  # RDFa is read only when all else fails
            ((value, f"rdfa {key}") for key, value in _rdfa(self.root).items()
             if key in _DATE_KEYS), _date)

    def _published(self) -> tuple[str, str] | None:
        return _first_value((
            (self.article.get("datePublished") or self.article.get("dateCreated"),
             "json-ld datePublished"),
            (self.microdata.get("datePublished"), "microdata datePublished"),
            *((self.metas.get(key), f"meta {key}") for key in _DATE_KEYS),
            (self.page.get("datePublished"), "json-ld WebPage datePublished")), _date)

    def updated(self) -> tuple[str, str] | None:
        return _first_value((
            (self.article.get("dateModified"), "json-ld dateModified"),
            (self.microdata.get("dateModified"), "microdata dateModified"),
            *((self.metas.get(key), f"meta {key}") for key in _UPDATE_KEYS)), _date)

    def section(self) -> tuple[str, str] | None:
        return _first_value((
            (_first(self.article.get("articleSection")), "json-ld articleSection"),
            *((self.metas.get(key), f"meta {key}") for key in _SECTION_KEYS)), _text)


def read_meta(root) -> Meta:
    """The page's metadata (call before scripts and ``<head>`` are dropped)."""
    markup = Markup(root)
    layout = Layout(root)
    titles = markup.titles()
    heading = headline(layout, [t for t, _ in titles], markup.sites)
    values: dict[str, Any] = {}
    found: dict[str, str] = {}

    def offer(name: str, read: Callable[[], Any]) -> None:
        """Take ``read()``'s value and source for ``name`` unless a source before it gave one
        (``read`` is only called then: the visible page's readers cost a walk of it)."""
        if name not in values:
            pair = read()
            if pair and pair[0]:
                values[name], found[name] = pair

    offer("title", lambda: _title(titles, heading))
    for read in (markup.published, lambda: machine_date(layout, heading),
                 lambda: written_date(layout, heading), lambda: dateline(layout),
                 lambda: (url_date(markup.url), "the URL"),
                 markup.updated):
        offer("published", read)
    offer("authors", markup.authors)
    offer("authors", lambda: byline(layout, heading, markup.sites))
    offer("url", lambda: (markup.url, "link canonical" if markup.canonical else "meta url"))
    offer("url", lambda: (_url(markup.article.get("url") or markup.article.get("mainEntityOfPage")),
                          "json-ld url"))
    offer("section", markup.section)
    return Meta(values.get("title"), values.get("published"), tuple(values.get("authors", ())),
                values.get("url"), values.get("section"), found)


def _title(titles: list[tuple[str, str]], heading) -> tuple[str, str] | None:
    """The JSON-LD or microdata headline where there is one (the publisher's own record of
    it). Else the visible headline, when the first other title (OpenGraph's, the
    ``<title>``) agrees with it: that one is then a variant of it, written for sharing or
    carrying the site's name. When they disagree, the ``<h1>`` is a label (the blog's name,
    a section's) and the markup's title stands, unless that is a ``<title>`` shorter than
    the heading."""
    if titles and titles[0][1] in _HEADLINES:
        return titles[0]
    text = heading_text(heading, [t for t, _ in titles]) if heading is not None else None
    if text and (not titles or agreement(text, [titles[0][0]]) >= AGREEMENT
                 or (titles[0][1] == "<title>" and _longer(text, titles[0][0]))):
        return text, f"<{heading.tag}> (the visible headline)"
    return titles[0] if titles else None


def _longer(heading: str, title: str) -> bool:
    """Has the heading more words than the ``<title>`` (which is then too short to be the
    headline: a one-word placeholder, the site's name)?"""
    return len(heading.split()) > len(title.split())


_HEADLINES = ("json-ld headline", "microdata headline")


def read_article_meta(element, page: Meta | None = None) -> Meta:
    """The metadata of one of several articles on a page: its own headline and ``<time>``,
    then what ``page`` says (for the first article, which the page's metadata describes)."""
    heading = next(element.iter("h1", "h2", "h3"), None)
    title = tidy(heading.text_content()) if heading is not None else None
    published = next(filter(None, (_date(t.get("datetime")) for t in element.iter("time"))), None)
    if page is None:
        return Meta(title, published)
    return Meta(title or page.title, published or page.published, page.authors, page.url,
                page.section)


def _first_value(pairs, read: Callable[[Any], str | None]) -> tuple[str, str] | None:
    for value, where in pairs:
        value = read(value)
        if value:
            return value, where
    return None


def _meta_tags(root) -> dict[str, str]:
    """The ``<meta>`` tags by lowercase name (the first of each), and the ``<title>``."""
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = meta.get("content") or meta.get("datetime")
        if key and value and value.strip():
            metas.setdefault(key.strip().lower(), value.strip())
    title = root.find(".//title")
    if title is not None and title.text:
        metas["<title>"] = title.text
    return metas


_ITEMPROPS = etree.XPath("//body//*[@itemprop]")
_RDFA = etree.XPath("//body//*[@property and @content]")
#: RDFa vocabularies whose names the <meta> keys write with a dot (``dc.date``).
_RDFA_PREFIXES = ("dc:", "dcterms:", "schema:")


def _rdfa(root) -> dict[str, str]:
    """RDFa on any element of the body (``<span property="dc:date" content=...>``), keyed
    as the ``<meta>`` tags are (``dc.date``)."""
    found: dict[str, str] = {}
    for element in _RDFA(root):
        for key in element.get("property", "").lower().split():
            found.setdefault(key.replace(":", ".", 1) if key.startswith(_RDFA_PREFIXES) else key,
                             element.get("content", "").strip())
    return found


def _microdata(root) -> dict[str, Any]:
    """The first ``headline``, ``datePublished`` and ``dateModified`` of the page's
    microdata, and the names of its ``author`` items."""
    found: dict[str, Any] = {}
    authors: list[str] = []
    scope = None  # the item the first author belongs to: other items' authors are not ours
    for element in _ITEMPROPS(root):
        prop = element.get("itemprop", "")
        if "author" in prop.split():
            item = _item_of(element)
            scope = item if scope is None else scope
            if item is not scope:
                continue
            named = element.find(".//*[@itemprop='name']")
            source = named if named is not None else element
            authors.append(source.get("content") or source.text_content())
            continue
        for key in ("headline", "datePublished", "dateModified"):
            if key in prop.split() and key not in found:
                found[key] = (element.get("content") or element.get("datetime")
                              or element.get("title") or element.text_content())
    found["author"] = tuple(a for a in authors if a and a.strip())
    return found


def _item_of(element):
    """The microdata item a property belongs to: its nearest ``itemscope`` ancestor."""
    return next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)


def _attr(element, name: str) -> str | None:
    return element.get(name) if element is not None else None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    """A JSON-LD value as text (a list's first item), tidied."""
    value = _first(value)
    return tidy(value) if isinstance(value, str) else None


def _date(value: Any) -> str | None:
    """An ISO date or datetime from a machine-readable stamp (or, failing that, any date)."""
    value = _first(value)
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        stamp = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith("Z") else value)
    except ValueError:
        return parse_date(value)
    if len(value) <= 10:
        return stamp.date().isoformat()
    return stamp.replace(microsecond=0).isoformat()


def _url(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, str) and value.strip().startswith(("http://", "https://")):
        return value.strip()
    return None
