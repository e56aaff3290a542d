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
from functools import lru_cache
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
#: What a byline says before the names: "By", "Von", "Posted by", "Eingestellt von"...
#: (``di``, ``da`` and ``de`` only in lower case: in upper case they start a surname).
_BY = regex.compile(
    r"^(?:(?i:post\s+author|posted|written|reported|published|words|text|story|photos?|report|"
    r"eingestellt|veröffentlicht|geschrieben|verfasst|erstellt|publicado|escrito|publié|écrit|"
    r"scritto|pubblicato|geplaatst|zeige\s+alle\s+beiträge)\s+)?"
    r"(?:(?i:by|von|por|par|oleh|door|av|af|texto|text|autor|autorin|autore|auteur|author|"
    r"redakteur|redakteurin)|di|da|de)\b\s*:?\s*")
_SPLIT = regex.compile(r"\s*[,;|/]\s*|\s+(?:and|und|&|y|e|et|en|dan|og|och|ve|és)\s+",
                       regex.IGNORECASE)
#: Words that make a byline part a role, a desk or a label, not a person.
ROLE_WORDS = frozenset("""
    staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributing columnist senior chief associate producer desk team newsroom
    redaktion redaktionen online agency agencies agentur agenturen nachrichtenagentur
    redacción redaccion rédaction redazione redação redacao redactie editorial news
    wire wires service services media group updated published photo photos
    foto fotos video bild bilder image images live chefredakteur chefredakteurin experte
    expertin autor autorin author posted posts veröffentlicht datum date quelle source share
    unknown admin administrator user phd md
""".split())
#: Words that make a whole author field an organisation's (its address parts too).
ORGANISATION_WORDS = frozenset("gmbh ag e.v. ev inc inc. ltd ltd. llc plc verlag kg co. sa srl "
                               "s.a. s.l. bv b.v. gbr ug".split())
#: Lower-case words a person's name may hold ("Ursula von der Leyen"); any other is prose.
PARTICLES = frozenset("von van der den de da di du la le del della dos das do bin al ibn ter "
                      "zu zur y e ten".split())
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


@lru_cache(maxsize=4096)
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
        if any(w.casefold().strip(",;") in ORGANISATION_WORDS for w in text.split()):
            continue  # a company (and its address), not people
        for part in _SPLIT.split(_BY.sub("", text.strip())):
            name = _name(part, sites)
            if name and name.casefold() not in {f.casefold() for f in found}:
                found.append(name)
    return tuple(found)


def _is_role(word: str) -> bool:
    """Is the word (or a part of a hyphenated one: ``Online-Experte``) a role's?"""
    return any(piece in ROLE_WORDS for piece in word.casefold().strip(".,").split("-"))


def _without_roles(words: list[str]) -> list[str]:
    """A name less the roles that stand before or after it ("Chefredakteur", "Online-Experte").

    >>> _without_roles("FOCUS-Online-Experte Robin Roe Chefredakteur".split())
    ['Robin', 'Roe']
    """
    kept = list(words)
    while kept and _is_role(kept[0]):
        kept = kept[1:]
    while kept and _is_role(kept[-1]):
        kept = kept[:-1]
    return kept if len(kept) >= 2 else words  # one word left: a desk ("Guardian staff")


def _name(part: str, sites: list[str]) -> str | None:
    """One part of a byline as a person's name, or ``None`` when it is not one."""
    name = _BY.sub("", part.strip(" .:-–—()[]'\"")).strip(" .:-–—()[]'\"")
    words = _without_roles(name.split())
    name = " ".join(words)
    if not words or len(words) > MAX_NAME_WORDS or any(ch.isdigit() for ch in name):
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    if any(_is_role(w) for w in words) or is_site(name, sites):
        return None
    cased = [w for w in words if w[0].isalpha() and w[0].lower() != w[0].upper()]
    if cased and not all(w[0].isupper() or w in PARTICLES for w in cased):
        return None  # running text ("is a full-stack engineer"), not a name
    if cased and all(w in PARTICLES for w in cased):
        return None
    return name
