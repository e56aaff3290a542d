"""The text phase: the text rules, in passes, until they find nothing new.

Each pass after the first sees the document as a reader would once what the passes before it
removed is gone (see :meth:`~dechaff.text.TextView.compacted`), so noise that other noise hid
is found, and rules that read the lines around a line see what is really around it. Its
proposals are moved back to the source's offsets, and all of them are applied again
(:mod:`.apply`), as one set of decisions.
"""

from __future__ import annotations

from .. import limits
from ..document import Proposal
from ..rules.base import TextRule
from ..shapes import is_body, is_headline
from ..text import TextView
from .apply import Ledger, apply_proposals
from .run import text_rule

#: Most passes of the text rules over one document (each pass sees the last one's cuts, and
#: they stop as soon as one finds nothing new: noise nested three deep needs a fourth).
MAX_PASSES = 6


def _key(p: Proposal) -> tuple:
    return (p.rule.code, p.action, p.start, p.end)


def _to_source(doc: TextView):
    """A function that moves a proposal made on a compacted ``doc`` to the source's offsets."""
    origin = doc.origin

    def move(p: Proposal) -> Proposal:
        start, end = origin.span(p.start, p.end)
        return p._replace(start=start, end=start if p.action == "boundary" else end)

    return move


def _breaks_line(p: Proposal, doc: TextView) -> bool:
    """Does this cut leave the rest of its line to start a line of its own?"""
    blocks = doc.blocks_between(p.start, p.end)
    return bool(blocks) and p.end < blocks[0].end and (p.ends_article or p.start <= blocks[0].start)


def _propose(doc: TextView, rules: list[TextRule], run: limits.Run) -> list[Proposal]:
    proposals: list[Proposal] = []
    for rule in rules:
        proposals.extend(text_rule(rule, doc, run))
    return proposals


def text_passes(doc: TextView, rules: list[TextRule], run: limits.Run) -> Ledger:
    """Run the text rules until they find nothing new; return the decisions taken."""
    proposals = _propose(doc, rules, run)
    seen = {_key(p) for p in proposals}
    ledger = apply_proposals(doc, proposals)
    run.check("engine (applying proposals)")
    for _ in range(MAX_PASSES - 1):
        if not _worth_another_pass(doc, ledger):
            break
        cut = [(p.start, p.end) for p in ledger.cuts]
        removed = [(p.start, p.end, _breaks_line(p, doc)) for p in ledger.cuts]
        removed += [(doc.blocks[i].start, doc.blocks[i].end, False) for i in ledger.claimed]
        if not removed:
            break
        later = doc.compacted(removed, cut)
        fresh = [p for p in map(_to_source(later), _propose(later, rules, run))
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


def _worth_another_pass(doc: TextView, ledger: Ledger) -> bool:
    """Could another pass find anything? Yes after a cut inside a line (its rest is a new
    line to read); after whole lines went, only where the lines around them now meet in a
    way the rules that read neighbours care about."""
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
