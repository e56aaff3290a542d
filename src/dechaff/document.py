"""The small frozen values that flow through dechaff: blocks in, proposals from the rules,
records and their changes out. Nothing here imports anything of dechaff's: every floor above
builds on it."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple
from urllib.parse import urlsplit


#: What happened to a piece of text. ``dropped``: a whole block left the body; ``cut``: a span
#: inside a block left it; ``moved``: the text became a field (title, published, sources...);
#: ``repaired``: the text was rewritten (mojibake, entities...); ``split``: an article starts here.
ACTIONS = ("dropped", "cut", "moved", "repaired", "split")
#: The ``reason`` of a move whose text stays in the body too (a dateline that gives the date).
KEPT_IN_BODY = "kept in the body"
#: The actions counted as removals: what left the body or the page (a repair rewrites text
#: in place, a split marks where an article starts).
REMOVALS = ("dropped", "cut", "moved")
#: What a paragraph of a record's body is to a reader, as an HTML page's markup said
#: (:attr:`Record.kinds`): ``""`` a paragraph; ``h1`` to ``h6`` a heading; ``ul`` and ``ol``
#: an item of a bulleted or a numbered list, ``ul2``, ``ol3`` and so on when nested that
#: deep; ``li`` a further line of the item before it (a line break or a second paragraph
#: inside the item).
KINDS = ("", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li")


class Block(NamedTuple):
    """One logical line of the repaired input (immutable; a tuple, as a document has many).

    ``start``/``end`` are offsets in the repaired text; ``paragraph`` numbers the runs of
    non-blank lines, so rules can tell a line that stood alone from one inside a paragraph.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int


class Proposal(NamedTuple):
    """A change a rule asks for (immutable; a tuple, as a document's rules make thousands).

    ``action`` is ``drop`` (the blocks the span touches leave the body), ``cut`` (the span
    leaves the body), ``move`` (the span becomes ``field``; with ``keep`` it also stays in the
    body) or ``boundary`` (an article starts at ``start``). ``ends_article`` says the text
    closes an article, so what follows belongs to the next one.

    The same type serves every phase; what ``start`` and ``end`` count depends on what the
    phase shows its rules: characters of the text (text and article rules), articles of the
    document (articles rules: ``drop`` or ``merge`` articles ``start:end``), or text blocks
    of a page (HTML rules: ``drop`` or ``select`` the element ``target``, whose blocks are
    ``start:end``; an element dropped before the walk reads it has no blocks yet, ``-1``).
    """

    action: str
    start: int
    end: int
    rule: Any
    field: str | None = None
    value: Any = None
    keep: bool = False
    ends_article: bool = False
    reason: str | None = None
    target: Any = None


@dataclass(frozen=True, slots=True)
class Change:
    """One traced change: which rule did what to which text, and where (a removal, a move
    into a field, a repair or a split: :data:`ACTIONS`).

    Offsets are in the repaired input (``Record``'s source after the repair stage); for an
    HTML page, in the repaired text of the article the HTML rules extracted. A removal an
    HTML rule made on the page's markup (``HT`` codes) has no place in that text: its offsets
    are ``-1`` and ``reason`` names the element. For a repair, ``text`` is what stood there
    before and ``replacement`` what stands there now.
    """

    code: str
    name: str
    action: str
    text: str
    start: int
    end: int
    field: str | None = None
    replacement: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


#: The name :class:`Change` had first, kept for the users and plugins that import it.
Removal = Change


@dataclass(frozen=True)
class Record:
    """One clean article.

    ``body`` holds the article's paragraphs separated by one blank line. ``published`` is an
    ISO date (``YYYY-MM-DD``) or datetime when a time is known. ``url`` is the page's
    canonical address, when the input was an HTML page that names it; :attr:`hostname` is
    read from it. ``removals`` lists every change that made this record, when the run was
    asked to explain. ``counts`` counts its removals by rule, ``(code, name)``, as
    ``(removals, characters)``, whether or not the run explains (on an HTML page, the HTML
    rules' removals are counted when the run explains or asks for them: see
    :meth:`~dechaff.pipeline.Cleaner.clean`).
    """

    title: str | None = None
    published: str | None = None
    section: str | None = None
    body: str = ""
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    part: int = 0
    removals: list[Change] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    #: The body's language (ISO 639-1), when the run was asked for it (``Config.language``).
    language: str | None = None
    counts: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict, compare=False,
                                                           repr=False)
    #: The kind of each paragraph of ``body`` (:data:`KINDS`), from an HTML page's headings
    #: and lists; empty when every paragraph is a plain one (any text input). For
    #: :meth:`to_markdown`; ``body`` is the same text either way.
    kinds: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def hostname(self) -> str | None:
        """The host of :attr:`url`, as :func:`hostname` gives it (``None`` without a URL)."""
        return hostname(self.url)

    def to_markdown(self) -> str:
        r"""The record as Markdown: the title as a ``#`` heading, then the body, its headings
        and list items written as Markdown where the HTML page gave them (:attr:`kinds`).

        >>> Record(title="Bridge closes", body="The council voted.\n\nWhat next\n\nA vote"
        ...        "\n\nA survey", kinds=("", "h2", "ol", "ol")).to_markdown()
        '# Bridge closes\n\nThe council voted.\n\n## What next\n\n1. A vote\n2. A survey'
        """
        return markdown(self.title, self.body, self.kinds)

    def to_dict(self, *, removals: bool = True, markdown: bool = False) -> dict[str, Any]:
        """The record as JSON-ready values; ``removals=False`` leaves the trace out, and
        ``markdown=True`` adds the record as Markdown (:meth:`to_markdown`)."""
        data: dict[str, Any] = {
            "title": self.title,
            "published": self.published,
            "section": self.section,
            "authors": list(self.authors),
            "url": self.url,
            "hostname": self.hostname,
            "language": self.language,
            "body": self.body,
            "sources": list(self.sources),
            "part": self.part,
        }
        if self.flags:
            data["flags"] = list(self.flags)
        if removals:
            data["removals"] = [r.to_dict() for r in self.removals]
        if markdown:
            data["markdown"] = self.to_markdown()
        return data


#: The start of a paragraph that Markdown would read as a heading, a quote, a list item or a
#: rule: escaped by a backslash where it stands in a plain paragraph.
_MARKUP = re.compile(r"#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|(?=[-*_]{3,}\s*$)")


def markdown(title: str | None, body: str, kinds: tuple[str, ...] = ()) -> str:
    r"""A record as Markdown: ``title`` as a ``#`` heading, then the paragraphs of ``body`` as
    their ``kinds`` say (:data:`KINDS`; plain paragraphs when ``kinds`` does not fit the
    body). A heading's level is its tag's, two at least (one is the title's); a list's items
    stand on consecutive lines, a nested one indented four spaces a level, a numbered one
    counted from 1; a plain paragraph that Markdown would read as markup is escaped.

    >>> print(markdown(None, "Steps\n\nFlour\n\nrye or wheat\n\nEggs\n\n1999 was dry.",
    ...                ("h3", "ul", "ul2", "ul", "")))
    ### Steps
    <BLANKLINE>
    - Flour
        - rye or wheat
    - Eggs
    <BLANKLINE>
    1999 was dry.
    >>> markdown(None, "# not a heading\n\n2. not an item")
    '\\# not a heading\n\n2\\. not an item'
    """
    paragraphs = body.split("\n\n") if body else []
    if len(kinds) != len(paragraphs):
        kinds = ("",) * len(paragraphs)
    out = [f"# {title}"] if title else []
    numbers: list[int] = []  # the count of each open list level, outermost first
    indent = ""
    for text, kind in zip(paragraphs, kinds):
        if kind == "li" and numbers:
            out[-1] += "\n" + indent + text
            continue
        if kind[:2] in ("ul", "ol"):
            depth = int(kind[2:] or 1)
            del numbers[depth:]
            numbers += [0] * (depth - len(numbers))
            numbers[-1] += 1
            marker = f"{numbers[-1]}. " if kind[:2] == "ol" else "- "
            line = "    " * (depth - 1) + marker + text
            indent = " " * len(line[:len(line) - len(text)])
            if out and numbers != [1]:
                out[-1] += "\n" + line
            else:
                out.append(line)
            continue
        numbers = []
        if kind[:1] == "h":
            out.append("#" * max(2, int(kind[1:])) + " " + text)
        else:
            out.append(_MARKUP.sub(_escaped, text, count=1) if _MARKUP.match(text) else text)
    return "\n\n".join(out)


def _escaped(match: re.Match) -> str:
    found = match.group()
    return "\\" + found if not found.isdigit() else found + "\\"


def counted(changes: list[Change]) -> dict[tuple[str, str], tuple[int, int]]:
    """The removals among ``changes``, by rule: how many, and the characters they took out of
    the body (a move that keeps its text there takes none)."""
    counts: dict[tuple[str, str], tuple[int, int]] = {}
    for r in changes:
        if r.action in REMOVALS:
            n, chars = counts.get((r.code, r.name), (0, 0))
            counts[(r.code, r.name)] = (n + 1, chars + (0 if r.reason == KEPT_IN_BODY else len(r.text)))
    return counts


def added(a: dict[tuple[str, str], tuple[int, int]], b: dict[tuple[str, str], tuple[int, int]]
          ) -> dict[tuple[str, str], tuple[int, int]]:
    """Two counts of removals by rule, summed."""
    out = dict(a)
    for key, (n, chars) in b.items():
        m, c = out.get(key, (0, 0))
        out[key] = (m + n, c + chars)
    return out


def hostname(url: str | None) -> str | None:
    """The host a URL names: lower-cased, without user, password, port or a leading ``www.``.

    Trafilatura's ``hostname`` drops the ``www.`` too, so the two tools' hostnames of a page
    agree; other subdomains are kept (trafilatura's regex also drops some of those, by the
    length of their labels), so ``news.example.com`` and ``sport.example.com`` stay apart.
    ``None`` when there is no URL, or no host in it (a relative address, a malformed one).

    >>> hostname("https://WWW.Example.com:8080/news/a-story?id=1")
    'example.com'
    >>> hostname("https://news.example.co.uk/a"), hostname("www.example.com/a")
    ('news.example.co.uk', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed address ("http://[::1"): no host to read
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") and len(host) > 4 else host
