"""HTML in: the article's metadata, from what the page says about itself.

Read in this order of trust: JSON-LD (``NewsArticle`` and its kin, also inside ``@graph``),
then OpenGraph and article ``<meta>`` tags, then the page's ``<time>`` and ``<h1>``, then its
``<title>``. Dates become ISO values like the text rules' dates.
"""

from __future__ import annotations

import json
from datetime import datetime
from dataclasses import dataclass, field
from typing import Any, Iterator

import regex

from ..dates import parse_date

#: schema.org types whose object describes the article itself.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
    "blogposting", "liveblogposting", "techarticle", "scholarlyarticle", "report",
    "satiricalarticle", "socialmediaposting", "posting"})
_DATE_KEYS = ("article:published_time", "og:article:published_time", "published_time",
              "datepublished", "article:published", "pubdate", "publishdate", "publish-date",
              "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
              "dcterms.created", "dcterms.date", "article.published", "date", "og:published_time")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "byl")
_TITLE_KEYS = ("og:title", "twitter:title")
_URL_KEYS = ("og:url",)
_SECTION_KEYS = ("article:section", "parsely-section")
_SITE_SUFFIX = regex.compile(r"\s+(?:[|–—]|-|::|»)\s+[^|–—]{1,60}$")
_BY = regex.compile(r"^(?i:by|por|von|par|oleh)\s+")


@dataclass(frozen=True)
class Meta:
    """What the page's markup says of its article."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    section: str | None = None
    found: dict[str, str] = field(default_factory=dict)  # field -> where it was read


def read_meta(root) -> Meta:
    """The page's metadata (call before scripts and ``<head>`` are dropped)."""
    values: dict[str, Any] = {}
    found: dict[str, str] = {}

    def offer(name: str, value: Any, where: str) -> None:
        if value and name not in values:
            values[name], found[name] = value, where

    for item in _json_ld(root):
        offer("title", _clean(item.get("headline") or item.get("name")), "json-ld")
        offer("published", _date(item.get("datePublished") or item.get("dateCreated")), "json-ld")
        offer("authors", _people(item.get("author") or item.get("creator")), "json-ld")
        offer("url", _url(item.get("url") or item.get("mainEntityOfPage")), "json-ld")
        offer("section", _clean(_first(item.get("articleSection"))), "json-ld")
    metas = _meta_tags(root)
    for key in _DATE_KEYS:
        offer("published", _date(metas.get(key)), f"meta {key}")
    for key in _AUTHOR_KEYS:
        value = metas.get(key)
        if value and "://" not in value:
            offer("authors", tuple(_BY.sub("", a).strip() for a in regex.split(r"\s*[,;]\s*|\s+and\s+", value)
                                   if a.strip()), f"meta {key}")
    canonical = root.find(".//link[@rel='canonical']")
    if canonical is not None:
        offer("url", _url(canonical.get("href")), "link canonical")
    for key in _URL_KEYS:
        offer("url", _url(metas.get(key)), f"meta {key}")
    for key in _SECTION_KEYS:
        offer("section", _clean(metas.get(key)), f"meta {key}")
    body = root.find("body")
    if body is not None:
        for time in body.iter("time"):
            stamp = _date(time.get("datetime"))
            if stamp:
                offer("published", stamp, "<time>")
                break
        h1 = next(body.iter("h1"), None)
        if h1 is not None:
            offer("title", _clean(h1.text_content()), "<h1>")
    for key in _TITLE_KEYS:
        offer("title", _clean(metas.get(key)), f"meta {key}")
    title = root.find(".//title")
    if title is not None and title.text:
        offer("title", _clean(_SITE_SUFFIX.sub("", title.text.strip())), "<title>")
    return Meta(values.get("title"), values.get("published"), tuple(values.get("authors", ())),
                values.get("url"), values.get("section"), found)


def read_article_meta(element, page: Meta | None = None) -> Meta:
    """The metadata of one of several articles on a page: its own headline and ``<time>``,
    then what ``page`` says (for the first article, which the page's metadata describes)."""
    heading = next(element.iter("h1", "h2", "h3"), None)
    title = _clean(heading.text_content()) if heading is not None else None
    published = next(filter(None, (_date(t.get("datetime")) for t in element.iter("time"))), None)
    if page is None:
        return Meta(title, published)
    return Meta(title or page.title, published or page.published, page.authors, page.url,
                page.section)


def _json_ld(root) -> Iterator[dict]:
    """The article objects of the page's JSON-LD scripts, in page order."""
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        for junk in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
            raw = raw.replace(junk, "")
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        yield from _articles(data, depth=0)


def _articles(data: Any, depth: int) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _articles(item, depth + 1)
    elif isinstance(data, dict):
        kinds = data.get("@type")
        kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
        if any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds):
            yield data
        if "@graph" in data:
            yield from _articles(data["@graph"], depth + 1)


def _meta_tags(root) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = meta.get("content") or meta.get("datetime")
        if key and value:
            metas.setdefault(key.strip().lower(), value.strip())
    return metas


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


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


def _people(value: Any) -> tuple[str, ...]:
    """Author names from a JSON-LD ``author``: a name, a person, or a list of them
    (organisations are publishers, not authors)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            if str(item.get("@type", "")).lower() == "organization":
                continue
            item = item.get("name")
        name = _clean(item)
        if name and "://" not in name and name not in names:
            names.append(name)
    return tuple(names)
