"""The field scores of ../shared/bench-ext/README.md ("How to score"), one function each.

Bodies are scored with :class:`quality.Scores` (4-token shingles); this module holds the
rest: trafilatura's snippets, titles (exact and normalised), dates (the same day) and author
names (token multisets). Each function scores one page; the callers average.

>>> title_norm("“Hello” – World!") == title_norm('"hello" - world')
True
>>> same_day("2024-05-04T01:30:00+02:00", "2024-05-03 23:30:00+00:00")
True
>>> same_day("2022-1-5", "2022-01.05"), same_day(None, "2022-01-05")
(True, False)
>>> author_tokens(["By Jane Roe and John Doe"])
Counter({'jane': 1, 'roe': 1, 'john': 1, 'doe': 1})
>>> author_scores(["Jane Roe"], ["ROE, Jane"])
(True, 1.0)
>>> snippet_counts("The bridge  closes.\\nMenu", ["The bridge closes."], ["Menu", "Login"])
(1, 0, 1, 1)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime, timezone

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´«»‹›\"“”„‟″"} | {c: "-" for c in "‐‑‒–—―−"})
_DAY = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
CONNECTORS = frozenset("by and und et y from von par por door di da".split())


def collapse(text: str) -> str:
    """White space runs as one space, the ends stripped."""
    return _SPACE.sub(" ", text).strip()


def title_exact(got: str | None, gold: str) -> bool:
    return got is not None and collapse(got) == collapse(gold)


def title_norm(text: str | None) -> str:
    """NFKC, casefold, quotes and dashes made one, only the word tokens kept."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_QUOTES)
    return " ".join(_WORD.findall(text))


def _day(text: str) -> str | None:
    found = _DAY.search(text)
    return f"{int(found[1]):04d}-{int(found[2]):02d}-{int(found[3]):02d}" if found else None


def _utc_day(text: str):
    try:
        stamp = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    return stamp.astimezone(timezone.utc).date() if stamp.tzinfo is not None else None


def same_day(got: str | None, gold: str) -> bool:
    """The first dates of both name the same day, or both are stamps of the same UTC day."""
    if not got:
        return False
    day = _day(got)
    if day is not None and day == _day(gold):
        return True
    utc = _utc_day(got)
    return utc is not None and utc == _utc_day(gold)


def author_tokens(names: list[str]) -> Counter:
    """The letter runs of each name (NFKC, casefolded), less the connector words."""
    tokens: Counter = Counter()
    for name in names:
        words = _LETTERS.findall(unicodedata.normalize("NFKC", name).casefold())
        tokens.update([w for w in words if w not in CONNECTORS] or words)
    return tokens


def author_scores(got: list[str], gold: list[str]) -> tuple[bool, float]:
    """Exact (the same token multiset) and the token F1 (0 when nothing is predicted)."""
    ours, theirs = author_tokens(got), author_tokens(gold)
    if not ours:
        return False, 0.0
    common = sum((ours & theirs).values())
    if not common:
        return ours == theirs, 0.0
    precision, recall = common / sum(ours.values()), common / sum(theirs.values())
    return ours == theirs, 2 * precision * recall / (precision + recall)


def snippet_counts(body: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """tp, fn, fp, tn: the must-have snippets found and missed, the must-not found and absent."""
    text = collapse(body)
    found = sum(collapse(s) in text for s in with_)
    leaked = sum(collapse(s) in text for s in without)
    return found, len(with_) - found, leaked, len(without) - leaked
