"""The visual report: one self-contained HTML page that shows what a run did to each document.

Each document's text is shown with every change of its trace marked in place: a removal
coloured by its rule's family, the rule's code, name and reason on hover, a repair as before
and after, an article boundary as a rule across the text. Per-rule totals head the page, with
checkboxes that take a family's or a rule's marks off; documents with flags (the over-removal
guard, a note from decoding) or an error come first.

The trace's offsets count in the text *after the repair stage* (for an HTML page, in the
repaired text the HTML rules extracted), so that is the text shown, and the page says so.
Each mark is one trace entry (an entry that crosses another's end is drawn in fragments that
share its ``data-entry``); an entry with no place in the text (an HTML rule's removal on the
markup, offsets ``-1``) is listed under the text instead. The page loads nothing: its style
and script are inline, in ``templates/report.html``, and every piece of a document's text
is escaped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from string import Template
from typing import Any, Iterable

from . import __version__
from .corpus import family
from .document import REMOVALS
from .document import Change, Record
from .errors import DechaffError
from .io.readers import Document
from .io.writers import Target
from .pipeline import Cleaner
from .stages.repair import repair

#: Background colours of the families, given out in the order of their codes.
PALETTE = ("#ffd6a5", "#caffbf", "#9bf6ff", "#ffc6ff", "#fdffb6", "#bdb2ff", "#ffadad",
           "#a0c4ff", "#d0f4de", "#f1c0e8", "#e9c46a", "#b8e0d2", "#f4a261", "#cdb4db")


@dataclass
class Shown:
    """A text the trace's offsets count in, and whether the repair stage changed it."""

    text: str
    repaired: bool
    page: bool


@dataclass
class Report:
    """One document of the report: its records, each beside the text its offsets count in
    (``None`` for a record with no text, as a page known only from its metadata)."""

    id: str
    records: list[Record] = field(default_factory=list)
    texts: list[Shown | None] = field(default_factory=list)
    error: str | None = None
    original: str = ""

    @property
    def flagged(self) -> bool:
        return self.error is not None or any(r.flags for r in self.records)


class ShowingCleaner(Cleaner):
    """A cleaner that keeps, beside each document's records, the texts their offsets count
    in: the text each call of the text rules was given, repaired again (repair is a pure
    function of the text, so it gives what the rules read)."""

    def report(self, doc: Document) -> Report:
        """One document's records and texts, or the error that stopped it."""
        if doc.error is not None or doc.text is None:
            return Report(doc.id, error=doc.error or "no text", original=_as_text(doc.text))
        self._shown: list[tuple[Shown, int]] = []
        try:
            records = self.clean(doc.text)
        except Exception as exc:  # a report shows every document, the failed ones first
            message = str(exc) if isinstance(exc, DechaffError) else f"{type(exc).__name__}: {exc}"
            return Report(doc.id, error=message, original=_as_text(doc.text))
        texts: list[Shown | None] = []
        for shown, count in self._shown:
            texts += [shown] * count
        texts += [None] * (len(records) - len(texts))
        return Report(doc.id, records, texts)

    def _clean_text(self, text: str, notes: list[str], split_articles: bool, run: Any,
                    page: bool = False) -> list[Record]:
        records = super()._clean_text(text, notes, split_articles, run, page=page)
        shown = repair(text, self.fixes)[0] if self.config.repair else text
        self._shown.append((Shown(shown, shown != text, page), len(records)))
        return records


def _as_text(text: str | bytes | None) -> str:
    if isinstance(text, bytes):
        return text.decode("utf-8", errors="replace")
    return text or ""


def build(documents: Iterable[Document], cleaner: ShowingCleaner) -> list[Report]:
    """The report of every document, the flagged ones first, each group in input order."""
    reports = [cleaner.report(doc) for doc in documents]
    return sorted(reports, key=lambda r: not r.flagged)


def placed(change: Change, shown: Shown | None) -> bool:
    """Does ``change`` have its place in ``shown``: offsets inside it that hold its text?

    A repair's place is enough: a later repair may have rewritten what it put there (an
    entity that became a no-break space, then a space), and both are marked."""
    if shown is None or not 0 <= change.start <= change.end <= len(shown.text):
        return False
    if change.action in ("split", "repaired"):
        return True
    return shown.text[change.start:change.end] == change.text


# -- the marks ---------------------------------------------------------------------------


@dataclass
class Mark:
    """One trace entry, ready to draw: ``key`` is its ``data-entry``, unique on the page."""

    key: str
    change: Change

    @property
    def family(self) -> str:
        return family(self.change.code)

    def attributes(self, first: bool = True) -> str:
        c = self.change
        hover = f"{c.code} {c.name} · {c.action}"
        if c.field:
            hover += f" into {c.field}"
        if c.action == "repaired":
            hover += f": {c.text!r} → {c.replacement!r}"
        if c.reason:
            hover += f" · {c.reason}"
        classes = f"mark {c.action} fam-{self.family}" + ("" if first else " cont")
        return (f'class="{escape(classes)}" data-entry="{escape(self.key)}" '
                f'data-code="{escape(c.code)}" data-family="{escape(self.family)}" '
                f'title="{escape(hover)}"')

    def open(self, first: bool) -> str:
        before = ""
        if first and self.change.action == "repaired":
            before = f'<del class="before">{_visible(self.change.text)}</del>'
        return f"<span {self.attributes(first)}>{before}"


def _visible(text: str) -> str:
    """Text a repair took out, escaped, with its invisible characters named."""
    if not text:
        return "∅"
    shown = "".join(ch if ch.isprintable() and not ch.isspace() or ch == " "
                    else f"U+{ord(ch):04X}" for ch in text)
    return escape(shown.replace(" ", "␣"))


def draw(text: str, marks: list[Mark]) -> str:
    """``text``, escaped, with every mark in place; a mark that crosses another's end is
    closed and opened again (its fragments share ``data-entry``), so the spans nest."""
    starts: dict[int, list[Mark]] = {}
    ends: dict[int, list[Mark]] = {}
    points = {0, len(text)}
    for mark in marks:
        starts.setdefault(mark.change.start, []).append(mark)
        ends.setdefault(mark.change.end, []).append(mark)
        points |= {mark.change.start, mark.change.end}
    out: list[str] = []
    stack: list[Mark] = []
    order = sorted(points)
    for i, point in enumerate(order):
        closing = {id(m) for m in ends.get(point, []) if m.change.start < point}
        if closing:  # close down to the deepest mark that ends here, reopen the rest
            depth = min(j for j, m in enumerate(stack) if id(m) in closing)
            reopen = [m for m in stack[depth:] if id(m) not in closing]
            out.append("</span>" * (len(stack) - depth))
            del stack[depth:]
            for mark in reopen:
                out.append(mark.open(first=False))
                stack.append(mark)
        for mark in starts.get(point, []):
            if mark.change.start == mark.change.end:  # a boundary, or a repair that took out
                out.append(_empty(mark))
        opening = [m for m in starts.get(point, []) if m.change.end > point]
        for mark in sorted(opening, key=lambda m: -m.change.end):  # the longest outermost
            out.append(mark.open(first=True))
            stack.append(mark)
        if i + 1 < len(order):
            out.append(escape(text[point:order[i + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)


def _empty(mark: Mark) -> str:
    if mark.change.action == "split":
        label = escape(f"{mark.change.code} · article starts")
        return f'<span {mark.attributes()}><span class="label">{label}</span></span>'
    return f"{mark.open(first=True)}</span>"


# -- the page ----------------------------------------------------------------------------


def render(reports: list[Report], inputs: Iterable[str] = ()) -> str:
    """The report as one HTML page (every value in it escaped)."""
    marks = {id(r): _marks(i, r) for i, r in enumerate(reports)}
    every = [m for found in marks.values() for per_record in found for m in per_record]
    families = sorted({m.family for m in every})
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(families)}
    style = "\n".join(f".fam-{name} {{ --fam: {colour}; }}" for name, colour in colours.items())
    documents = "\n".join(_document(i, r, marks[id(r)]) for i, r in enumerate(reports))
    template = Template((files("dechaff") / "templates" / "report.html").read_text("utf-8"))
    flagged = sum(r.flagged for r in reports)
    return template.substitute(
        version=escape(__version__),
        inputs=escape(", ".join(inputs)),
        summary=escape(", ".join([_count(len(reports), "document"),
                                  f"{flagged} with flags or errors",
                                  _count(sum(len(r.records) for r in reports), "record"),
                                  _count(len(every), "change")])),
        family_style=style,
        families=_families(every, families),
        totals=_totals(every, reports, marks),
        documents=documents)


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def _marks(doc: int, report: Report) -> list[list[Mark]]:
    return [[Mark(f"{doc}-{part}-{i}", change) for i, change in enumerate(record.removals)]
            for part, record in enumerate(report.records)]


def _families(every: list[Mark], families: list[str]) -> str:
    counts = Counter(m.family for m in every)
    names = {m.family: m.change.name.split(".")[0] for m in every}
    return "\n".join(
        f'<label class="filter fam-{escape(name)}"><input type="checkbox" checked '
        f'data-filter="family" value="{escape(name)}"> <b>{escape(name)}</b> '
        f'{escape(names[name])} <span class="count">{counts[name]}</span></label>'
        for name in families)


def _totals(every: list[Mark], reports: list[Report], marks: dict[int, list[list[Mark]]]) -> str:
    rules: dict[str, dict[str, Any]] = {}
    for mark in every:
        c = mark.change
        row = rules.setdefault(c.code, {"name": c.name, "count": 0, "chars": 0, "docs": 0})
        row["count"] += 1
        if c.action in REMOVALS:
            row["chars"] += len(c.text)
    for report in reports:
        for code in {m.change.code for per_record in marks[id(report)] for m in per_record}:
            rules[code]["docs"] += 1
    rows = []
    for code, row in sorted(rules.items(), key=lambda item: (-item[1]["count"], item[0])):
        rows.append(
            f'<tr class="fam-{escape(family(code))}"><td><label><input type="checkbox" checked '
            f'data-filter="rule" value="{escape(code)}"> <code>{escape(code)}</code></label>'
            f'</td><td>{escape(row["name"])}</td><td class="n">{row["count"]}</td>'
            f'<td class="n">{row["chars"]}</td><td class="n">{row["docs"]}</td></tr>')
    return "\n".join(rows)


def _document(index: int, report: Report, marks: list[list[Mark]]) -> str:
    head = f'<h2><span class="doc-id">{escape(report.id)}</span></h2>'
    classes = "doc flagged" if report.flagged else "doc"
    if report.error is not None:
        return (f'<section class="{classes}" id="doc-{index}">{head}'
                f'<p class="error">error: {escape(report.error)}</p>'
                f'<p class="caption">The input as read (nothing was cleaned):</p>'
                f'<pre class="text">{escape(report.original)}</pre></section>')
    parts = [f'<section class="{classes}" id="doc-{index}">', head, _records(report)]
    # the records that share a text are drawn together, on that text, once
    groups: list[tuple[Shown | None, list[Mark]]] = []
    for shown, found in zip(report.texts, marks):
        if groups and shown is not None and groups[-1][0] is shown:
            groups[-1][1].extend(found)
        else:
            groups.append((shown, list(found)))
    for shown, found in groups:
        inside = [m for m in found if placed(m.change, shown)]
        outside = [m for m in found if not placed(m.change, shown)]
        if shown is not None:
            parts.append(f'<p class="caption">{_caption(shown)}</p>')
            parts.append(f'<pre class="text">{draw(shown.text, inside)}</pre>')
        if outside:
            parts.append('<p class="caption">Changes with no place in this text (made on the '
                         "page's markup, or read from its metadata):</p><ul class=\"outside\">")
            parts += [f"<li>{m.open(first=True)}{escape(m.change.text)}</span></li>"
                      for m in outside]
            parts.append("</ul>")
    if not report.records:
        parts.append('<p class="caption">No article here: the document gave no record.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _caption(shown: Shown) -> str:
    if shown.page:
        return ("The text the HTML rules extracted from the page, after the repair stage "
                "(the trace's offsets count in it):")
    if shown.repaired:
        return ("The text after the repair stage, which the trace's offsets count in (it "
                "differs from the input where a repair is marked):")
    return "The text as read (the repair stage changed nothing):"


def _records(report: Report) -> str:
    items = []
    for record in report.records:
        what = escape(record.title or "(no title)")
        extra = ", ".join(escape(v) for v in (record.published, record.section) if v)
        flags = "".join(f'<div class="flag">{escape(f)}</div>' for f in record.flags)
        items.append(f"<li><b>{what}</b> {extra} · {len(record.removals)} changes{flags}</li>")
    return f'<ol class="records" start="0">{"".join(items)}</ol>'


# -- writing -----------------------------------------------------------------------------


def write(path: str, page: str) -> None:
    """Write ``page`` to ``path`` whole (beside it, then renamed), as ``clean`` writes its
    output: a failure is an OutputError that leaves a previous file as it was."""
    target = Target(path)
    try:
        target.handle.write(page.encode("utf-8"))
    except OSError as exc:
        target.abort()
        raise target.error(exc) from None
    target.commit()
