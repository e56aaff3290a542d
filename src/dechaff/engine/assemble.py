"""Assemble: one record per article, its fields from the moves, its trace from the ledger;
and an HTML page's records, with the page's own metadata."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Any, Iterable

from ..document import KEPT_IN_BODY, Change, Proposal, Record
from ..stages.meta import Meta
from .apply import Ledger
from .split import Article

_ACTION = {"drop": "dropped", "cut": "cut", "move": "moved"}


def removal(p: Proposal, text: str, start: int | None = None, end: int | None = None,
            action: str | None = None, reason: str | None = None) -> Change:
    start = p.start if start is None else start
    end = p.end if end is None else end
    return Change(p.rule.code, p.rule.name, action or _ACTION[p.action], text[start:end], start,
                   end, field=p.field, reason=reason or p.reason)


class Assembler:
    """Builds the records of one document."""

    def __init__(self, ledger: Ledger, articles: list[Article], repairs: list[Change],
                 explain: bool) -> None:
        self.ledger = ledger
        self.text = ledger.doc.text
        self.articles = articles
        self.starts = [a.start for a in articles]
        self.places = {id(a): i for i, a in enumerate(articles)}
        self.explain = explain
        self.fields: list[list[Proposal]] = [[] for _ in articles]
        self.trace: list[list[Change]] = [[] for _ in articles]
        for p in ledger.moves:
            self.fields[self.owner(p.start)].append(p)
        if explain:
            self._trace(repairs)

    def span(self, article: Article) -> tuple[int, int]:
        """Where an article's text lies: up to where the next article starts."""
        i = self.places[id(article)]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return article.start if i else 0, end

    def owner(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def _trace(self, repairs: list[Change]) -> None:
        doc, text = self.ledger.doc, self.text
        for index, p in self.ledger.claimed.items():
            block = doc.blocks[index]
            self.add(removal(p, text, block.start, block.end,
                             action="moved" if p.action == "move" else "dropped"))
        for p in self.ledger.cuts:
            self.add(removal(p, text))
        for p in self.ledger.moves:
            if p.keep:
                self.add(removal(p, text, action="moved", reason=KEPT_IN_BODY))
        for p, start, end in self.ledger.leftovers:
            self.add(removal(p, text, start, end, action="cut", reason="left over from a cut"))
        for r in repairs:
            self.add(r)
        for article in self.articles[1:]:
            if article.opened_by is not None:
                p = article.opened_by
                self.add(Change(p.rule.code, p.rule.name, "split", text[article.start:article.start + 80]
                                 .split("\n")[0], article.start, article.start, reason="article starts here"))

    def add_piece(self, p: Proposal, piece) -> None:
        """Trace an article rule's decision on a piece (which may be part of a line)."""
        self.add(Change(p.rule.code, p.rule.name, _ACTION[p.action], piece.text, piece.start,
                         piece.end, field=p.field, reason=p.reason))

    def add(self, r: Change) -> None:
        self.trace[self.owner(r.start)].append(r)

    def record(self, i: int, part: int, extra: Iterable[Proposal] = (),
               flags: Iterable[str] = ()) -> Record:
        article = self.articles[i]
        values: dict[str, Any] = {"title": None, "published": None, "section": None}
        lists: dict[str, list[str]] = {"sources": [], "authors": []}
        for p in sorted([*self.fields[i], *extra], key=lambda p: p.start):
            if p.field in lists:
                items = p.value if isinstance(p.value, list) else [p.value]
                lists[p.field].extend(v for v in items if v and v not in lists[p.field])
            elif p.field in values and values[p.field] is None:
                values[p.field] = p.value
        body = "\n\n".join(piece.text for piece in article.pieces)
        trace = sorted(self.trace[i], key=lambda r: (r.start, r.end)) if self.explain else []
        return Record(title=values["title"], published=values["published"],
                      section=values["section"], body=body, sources=lists["sources"],
                      authors=lists["authors"], part=part, removals=trace, flags=list(flags))


#: The flag of a page whose markup names an article but whose text gave none.
NO_TEXT = "no article text found on the page: the record holds its metadata only"


def with_page_meta(records: list[Record], meta: Meta, trace: list[Change], part: int
                   ) -> list[Record]:
    """The records of an HTML page's article with what the page's metadata says (its title,
    date, URL and authors win; the text's section wins), numbered from ``part``; the first
    carries ``trace``, the HTML phase's changes."""
    found = []
    for record in records:
        found.append(replace(
            record, part=part + len(found), title=meta.title or record.title,
            published=meta.published or record.published, section=record.section or meta.section,
            authors=list(meta.authors) or record.authors, url=meta.url or record.url,
            removals=trace + record.removals))
        trace = []
    return found


def metadata_record(meta: Meta, trace: list[Change], notes: list[str]) -> list[Record]:
    """A page that gave no article text but names one in its metadata: a record of its
    metadata alone, flagged (none when the metadata names neither a title nor a date)."""
    if not (meta.title or meta.published):
        return []
    return [Record(title=meta.title, published=meta.published, section=meta.section,
                   authors=list(meta.authors), url=meta.url, removals=list(trace),
                   flags=[*notes, NO_TEXT])]
