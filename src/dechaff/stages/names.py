"""Titles and people's names as pages give them, made fit for a record.

Markup carries the same headline and byline in several places, each with its own dirt:
escaped entities and soft hyphens in JSON-LD, the site's name glued to the ``<title>``, a
"By" and a job title around the names in a byline, an e-mail address, the agency's initials
in brackets, the site itself named as the author. These functions take that dirt off, and
say when nothing of a name is left.

>>> clean_title("Bridge &#8216;to close&#8217; | Riverton Post", {"riverton post"})
'Bridge ‘to close’'
>>> people(["By Jane Roe and JOHN DOE, Staff Writer (jr)"])
('Jane Roe', 'JOHN DOE')
>>> people(["Von Anna Fink | Riverton Post", "news@post.example"], {"riverton post"})
('Anna Fink',)
"""

from __future__ import annotations

import html
from typing import Iterable

import regex

_INVISIBLE = regex.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE = regex.compile(r"\s+")
#: A title's separators between headline and site name (a plain hyphen only between spaces).
_PARTS = regex.compile(r"\s+(?:[|–—·•»:]|-{1,2}|::)\s+|\s*[|·•»]\s*")
#: The last part of a ``<title>``, after a separator between spaces.
_SUFFIX = regex.compile(r"\s+(?:[|–—]|-|::|»)\s+[^|–—]{1,60}$")
_EMAIL = regex.compile(r"\S+@\S+\.\w+")
_URL = regex.compile(r"(?:https?://|www\.)\S+")
#: Initials, an agency's or a desk's short code, in brackets: ``(jr)``, ``[dpa]``.
_BRACKETED = regex.compile(r"[(\[]\s*[\p{L}./&-]{1,6}\s*[)\]]")
_BY = regex.compile(
    r"^(?:(?:written|posted|reported|published|words|text|story|photos?|report)\s+)?"
    r"(?:by|von|por|par|oleh|door|di|da|de|av|af|texto|text|autor|autore|auteur|author|"
    r"redakteur|escrito\s+por|publicado\s+por|geschrieben\s+von)\b\s*:?\s*", regex.IGNORECASE)
_SPLIT = regex.compile(r"\s*[,;|/]\s*|\s+(?:and|und|&|y|e|et|en|dan|og|och|ve|és)\s+",
                       regex.IGNORECASE)
#: Words that make a byline part a role, a desk or an organisation, not a person.
ROLE_WORDS = frozenset("""
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributing columnist senior chief associate producer desk team newsroom
    redaktion redaktionen online agency agencies agentur agenturen nachrichtenagentur
    redacción redaccion rédaction redazione redação redacao redactie editorial news
    press presse wire wires service services media group updated published photo photos
    foto fotos video bild bilder image images live
""".split())
#: A person's name has at most this many words.
MAX_NAME_WORDS = 6


def tidy(text: str | None) -> str | None:
    """Entities unescaped (twice, for a CMS that escaped them again), soft hyphens and
    zero-width characters out, white space collapsed; ``None`` for nothing."""
    if not isinstance(text, str):
        return None
    if "&" in text:
        text = html.unescape(html.unescape(text))
    text = _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()
    return text or None


def squash(text: str) -> str:
    """Letters and digits only, casefolded: how a site's name is compared.

    >>> squash("The Guardian") == squash("theguardian.com".split(".")[0])
    True
    """
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def is_site(text: str, sites: Iterable[str]) -> bool:
    """Is ``text`` one of the site's names (its squashed form equal, or the site's domain
    name with the words run together)?"""
    key = squash(text)
    return bool(key) and any(key == squash(site) for site in sites)


def clean_title(text: str | None, sites: Iterable[str] = (), suffixed: bool = False) -> str | None:
    """A headline: tidied, and a site's name before or after it taken off where ``sites``
    (the names the page gives itself) shows that part to be one. A ``suffixed`` title (a
    ``<title>``, which nearly always ends with the site's name) also loses its last part
    when nothing names the site.

    >>> clean_title("Bridge to close - Riverton Post", suffixed=True)
    'Bridge to close'
    """
    text = tidy(text)
    if not text:
        return None
    sites = [s for s in sites if s]
    separators = list(_PARTS.finditer(text))
    if not separators:
        return text
    parts = _PARTS.split(text)
    if is_site(parts[-1], sites):
        return tidy(text[:separators[-1].start()]) or text
    if is_site(parts[0], sites):
        return tidy(text[separators[0].end():]) or text
    if suffixed and not any(is_site(part, sites) for part in parts):
        return _SUFFIX.sub("", text) or text
    return text


def people(names: Iterable[str], sites: Iterable[str] = ()) -> tuple[str, ...]:
    """The people a byline or an author field names, in order, each once."""
    sites = [s for s in sites if s]
    found: list[str] = []
    for raw in names:
        text = tidy(raw)
        if not text:
            continue
        text = _BRACKETED.sub(" ", _URL.sub(" ", _EMAIL.sub(" ", text)))
        for part in _SPLIT.split(_BY.sub("", text.strip())):
            name = _name(part, sites)
            if name and name.casefold() not in {f.casefold() for f in found}:
                found.append(name)
    return tuple(found)


def _name(part: str, sites: list[str]) -> str | None:
    """One part of a byline as a person's name, or ``None`` when it is not one."""
    name = _BY.sub("", part.strip(" .:-–—()[]'\"")).strip(" .:-–—()[]'\"")
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in name):
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    if any(w.casefold().strip(".") in ROLE_WORDS for w in words) or is_site(name, sites):
        return None
    cased = [w for w in words if w[0].isalpha() and w[0].lower() != w[0].upper()]
    if cased and not any(w[0].isupper() for w in cased):
        return None  # running text in lower case, not a name
    return name
