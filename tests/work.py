"""Counting work instead of timing it: the number of Python calls a piece of work makes does
not depend on how loaded the machine is, so a test can tell linear growth from quadratic
growth without a timed assertion (speed itself is measured by ``benchmarks/``)."""

import sys

#: Twice the input may cost at most this many times the calls (linear: about 2; quadratic: 4).
MOST = 2.6


def counted(work):
    """How many Python functions ``work()`` runs, and its result."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event == "call"

    sys.setprofile(profile)
    try:
        result = work()
    finally:
        sys.setprofile(None)
    return count, result
