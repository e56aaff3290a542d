"""Structure: an article's head and tail, read once the document has been split.

These rules see one article at a time, as the pieces of text the other rules left. The head
is what comes before the first paragraph of body text: there sit the section label, the
headline, and site or menu lines; the tail is what follows the last paragraph.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..shapes import UNSPACED_STOP, is_body, is_headline, weight, word_count
from .base import ArticleRule, ArticlesRule, Proposal, keep, remove
from ..dates import find_date
from ..features import line
from .evidence import ADDRESS_NUMBER, table_rows
from .head import headline_by_lede, strip_site, terms
from .split import keys
from ..patterns import SECTIONS
from .registry import register

_SECTION = regex.compile(rf"^(?i:{SECTIONS})$")


def head(pieces) -> list:
    """The pieces before the first body paragraph (in Chinese or Japanese too: see
    :func:`~dechaff.shapes.weight`)."""
    for i, piece in enumerate(pieces):
        if weight(piece.text)[1]:
            return pieces[:i]
    return []


def _lede(body) -> list[str]:
    """The first paragraph and the next one, when it is one too (a web address or a tag
    line under a short article is no lede: it would share words with its other kind)."""
    texts = [body[0].text] if body else []
    if len(body) > 1 and weight(body[1].text)[1]:
        texts.append(body[1].text)
    return texts


@register
class MenuRun(ArticleRule):
    """A run of three or more label-like lines: a menu, a footer's link list, a share bar.

    A label is a line of at most four words that is not closed like a sentence (in Chinese or
    Japanese, where words are not spaced, every two characters count as a word and 。 closes a
    sentence: see :func:`~dechaff.shapes.weight`). Articles rarely stack three of them;
    navigation always does.

    A run right under a line that ends in a colon ("The works include:") is that line's
    list, and stays; so does the run's last line when the paragraph under it takes up its
    words: it is the headline ("Home / News / Sport / Bridge closes" over "The bridge
    closed on Monday ...").

    So do the rows of a table flattened with "|" ("Ward | Yes | No" over "Harbour | 412 |
    380"), and the line over them, and a run whose lines mostly hold numbers beside their
    words: an address ("14 Quay Street" / "Portland, ME 04101" / "United States"), opening
    hours, a price list.

    **Known problems:** a list of one-to-four-word items in an article (a short ingredient
    list, a line-up) goes too, unless a line ending in a colon introduces it. On HTML pages the HTML rules judge menus from the markup, so
    this rule reads plain-text input only.
    """

    code = "ST07"
    name = "structure.menu_run"
    groups = ("structure",)
    description = "Runs of three or more short label lines (menus, footer links)."
    repeatable = True
    on_pages = False
    settings = {"min_run": 3, "max_words": 4}
    _closed = (".", "!", ";", ",", *UNSPACED_STOP)
    examples = (
        remove("World\n\nBusiness\n\nSport\n\nThe council met on Monday and voted to close the old "
               "bridge for repairs, the mayor said.", "World", "Business", "Sport"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "What happens next\n\nThe bridge will stay shut until spring, officials said.",
             "What happens next"),
        remove("Home\n\nNews\n\nSport\n\nOld bridge closes\n\nThe old bridge closed on Monday for "
               "repairs that will take the winter, the council said.", "Home", "Sport",
               also=("ST02",), title="Old bridge closes"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "It listed the works the old bridge needs:\n\nNew bearings\n\nA steel deck"
             "\n\nFresh paint\n\nThe bridge will stay shut until spring, officials said.",
             "New bearings", "A steel deck", "Fresh paint"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "Votes by ward\n\nWard | Yes | No\n\nHarbour | 412 | 380\n\nHill Top | 290 | 301\n\n"
             "The bridge will stay shut until spring, officials said.", "Ward | Yes | No",
             "Hill Top | 290 | 301"),
        keep("The company was founded in 1871 and runs six ferries today, it said.\n\n14 Quay "
             "Street\n\nPortland, ME 04101\n\nUnited States\n\nThe company employs 140 people "
             "at the port, most of them crew.", "14 Quay Street", "Portland, ME 04101"),
        # Short Japanese sentences, one a line: closed by 。, and words are characters here.
        keep("パスワード管理ソフトは不可欠です。\n\nこれが非常に困ったもの。\n\n以下、その手順。\n\n"
             "再起動して完了しました。", "これが非常に困ったもの。", "以下、その手順。"),
    )

    def is_label(self, text: str) -> bool:
        if word_count(text) > self.options["max_words"] or text.endswith(self._closed):
            return False  # (weight's words are never fewer: the cheap test first)
        words, long = weight(text)  # a Chinese or Japanese line's words are its characters
        return words <= self.options["max_words"] and not long

    @staticmethod
    def _headline(last, below):
        """The run's last line when it is the headline of the paragraph under it: two words
        or more that the paragraph takes up."""
        if below is None or not is_body(below.text) or word_count(last.text) < 2:
            return None
        words = terms(last.text)
        return last if len(words & terms(below.text)) >= max(1, len(words) // 2) else None

    @staticmethod
    def _list(run: list, above) -> bool:
        """Is the run a list that a line ending in a colon introduces ("You will need:")?"""
        return (above is not None and above.text.endswith(":")) or (
            run[0].text.endswith(":") and word_count(run[0].text) >= 3)

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        run: list = []
        above = None  # the line above the run: one ending in a colon introduces a list
        rows: frozenset[int] | None = None
        for piece in [*pieces, None]:
            if piece is not None and self.is_label(piece.text):
                run.append(piece)
                continue
            if len(run) >= self.options["min_run"] and not self._list(run, above):
                if rows is None:  # a table's rows are short too ("Harbour | 412 | 380")
                    rows = frozenset(pieces[i].start for i in table_rows([line(p.text) for p in pieces]))
                if all(label.start in rows for label in run[1:]) or _figures_run(run):
                    run, above = [], piece
                    continue
                headline = self._headline(run[-1], piece)
                for label in run:
                    if label is not headline:
                        yield self.drop(label.start, label.end, reason=f"one of {len(run)} label lines")
            run, above = [], piece


def _figures_run(run: list) -> bool:
    """Do half of a run's lines or more hold a number beside their words ("14 Quay Street",
    "Portland, ME 04101", "Mon-Fri 9am-5pm")? An address, opening hours or a price list, not
    a menu, whose items are words (a pager's bare numbers are no such lines)."""
    held = sum(1 for p in run if _DIGIT.search(p.text) and any(c.isalpha() for c in p.text))
    return held * 2 >= len(run)


_DIGIT = regex.compile(r"\d")


@register
class RepeatedLine(ArticleRule):
    """A line that repeats the line before it: a headline printed twice, a doubled paragraph.

    Runs on what the other rules left, so a repeat hidden behind a dropped line is caught.
    """

    code = "ST05"
    name = "structure.repeated_line"
    groups = ("structure",)
    description = "The second copy of a line repeated right after itself."
    repeatable = True
    examples = (
        remove("China seeks to influence US elections\n\nChina seeks to influence US elections\n\n"
               "The body of the story goes here and it is long enough to be a paragraph.",
               body="China seeks to influence US elections\n\nThe body of the story goes here "
                    "and it is long enough to be a paragraph."),
        keep("Yes, he said.\n\nYes, he said.\n\nThe vote was close, and the chair had the last word."),
    )

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        for prev, piece in zip(pieces, pieces[1:]):
            if (len(piece.text) == len(prev.text) and piece.text.casefold() == prev.text.casefold()
                    and word_count(piece.text) >= 4):
                yield self.drop(piece.start, piece.end, reason="repeats the line before")


@register
class SectionLabel(ArticleRule):
    """A section name ("Politics", "Deportes") over the headline becomes ``section``."""

    code = "ST01"
    name = "structure.section_label"
    groups = ("structure", "fields")
    description = "A section label in an article's head ('Politics') becomes the section."
    examples = (
        remove("Politics\n\nBlinken warns China over election meddling\n\nThe US secretary of state "
               "said on Friday that China was trying to influence the vote.", "Politics",
               section="Politics"),
        keep("Politics is a contact sport, the senator said, and the room laughed at once."),
    )

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        for piece in head(pieces):
            if _SECTION.match(piece.text):
                yield self.move(piece.start, piece.end, "section", piece.text)
                return


@register
class Title(ArticleRule):
    """The headline: a line of the head printed twice, else a line that a line above it holds
    whole beside a site's name ("Site: Headline", "Headline | Site"), else the headline-shaped
    line whose words the lede takes up most (a site's name, a navigation bar, a "Breaking:" ticker or a
    promo shares none: see :func:`~dechaff.rules.head.headline_by_lede`), else its first
    headline-shaped line of four words or more (three at a pinch: site names are short,
    headlines rarely are). A date line is none, even with a place or a label beside the date
    ("Ciudad de México / 04.03.2025 13:20:00"). A site's name after or before it ("... - The
    Daily Ledger") is stripped.

    Lines of the head above it (site names, menus, stray labels) leave the body with it, and
    so does a copy of it further down the head; other lines between it and the body (a
    standfirst, a caption) stay.
    """

    code = "ST02"
    name = "structure.title"
    groups = ("structure", "fields")
    description = "Picks the headline from an article's head; drops the site and menu lines above it."
    on_pages = False
    examples = (
        remove("ExBulletin\n\nWhat Are The Main Benefits Of Comparing Quotes Online\n\nLOS ANGELES, "
               "CA / ACCESSWIRE / June 24, 2020 / The company has launched a new blog post.",
               "ExBulletin", title="What Are The Main Benefits Of Comparing Quotes Online"),
        remove("WATCH LIVE: Evening news at six\n\nBridge to reopen after two years of repairs | "
               "City Herald\n\nThe old bridge will reopen next month after two years of repairs, "
               "the mayor said on Monday.", "WATCH LIVE",
               title="Bridge to reopen after two years of repairs"),
        keep("The mayor said on Monday that the bridge would reopen next month after repairs."),
        # Of the lines the lede takes up by half, the first: a score line under the headline
        # repeats the lede's words more closely.
        remove("Brooks scores 31 as Gulls hold off Miners in a thriller\n\nHarbor City Gulls 112, "
               "Ridgeback Miners 108\n\nTavian Brooks scored 31 points as the Harbor City Gulls "
               "beat the Ridgeback Miners 112-108 on Saturday night.",
               title="Brooks scores 31 as Gulls hold off Miners in a thriller"),
        # A date line with its place beside the date is no headline, though the lede names
        # the place.
        remove("Bridge to reopen after two years of repairs\n\nHarbour Town / 04.03.2025 13:20\n\n"
               "The old bridge in Harbour Town will reopen next month after two years of repairs, "
               "the mayor said on Monday.", title="Bridge to reopen after two years of repairs"),
        # A page's title line, the site's name joined to the headline, over the headline:
        remove("Harbour Notes: Ferry fares rise in March on island routes\n\nHarbour Notes\n\n"
               "Ferry fares rise in March on island routes\n\nThe operator said on Monday that "
               "it would raise its fares in March, blaming the cost of fuel.",
               "Harbour Notes: Ferry", title="Ferry fares rise in March on island routes"),
    )

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        lead = head(pieces)
        lede = " ".join(_lede(pieces[len(lead):]))
        title = self.choose(lead, doc, lede)
        if title is None:
            return
        above = True
        for piece in lead:
            if piece is title:
                above = False
            elif above:
                yield self.drop(piece.start, piece.end, reason="above the headline")
            elif piece.text.casefold() == title.text.casefold():
                yield self.drop(piece.start, piece.end, reason="repeats the headline")
        yield self.move(title.start, title.end, "title", strip_site(title.text, lede))

    @staticmethod
    def choose(lead, doc, lede: str = ""):
        candidates = [p for p in lead if is_headline(p.text) and not _date_line(p.text)]
        for piece in candidates:
            following = doc.blocks[piece.block + 1].text if piece.block + 1 < len(doc.blocks) else ""
            if following.casefold() == piece.text.casefold():
                return piece
        held = _held(candidates)
        if held is not None:
            return held
        found = headline_by_lede(candidates, lede)
        if found is not None:
            return found
        for least in (4, 3):
            for piece in candidates:
                if word_count(piece.text) >= least:
                    return piece
        return None


def _date_line(text: str) -> bool:
    """A line that is a date and a few words beside it (a place, a label): "Ciudad de
    México / 04.03.2025 13:20:00". A headline that names a date has more to say."""
    found = find_date(text)
    if found is None:
        return False
    return word_count(text[:found.start()] + " " + text[found.end():]) <= 4


#: What joins a site's name to a headline on a page's title line.
_JOINS = (":", "|", "-", "–", "—", "•", "·", "»", "/")


def _held(candidates):
    """A headline of four words or more that a line above it holds whole, at its end after
    a site's name and a join ("Site: Headline", "Site | Headline") or at its start before
    one ("Headline - Site"): a page's title line over the headline itself."""
    for i, piece in enumerate(candidates):
        text = piece.text.casefold().strip()
        if word_count(text) < 4:
            continue
        for above in candidates[:i]:
            line = above.text.casefold().strip()
            if line.endswith(text):
                rest, joined = line[:-len(text)], line[:-len(text)].rstrip().endswith(_JOINS)
            elif line.startswith(text):
                rest, joined = line[len(text):], line[len(text):].lstrip().startswith(_JOINS)
            else:
                continue
            if joined and 1 <= word_count(rest) <= 6:
                return piece
    return None


@register
class TailResidue(ArticleRule):
    """Short label-like lines after an article's last paragraph: a site name, a stray button.

    **Known problems:** only lines of one to three words with no punctuation go; a credit
    such as "(With inputs from agencies)" stays.
    """

    code = "ST03"
    name = "structure.tail_residue"
    groups = ("structure",)
    description = "One-to-three-word lines after the last paragraph ('ExBulletin')."
    repeatable = True
    _label = regex.compile(r"^[\p{L}\d][\p{L}\d '&’-]*$")
    examples = (
        remove("The bridge will reopen next month after repairs, the mayor said on Monday.\n\n"
               "ExBulletin", "ExBulletin"),
        keep("The bridge will reopen next month after repairs, the mayor said on Monday.\n\n"
             "(With inputs from agencies)", "(With inputs from agencies)"),
    )

    def propose_article(self, pieces, doc) -> Iterator[Proposal]:
        last = max((i for i, p in enumerate(pieces) if is_body(p.text)), default=None)
        if last is None:
            return
        for piece in pieces[last + 1:]:
            if (word_count(piece.text) <= 3 and self._label.match(piece.text)
                    and not ADDRESS_NUMBER.search(piece.text)):  # ("14 Quay Street": an address)
                yield self.drop(piece.start, piece.end, reason="label after the last paragraph")


@register
class AfterEnd(ArticlesRule):
    """Text after an article's closing footer that does not open a new article.

    The splitter starts a new article after a closing footer; when what follows holds no
    paragraph of body text, it is leftover page furniture and leaves with this rule.
    """

    code = "ST04"
    name = "structure.after_end"
    groups = ("structure", "split")
    description = "Leftover lines after a closing footer that start no new article."
    examples = (
        remove("The bridge will reopen next month after repairs, the mayor said on Monday.\n\n"
               "© 2024 City News. All rights reserved.\n\nCity News Network",
               "City News Network", also=("FT02",)),
        keep("The bridge will reopen next month after repairs, the mayor said on Monday."),
    )

    settled = False  # it judges the splits that made no article, before they are folded back

    def propose_articles(self, articles, doc) -> Iterator[Proposal]:
        for i, article in enumerate(articles):
            if i and not article.has_body:
                yield self.drop(i, i + 1, reason="after the article's end, no article of its own")


@register
class Teaser(ArticlesRule):
    """A stub split off beside a real article, too short to be one: another story's teaser.

    Pages and scrapes list other stories under an article (a headline, a date, a line of
    text): each looks like an article's start, and the splitter cuts there. A part with
    fewer than 50 words of body text, beside a longer article, is taken back and dropped;
    but when no footer closed the article above and ``cohesion`` or more of the key words
    of the part's paragraphs are that article's, the part is the rest of the same story (a
    line that looked like a dateline cut it) and joins it again.

    **Known problems:** a glued news brief of under 50 words goes with the teasers.
    """

    code = "ST06"
    name = "structure.teaser"
    groups = ("structure", "split")
    description = "Split-off stubs under 50 words beside a real article (teasers of other stories)."
    settings = {"min_words": 50, "cohesion": 0.3}
    examples = (
        remove("Ferry operator orders two hybrid vessels for island routes\n\nCoastline Ferries has "
               "ordered two hybrid vessels to replace the ageing ships on its busiest island routes, "
               "in a deal worth around 95 million euros, the company said on Tuesday. The ships will "
               "enter service in 2026 and carry 600 passengers each.\n\nNovember 1, 2019\n\n"
               "Museum returns carved doorway to village\n\nA short teaser of the other story.",
               "A short teaser of the other story.", also=("FD02",), records=1),
        keep("Ferry operator orders two hybrid vessels for island routes\n\nCoastline Ferries has "
             "ordered two hybrid vessels to replace the ageing ships on its busiest island routes, "
             "in a deal worth around 95 million euros, the company said on Tuesday.",
             "in a deal worth around 95 million euros, the company said on Tuesday."),
        # A short part about the same story, cut off by a line that looked like a dateline.
        keep("Ferry operator orders two hybrid vessels for island routes\n\nCoastline Ferries has "
             "ordered two hybrid vessels to replace the ageing ships on its busiest island routes, "
             "in a deal worth around 95 million euros, the company said on Tuesday. The ships will "
             "enter service in 2026 and carry 600 passengers each.\n\nVIGO: The two hybrid "
             "vessels for the island routes will be built at the yard here, whose workers said "
             "the ferries would keep them busy until 2026.", "VIGO: The two hybrid vessels",
             records=1),
    )

    def propose_articles(self, articles, doc) -> Iterator[Proposal]:
        if len(articles) < 2:
            return
        largest = max(articles, key=lambda a: a.words)
        for i, article in enumerate(articles):
            if article is largest or article.words >= self.options["min_words"]:
                continue
            if i and not articles[i - 1].ended and self._goes_on(articles[i - 1], article):
                yield self.merge(i, i + 1, reason="too short to be an article, and about the "
                                 "story above: its rest")
            else:
                yield self.drop(i, i + 1, reason="too short to be an article")

    def _goes_on(self, above, part) -> bool:
        """Does ``part`` go on with the story ``above`` (no footer between): paragraphs whose
        key words are ``cohesion`` or more the story's? Another story's teaser shares few."""
        words = keys(" ".join(p.text for p in part.pieces if is_body(p.text)))
        if len(words) < 4:
            return False
        story = keys(" ".join(p.text for p in above.pieces))
        return len(words & story) >= self.options["cohesion"] * len(words)
