"""The engine: the one place that runs rules, checks and applies what they propose, keeps
the ledger of decisions, splits, settles, guards and assembles the records.

Rules run in phases, each of one kind of rule (:mod:`dechaff.rules.base`):

- **html** (:mod:`.html`): on a page's elements, before and after the walk reads them;
- **text** (:mod:`.passes`): on the whole text, in passes; their proposals become the
  ledger's decisions (:mod:`.apply`), whose markers split the text into articles
  (:mod:`.split`);
- **articles** (:mod:`.settle`): on the list of articles, to drop or merge some;
- **article** (:mod:`.article`): on one article at a time.

Then each article becomes a record (:mod:`.assemble`), unless the over-removal guard
(:mod:`.guard`) keeps it as it was. Every proposal is checked first (:mod:`.validate`), and
whatever a rule raises names the rule (:mod:`.run`).
"""

from __future__ import annotations

from .. import limits
from ..config import Config
from ..document import Change, Record
from ..rules.base import Rule
from ..text import TextView
from ..triggers import Keywords
from .apply import pieces
from .article import article_phase
from .assemble import Assembler
from .guard import guard
from .html import HtmlPhase
from .passes import text_passes
from .settle import settle
from .split import split


class Engine:
    """The rules of one configuration, by phase, ready to run on texts and pages."""

    def __init__(self, rules: list[Rule], config: Config) -> None:
        self.explain = config.explain
        self.max_removed_share = config.max_removed_share
        phase = {name: [r for r in rules if r.phase == name]
                 for name in ("text", "article", "articles", "html")}
        #: The rules of each text phase: for a text (``False``), and for the text of an
        #: HTML page's article (``True``: the rules that read pages).
        self.rules = {False: {name: phase[name] for name in ("text", "article", "articles")},
                      True: {name: [r for r in phase[name] if r.on_pages]
                             for name in ("text", "article", "articles")}}
        self.html = HtmlPhase(phase["html"])
        #: Every text rule's keywords in one automaton: a text is scanned for them once.
        self.keywords = Keywords(w for r in phase["text"] for w in getattr(r, "keywords", ()))

    def records(self, text: str, repairs: list[Change], notes: list[str], split_articles: bool,
                run: limits.Run, page: bool = False, kinds: list[str] | None = None
                ) -> list[Record]:
        """The records of a repaired text (or of the text of an article of an HTML ``page``,
        for the rules that read pages); ``kinds``, the kind of each of the text's paragraphs
        (an HTML page's headings and list items), give the records' :attr:`Record.kinds`."""
        rules = self.rules[page]
        doc = TextView(text, keywords=self.keywords)
        ledger = text_passes(doc, rules["text"], run)
        articles = split(pieces(ledger), ledger.markers, enabled=split_articles)
        articles, dropped = settle(articles, rules["articles"], doc, run)
        run.check("splitter")
        assembler = Assembler(ledger, articles, repairs, self.explain, kinds)
        records = []
        for i, article in enumerate(articles):
            extra = article_phase(article, doc, assembler, rules["article"], run)
            for proposal, piece in dropped[i]:
                assembler.add_piece(proposal, piece)
            record = assembler.record(i, len(records), extra, flags=notes)
            guarded = guard(record, article, doc, assembler, dropped[i], self.max_removed_share)
            if guarded is record and not (article.pieces or extra or assembler.fields[i]):
                continue  # nothing of an article here: no text, no field
            records.append(guarded)
        return records
