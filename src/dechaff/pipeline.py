"""The pipeline: decode -> repair -> blocks -> rules -> split -> records.

Each stage is a plain function in :mod:`dechaff.stages`; :class:`Cleaner` holds a run's
configuration and its rules, and passes one document through the stages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from bs4 import Tag

from . import limits
from . import rules as _builtin  # noqa: F401  (registers the built-in rules)
from .config import Config
from .document import Record, Removal
from .errors import ConfigError, RuleError
from .packs import load_pack
from .rules import registry
from .rules.base import Proposal, Rule
from .shapes import is_body, is_headline, word_count
from .stages.apply import Ledger, apply_proposals, pieces
from .stages.assemble import Assembler
from .stages.blocks import Doc
from .stages.decode import decode
from .stages.extract import Extractor, describe, parse, prepare
from .stages.html import looks_like_html
from .stages.meta import Meta, read_article_meta, read_meta
from .stages.repair import FIXES, repair
from .stages.split import Article, split
from .stages.validate import collect

#: Anything that may open a tag, a comment or a declaration.
_TAG = re.compile(r"<[A-Za-z!?/]")
#: The rules that take back splits: what is left after a closing footer, and stubs.
AFTER_END = "ST04"
TEASER = "ST06"
#: The rule that reads a page's own metadata (its markup and layout).
METADATA = "HT14"
#: The flag of a page whose markup names an article but whose text gave none.
NO_TEXT = "no article text found on the page: the record holds its metadata only"
#: The over-removal guard looks after articles with at least this many words of paragraphs.
GUARD_MIN_WORDS = 50
#: Most passes of the text rules over one document (each pass sees the last one's cuts, and
#: they stop as soon as one finds nothing new: noise nested three deep needs a fourth).
MAX_PASSES = 6


def _key(p: Proposal) -> tuple:
    return (p.rule.code, p.action, p.start, p.end)


def _to_source(doc: Doc):
    """A function that moves a proposal made on a compacted ``doc`` to the source's offsets."""
    origin = doc.origin

    def move(p: Proposal) -> Proposal:
        start, end = origin.span(p.start, p.end)
        return p._replace(start=start, end=start if p.action == "boundary" else end)

    return move


def _breaks_line(p: Proposal, doc: Doc) -> bool:
    """Does this cut leave the rest of its line to start a line of its own?"""
    blocks = doc.blocks_between(p.start, p.end)
    return bool(blocks) and p.end < blocks[0].end and (p.ends_article or p.start <= blocks[0].start)


class Cleaner:
    """A configured cleaner: build once, call on many documents.

    >>> cleaner = Cleaner(explain=False)
    >>> [r.body for r in cleaner("Also read: Other story\\n\\nThe council met on Monday and voted.")]
    ['The council met on Monday and voted.']
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        config = config or Config()
        if options:
            config = config.replace(**options)
        self.config = config
        registry.load(strict=config.strict_plugins or None)
        #: Every rule this cleaner knows: the registered ones, then its packs'.
        self.pool = pool = registry.all_rules() + self._pack_rules(config.packs)
        chosen = registry.select(config.select, config.ignore, rules=pool, also=FIXES)
        self.rules: list[Rule] = [cls(timeout=None if registry.is_builtin(cls) else config.regex_timeout,
                                      **_settings(cls, config)) for cls in chosen]
        self.text_rules = [r for r in self.rules if r.phase == "text"]
        self.article_rules = [r for r in self.rules if r.phase == "article"]
        self.page_text_rules = [r for r in self.text_rules if r.on_pages]
        self.page_article_rules = [r for r in self.article_rules if r.on_pages]
        self.extractor = Extractor([r for r in self.rules if r.phase == "html"])
        self.after_end = next((r for r in self.rules if r.code == AFTER_END), None)
        self.teaser = next((r for r in self.rules if r.code == TEASER), None)
        self.metadata = next((r for r in self.rules if r.code == METADATA), None)
        self.fixes = [f for f in FIXES if not any(registry.matches(f, ref) for ref in config.ignore)]

    @staticmethod
    def _pack_rules(paths: tuple[str, ...]) -> list[type[Rule]]:
        """The rules of the packs at ``paths`` that the registry does not hold yet."""
        known = registry.all_rules()
        plugged = {getattr(cls, "source", None) for cls in known} - {None}
        taken = {key.casefold() for cls in known for key in (cls.code, cls.name)}
        added: list[type[Rule]] = []
        seen = set(known)
        for path in paths:
            for cls in load_pack(path):
                if cls in seen or cls.source in plugged:
                    continue  # the pack came in already, through a plugin's entry point
                if cls.code.casefold() in taken or cls.name.casefold() in taken:
                    raise ConfigError(f"{path}: rule {cls.code} ({cls.name}) reuses the code or "
                                      "name of a rule already known; codes are never reused")
                seen.add(cls)
                taken.update((cls.code.casefold(), cls.name.casefold()))
                added.append(cls)
        return added

    def __call__(self, source: str | bytes) -> list[Record]:
        return self.clean(source)

    def clean(self, source: str | bytes | Any) -> list[Record]:
        """Clean one scrape into its article records (an empty list when it holds no text).

        ``source`` is text, bytes, or HTML: markup (recognised by its tags unless
        ``Config.input`` says which), or a BeautifulSoup object or tag. The document must be
        done within its time limit (``Config.time_limit``), or it fails with a
        :class:`~dechaff.errors.RuleError` naming the rule that was running.
        """
        markup = isinstance(source, Tag)
        if markup:
            source = str(source)
        size = len(source) if isinstance(source, (str, bytes, bytearray, memoryview)) else 0
        seconds = limits.seconds_for(size, self.config.time_limit)
        run = None
        try:
            with limits.guard(seconds) as run:
                return self._clean(source, markup, run)
        except limits.Expired as exc:  # in dechaff's own code, or while a rule's error was made
            rule = run.rule if run is not None else None
            raise RuleError(limits.late(rule or _where(exc), seconds, running=True),
                            rule_code=getattr(rule, "code", None)) from None

    def _clean(self, source: str | bytes, markup: bool, run: limits.Run) -> list[Record]:
        config = self.config
        text, notes = decode(source, config.max_chars)
        if markup or config.input == "html" or (config.input == "auto" and looks_like_html(text)):
            if _TAG.search(text) is None:  # no markup at all: the text of a page, lines kept
                return self._clean_text(text, notes, False, run, page=True)
            root = parse(text)
            run.check("HTML parser")
            if root is not None:
                return self._clean_page(root, notes, run)
        return self._clean_text(text, notes, config.split, run)

    def _clean_page(self, root, notes: list[str], run: limits.Run) -> list[Record]:
        """HTML: the structural rules pick each article's blocks; the text rules clean them."""
        meta = read_meta(root) if self.metadata is not None else Meta()
        prepare(root)
        found = self.extractor.extract(root, explain=self.config.explain, title=meta.title)
        if self.config.explain and self.metadata is not None:
            found.removals[:0] = self._meta_trace(meta)
        run.check("HTML rules")
        if not self.config.split and len(found.texts) > 1:  # one record per input, as asked
            found = replace(found, texts=["\n\n".join(found.texts)], roots=[root])
        records: list[Record] = []
        several = len(found.texts) > 1
        for i, (text, element) in enumerate(zip(found.texts, found.roots or [root])):
            local = read_article_meta(element, None if records else meta) if several else meta
            trace = list(found.removals) if not records else []
            if several and i and self.config.explain and self.extractor.select is not None:
                rule = self.extractor.select
                trace.append(Removal(rule.code, rule.name, "split", text.split("\n", 1)[0], 0, 0,
                                     reason=f"{describe(element)}: an article of its own"))
            for record in self._clean_text(text, notes, False, run, page=True):
                records.append(replace(
                    record, part=len(records), title=local.title or record.title,
                    published=local.published or record.published,
                    section=record.section or local.section,
                    authors=list(local.authors) or record.authors, url=local.url or record.url,
                    removals=trace + record.removals))
                trace = []
        if not records and (meta.title or meta.published):
            records.append(Record(title=meta.title, published=meta.published,
                                  section=meta.section, authors=list(meta.authors), url=meta.url,
                                  removals=list(found.removals), flags=[*notes, NO_TEXT]))
        return records

    def _meta_trace(self, meta: Meta) -> list[Removal]:
        """Where the page's metadata gave each field: ``moved`` removals of ``HT14``."""
        rule = self.metadata
        return [Removal(rule.code, rule.name, "moved", _shown(getattr(meta, name)), -1, -1,
                        field=name, reason=f"from the page's {where}")
                for name, where in meta.found.items()]

    def _clean_text(self, text: str, notes: list[str], split_articles: bool, run: limits.Run,
                    page: bool = False) -> list[Record]:
        """Text (or the text of an article of an HTML ``page``) through the text rules."""
        config = self.config
        text_rules = self.page_text_rules if page else self.text_rules
        article_rules = self.page_article_rules if page else self.article_rules
        repairs = []
        if config.repair:
            text, repairs = repair(text, self.fixes, explain=config.explain)
            run.check("repair stage")
        doc = Doc(text)
        ledger = self._text_passes(doc, text_rules, run)
        articles = split(pieces(ledger), ledger.markers, enabled=split_articles)
        articles, dropped = self._settle(articles)
        run.check("splitter")
        assembler = Assembler(ledger, articles, repairs, config.explain)
        records = []
        for i, article in enumerate(articles):
            extra = self._article_rules(article, doc, assembler, article_rules, run)
            if config.explain:
                for proposal, piece in dropped[i]:
                    assembler.add_piece(proposal, piece)
            record = assembler.record(i, len(records), extra, flags=notes)
            guarded = self._guard(record, article, doc, assembler, dropped[i])
            if guarded is record and not (article.pieces or extra or assembler.fields[i]):
                continue  # nothing of an article here: no text, no field
            records.append(guarded)
        return records

    def _guard(self, record: Record, article: Article, doc: Doc, assembler: Assembler,
               settled: list) -> Record:
        """The over-removal guard: an article whose paragraph text the rules would mostly
        remove is kept as it was, and flagged (``Config.max_removed_share``)."""
        share = self.config.max_removed_share
        if share is None:
            return record
        start, end = assembler.span(article)
        blocks = doc.blocks_between(start, end)
        claimed = assembler.ledger.claimed
        paragraphs = [b.text for b in blocks if is_body(b.text)
                      and not (b.index in claimed and claimed[b.index].rule.page_level)]
        if sum(word_count(t) for t in paragraphs) < GUARD_MIN_WORDS:
            return record  # a stub that is all noise may well go whole
        before = sum(map(len, paragraphs)) - sum(len(p.text) for _, p in settled if is_body(p.text))
        after = sum(len(p.text) for p in article.pieces)
        if before <= 0 or after >= (1 - share) * before:
            return record
        flag = (f"over-removal guard: the rules would have removed {1 - after / before:.0%} of "
                f"this article's paragraph text (limit {share:.0%}); it is kept as it was")
        kept = [r for r in record.removals if r.action in ("repaired", "split")]
        return replace(record, body="\n\n".join(b.text for b in blocks), removals=kept,
                       flags=[*record.flags, flag])

    def _propose(self, doc: Doc, rules: list[Rule], run: limits.Run) -> list[Proposal]:
        proposals: list[Proposal] = []
        for rule in rules:
            proposals.extend(_run(rule, (doc,), doc, run))
        return proposals

    def _text_passes(self, doc: Doc, rules: list[Rule], run: limits.Run) -> Ledger:
        """Run the text rules until they find nothing new; return the decisions taken.

        Each pass after the first sees the document as a reader would once what the passes
        before it removed is gone (see ``Doc.compacted``), so noise that other noise hid is
        found, and rules that read the lines around a line see what is really around it.
        Its proposals are moved back to the source's offsets.
        """
        proposals = self._propose(doc, rules, run)
        seen = {_key(p) for p in proposals}
        ledger = apply_proposals(doc, proposals)
        run.check("engine (applying proposals)")
        for _ in range(MAX_PASSES - 1):
            if not self._worth_another_pass(doc, ledger):
                break
            cut = [(p.start, p.end) for p in ledger.cuts]
            removed = [(p.start, p.end, _breaks_line(p, doc)) for p in ledger.cuts]
            removed += [(doc.blocks[i].start, doc.blocks[i].end, False) for i in ledger.claimed]
            if not removed:
                break
            later = doc.compacted(removed, cut)
            fresh = [p for p in map(_to_source(later), self._propose(later, rules, run))
                     if _key(p) not in seen]
            if not fresh:
                break
            seen.update(_key(p) for p in fresh)
            proposals.extend(fresh)
            ledger = apply_proposals(doc, proposals)
            run.check("engine (applying proposals)")
            if all(p.action == "boundary" for p in fresh):
                break  # boundaries remove nothing: a further pass would see the same text
        return ledger

    def _worth_another_pass(self, doc: Doc, ledger: Ledger) -> bool:
        """Could another pass find anything? Yes after a cut inside a line (its rest is a new
        line to read); after whole lines went, only where the lines around them now meet in
        a way the rules that read neighbours care about."""
        if ledger.cuts:
            return True
        if not ledger.claimed:
            return False
        kept = [b for b in doc.blocks if b.index not in ledger.claimed]
        if not kept:
            return False
        first_body = next((b.index for b in kept if is_body(b.text)), len(doc.blocks))
        if any(i < first_body and is_body(doc.blocks[i].text) for i in ledger.claimed):
            return True  # what came first in the document changed (site headers)
        for prev, nxt in zip(kept, kept[1:]):
            if nxt.index - prev.index == 1:
                continue  # nothing was removed between them
            if prev.text == nxt.text or (is_headline(prev.text) and not is_body(prev.text)):
                return True  # a repeated line, a headline over a new neighbour, a heading
        return False

    def _settle(self, articles: list[Article]) -> tuple[list[Article], list[list]]:
        """Take back splits that made no article: what follows a footer with no body text
        (``structure.after_end``) and, beside a real article, a stub too short to be one
        (``structure.teaser``: the teaser of another story). Each goes with its rule when
        that rule is on, and otherwise is folded into the article before it.
        """
        kept: list[Article] = []
        dropped: list[list] = []
        for article in articles:
            if kept and not article.has_body:
                self._let_go(article, kept, dropped, self.after_end,
                             "after the article's end, no article of its own")
            else:
                kept.append(article)
                dropped.append([])
        if len(kept) > 1 and self.teaser is not None:
            largest = max(kept, key=lambda a: a.words)
            articles, kept, dropped_before = kept, [], dropped
            dropped = []
            for article, gone in zip(articles, dropped_before):
                if article is not largest and article.words < self.teaser.options["min_words"]:
                    self._let_go(article, kept, dropped, self.teaser, "too short to be an article",
                                 carry=gone)
                else:
                    kept.append(article)
                    dropped.append(list(gone))
        return kept, dropped

    @staticmethod
    def _let_go(article: Article, kept: list[Article], dropped: list[list], rule: Rule | None,
                reason: str, carry: list | None = None) -> None:
        if rule is None:
            if kept:
                kept[-1].pieces.extend(article.pieces)
            return
        target = dropped[-1] if dropped else None
        items = [(rule.drop(p.start, p.end, reason=reason), p) for p in article.pieces]
        items += carry or []
        if target is None:  # a stub before the first article: its trace goes to the next one
            dropped.append([])
            kept.append(Article(article.start))
            target = dropped[-1]
        target.extend(items)

    def _article_rules(self, article: Article, doc: Doc, assembler: Assembler,
                       rules: list[Rule], run: limits.Run) -> list[Proposal]:
        """Run the article rules in order; then the ones that only drop, again, while they
        find more (a dropped line can bring two copies of a line together)."""
        moves: list[Proposal] = []
        changed = False
        for rule in rules:
            changed |= self._apply_article_rule(rule, article, doc, assembler, moves, run)
        again = [r for r in rules if r.repeatable]
        for _ in range(MAX_PASSES - 1):
            if not changed:
                break
            changed = False
            for rule in again:
                changed |= self._apply_article_rule(rule, article, doc, assembler, moves, run)
        return moves

    @staticmethod
    def _apply_article_rule(rule: Rule, article: Article, doc: Doc, assembler: Assembler,
                            moves: list[Proposal], run: limits.Run) -> bool:
        by_start = {p.start: p for p in article.pieces}
        gone: set[int] = set()
        for proposal in _run(rule, (list(article.pieces), doc), doc, run, article=True):
            piece = by_start.get(proposal.start)
            if piece is None or proposal.start in gone:
                continue
            if proposal.action == "move":
                moves.append(proposal)
                if proposal.keep:
                    continue
            gone.add(proposal.start)
            if assembler.explain:
                assembler.add_piece(proposal, piece)
        if gone:
            article.pieces = [p for p in article.pieces if p.start not in gone]
        return bool(gone)


def _shown(value: Any) -> str:
    """A field's value as a trace shows it (authors joined by semicolons)."""
    return "; ".join(value) if isinstance(value, (list, tuple)) else str(value)


def _settings(cls: type[Rule], config: Config) -> dict[str, Any]:
    """A rule's settings: ``Config.favor`` for a rule that has that setting, then its own."""
    found = {"favor": config.favor} if "favor" in cls.settings else {}
    return {**found, **config.settings_for(cls.code, cls.name)}


def _run(rule: Rule, args: tuple, doc: Doc, run: limits.Run, article: bool = False
         ) -> list[Proposal]:
    """Run one rule on ``doc`` (a text rule only if it applies), or on an ``article``'s
    pieces: its proposals, checked; whatever it raises, or a bad proposal, becomes a
    :class:`RuleError` that names it."""
    run.rule = rule
    try:
        if not article and not rule.applies_to(doc):
            return []
        method = rule.propose_article if article else rule.propose
        found = collect(rule, method(*args), len(doc.text))
    except BaseException as exc:  # SystemExit and KeyboardInterrupt too: a rule ends no run
        limits.fail(rule, exc)
    run.rule = None
    run.check(rule)
    return found


def _where(exc: BaseException) -> str:
    """Where an exception was raised (the alarm's own handler left out): ``module.function``."""
    where = "engine"
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_globals.get("__name__") != limits.__name__:
            where = f"{frame.f_globals.get('__name__', '?')}.{frame.f_code.co_name}"
        tb = tb.tb_next
    return where


def cached_cleaner(config: Config) -> Cleaner:
    """The cleaner of ``config``, built once, and again when a rule was registered since."""
    return _cleaner(config, registry.CHANGES[0])


@lru_cache(maxsize=32)
def _cleaner(config: Config, changes: int) -> Cleaner:
    return Cleaner(config)


def clean(source: str | bytes, *, config: Config | None = None, **options: Any) -> list[Record]:
    """Clean one scrape (text or bytes) into one record per article.

    Keyword options override ``config`` (see :class:`~dechaff.config.Config`), e.g.
    ``clean(text, explain=True)``.

    >>> [r.title for r in clean("Politics\\n\\nA headline here\\n\\nThe body of the story is long enough to be one.")]
    ['A headline here']
    """
    config = config or Config()
    if options:
        config = config.replace(**options)
    return cached_cleaner(config).clean(source)


def explain(source: str | bytes, *, config: Config | None = None, **options: Any) -> list[Record]:
    """:func:`clean` with the trace of every removal, repair and split on the records."""
    return clean(source, config=config, **{**options, "explain": True})
