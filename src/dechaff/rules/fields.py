"""Lines that become fields: publication dates, datelines, source lists, bylines.

These lines are not noise to throw away: their content moves into the record (``published``,
``sources``, ``authors``). Date headers, datelines and repeated site headers also mark where
an article starts, which the splitter uses.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

import regex

from ..dates import DATE_TIME, MONTHS, TIME_FIRST, WEEKDAY, WEEKDAYS, parse_date
from ..shapes import is_body, is_headline, word_count
from .base import PatternRule, Proposal, TextRule, keep, remove
from ..patterns import (AGENCIES, BYLINE_LABEL, NAME, NAME_JOIN, PLACEHOLDER_SOURCE, PUBLISHED_LABEL,
                       URL, WIRE_SERVICES)
from .registry import register


@register
class PublishedLine(PatternRule):
    """A labelled publication or update date: "Published: April 27, 2024, 08:32 IST".

    The label and the date move to ``published`` (the first date of an article wins); text
    after the date on the same line is left to the other rules.
    """

    code = "FD01"
    name = "fields.published_line"
    groups = ("fields",)
    description = "'Published: ...', 'Updated: ...', 'Publicado el ...', 'Veröffentlicht am ...'."
    starts = PUBLISHED_LABEL.heads
    max_line = 300
    scope = "span"
    field = "published"
    pattern = (rf"^[^\w\n]{{0,2}}(?i:{PUBLISHED_LABEL})\s*(?:on|at|am|le|el|em|:|-|–|—|\|)?\s*"
               rf"(?:(?i:\w+day|{WEEKDAY}),?\s*)?"
               rf"(?i:{DATE_TIME})(?!\w)[\s,|.]*"
               rf"(?:[,|·–-]?\s*(?i:updated|last updated|mis à jour|actualizado|aktualisiert|atualizado"
               rf"|diperbarui)\b[^\n]{{0,60}}$)?")

    def value(self, match, doc):
        return parse_date(match.group(0))

    def may_match(self, line: str) -> bool:
        return _DIGIT.search(line, 0, 60) is not None  # every date has a number

    examples = (
        remove("Published: April 27, 2024, 08:32 IST", published="2024-04-27T08:32:00+05:30"),
        remove("Publicado el 5 de marzo de 2024", published="2024-03-05"),
        keep("Published reports on April 27, 2024 said the talks had stalled for months."),
    )


@register
class DateHeader(PatternRule):
    """A line that is a date and little else, as aggregators print above each article.

    It gives ``published`` and marks the start of an article. The date may open with its
    weekday ("Thu, 09 Oct 2025 07:05:00 GMT") or its time ("18:20 CET, 4 Feb 2025").
    """

    code = "FD02"
    name = "fields.date_header"
    groups = ("fields", "split")
    description = "'date 2024-04-27' header lines; each starts an article."
    max_line = 150
    starts = frozenset({"#", "date", "fecha", "datum", "data", "tanggal", *MONTHS, *WEEKDAYS})
    scope = "span"
    field = "published"
    pattern = (rf"^[^\w\n]{{0,2}}(?:(?i:date|fecha|datum|data|tanggal)\s*:?\s*)?"
               rf"(?:(?i:{WEEKDAY}),?\s+)?(?:(?i:{TIME_FIRST})(?:(?i:{WEEKDAY}),?\s+)?)?(?i:{DATE_TIME})(?!\w)[\s,|]*")

    def accept(self, match, doc) -> bool:
        block = doc.block_at(match.start())
        return word_count(block.text[match.end() - block.start:]) <= 6 and not _row(doc, block)

    def value(self, match, doc):
        return parse_date(match.group(0))

    def may_match(self, line: str) -> bool:
        return _DIGIT.search(line, 0, 40) is not None  # every date has a number

    def propose(self, doc) -> Iterator[Proposal]:
        for proposal in super().propose(doc):
            yield proposal
            yield self.boundary(doc.block_at(proposal.start).start, reason="date header")

    examples = (
        remove("date 2024-04-27 Connect with us", "date 2024-04-27", published="2024-04-27"),
        remove("Thu, 09 Oct 2025 07:05:00 GMT", published="2025-10-09T07:05:00+00:00"),
        remove("18:20 CET, 4 Feb 2025", published="2025-02-04T18:20:00+01:00"),
        keep("2024-04-27 was the day the ceasefire collapsed, according to the envoy's notes."),
        keep("Thursday, 9 October 2025 was the day the ceasefire collapsed, the envoy wrote."),
        # The rows of a table whose first column is a date are no date headers.
        keep("The fund will release its tokens on these dates:\n\n"
             "Date | Tokens | Recipient\n\n15 Apr 2025 | 42.0m | Ecosystem fund\n\n"
             "15 Jul 2025 | 18.5m | Early investors", "15 Apr 2025 | 42.0m | Ecosystem fund",
             records=1),
    )


def _row(doc, block) -> bool:
    """Is ``block`` a row of a table flattened with "|" (two or more), as the line above or
    below it is, with as many?"""
    pipes = block.text.count("|")
    if pipes < 2:
        return False
    blocks = doc.blocks
    return any(0 <= k < len(blocks) and blocks[k].text.count("|") == pipes
               for k in (block.index - 1, block.index + 1))


_DIGIT = regex.compile(r"\d")
#: Upper-case labels that look like a dateline's place name but open a labelled line.
_NOT_PLACES = (r"(?!(?:MEDIA\s+)?CONTACTS?\b|SOURCE\b|NOTE\b|EDITOR|UPDATE\b|CORRECTION\b|ABOUT\b"
               r"|DISCLAIMER\b|DMCA\b|PHOTO\b|VIDEO\b|WATCH\b|READ\b|ALSO\b|FAQ\b|Q\b|A\b|TAGS?\b|ADVERTISEMENT\b)")
_DATELINE = regex.compile(
    rf"^{_NOT_PLACES}(?:\p{{Lu}}[\p{{Lu}}\p{{M}}.'’-]+(?:[ ]+\p{{Lu}}[\p{{Lu}}\p{{M}}.'’-]+){{0,3}}"   # NEW DELHI
    rf"(?:,\s*[\p{{L}}\d., ]{{2,30}}?)?"                                            # , March 3
    rf"(?:\s*/\s*(?:{WIRE_SERVICES})\s*/\s*[^/\n]{{4,40}}?/)?"                        # / ACCESSWIRE / date /
    rf"(?:\s*/\s*(?:{WIRE_SERVICES})\s*/)?"                                         # /PRNewswire/
    rf"\s*(?:\((?:{AGENCIES})\)\s*)?(?:\.?[-–—]{{1,2}}|:)\s"                       # (Reuters) -
    rf"|\((?:{AGENCIES})\)\s*\.?[-–—]{{1,2}}\s"                                     # (Reuters) -
    rf"|\p{{Lu}}[\p{{Lu}} .'-]+,\s*\p{{Lu}}{{2}}\s*/\s*(?:{WIRE_SERVICES})\s*/\s*[^/\n]{{4,40}}?/)",
    regex.MULTILINE)


_FARMERS = ("The government on Monday announced a new scheme for small farmers that will pay "
            "them a monthly stipend of 2,000 rupees, officials said, in a move that opposition "
            "parties called an election gift. The scheme will cover nearly two crore farmers "
            "across the country and cost the treasury about 48,000 crore rupees a year.")
_METRO = ("The Supreme Court on Tuesday refused to stay the order of the high court on the new "
          "metro line through the old city, and asked the state government to file its reply "
          "within four weeks. The bench said that work on the line could go on in the meantime, "
          "but that no more trees could be felled along the route until the next hearing.")


@register
class Dateline(TextRule):
    """A dateline opening a paragraph: "NEW DELHI, March 3 (Reuters) -", "LONDON —". The line
    must read as a paragraph: "MORE: Other headline" is a link, not a dateline.

    The dateline stays in the body; a full date in it gives ``published``, and it marks the
    start of an article (the splitter uses it when a glued article has no headline).

    Names in capitals that take turns with a colon ("OWEN HART: ..." then "DR. LIN CHEN:
    ..." within two lines) are an interview's speakers, not places: they open no article.
    """

    code = "FD03"
    name = "fields.dateline"
    groups = ("fields", "split")
    description = "Datelines ('LONDON —', 'CITY, ST / ACCESSWIRE / date /'): published and a boundary."
    examples = (
        remove("LOS ANGELES, CA / ACCESSWIRE / June 24, 2020, / Acme has launched a new blog post.",
               published="2020-06-24"),
        keep("NEW DELHI, March 3 (Reuters) - India's central bank held rates on Friday."),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "MORE: Rail strike called off after late-night talks\n\nThe bridge will stay shut "
             "until the spring, officials said on Tuesday.", "The bridge will stay shut", records=1),
        keep("The UN said on Friday that aid had reached the city."),
        # Two articles from the same place: each dateline opens one.
        remove(f"NEW DELHI: {_FARMERS}\n\nNEW DELHI: {_METRO}", records=2),
        # Speakers in capitals, taking turns, are an interview's transcript, not datelines.
        keep(f"{_FARMERS}\n\nOWEN HART: What would you tell the farmers who are still "
             "waiting for the money?\n\nDR. LIN CHEN: Read the letters the ministry sent, and "
             f"then read them again.\n\nOWEN HART: All of them?\n\n{_METRO}",
             "OWEN HART: All of them?", records=1),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        speakers = None  # the capitals that open two lines or more with a colon: a transcript's
        for block in doc.focused(doc.blocks):
            if not _may_be_dateline(block.text):
                continue
            match = _DATELINE.match(doc.text, block.start, block.end, timeout=self.timeout)
            if match is None or word_count(block.text) < 8 or not is_body(block.text):
                continue  # a dateline opens a paragraph; "MORE: Other headline" is a link
            if doc.text[match.end() - 2:match.end() - 1] == ":":
                if speakers is None:
                    speakers = _speakers(doc.blocks)
                if block.text.split(":", 1)[0] in speakers:
                    continue  # "OWEN HART: What would you tell ...": a speaker, not a place
            head = doc.text[block.start:min(block.end, block.start + 90)]
            date = parse_date(head)
            if date:
                yield self.move(block.start, match.end(), "published", date, keep=True)
            yield self.boundary(block.start, reason="dateline")


def _speakers(blocks) -> frozenset[str]:
    """The labels in capitals ("OWEN HART", "DR. LIN CHEN") that open a line with a colon
    within ``_TURNS`` lines of a line another such label opens: the speakers of an
    interview's transcript, taking turns. A dateline's place opens the first paragraph of
    its article, and the next article's dateline ("NEW DELHI:" again) stands below it."""
    found: set[str] = set()
    last: tuple[int, str] | None = None
    for i, block in enumerate(blocks):
        match = _SPEAKER.match(block.text)
        if match is None:
            continue
        label = match.group(1)
        if last is not None and i - last[0] <= _TURNS and label != last[1]:
            found.update((label, last[1]))
        last = (i, label)
    return frozenset(found)


#: How near two speakers' lines stand in a transcript (a question, its answer, a remark).
_TURNS = 2
_SPEAKER = regex.compile(r"^(\p{Lu}[\p{Lu}\p{M}.'’ -]{1,40}?):\s")


def _may_be_dateline(text: str) -> bool:
    """A cheap look before the pattern: a dateline opens with a capitalised place or "("."""
    head = text.split(None, 1)[0] if text else ""
    return text[:1] == "(" or (len(head) >= 2 and head.rstrip(",:.").isupper())


_SOURCES_LABEL = regex.compile(r"^(?i:sources?|fuentes?|quellen?|fontes?|sumber|source links?|"
                               r"sources? de l'article)\s*:?\s*$")
_SOURCES_INLINE = regex.compile(rf"^(?i:sources?|fuentes?|quellen?|fontes?|sumber)\s*:\s*(?={URL})")
_URL_ITEM = regex.compile(rf"^(?:\[?\d{{1,3}}\s*[/.)\]:-]\]?|[-•*·–])?\s*<?({URL})>?\s*$")
_URL = regex.compile(URL)
_PLACEHOLDER = regex.compile(PLACEHOLDER_SOURCE, regex.IGNORECASE)


@register
class SourcesList(TextRule):
    """A "Sources" block listing URLs: the URLs go to ``sources``, the block leaves the body.

    Search-engine home pages (``https://google.com/``) that aggregators use to fill the list
    are placeholders, not sources: they are dropped.

    **Known problems:** a list of URLs without a label is left alone; a "Sources" label over
    plain-text references (a science article's reading list) is left alone too.
    """

    code = "FD04"
    name = "fields.sources_list"
    groups = ("fields",)
    description = "'Sources' / 'Fuente:' / 'Quelle:' URL lists: URLs to sources, placeholders dropped."
    keywords = ("http",)
    context = True
    starts = frozenset({"sources", "source", "fuente", "fuentes", "quelle", "quellen", "fonte",
                        "fontes", "sumber"})
    examples = (
        remove("Sources\n\n1/ https://Google.com/\n\n2/ https://www.livemint.com/news/world/x.html",
               "https://Google.com/", sources=["https://www.livemint.com/news/world/x.html"]),
        keep("Sources close to the minister said the plan, first reported in https://example.com/a, "
             "was dropped."),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        blocks = doc.blocks
        for block in self.candidates(doc):
            i = block.index
            if _SOURCES_INLINE.match(block.text):
                yield from self.items(block)
            elif _SOURCES_LABEL.match(block.text):
                j = i + 1
                while j < len(blocks) and _URL_ITEM.match(blocks[j].text):
                    j += 1
                if j > i + 1:
                    yield self.move(block.start, block.end, "sources", [])
                    for item in blocks[i + 1:j]:
                        yield from self.items(item)

    def items(self, block) -> Iterator[Proposal]:
        urls = [u for u in _URL.findall(block.text) if not _PLACEHOLDER.match(u)]
        if urls:
            yield self.move(block.start, block.end, "sources", urls)
        else:
            yield self.drop(block.start, block.end, reason="placeholder source")


_BYLINE = regex.compile(
    rf"^[^\w\n]{{0,2}}(?i:{BYLINE_LABEL})\s*:?\s+(?P<names>{NAME}(?:{NAME_JOIN}{NAME}){{0,4}})"
    rf"\s*(?:[|,•·–—-]\s*[^\n]{{0,60}})?$", regex.MULTILINE)


@register
class Byline(TextRule):
    """A byline, "By Jane Doe": the names go to ``authors``, the line leaves the body; a
    date after the names ("By Jane Doe | Posted 11/03/2024 6:15 PM EST") goes to
    ``published``."""

    code = "FD05"
    name = "fields.byline"
    groups = ("fields",)
    description = "'By Jane Doe', 'Por María López', 'Von Hans Müller', 'Oleh Budi Santoso'."
    starts = BYLINE_LABEL.heads
    examples = (
        remove("By Jane Doe and John Roe", authors=["Jane Doe", "John Roe"]),
        remove("Por María López", authors=["María López"]),
        remove("Von Jonas Weber | 05.03.2025, 14:30 Uhr", authors=["Jonas Weber"],
               published="2025-03-05T14:30:00"),
        keep("By Thursday the river had risen two metres, officials said."),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        for block in self.candidates(doc):
            if len(block.text) > 200:
                continue  # far longer than a byline's fourteen words
            match = _BYLINE.match(doc.text, doc.line_start(block), block.end, timeout=self.timeout)
            if match is None or word_count(block.text) > 14:
                continue
            names = [n.strip() for n in regex.split(NAME_JOIN, match.group("names")) if n.strip()]
            if names and all(len(n.split()) >= 2 or n.isupper() for n in names):
                date = parse_date(doc.text[match.end("names"):block.end])
                if date:
                    yield self.move(block.start, block.end, "published", date, keep=True)
                yield self.move(block.start, block.end, "authors", names)


@register
class RepeatedHeadline(TextRule):
    """A headline printed twice in a row marks the start of an article.

    (The second copy leaves the body through ``structure.repeated_line``.)
    """

    code = "FD06"
    name = "fields.repeated_headline"
    groups = ("fields", "split")
    description = "A headline repeated on the next line: an article starts there."
    examples = (
        remove("The council met on Monday and voted to close the old bridge for repairs.\n\n"
               "Ferry operator orders two hybrid vessels\n\nFerry operator orders two hybrid vessels"
               "\n\nCoastline Ferries has ordered two vessels to replace its ageing ships.", records=2),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "What happens next\n\nThe bridge will stay shut until the spring, officials said.",
             records=1),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        blocks = doc.blocks
        for prev, block in zip(blocks, blocks[1:]):
            if (len(block.text) == len(prev.text) and doc.pairs_changed(prev.index) and block.text.casefold() == prev.text.casefold()
                    and word_count(block.text) >= 3
                    and is_headline(block.text)):
                yield self.boundary(prev.start, reason="repeated headline")


@register
class SiteHeader(TextRule):
    """A short line repeated through the scrape, first seen above the first article.

    Aggregators print their name (or a header) above every article they glue together: each
    copy goes, and each one after the first marks the start of an article.
    """

    code = "FD07"
    name = "fields.site_header"
    groups = ("fields", "split")
    description = "A site-name line repeated before each article: dropped, and a boundary."
    examples = (
        remove("NewsHub Daily\n\nFirst headline here\n\nFirst story's body text runs on for long "
               "enough to count as a paragraph.\n\nNewsHub Daily\n\nSecond headline\n\nSecond "
               "story's body text also runs on for long enough to be a paragraph.", "NewsHub Daily"),
        keep("The council met on Monday and agreed the budget after a long debate.\n\nKey facts\n\n"
             "The first fact is stated here.\n\nKey facts\n\nThe second list restates it.", "Key facts"),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        blocks = doc.blocks
        counts = Counter(b.text for b in blocks if len(b.text) <= 60)
        counts = Counter({t: n for t, n in counts.items()
                          if n >= 2 and word_count(t) <= 5 and is_headline(t)})
        repeated = {text for text, n in counts.items() if n >= 2}
        if not repeated:
            return
        first_body = next((b.index for b in blocks if is_body(b.text)), len(blocks))
        by_text: dict[str, list] = {}
        for block in blocks:
            if block.text in repeated:
                by_text.setdefault(block.text, []).append(block)
        for text, copies in by_text.items():
            if copies[0].index >= first_body:
                continue
            for n, block in enumerate(copies):
                yield self.drop(block.start, block.end, reason="repeated site header")
                if n:
                    yield self.boundary(block.start, reason="repeated site header")
