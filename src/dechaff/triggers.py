"""Triggers: which of the rules' keywords a text holds, and where, found in one scan.

A rule's ``keywords`` are lower-case substrings, one of which each of its matches holds (as
gitleaks' are): a text that holds none of them is skipped, and a pattern rule reads only the
lines that hold one. Looking for each keyword of each rule in turn read the text once per
keyword, 144 of them, in every pass; one Aho-Corasick automaton over all of them reads it
once and finds every occurrence of every keyword, overlapping ones too (pyahocorasick; on
the bench pages it takes about a thirtieth of ``ftfy.fix_text``'s time, where a compiled
alternation of the keywords in the standard library's ``re`` takes half of it).

A keyword matches as ``keyword in text.lower()`` does: exactly, in the lower-cased text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import ahocorasick


class Keywords:
    """An automaton of keywords, built once for the rules of a cleaner and used on every
    text it reads.

    >>> found = Keywords(["read", "read more", "more"]).scan("read more")
    >>> sorted((word, starts) for word, starts in found.items())
    [('more', [5]), ('read', [0]), ('read more', [0])]
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self._automaton = ahocorasick.Automaton()
        for word in self.words:
            if word:  # the empty keyword is in every text: the view answers for it
                self._automaton.add_word(word, (len(word) - 1, word))
        self._empty = not any(self.words)
        if not self._empty:
            self._automaton.make_automaton()

    def scan(self, lower: str) -> dict[str, list[int]]:
        """Where each keyword that ``lower`` holds starts in it, in order (the keywords it
        does not hold are left out)."""
        found: dict[str, list[int]] = {}
        if self._empty:
            return found
        for end, (back, word) in self._automaton.iter(lower):
            starts = found.get(word)
            if starts is None:
                found[word] = [end - back]
            else:
                starts.append(end - back)
        return found


@lru_cache(maxsize=256)
def keywords_of(words: frozenset[str]) -> Keywords:
    """An automaton of ``words`` alone, for a view asked about keywords its cleaner's
    automaton lacks (a rule run on its own, in a test)."""
    return Keywords(words)
