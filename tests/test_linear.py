"""Work grows with a document's size, not with its square (issue 10: quadratic steps).

Each input below took tens of seconds or more when a step was quadratic. Speed itself is
measured by ``benchmarks/scaling.py`` (seconds per MB at 1, 10 and 50 MB); here the work is
counted, which does not depend on how loaded the machine is: the Python calls dechaff makes
on an input and on the same input twice as large. Linear work doubles (a ratio near 2); a
quadratic step quadruples it.
"""

import pytest

import dechaff
from work import MOST, counted

LEDE = "The council met on Monday and voted on the plan for the city budget, which was long debated.\n"


def calls(source, **options):
    """How many Python functions run while ``source`` is cleaned, and its records."""
    dechaff.clean(source, time_limit=None, **options)  # rules built and caches filled first
    return counted(lambda: dechaff.clean(source, time_limit=None, **options))


def growth(make, n):
    """The calls on ``make(2n)`` over those on ``make(n)``, and the larger input's records."""
    small, _ = calls(make(n))
    large, records = calls(make(2 * n))
    return large / small, records


@pytest.mark.parametrize("make, n, check", [
    # 4,000 cuts in one line: over 60 s when each cut was checked against every earlier one
    # and each match read its line again
    (lambda n: "Email: [email protected] and " * n, 1000,
     lambda records, n: "protected" not in records[0].body and records[0].body.count("and") == n),
    # each marker looked ahead over all the markers after it: 43 s for 20,000
    (lambda n: LEDE + "date 2024-04-27\n" * n, 2000,
     lambda records, n: [r.body for r in records] == [LEDE.strip()]),
    (lambda n: "Daily News\n" + LEDE + "Daily News\n" * n, 2000,
     lambda records, n: records[0].body == LEDE.strip()),
], ids=["placeholders-in-one-line", "markers-in-a-row", "repeated-header"])
def test_work_grows_linearly(make, n, check):
    ratio, records = growth(make, n)
    assert ratio < MOST, f"twice the input took {ratio:.2f} times the calls"
    assert check(records, 2 * n)


def test_a_huge_class_attribute_is_read_by_its_head():
    def page(n):
        return (f'<html><body><div class="{"ab " * n}"><p>{LEDE}</p></div>'
                '<nav class="menu"><a href="/">Home</a></nav></body></html>')

    ratio, records = growth(page, 200_000)
    assert ratio < 1.2  # the attribute is read by its first characters: no more work at all
    assert records[0].body == LEDE.strip() and "Home" not in records[0].body
