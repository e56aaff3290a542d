"""Evidence: an article's text is what reads as article text; the rest goes.

The other families name the noise they know ("Also read:", "Share this article"), and an
unseen site words its noise otherwise. These rules flip the default: once the named rules
have run, a line stays in an article only when it has the evidence of article text (the
shape of a sentence, its length, its function words, its place among the paragraphs) or is
one of the known shapes of real text that is not a sentence: a subheading between two
paragraphs, the items of a list a paragraph introduces, the rows of a table, the answer in a
question and answer, a one-line paragraph or quotation, the last paragraph of a scrape cut
off in mid-sentence.

Every line is measured once, by :func:`dechaff.features.line`; these rules only read the
measurements and the lines around each line.
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterator, Sequence

import regex

from ..config import FAVORS
from ..dates import find_date
from ..errors import ConfigError
from ..features import Line, line
from ..shapes import weight
from .base import ArticleRule, Proposal, keep, remove
from .split import keys
from ..patterns import BYLINE_LABEL, CREDIT_LABELS, READ_ALSO
from .registry import register

_NUMBER = regex.compile(r"\d+")
#: How much of a labelled headline's key words the article must use for it to be the
#: article's own subheading rather than a link to another story.
_OWN_SHARE = 0.5
_URL = regex.compile(r"(?:https?://|www\.)\S+")
_READ_ALSO = regex.compile(rf"^[^\w\n]{{0,3}}(?i:{READ_ALSO})\s*[:：]")
_BYLINE_START = regex.compile(rf"^[^\w\n]{{0,2}}(?i:{BYLINE_LABEL})\s*:?\s+\p{{Lu}}")


def describe(f: Line) -> str:
    """What a line is, in a few words: '6 words, no sentence end'."""
    parts = [f"{f.words} word{'s' if f.words != 1 else ''}"]
    if f.label:
        parts.append("a label")
    elif f.separators:
        parts.append("separated like a menu")
    elif f.url:
        parts.append("a web address")
    elif not f.closed:
        parts.append("no sentence end")
    return ", ".join(parts)


class Reading:
    """An article's pieces as these rules read them: each line's measurements, and which
    lines are sentences.

    ``solid`` marks the paragraphs and the lines of a sentence that a scraper broke across
    lines (wherever a link began): read together, they are a paragraph.
    """

    def __init__(self, pieces: Sequence, most: int = 8) -> None:
        self.pieces = pieces
        self.lines = [line(p.text) for p in pieces]
        self.solid = [f.prose for f in self.lines]
        self._rejoin(most)
        self.rows = table_rows(self.lines) | {i for i, f in enumerate(self.lines) if _figures(f)}
        solid = [i for i, s in enumerate(self.solid) if s]
        self.first = solid[0] if solid else None
        self.last = solid[-1] if solid else None

    def at(self, i: int) -> Line | None:
        return self.lines[i] if 0 <= i < len(self.lines) else None

    @cached_property
    def story(self) -> frozenset[str]:
        """The key words of the article's paragraphs (:func:`~dechaff.rules.split.keys`)."""
        return keys(" ".join(f.text for f, solid in zip(self.lines, self.solid) if solid))

    def links_away(self, i: int) -> bool:
        """Is line ``i`` a link to another story under a label (:func:`_teaser_link`), one
        whose key words are mostly not the article's? A subheading of the same shape
        ("Magdeburg: Ältere Straßenbahnen nicht Hitze-bereit") names what the paragraphs
        under it are about."""
        f = self.lines[i]
        if not _teaser_link(f):
            return False
        words = keys(f.text)
        return len(words & self.story) < _OWN_SHARE * len(words)

    def introduces(self, i: int) -> bool:
        """Does line ``i`` introduce what follows ("The works include:"): a paragraph under
        it, a list of two items or more, or one item under words that read as a sentence's
        start ("The funeral will be held at:")? A kicker over one headline ("24 days after
        surgery:") does not."""
        f = self.lines[i]
        if not f.intro or i + 1 >= len(self.lines) or not (f.words >= 3 or self.solid[i]):
            return False
        return (self.solid[i + 1] or (i + 2 < len(self.lines) and not self.solid[i + 2])
                or f.function_share >= 0.3)

    def where(self, i: int) -> str:
        if self.first is not None and i < self.first:
            return "before the first paragraph"
        if self.last is not None and i > self.last:
            return "after the last paragraph"
        return "between two paragraphs"

    def _glued(self, k: int) -> int:
        """How many lines after line ``k`` go on with its sentence: 0, 1, or 2 (a link's
        text between the two halves of a sentence)."""
        f, nxt, after = self.lines[k], self.at(k + 1), self.at(k + 2)
        if nxt is None or f.closed:
            return 0
        if nxt.opens_lower or (f.dangling and f.words >= 2) or _tail_of_sentence(nxt):
            return 1
        if f.words >= 15 and f.function_share >= 0.2 and nxt.prose:
            return 1  # a long sentence left open, its rest after a link's text
        if after is not None and after.opens_lower and not nxt.closed and nxt.words <= 6:
            return 2
        return 0

    def _rejoin(self, most: int) -> None:
        n, k = len(self.lines), 0
        while k < n:
            end = k
            while end < n - 1 and end - k < most and (step := self._glued(end)):
                end += step
            if end > k and weight(" ".join(self.lines[j].text for j in range(k, end + 1)))[1]:
                for j in range(k, end + 1):
                    self.solid[j] = True
            k = end + 1


def table_rows(lines: Sequence[Line]) -> frozenset[int]:
    """The lines that are rows of a table flattened with "|" between its cells: two lines
    or more in a row with as many cells each, numbers in most of them (a header row has
    none). A menu ("News | Sport | Video") stands alone, or holds no numbers."""
    rows: set[int] = set()
    n, k = len(lines), 0
    while k < n:
        cells = lines[k].pipes
        end = k
        while cells and end + 1 < n and lines[end + 1].pipes == cells:
            end += 1
        run = range(k, end + 1)
        if len(run) >= 2 and sum(map(_numbered, (lines[j] for j in run))) * 2 >= len(run):
            rows.update(run)
        k = end + 1
    return frozenset(rows)


def _tail_of_sentence(f: Line) -> bool:
    """A link's text and the stop after it ("CBS News ."): a sentence's last words."""
    return f.words <= 6 and f.text[-2:-1] == " " and f.text[-1:] in ".,;:!?)"


def _answers(question: Line, answer: Line) -> bool:
    """Is ``answer`` the short answer to ``question`` in a question and answer? An answer
    is said: closed like a sentence ("No, never."), labelled ("A: Yes"), or a word or two;
    a headline under a question is the next item of a list of headlines."""
    return (question.question and question.words >= 3 and 1 <= answer.words <= 25
            and (answer.closed or answer.label or answer.words <= 2)
            and not _chaff_shape(question) and not _chaff_shape(answer))


def _teaser_between(article: Reading, i: int, j: int, doc) -> bool:
    """Did a byline or a date line stand between lines ``i`` and ``j`` (taken out as fields)?
    Then line ``i`` is another story's headline over its teaser, not a subheading."""
    blocks = doc.blocks
    for k in range(article.pieces[i].block + 1, article.pieces[j].block):
        text = blocks[k].text
        if len(text) < 120 and (_BYLINE_START.match(text) or find_date(text) is not None):
            return True
    return False


def _numbered(f: Line) -> bool:
    """Does a row of a table hold a number in one of its cells?"""
    return any(c.strip() and c.strip(" .,:%+-–/()").replace(",", "").replace(".", "").isdigit()
               for c in f.text.split("|"))


def _table_row(f: Line) -> bool:
    """A row of a table or a score line: several numbers and few words between them."""
    numbers = len(_NUMBER.findall(f.text))
    return numbers >= 2 and not f.closed and (f.digit_share >= 0.1 or numbers * 2 >= f.words)


def _chaff_shape(f: Line) -> bool:
    """Shapes that article text never takes: a menu's separators (not a row of figures,
    "Q1: 28-25 | Q2: 24-31 | Q3: 30-22", whose cells hold numbers), a bare web address or
    one under a label ("Permalink: https://...")."""
    return ((f.separators >= 1 and not _figures(f))
            or (f.url and (f.words <= 6 or _bare_url(f.text))))


def _figures(f: Line) -> bool:
    """A row of figures flattened with "|": three cells or more, most holding a number. A
    menu's items hold none."""
    if f.pipes < 2:
        return False
    cells = [c for c in f.text.split("|") if c.strip()]
    return len(cells) >= 3 and sum(1 for c in cells if _NUMBER.search(c)) * 2 > len(cells)


#: "Label: Headline", "Label → Headline": one to three words of a label, then another
#: story's headline (capitalised, four words or more, not closed like a sentence).
_LINK_LABEL = regex.compile(r"^[^\w\n]{0,2}\p{L}[\p{L}\p{M}'’.-]+(?:\s+\p{L}[\p{L}\p{M}'’.-]*){0,2}"
                            r"\s*(?:[:：]|→|»|›|>>)\s*(?P<rest>[\p{Lu}\p{Lo}\d\"“«‘'][^\n]*)$")


def _teaser_link(f: Line) -> bool:
    """A link to another story under a label in any language ("Čtěte také: Nové vlaky na
    Vysočině nabírají zpoždění", "Also Read → Naira gains for a third day"): the label's one
    to three words, then a headline. A question ("Q: Did you ever think of quitting?"), a
    sentence ("Editor's note: The story was updated."), a value ("Tip: add a pinch of salt";
    a fact box's "Address: 2 Sea Wall, Whitstable" is found as one) or a step ("Step 2: ...",
    numbered) is none; nor is a line in Chinese, Japanese or Thai, whose words cannot be
    told from a headline's here."""
    if f.closed or f.question or f.prose or f.listed or f.unspaced or f.words < 5:
        return False
    match = _LINK_LABEL.match(f.text)
    if match is None:
        return False
    rest = line(match.group("rest"))
    caseless = rest.text[:1].isalpha() and not rest.text[:1].isupper() and not rest.text[:1].islower()
    return 4 <= rest.words <= 16 and (rest.headline or caseless)  # (Arabic, Hindi: no capitals)


def _bare_url(text: str) -> bool:
    """A web address with at most a label's three words beside it."""
    return line(_URL.sub(" ", text).strip() or "-").words <= 3


def _heading_shape(f: Line) -> bool:
    """Could this line be a subheading: short, headline-shaped or in capitals, not a credit
    ("Photo: Reuters")?"""
    if f.bracketed or _chaff_shape(f) or credit_label(f) or not 1 <= f.words <= 20:
        return False
    return f.headline or f.caps_share > 0.8 or f.intro or f.text.endswith(("...", "…"))


def _labelled(f: Line) -> str | None:
    """The value of a "Label: value" line with a short value, or ``None``: not a credit
    ("Photo: ..."), not a read-also link ("Lees ook: Other headline")."""
    if not f.label or credit_label(f) or _READ_ALSO.match(f.text):
        return None
    value = regex.split(r"[:：]", f.text, maxsplit=1)[1].strip()
    return value if value and line(value).words <= 12 else None


def _fact(f: Line) -> bool:
    """A line of a fact box: a label and a value with a number in it, or a few words in
    small letters ("Open: Wed–Sun, 12pm–3pm", "Price: about £45"); not a bare count, not a
    headline with a colon ("France : la pêche interdite à une catégorie de bateaux ...")."""
    value = _labelled(f)
    if value is None or value.replace(",", "").replace(".", "").isdigit():
        return False
    if any(c.isdigit() for c in value):
        return True
    return line(value).words <= 8 and (value[0].islower() or f.unspaced)


def _in_fact_box(article: Reading, i: int) -> bool:
    """Is line ``i`` in a fact box: a run of two labelled lines or more, one a fact at
    least ("Where: Old Mill" over "When: Sat 4 May, 10am"), or a fact right under a list's
    items or a table's rows? A headline with a colon and a number ("Floods: 30 homes
    evacuated") stands alone."""
    if _labelled(article.lines[i]) is None:
        return False
    k = i
    while k > 0 and _labelled(article.lines[k - 1]) is not None:
        k -= 1
    j = i
    while j + 1 < len(article.lines) and _labelled(article.lines[j + 1]) is not None:
        j += 1
    if j > k:
        return any(_fact(article.lines[m]) for m in range(k, j + 1))
    above = article.at(i - 1)
    return _fact(article.lines[i]) and above is not None and (above.listed or i - 1 in article.rows)


def _note(f: Line) -> bool:
    """A note in brackets: "(Reporting by Jane Roe; Editing by John Doe)", "(With inputs
    from agencies)"; not a picture's credit ("(AP Photo/Jane Roe)")."""
    if not (f.bracketed and f.words >= 3) or credit_label(f) or "/" in f.text:
        return False  # ("(Jane Roe/Agency)": a credit)
    head = [w.casefold() for w in regex.findall(r"\w+", f.text)[:3]]
    return f.function_share >= 0.15 and not any(w in CREDIT_LABELS for w in head)


def credit_label(f: Line) -> bool:
    """A "Photo: ..." or "Source: ..." line, the label of a picture's or a quote's credit;
    or a label in capitals over another story's headline ("MORE: ...", "WATCH: ...")."""
    if not f.label:
        return False
    label = f.text.split(":", 1)[0].strip(" (")
    return label.casefold() in CREDIT_LABELS or (label.isupper() and not f.closed)


@register
class Body(ArticleRule):
    """A line of an article that does not read as article text.

    **What it does:** after the named rules, every line of an article below its first
    paragraph is judged on its own evidence. A paragraph (sentence-shaped, long enough:
    :func:`~dechaff.shapes.weight`, which also reads Chinese, Japanese and Thai) stays.
    Any other line stays only as one of the shapes real text takes beside paragraphs:

    - a **subheading**: a short headline-shaped line (or one in capitals, or a question)
      right above a paragraph, a list, a table or the line that introduces a list, the
      only line of that shape among the short lines above it (two make a list of other
      stories' headlines; a read-also label over a headline, "Leggi anche: ...", does not
      count); one word only straight between two paragraphs ("References"); never with a
      byline or a date line taken out between it and its paragraph (another story's
      teaser), nor a time or a count ("03:12 min");
    - a **list**: the items under a line that introduces them (ending in a colon, as
      "include:", over a paragraph, two items or more, or one under words that read as a
      sentence's start: "The funeral will be held at:"), items with markers ("•", "1.",
      "Step 2");
    - a **table**: rows flattened with "|" between their cells, two or more with as many
      cells, numbers in most ("Ward | Yes | No" over "Harbour | 412 | 380"), a row alone
      whose cells (three or more) mostly hold numbers ("Q1: 28-25 | Q2: 24-31 | Q3: 30-22"),
      and rows of several numbers;
    - a **fact box**: two labelled lines or more, one with a number or a value in small
      letters ("Address: 2 Sea Wall", "Open: Wed–Sun, 12pm–3pm", "Price: about £45"), or
      such a line under a list;
    - a **question and answer**: the short answer under a question (closed like a
      sentence, labelled, or a word or two: a headline under a question is the next item
      of a list of headlines), a question over a paragraph or an answer; an attribution
      ("— Jane Roe") under a quotation;
    - a **live blog's entry**: a line opening with its time ("12:10 BST Roads shut",
      "15h10 « ... »");
    - a **note in brackets**: "(Reporting by Jane Roe; Editing by John Doe)", not a
      picture's credit ("(Jane Roe/Agency)");
    - a **one-line paragraph or quotation**: a line closed like a sentence ("Berlin.",
      "No one was hurt."), or opening with a quotation mark, between paragraphs; a long
      sentence (15 words or more) whose end a link took;
    - a **broken sentence**: lines that a scraper split where a link began ("The plan was
      first reported by" / "City Herald" / ", which said ..."): read together they are a
      paragraph;
    - under the last paragraph, **what still belongs to it**: the last paragraph cut off
      in mid-sentence (``truncated`` words or more, left open, with the function words of
      prose), a credit or contact line ("(With inputs from agencies)", "Editor: Jane Roe"),
      a short closing sentence (not a question: down there, a question is a teaser's
      headline or a widget's "Was this helpful?").

    Everything else goes, with its reason: "not article text: 3 words, no sentence end,
    between two paragraphs". The lines above the first paragraph are the head's, and
    ``evidence.head`` reads them.

    **Why:** an unseen site's noise comes in wordings no list names ("Pick Six Newsletter",
    "See All Newsletters", a teaser's headline), but it rarely reads like an article's
    sentences, and the article's own short lines sit where articles put them.

    Lines shaped like chaff never stay: a menu's separators ("News | Sport"), a bare web
    address, a credit's label ("Photo: ...") or a label in capitals over another story's
    headline ("MORE: ..."), and, in any language, a label of one to three words with a
    colon or an arrow before a headline whose key words are mostly not the article's
    ("Lue myös: ...", "Also Read → ..."; not a line of a fact box).

    **Settings:** ``favor`` moves the threshold (``Config.favor`` sets it for every rule
    that has it): ``precision`` keeps a one-line paragraph only from five words, a
    subheading only right under a paragraph, and nothing under the last paragraph;
    ``recall`` keeps any short line between two paragraphs that is not shaped like chaff,
    and two headline-shaped lines over a paragraph.

    **Known problems:** a caption or a teaser written as a sentence stays (it reads as
    prose); a teaser's headline right above its blurb reads as a subheading; a list with
    no introducing line and no markers, of lines that are not sentences, goes. On HTML
    pages the markup says what the article is, and this rule reads plain text only (on
    the HTML bench it cost 0.02 of F1: a page's short lines are its own).
    """

    code = "EV02"
    name = "evidence.body"
    groups = ("evidence", "structure")
    description = "Lines below the first paragraph that do not read as article text."
    on_pages = False
    settings = {"favor": "balanced", "truncated": 10}
    examples = (
        remove("The council met on Monday and voted to close the old bridge for repairs.\n\n"
               "Pick Six Newsletter\n\nSee All Newsletters\n\nMore from the council\n\n"
               "The bridge will stay shut until the spring, officials said on Tuesday.",
               "Pick Six Newsletter", "See All Newsletters"),
        remove("The council met on Monday and voted to close the old bridge for repairs.\n\n"
               "Bridge | Roads | Council\n\nMore from the council",
               "Bridge | Roads | Council", "More from the council"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "What happens next\n\nThe bridge will stay shut until the spring, officials said.",
             "What happens next"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "It listed the works the repairs would need, in order:\n\n"
             "New bearings\n\nA steel deck\n\nFresh paint\n\n"
             "The bridge will stay shut until the spring, officials said on Tuesday.",
             "New bearings", "A steel deck", "Fresh paint"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "Will it reopen?\n\nYes.\n\nThe bridge will stay shut until the spring, officials "
             "said on Tuesday.", "Will it reopen?", "Yes."),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "“It is a sad day.”\n\nThe bridge will stay shut until the spring, officials said.",
             "“It is a sad day.”"),
        keep("The council met on Monday and voted to close the old bridge for repairs. The "
             "mayor said the works would take the winter and that the ferry would run in the",
             "the ferry would run in the"),
        keep("The scores after the first round were close, the organisers said on Sunday.\n\n"
             "1 Ana Ruiz 71 4\n\n2 Ben Okoro 72 3\n\n3 Chen Li 74 1\n\n"
             "The second round starts on Monday morning at the north course.",
             "2 Ben Okoro 72 3"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "Votes by ward\n\nWard | Yes | No\n\nHarbour | 412 | 380\n\nHill Top | 290 | 301\n\n"
             "The bridge will stay shut until the spring, officials said on Tuesday.",
             "Votes by ward", "Ward | Yes | No", "Hill Top | 290 | 301"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "14:05 GMT Ferries are running again\n\nThe first crossing left on time, the "
             "operator said.\n\n(Reporting by Ana Ruiz; Editing by Tom Field)\n\nThe bridge will "
             "stay shut until the spring, officials said on Tuesday.",
             "14:05 GMT Ferries are running again", "(Reporting by Ana Ruiz; Editing by Tom Field)"),
        remove("The council met on Monday and voted to close the old bridge for repairs.\n\n"
               "Home | News | Sport\n\nAbout | Jobs | Help\n\n(Ana Ruiz/City Herald)\n\nThe "
               "bridge will stay shut until the spring, officials said on Tuesday.",
               "Home | News", "About | Jobs", "(Ana Ruiz/City Herald)"),
        # A row of figures with "|" between its cells is no menu; items marked "▲" are a list.
        keep("The Gulls beat the Miners on Friday night, their fifth win in a row at home.\n\n"
             "Box score\n\nQ1: 28-25 | Q2: 24-31 | Q3: 30-22 | Q4: 30-30\n\n"
             "The city also set out its plans for the buses:\n\n▲ More buses on 12 routes\n\n"
             "▲ Longer bus lanes at rush hour\n\nThe two teams meet again in March, the league said.",
             "Box score", "Q1: 28-25 | Q2: 24-31", "▲ More buses on 12 routes"),
        # A link to another story under a label, in any language; a subheading of the same
        # shape names what the paragraphs are about, and stays.
        remove("The council met on Monday and voted to close the old bridge for repairs.\n\n"
               "Lue myös: Helsingin raitiovaunut saavat uudet aikataulut\n\n"
               "The bridge will stay shut until the spring, officials said on Tuesday.\n\n"
               "The works will need a new deck, fresh paint and new bearings:\n\n"
               "A steel deck\n\nFresh paint\n\n"
               "Also Read → Harbour master named after a long search\n\n"
               "The ferry will run more often while the bridge is shut, the operator said.",
               "Lue myös: Helsingin", "Also Read → Harbour master"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "Old bridge: Repairs will take the whole winter\n\n"
             "The repairs of the old bridge will take the winter, and the bridge will stay shut "
             "until the spring, officials said on Tuesday.", "Old bridge: Repairs will take"),
        keep("市议会周一投票决定关闭旧桥进行维修，预计工程将持续整个冬季。\n\n"
             "市长表示，渡轮将在桥梁关闭期间增加班次，以方便居民出行。",
             "市长表示，渡轮将在桥梁关闭期间增加班次"),
    )

    def __init__(self, timeout: float | None = None, **settings) -> None:
        super().__init__(timeout, **settings)
        if self.options["favor"] not in FAVORS:
            raise ConfigError(f"rule {self.code} setting 'favor' is 'precision', 'balanced' or "
                              f"'recall', not {self.options['favor']!r}")

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        article = Reading(pieces)
        if article.first is None:
            return  # no paragraph at all: nothing to measure against
        favor = self.options["favor"]
        keep = list(article.solid)
        for i in range(article.first + 1, len(pieces)):
            if not keep[i]:
                keep[i] = self.kept(article, i, favor) is not None
        self._subheadings(article, keep, favor, doc)
        for i in range(article.first + 1, len(pieces)):
            if not keep[i]:
                piece = pieces[i]
                yield self.drop(piece.start, piece.end, reason=f"not article text: "
                                f"{describe(article.lines[i])}, {article.where(i)}")

    def kept(self, article: Reading, i: int, favor: str) -> str | None:
        """Why line ``i`` (not a sentence) stays, or ``None`` when it goes (a subheading is
        judged later, from the lines kept around it)."""
        f, prev, nxt = article.lines[i], article.at(i - 1), article.at(i + 1)
        solid = article.solid
        if i in article.rows:
            return "a row of a table"
        if _chaff_shape(f) or (article.links_away(i) and not _in_fact_box(article, i)):
            return None
        if article.introduces(i) or (f.intro and nxt is not None and solid[i + 1]):
            return "introduces what follows"
        if self._listed(article, i):
            return "an item of a list"
        if prev is not None and _answers(prev, f) and not solid[i - 1]:
            return "an answer"
        if f.question and nxt is not None and (solid[i + 1] or _answers(f, nxt)):
            return "a question"
        if f.text[:1] in "—―–" and f.words <= 12 and prev is not None and prev.closed:
            return "an attribution"
        inside = i < article.last
        if inside and f.stamped:
            return "a live blog's time stamp"
        if _note(f):
            return "a note in brackets"
        if inside and _in_fact_box(article, i):
            return "a line of a fact box"
        least = 5 if favor == "precision" else 1
        if inside and (f.closed or f.quoted) and f.words >= least and not credit_label(f):
            return "a one-line paragraph"
        if inside and f.words >= 15 and f.function_share >= 0.2 and f.title_share < 0.5:
            return "a long sentence, its end lost"
        if not inside and favor != "precision" and self._after_body(article, i):
            return "under the last paragraph"
        if inside and favor == "recall" and f.words >= 2:
            return "between two paragraphs"
        return None

    def _after_body(self, article: Reading, i: int) -> bool:
        """Below the last paragraph, what still belongs to it: the last paragraph cut off
        in mid-sentence, a credit or contact line ("(With inputs from agencies)", "Editor:
        Jane Roe"), a closing one-line paragraph (not a question), each right under the
        paragraph or under another such line."""
        for j in range(i, article.last, -1):
            g = article.lines[j]
            cut = (j == article.last + 1 and g.open_end and g.words >= self.options["truncated"]
                   and g.function_share >= 0.2)
            credit = _note(g) or (g.label and not g.question) or g.intro or j in article.rows
            # (a question down there is a teaser's headline, or a widget's "Was this helpful?")
            if not (cut or credit or (g.closed and not g.question and g.words >= 3)):
                return False
        return True

    @staticmethod
    def _subheadings(article: Reading, keep: list[bool], favor: str, doc) -> None:
        """A run of lines going between two kept ones: its last line is a subheading when it
        has the shape of one, stands over a sentence, and the run holds no other line of that
        shape (more make a list of headlines: other stories)."""
        i, n = article.first + 1, len(keep)
        most = 2 if favor == "recall" else 1
        while i < n:
            if keep[i]:
                i += 1
                continue
            j = i
            while j < n and not keep[j]:
                j += 1
            run = range(i, j)
            # (a label over another story's headline, "Lees ook: ...", goes whatever it is)
            shaped = [k for k in run if _heading_shape(article.lines[k])
                      and not article.links_away(k)
                      and not (k != j - 1 and _READ_ALSO.match(article.lines[k].text))]
            last = j - 1
            # one word ("References") only straight between two sentences
            alone = len(run) == 1 or favor == "recall"
            over = j < n and (article.solid[j] or Body._listed(article, j) or j in article.rows
                              or (keep[j] and article.introduces(j)))
            if favor == "precision" and len(run) > 1:
                over = False  # only right under a paragraph
            close = j < n and not _teaser_between(article, last, j, doc)
            # (a time or a count, "03:12 min", "3/50", heads nothing, but counts: a gallery)
            if (over and close and last in shaped and len(shaped) <= most
                    and article.lines[last].digit_share < 0.4
                    and (article.lines[last].words >= 2 or alone)):
                keep[last] = True
            i = j

    @staticmethod
    def _listed(article: Reading, i: int) -> bool:
        """Is line ``i`` in a list: under a line ending in a colon (with only items between),
        marked as an item next to another item, or a table row next to another row?"""
        f = article.lines[i]
        for j in range(i - 1, max(i - 40, -1), -1):
            g = article.lines[j]
            if article.introduces(j):
                return True
            if article.solid[j] or (_chaff_shape(g) and j not in article.rows):
                break
        for k in (i - 1, i + 1):
            g = article.at(k)
            if g is None:
                continue
            if f.listed and (g.listed or g.intro):
                return True
            if _table_row(f) and _table_row(g):
                return True
        return False


#: A credit alone on its line: names joined by "/" ("Noel Celis/Getty Images", "Keystone/
#: The White House via AP/Adam Schultz"), each part capitalised, no sentence end.
_CREDIT_PART = regex.compile(r"^[\p{Lu}\d][\p{L}\p{M}\d .&'’-]{0,40}$")
#: A caption's label on a line of its own ("Legende:", "Bildunterschrift:", "Caption:").
_CAPTION_LABEL = regex.compile(r"^(?i:legende|légende|bildunterschrift|caption|leyenda|"
                               r"didascalia|bijschrift|bildtext|podpis)\s*[:：]$")
_SENTENCE_END = regex.compile(r"[.!?]\s+\p{Lu}")


def _credit_line(text: str) -> bool:
    """A picture's credit on a line of its own: two to four names joined by "/", each
    capitalised, ten words at most, few function words ("and/or" is no credit)."""
    if "/" not in text or "://" in text or len(text) > 120 or text.endswith((".", "!", "?", ":")):
        return False
    parts = [p.strip() for p in text.split("/")]
    if not 2 <= len(parts) <= 4 or not all(_CREDIT_PART.match(p) for p in parts):
        return False
    f = line(text)
    return f.words <= 10 and f.function_share <= 0.2


#: The labels of a picture's credit ("Photo:", "Picture:", "Foto:", "Bild:").
_PICTURE = ("photo|photos|photograph|picture|pic|image|imagen|imagem|foto|fotos|bild|credit|"
            "photo credit|image credit|courtesy|фото|zdjęcie|fotoğraf|写真|画像|ภาพ")
#: A caption's credit at the end of the line: "... Picture: Lakeside Gazette/Ian Rowe",
#: "... (Photo: AP)": after a sentence's end or in brackets, a label, then a name or two.
_CREDIT_TAIL = regex.compile(
    rf"(?:(?<=[.!?»”\"’)]\s{{1,3}})|\(\s*)(?i:{_PICTURE})\s*[:：]\s*"
    r"(?P<credit>[\p{Lu}\d][^\n.!?()]{1,80}?)\s*\)?\s*$")


@register
class Caption(ArticleRule):
    """A picture's caption in the text, known by the credit that ends it: "The ticket office
    at Bowness pier. Picture: Lakeside Gazette/Ian Rowe", "Traders clear debris at the
    market. (Photo: AP)".

    A caption reads as a sentence, so the body rule keeps it; its credit says what it is. The
    credit comes after the sentence's end or in brackets, names a source (capitalised, with
    no sentence of its own), and ends the line. A sentence that speaks of a photo ("The
    photo: a blurred shape over the lake") or quotes one stays.

    A credit on a line of its own, names joined by "/" ("Noel Celis/Getty Images"), goes
    too, with the caption over it when that is one sentence of ``caption_words`` words or
    fewer, and a caption's label over that ("Legende:", "Bildunterschrift:").

    **Known problems:** a one-sentence paragraph right over a picture that has a credit and
    no caption is taken for its caption.
    """

    code = "EV03"
    name = "evidence.caption"
    groups = ("evidence",)
    description = "Captions and credits: '... Picture: Agency/Name', 'Name/Getty Images' alone."
    settings = {"max_words": 60, "caption_words": 25}
    examples = (
        remove("Evergrande owes more than any other company in the world, analysts said.\n\n"
               "Legende:\n\nThe group's unfinished towers outside Guangzhou.\n\nNoel Celis/"
               "Getty Images\n\nIts debts stand at 300 billion dollars, the largest of any firm.",
               "Legende:", "unfinished towers", "Noel Celis/Getty Images"),
        # A paragraph over a credit is no caption: a caption is one short sentence.
        keep("The council met on Monday and voted to close the old bridge for repairs. The "
             "mayor said the works would take the winter and the ferry would run more often "
             "while the bridge was shut.\n\nAna Ruiz/City Herald\n\nThe works cost £2m, most of "
             "it for new piles.", "The mayor said the works would take the winter"),
        remove("The pier will reopen in May after a year of repairs, the council said.\n\n"
               "The ticket office at Bowness pier, which opened in 1885. Picture: Lakeside "
               "Gazette/Ian Rowe\n\nThe works cost £2m, most of it for new piles.",
               "The ticket office at Bowness pier"),
        remove("Traders clear debris at the market on Tuesday. (Photo: AP)\n\nThe fire started "
               "in a generator behind the stalls, officials said.", "Traders clear debris"),
        keep("The pier will reopen in May after a year of repairs, the council said.\n\n"
             "Its keeper showed us the old picture: a steamer at the pier in 1901.\n\n"
             "The works cost £2m, most of it for new piles.", "Its keeper showed us the old picture"),
        keep("The council met on Monday. Photo: it was the first time the press could take "
             "pictures in the chamber.", "it was the first time"),
    )

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        dropped: set[int] = set()
        for k, piece in enumerate(pieces):
            text = piece.text
            if _credit_line(text):
                # a credit alone ("Noel Celis/Getty Images"): the caption over it goes with it
                # when it is one short sentence, and so does a caption's label above that
                yield self.drop(piece.start, piece.end, reason="a picture's credit")
                above = k - 1
                if above >= 0 and above not in dropped and self._caption(pieces[above].text):
                    dropped.add(above)
                    yield self.drop(pieces[above].start, pieces[above].end,
                                    reason="a picture's caption, over its credit")
                    above -= 1
                if above >= 0 and above not in dropped and _CAPTION_LABEL.match(pieces[above].text):
                    dropped.add(above)
                    yield self.drop(pieces[above].start, pieces[above].end,
                                    reason="a caption's label")
                continue
            match = _CREDIT_TAIL.search(text)
            if match is None or line(text).words > self.options["max_words"]:
                continue
            credit = line(match.group("credit"))
            if credit.function_share <= 0.25 and credit.words <= 8:
                dropped.add(k)
                yield self.drop(piece.start, piece.end,
                                reason=f"a picture's caption: its credit, {match.group('credit')!r}")

    def _caption(self, text: str) -> bool:
        """One sentence of ``caption_words`` words or fewer: what a caption is."""
        f = line(text)
        return (f.words <= self.options["caption_words"] and f.closed
                and len(_SENTENCE_END.findall(text.rstrip(".!?"))) == 0)
