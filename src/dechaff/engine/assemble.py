"""Assemble: one record per article, its fields from the moves, its trace from the ledger;
and an HTML page's records, with the page's own metadata."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Any, Iterable

from ..document import KEPT_IN_BODY, Change, Proposal, Record, added, counted
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
                 explain: bool, kinds: list[str] | None = None) -> None:
        self.ledger = ledger
        self.text = ledger.doc.text
        blocks = ledger.doc.blocks
        #: The kind of each paragraph of the text, when given and the repair stage left the
        #: paragraphs as they were given (else every paragraph is plain).
        self.kinds = kinds if kinds and blocks and blocks[-1].paragraph + 1 == len(kinds) else None
        self.articles = articles
        self.starts = [a.start for a in articles]
        self.places = {id(a): i for i, a in enumerate(articles)}
        self.explain = explain
        self.fields: list[list[Proposal]] = [[] for _ in articles]
        self.trace: list[list[Change]] = [[] for _ in articles]
        #: Each article's removals by rule, ``(code, name) -> [removals, characters]``,
        #: counted whether or not the trace is built (what ``Record.counts`` holds).
        self.counts: list[dict[tuple[str, str], list[int]]] = [{} for _ in articles]
        for p in ledger.moves:
            self.fields[self.owner(p.start)].append(p)
        self._removals(explain)
        if explain:
            self._trace(repairs)

    def span(self, article: Article) -> tuple[int, int]:
        """Where an article's text lies: up to where the next article starts."""
        i = self.places[id(article)]
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return article.start if i else 0, end

    def owner(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def _removals(self, explain: bool) -> None:
        """Count (and, with ``explain``, trace) what the ledger took from the text: dropped
        and moved lines, cuts, moves that keep their text, punctuation left over by cuts."""
        doc, ledger, text = self.ledger.doc, self.ledger, self.text
        found: list[tuple[Proposal, int, int, str, str | None]] = []
        for index, p in ledger.claimed.items():
            block = doc.blocks[index]
            found.append((p, block.start, block.end, "moved" if p.action == "move" else "dropped",
                          p.reason))
        found.extend((p, p.start, p.end, _ACTION[p.action], p.reason) for p in ledger.cuts)
        found.extend((p, p.start, p.end, "moved", KEPT_IN_BODY) for p in ledger.moves if p.keep)
        found.extend((p, start, end, "cut", "left over from a cut")
                     for p, start, end in ledger.leftovers)
        size = len(text)
        for p, start, end, action, reason in found:
            self.count(p, start, max(0, min(end, size) - start), reason)
            if explain:
                self.add(Change(p.rule.code, p.rule.name, action, text[start:end], start, end,
                                field=p.field, reason=reason))

    def count(self, p: Proposal, start: int, chars: int, reason: str | None) -> None:
        """Count one removal of ``p``'s rule at ``start``, of ``chars`` characters (none for
        a move that keeps its text in the body)."""
        counts = self.counts[self.owner(start)]
        key = (p.rule.code, p.rule.name)
        found = counts.get(key)
        if found is None:
            found = counts[key] = [0, 0]
        found[0] += 1
        found[1] += 0 if reason == KEPT_IN_BODY else chars

    def _trace(self, repairs: list[Change]) -> None:
        text = self.text
        for r in repairs:
            self.add(r)
        for article in self.articles[1:]:
            if article.opened_by is not None:
                p = article.opened_by
                self.add(Change(p.rule.code, p.rule.name, "split", text[article.start:article.start + 80]
                                 .split("\n")[0], article.start, article.start, reason="article starts here"))

    def add_piece(self, p: Proposal, piece) -> None:
        """Count, and trace when the run explains, an article rule's decision on a piece
        (which may be part of a line)."""
        if self.explain:
            self.add(Change(p.rule.code, p.rule.name, _ACTION[p.action], piece.text, piece.start,
                            piece.end, field=p.field, reason=p.reason))
        if p.action in _ACTION:
            self.count(p, piece.start, len(piece.text), p.reason)

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
                      authors=lists["authors"], part=part, removals=trace, flags=list(flags),
                      counts={key: (n, chars) for key, (n, chars) in self.counts[i].items()},
                      kinds=self.kinds_of([piece.block for piece in article.pieces]))

    def kinds_of(self, blocks: list[int]) -> tuple[str, ...]:
        """The kinds (:data:`~dechaff.document.KINDS`) of the body paragraphs made of these
        blocks of the text, one each: their paragraph's, where a line of a list item that
        follows its first (a ``<br>`` inside it) is ``li``, the rest of that item."""
        if self.kinds is None:
            return ()
        lines, kinds = self.ledger.doc.blocks, self.kinds
        out: list[str] = []
        previous = -1
        for index in blocks:
            paragraph = lines[index].paragraph
            kind = kinds[paragraph]
            out.append("li" if paragraph == previous and kind[:1] in ("u", "o") else kind)
            previous = paragraph
        return tuple(out) if any(out) else ()


#: The flag of a page whose markup names an article but whose text gave none.
NO_TEXT = "no article text found on the page: the record holds its metadata only"


def with_page_meta(records: list[Record], meta: Meta, trace: list[Change], part: int,
                   explain: bool = True) -> list[Record]:
    """The records of an HTML page's article with what the page's metadata says (its title,
    date, URL and authors win; the text's section wins), numbered from ``part``; the first
    counts ``trace``, the HTML phase's changes, and carries it when the run explains."""
    found = []
    for record in records:
        found.append(replace(
            record, part=part + len(found), title=meta.title or record.title,
            published=meta.published or record.published, section=record.section or meta.section,
            authors=list(meta.authors) or record.authors, url=meta.url or record.url,
            removals=trace + record.removals if explain else record.removals,
            counts=added(counted(trace), record.counts) if trace else record.counts))
        trace = []
    return found


def metadata_record(meta: Meta, trace: list[Change], notes: list[str], explain: bool = True
                    ) -> list[Record]:
    """A page that gave no article text but names one in its metadata: a record of its
    metadata alone, flagged (none when the metadata names neither a title nor a date); it
    counts ``trace``, and carries it when the run explains."""
    if not (meta.title or meta.published):
        return []
    return [Record(title=meta.title, published=meta.published, section=meta.section,
                   authors=list(meta.authors), url=meta.url,
                   removals=list(trace) if explain else [], flags=[*notes, NO_TEXT],
                   counts=counted(trace))]
