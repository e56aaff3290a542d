"""The pipeline: decode -> repair -> blocks -> rules -> split -> records.

A straight list of stage calls: the stages (:mod:`dechaff.stages`) read, repair and parse;
the engine (:mod:`dechaff.engine`) runs the rules and makes the records. :class:`Cleaner`
holds a run's configuration and its rules, and passes one document through.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from bs4 import Tag

from . import language, limits, plugins
from .config import Config
from .document import Record
from .engine import Engine
from .engine.assemble import metadata_record, with_page_meta
from .errors import RuleError
from .rules import registry
from .rules.base import Rule
from .stages.decode import decode
from .stages.meta import Meta, read_article_meta, read_meta
from .stages.repair import FIXES, repair
from .stages.sniff import looks_like_html
from .stages.tree import parse, prepare

#: Anything that may open a tag, a comment or a declaration.
_TAG = re.compile(r"<[A-Za-z!?/]")


class Cleaner:
    """A configured cleaner: build once, call on many documents.

    >>> cleaner = Cleaner(explain=False)
    >>> cleaner("Also read: Other story\\n\\nThe council met on Monday and voted.")[0].body
    'The council met on Monday and voted.'
    """

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = config = Config.of(config, **options)
        plugins.load(strict=config.strict_plugins or None)
        #: Every rule this cleaner knows: the registered ones, then its packs'.
        self.pool = registry.all_rules() + plugins.pack_rules(config.packs)
        chosen = registry.select(config.select, config.ignore, rules=self.pool, also=FIXES)
        self.rules: list[Rule] = [cls(timeout=None if registry.is_builtin(cls) else config.regex_timeout,
                                      **config.settings_for(cls)) for cls in chosen]
        self.engine = Engine(self.rules, config)
        self.fixes = [f for f in FIXES if not any(registry.matches(f, ref) for ref in config.ignore)]
        if config.language:
            language.available()

    def __call__(self, source: str | bytes) -> list[Record]:
        return self.clean(source)

    def clean(self, source: str | bytes | Any, *, count: bool = False) -> list[Record]:
        """Clean one scrape into its article records (an empty list when it holds no text).

        ``source`` is text, bytes, or HTML: markup (recognised by its tags unless
        ``Config.input`` says which), or a BeautifulSoup object or tag. The document must be
        done within its time limit (``Config.time_limit``), or it fails with a
        :class:`~dechaff.errors.RuleError` naming the rule that was running.

        Each record counts its removals by rule (``Record.counts``) without the trace; on an
        HTML page, the HTML rules' removals are counted when the run explains or ``count``
        asks for them (their text is read for it, as for the trace).
        """
        markup = isinstance(source, Tag)
        if markup:
            source = str(source)
        size = len(source) if isinstance(source, (str, bytes, bytearray, memoryview)) else 0
        seconds = limits.seconds_for(size, self.config.time_limit)
        run = None
        try:
            with limits.guard(seconds) as run:
                records = self._clean(source, markup, run, count)
                if self.config.language:
                    records = [replace(r, language=language.detect(r.body)) for r in records]
                return records
        except limits.Expired as exc:  # in dechaff's own code, or while a rule's error was made
            rule = run.rule if run is not None else None
            raise RuleError(limits.late(rule or limits.where(exc), seconds, running=True),
                            rule_code=getattr(rule, "code", None)) from None

    def _clean(self, source: str | bytes, markup: bool, run: limits.Run, count: bool
               ) -> list[Record]:
        config = self.config
        text, notes = decode(source, config.max_chars)
        if markup or config.input == "html" or (config.input == "auto" and looks_like_html(text)):
            if _TAG.search(text) is None:  # no markup at all: the text of a page, lines kept
                return self._clean_text(text, notes, False, run, page=True)
            root = parse(text)
            run.check("HTML parser")
            if root is not None:
                return self._clean_page(root, notes, run, count)
        return self._clean_text(text, notes, config.split, run)

    def _clean_page(self, root, notes: list[str], run: limits.Run, count: bool) -> list[Record]:
        """HTML: the HTML rules pick each article's blocks; the text rules clean them."""
        html, explain = self.engine.html, self.config.explain
        traced = explain or count  # the HTML phase's trace, to count its removals
        meta = read_meta(root) if html.metadata is not None else Meta()
        prepare(root)
        found = html.extract(root, explain=traced, title=meta.title)
        if traced and html.metadata is not None:
            found.removals[:0] = html.meta_trace(meta)
        run.check("HTML rules")
        notes = [*notes, *found.flags]
        if not self.config.split and len(found.texts) > 1:  # one record per input, as asked
            found = replace(found, texts=["\n\n".join(found.texts)], roots=[root],
                            kinds=[[kind for kinds in found.kinds for kind in kinds]])
        records: list[Record] = []
        several = len(found.texts) > 1
        for i, (text, element) in enumerate(zip(found.texts, found.roots or [root])):
            local = read_article_meta(element, None if records else meta) if several else meta
            trace = list(found.removals) if not records else []
            if several and i and explain and html.select is not None:
                trace.append(html.split_trace(text, element))
            kinds = found.kinds[i] if i < len(found.kinds) else None
            records += with_page_meta(self._clean_text(text, notes, False, run, page=True,
                                                       kinds=kinds),
                                      local, trace, len(records), explain)
        return records or metadata_record(meta, found.removals, notes, explain)

    def _clean_text(self, text: str, notes: list[str], split_articles: bool, run: limits.Run,
                    page: bool = False, kinds: list[str] | None = None) -> list[Record]:
        """Text (or the text of an article of an HTML ``page``, its paragraphs' ``kinds``
        given) through the text rules."""
        repairs = []
        if self.config.repair:
            text, repairs = repair(text, self.fixes, explain=self.config.explain)
            run.check("repair stage")
        return self.engine.records(text, repairs, notes, split_articles, run, page=page,
                                   kinds=kinds)


def cached_cleaner(config: Config) -> Cleaner:
    """The cleaner of ``config``, built once, and again when a rule was registered since."""
    return _cleaner(config, registry.CHANGES[0])


@lru_cache(maxsize=32)
def _cleaner(config: Config, changes: int) -> Cleaner:
    return Cleaner(config)
