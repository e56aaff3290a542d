"""A pack's pattern is compiled only if it is small enough to compile quickly.

Compiling a pattern takes time in proportion to its size once counted repeats are spelled
out: ``(?:(?:a{1000}){1000}){1000}`` stands for a billion items and would compile for hours,
in C code that no signal or thread can interrupt. So the size is worked out from the
pattern's text first, and a pattern over :data:`MAX_PATTERN_SIZE` is refused before it is
compiled; under it, compiling takes well under a second. The count errs on the large side
(flags and group names count as items), never on the small one.
"""

from __future__ import annotations

import re

#: The most items a pattern may stand for with its counted repeats spelled out.
MAX_PATTERN_SIZE = 100_000
_COUNT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_BRACED = {"p": "}", "P": "}", "N": "}", "x": "}", "o": "}", "g": ">", "k": ">", "L": ">"}


def pattern_size(pattern: str) -> int:
    """How many items ``pattern`` stands for, its counted repeats (``{m,n}``) spelled out.

    >>> pattern_size(r"^brought to you by acme\\b.*$")
    26
    >>> pattern_size("(?:(?:a{1000}){1000}){1000}")
    1001001000
    """
    groups = [[0, 0]]  # for each open group: items so far, items of the last one
    i, end = 0, len(pattern)
    while i < end:
        char = pattern[i]
        if char in "*+?":
            i += 1
            continue
        if char == "{" and (count := _COUNT.match(pattern, i)) and any(count.groups()):
            times = max(int(count.group(1) or 0), int(count.group(2) or 0), 1)
            group = groups[-1]
            group[0] += group[1] * (times - 1)
            group[1] *= times
            i = count.end()
            continue
        if char == "(":
            groups.append([0, 0])
            i += 1
            continue
        if char == ")" and len(groups) > 1:
            size = max(groups.pop()[0], 1)
        elif char == "|":
            groups[-1][1] = 0
            i += 1
            continue
        elif char == "\\":
            i = _escape_end(pattern, i)
            size = 1
        elif char == "[":
            i = _set_end(pattern, i)
            size = 1
        else:
            size = 1
        groups[-1][0] += size
        groups[-1][1] = size
        i += 1
    while len(groups) > 1:  # unclosed groups: the compiler refuses them anyway
        size = groups.pop()[0]
        groups[-1][0] += size
    return groups[0][0]


def _escape_end(pattern: str, i: int) -> int:
    """Where the escape at ``i`` ends (its last character)."""
    kind = pattern[i + 1:i + 2]
    close = _BRACED.get(kind)
    if close and pattern[i + 2:i + 3] in ("{", "<"):
        found = pattern.find(close, i + 3)
        return found if found != -1 else len(pattern) - 1
    return min(i + 1, len(pattern) - 1)


def _set_end(pattern: str, i: int) -> int:
    """Where the set ``[...]`` opening at ``i`` ends (its ``]``)."""
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":
        j += 1  # a "]" first in a set is a character
    while j < len(pattern):
        if pattern[j] == "\\":
            j += 2
            continue
        if pattern.startswith("[:", j):
            found = pattern.find(":]", j + 2)
            j = found + 2 if found != -1 else j + 1
            continue
        if pattern[j] == "]":
            return j
        j += 1
    return len(pattern) - 1
