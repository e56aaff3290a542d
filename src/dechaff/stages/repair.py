"""Repair: undo what scraping did to the characters, before any rule reads them.

Each fix is a named, explainable step that returns the new text and the edits it made. The
expensive one, ftfy's mojibake repair, runs only on lines that ftfy's own badness check
flags, so clean text never pays for it. Curly quotes are left curly.

The edits are mapped forward through the later fixes, so every repair is reported at its
place in the repaired text, like every other change.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from difflib import SequenceMatcher
from os.path import commonprefix
from dataclasses import dataclass
from typing import Callable, Iterable

import ftfy
import regex
from ftfy.badness import is_bad

from ..document import Change


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Fix:
    """A repair step: ``apply(text) -> (text, edits)``, edits in the input's offsets."""

    code: str
    name: str
    description: str
    apply: Callable[[str], tuple[str, list[Edit]]]
    groups: tuple[str, ...] = ("repair",)
    #: The same fix without the bookkeeping, for runs that do not explain (``text -> text``).
    fast: Callable[[str], str] | None = None


def substitute(pattern: regex.Pattern, replace: Callable[[regex.Match], str]
               ) -> Callable[[str], tuple[str, list[Edit]]]:
    """A fix that rewrites each match of ``pattern`` and records the ones that changed."""

    def apply(text: str) -> tuple[str, list[Edit]]:
        edits: list[Edit] = []
        parts: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            after = replace(match)
            if after == match.group(0):
                continue
            parts.append(text[last:match.start()])
            parts.append(after)
            last = match.end()
            edits.append(Edit(match.start(), match.end(), match.group(0), after))
        if not edits:
            return text, edits
        parts.append(text[last:])
        return "".join(parts), edits

    return apply


# --- mojibake ---------------------------------------------------------------------------
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_character_width=False, remove_control_chars=False, explain=False,
)
_LINE = re.compile(r"[^\n]+")
# The fixes' own patterns are fixed and linear, so the standard library's faster engine
# serves them; ``regex`` is kept for what needs Unicode properties.
# UTF-8 read as Latin-1 or cp1252 always leaves a lead byte's letter (Â to ô) before a
# continuation byte's character: a cheap sign to look for before asking ftfy. A C1 control
# character, never right in text, is another.
_HINT = re.compile("[\u0080-\u009f]|[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021"
                   "\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013"
                   "\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]")


# The first character of every _HINT match, alone: a class the engine scans for quickly.
_LEAD_OR_C1 = re.compile("[\u0080-\u009f\u00c2-\u00f4]")


def fix_mojibake(text: str) -> tuple[str, list[Edit]]:
    """Fix mojibake with ftfy, line by line, only where ftfy's badness check fires.

    >>> fix_mojibake("Le cafÃ© est fermÃ©.\\nFine line.")[0]
    'Le café est fermé.\\nFine line.'
    """
    if text.isascii() or not _LEAD_OR_C1.search(text) or not _HINT.search(text):
        return text, []
    return substitute(_LINE, lambda m: _fix_line(m.group(0))
                      if _HINT.search(m.group(0)) and is_bad(m.group(0)) else m.group(0))(text)


def _fix_line(line: str) -> str:
    # ftfy can leave a line that it would fix again (one layer of mojibake under another):
    # fix until it holds, so cleaning cleaned text changes nothing.
    for _ in range(3):
        fixed = ftfy.fix_text(line, _FTFY)
        if fixed == line:
            break
        line = fixed
    return line


# --- entities ---------------------------------------------------------------------------
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> tuple[str, list[Edit]]:
    """Decode HTML entities that leaked into text (``&amp;`` -> ``&``).

    >>> unescape_entities("Tom &amp; Jerry&#8217;s")[0]
    'Tom & Jerry’s'
    """
    if "&" not in text:
        return text, []
    return substitute(_ENTITY, lambda m: html.unescape(m.group(0)))(text)


# --- invisible and control characters ---------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]+")
_CONTROL_ONE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")


def remove_control(text: str) -> tuple[str, list[Edit]]:
    """Remove C0 control characters (tab, newline and form feed stay).

    >>> remove_control("bell\\x07ed")[0]
    'belled'
    """
    if not _CONTROL_ONE.search(text):  # one quick scan; most texts have none
        return text, []
    return substitute(_CONTROL, lambda m: "")(text)


def remove_invisible(text: str) -> tuple[str, list[Edit]]:
    """Remove zero-width characters, byte-order marks and soft hyphens.

    Runs after the mojibake fix: a soft hyphen may be half of a mis-decoded letter.

    >>> remove_invisible("zero\\u200bwidth")[0]
    'zerowidth'
    """
    if not any(ch in text for ch in _INVISIBLE_CHARS):  # substring checks beat a scan
        return text, []
    return substitute(_INVISIBLE, lambda m: "")(text)


# --- white space ------------------------------------------------------------------------
# A single plain space is left alone (matching each would cost a call per word).
_BLANKS = "\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACES = re.compile(rf"\r\n?|[ {_BLANKS}]{{2,}}|[{_BLANKS}]|(?<=\n) +| +(?=\n)|^ +| +$")


def _space(match: regex.Match) -> str:
    found = match.group(0)
    if found[0] == "\r":
        return "\n"
    text = match.string
    edge = match.start() == 0 or match.end() == len(text) \
        or text[match.start() - 1] in "\r\n" or text[match.end()] in "\r\n"
    return "" if edge else " "


_CR = re.compile(r"\r\n?")
_RUN = re.compile(rf"[ {_BLANKS}]{{2,}}|[{_BLANKS}]")
_EDGE = re.compile(r" +\n *|\n +")
#: The blanks of ``_BLANKS`` one by one, the range spelled out.
_BLANK_CHARS = "\t\f\v\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200b))) + "\u202f\u205f\u3000"


def collapse_blanks(text: str) -> str:
    """Each run of spaces and other blanks as one plain space (what ``_RUN.sub(" ", text)``
    does: a run of two or more, or one blank that is not a plain space), with str's own
    methods, which a text's every space does not slow as it slows a pattern.

    >>> collapse_blanks("a \u00a0 b\tc   d") == _RUN.sub(" ", "a \u00a0 b\tc   d") == "a b c d"
    True
    """
    for blank in _BLANK_CHARS:
        if blank in text:
            text = text.replace(blank, " ")
    while "  " in text:  # (a run of n spaces is gone in log2(n) rounds)
        text = text.replace("  ", " ")
    return text


def normalize_spaces_fast(text: str) -> str:
    """:func:`normalize_spaces` without recording edits.

    >>> sample = "a \\u00a0 b  \\r\\nc "
    >>> normalize_spaces_fast(sample) == normalize_spaces(sample)[0] == "a b\\nc"
    True
    """
    # Substring checks first: most texts need only some of the three rewrites.
    if "\r" in text:
        text = _CR.sub("\n", text)
    text = collapse_blanks(text)
    if " \n" in text or "\n " in text:
        text = _EDGE.sub("\n", text)
    return text.strip(" ")


def normalize_spaces(text: str) -> tuple[str, list[Edit]]:
    """One plain space between words; no spaces at line ends; ``\\n`` line breaks.

    No-break and other Unicode spaces become plain spaces, which also turns Cloudflare's
    ``[email\\u00a0protected]`` into the one spelling the email rules look for.

    >>> normalize_spaces("a \\u00a0 b  \\r\\nc ")[0]
    'a b\\nc'
    """
    return substitute(_SPACES, _space)(text)


# --- words glued where a line break was lost --------------------------------------------
# Strong evidence only: a contact-block label ("Phone Number:", "Email:", "Person for
# contact") glued to the word or number before it, as happens when a press release's contact
# lines are flattened. "iPhone" or "YouTube" never match: the label must be followed by its
# own continuation.
_LABEL = (r"(?:(?:Phone|Tel|Telephone|Mobile|Fax)(?:\s+(?:Number|No\.?))?\s*:"
          r"|E-?mail\s*:|Website\s*:|Web\s*:|Address\s*:|Contact\s*:|Company\s+Name\s*:"
          r"|Person\s+for\s+contact|Contact\s+Person\b|Name\s*:)")
_LABEL_AT = regex.compile(_LABEL)
#: A word every label holds (case as in _LABEL): texts with none skip the pattern.
_LABEL_WORDS = ("hone", "Tel", "Mobile", "Fax", "mail", "Web", "Address", "Contact", "Company",
                "Person", "Name")
#: The words a label starts with: where ``_LABEL_AT`` may match, found by the standard
#: library's engine (quicker on a whole text), each place then asked of the pattern.
_LABEL_START = re.compile(r"Phone|Tel|Mobile|Fax|E-?mail|Web|Address|Contact|Company|Person|Name")
_GLUE_BEFORE = regex.compile(r"(?:\p{Ll}\p{Ll}|\p{N}|(?<!\w)\p{Lu})$")


def split_glued_labels(text: str) -> tuple[str, list[Edit]]:
    """Put back the space lost between a word and a contact label glued to it.

    >>> split_glued_labels("Internet Marketing CompanyPerson for contact Name: Gurgu CPhone Number: 1")[0]
    'Internet Marketing Company Person for contact Name: Gurgu C Phone Number: 1'
    >>> split_glued_labels("my iPhone: a review")[0]
    'my iPhone: a review'
    """
    if not any(word in text for word in _LABEL_WORDS):
        return text, []
    edits = [Edit(m.start(), m.start(), "", " ") for m in _labels(text)
             if m.start() and _GLUE_BEFORE.search(text, max(0, m.start() - 3), m.start())]
    if not edits:
        return text, edits
    parts, last = [], 0
    for edit in edits:
        parts += [text[last:edit.start], " "]
        last = edit.start
    parts.append(text[last:])
    return "".join(parts), edits


def _labels(text: str) -> Iterable[regex.Match]:
    """``_LABEL_AT.finditer(text)``: each label opens with one of ``_LABEL_START``'s words,
    so the pattern is asked only there, from left to right, going on after each match."""
    pos = 0
    while (candidate := _LABEL_START.search(text, pos)) is not None:
        found = _LABEL_AT.match(text, candidate.start())
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end()


FIXES: tuple[Fix, ...] = (
    # Entities first, since they can spell control characters and mojibake; control
    # characters before mojibake, since one hides mojibake from ftfy; zero-width characters
    # after it, since a soft hyphen may be half of a mis-decoded letter ("Ã\xad" is "í").
    Fix("RP02", "repair.html_entities", "HTML entities left in text.", unescape_entities),
    Fix("RP06", "repair.control_chars", "C0 control characters.", remove_control),
    Fix("RP01", "repair.mojibake", "Mojibake (UTF-8 read as Latin-1 or cp1252), via ftfy.",
        fix_mojibake),
    Fix("RP03", "repair.invisible_chars", "Zero-width characters, BOMs and soft hyphens.",
        remove_invisible),
    Fix("RP04", "repair.spaces", "No-break and runs of spaces; line endings.", normalize_spaces,
        fast=normalize_spaces_fast),
    Fix("RP05", "repair.glued_labels",
        "A contact label glued to the word before it where a line break was lost.",
        split_glued_labels),
)


class _Shift:
    """Maps offsets in a fix's input to offsets in its output."""

    def __init__(self, edits: list[Edit]) -> None:
        self.edits = edits
        self.ends = [e.end for e in edits]
        self.delta = [0]
        for e in edits:
            self.delta.append(self.delta[-1] + len(e.after) - (e.end - e.start))

    def __call__(self, pos: int) -> int:
        i = bisect_right(self.ends, pos)
        if i < len(self.edits) and self.edits[i].start < pos:
            edit = self.edits[i]  # inside a rewritten stretch: where that place went
            return edit.start + self.delta[i] + _within(edit, pos - edit.start)
        return pos + self.delta[i]


#: Rewritten stretches up to this long are aligned character by character to place an
#: earlier repair inside them; longer ones only by their unchanged head and tail.
ALIGN_CHARS = 5000


def _within(edit: Edit, offset: int) -> int:
    """Where ``offset`` into ``edit.before`` went in ``edit.after``: the same place in the
    text both share (a mojibake fix rewrites a whole line, most of it unchanged), or the
    start of what replaced it."""
    before, after = edit.before, edit.after
    head = len(commonprefix((before, after)))
    if offset <= head:
        return offset
    tail = len(commonprefix((before[head:][::-1], after[head:][::-1])))
    if offset >= len(before) - tail:
        return len(after) - (len(before) - offset)
    if len(before) + len(after) > ALIGN_CHARS:
        return len(after) - tail
    for tag, i1, i2, j1, _ in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if i1 <= offset < i2:
            return j1 + (offset - i1) if tag == "equal" else j1
    return len(after) - tail


def repair(text: str, fixes: Iterable[Fix] = FIXES, explain: bool = False
           ) -> tuple[str, list[Change]]:
    """Run the fixes in order; return the repaired text and, with ``explain``, the repairs."""
    steps: list[tuple[Fix, list[Edit]]] = []
    for fix in fixes:
        if fix.fast is not None and not explain:
            text = fix.fast(text)
            continue
        text, edits = fix.apply(text)
        if edits and explain:
            steps.append((fix, edits))
    if not explain:
        return text, []
    shifts = [_Shift(edits) for _, edits in steps]
    repairs = []
    for k, (fix, edits) in enumerate(steps):
        own = shifts[k]
        for i, edit in enumerate(edits):
            start = edit.start + own.delta[i]
            end = start + len(edit.after)
            for later in shifts[k + 1:]:
                start, end = later(start), later(end)
            repairs.append(Change(fix.code, fix.name, "repaired", edit.before, start, end,
                                   replacement=edit.after))
    repairs.sort(key=lambda r: r.start)
    return text, repairs
