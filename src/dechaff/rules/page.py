"""Page: the chrome around an article when the scrape is a whole web page.

A scraper that keeps every text node of a page brings the page's menus, headers, related
story lists, sidebars and footers along with the article. Aggregator scrapes carry a few
label lines; a page carries dozens, and that difference is the evidence these rules need
before they fire. The article itself is the densest run of paragraph text: long,
sentence-shaped lines with only a few short lines (subheadings, captions) among them. This
is the idea of Body Text Extraction (Finn, Kushmerick and Smyth, 2001) and of jusText, read
on lines instead of HTML tags.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from typing import Iterator

import regex

from ..dates import DATE, may_hold_date
from ..features import line
from ..shapes import is_body, is_headline, weight, word_count
from ..patterns import ALL_RIGHTS, POPULAR_HEADING, RELATED_HEADING
from .base import Proposal, TextRule, keep, remove
from .consent import ReproductionNotice
from .evidence import credit_label
from .ui import PLACEHOLDER
from .head import headline_by_lede, strip_site, terms as _terms
from .registry import register

#: What joins the headline to the site's name in a page's ``<title>`` line.
_TITLE_SEP = regex.compile(r"\s+[|\-–—:·•»]\s+")
#: A date, on a short line of its own (a story's or a teaser's).
_DATE = regex.compile(rf"(?<![\w-]){DATE}(?!\w)", regex.IGNORECASE)


def _dated(text: str) -> bool:
    """Does ``text`` hold a date? (Most lines hold no year, which every date has.)"""
    return may_hold_date(text) and _DATE.search(text) is not None


def _menu(*labels: str) -> str:
    return "\n\n".join(labels)


_PAGE_HEAD = _menu("Ferry operator orders two hybrid vessels | Coast Daily", "Coast Daily",
                   "Home", "News", "Business", "Sport", "Travel", "Opinion", "Weather",
                   "Video", "Podcasts", "Newsletters", "Sign in", "Subscribe", "Search",
                   "Ferry operator orders two hybrid vessels", "By Ana Ruiz")
_PAGE_TAIL = _menu("More from Coast Daily", "About us", "Contact", "Careers", "Advertise",
                   "Privacy policy", "Terms of use", "Cookie settings", "Site map", "RSS")
_STORY = ("Coastline Ferries has ordered two hybrid vessels to replace the ageing ships on its "
          "busiest island routes, in a deal worth around 95 million euros, the company said on "
          "Tuesday.\n\nThe ships will enter service in 2026 and carry 600 passengers each, and "
          "their batteries will be charged in port from the island's wind farm.\n\nWhat changes "
          "for passengers\n\nCrossings will take ten minutes less, and fares will not rise before "
          "2027, the company's chief executive told reporters at the yard.")

_BROKEN = ("The order was signed by\n\nMarta Vidal\n\n, the company's chief executive, at the "
           "yard in Vigo.")
_SECOND = _menu("Harbour master named after a long search", "Home", "News", "Sport",
                "Weather", "Opinion", "Sign in",
                "The port authority has named Ines Costa as its new harbour master, ending a "
                "search that took almost a year, the authority said on Wednesday.",
                "Costa, who has run the pilot service for a decade, will start in March and "
                "oversee the dredging of the outer channel, which the port needs before the "
                "larger ferries arrive, and the rebuilding of the old north quay.", "About us", "Contact", "Careers",
                "Privacy policy", "Terms of use", "Cookie settings", "Site map", "RSS")
#: After the article and a wall of chrome, another story's paragraphs (a rail's blurbs).
_OTHER = _menu("Most read", "Weather", "Sport", "Opinion", "Video", "Podcasts", "Puzzles",
               "Letters", "A bakery in the old town has baked the same rye loaf every morning "
               "since 1952, and its fourth owner says she will not change the recipe.",
               "Around 300 loaves a day leave the shop, most of them before nine, and on "
               "Saturdays the queue reaches the corner of the square.")
#: After a gallery's captions, the rest of the same article.
_GALLERY = _menu(*(f"Photo {n} of 9" for n in range(1, 10)),
                 "Both vessels will be built at the yard in Vigo, which has built ferries for "
                 "the island routes since the 1980s, and each will carry 600 passengers.",
                 "The company expects the first of the two ships at the island routes' busiest "
                 "port in the spring of 2026, and the second vessel a few months later.")
#: The article, longer, and after the footer a consent dialog whose prose outscores it.
_LONGER = _STORY.replace("What changes for passengers", "The older ships will be sold once the "
                         "new ones have passed their sea trials, and the crews will train on "
                         "the new vessels over the winter, the company said.\n\nWhat changes "
                         "for passengers")
_CONSENT = _menu("Your privacy choices", "Accept all", "Reject all", "Manage options",
                 "Partners", "Cookie list", "Vendor list", "Legitimate interest",
                 "We and our partners store and access information on your device, such as "
                 "cookies and unique identifiers, to personalise advertising and content, to "
                 "measure how advertising and content perform, and to learn about our audience.",
                 "You may accept or reject these uses, or choose the purposes you allow; your "
                 "choices apply to this site only, and you may change them at any time from the "
                 "privacy settings link at the bottom of every page.",
                 "Some partners process personal data on the basis of a legitimate interest, "
                 "which you may object to in the vendor list; strictly necessary storage cannot "
                 "be switched off, as the site would not work without it.",
                 "We keep a record of your choices for twelve months, after which we ask you "
                 "again, and we never sell the personal data collected through this dialog.")
#: A list longer than a wall, that the article's paragraph introduces, and the article's end.
_LISTED = _STORY.replace("What changes for passengers", "The company listed what each of the two "
                         "vessels will have on board for passengers:\n\n"
                         + _menu("Seats for 600", "Room for 120 cars", "Bike racks for 40",
                                 "Lifts to decks 1 to 4", "A cafe on deck 3", "A lounge on deck 4",
                                 "Solar panels on deck 5", "Chargers for 200", "Crew of 12"))
#: A page whose title line has no site's name; its headline, over the article, repeats it.
_THIRD = _menu("Museum returns carved doorway to its village", "Skip to content", "Home",
               "News", "Culture", "Travel", "Sign in", "Subscribe",
               "Museum returns carved doorway to its village",
               "The city museum has returned a carved oak doorway to the village it was taken "
               "from ninety years ago, at a ceremony in the square on Sunday.",
               "The doorway will stand again at the entrance of the village meeting house, the "
               "museum's director said, after two years of talks with the village council.",
               "Villagers carried the doorway from the museum's van to the square, where a "
               "choir sang and the mayor thanked the museum for giving back what the village "
               "had lost.",
               "About us", "Contact", "Careers", "Privacy policy", "Site map")
_TEASERS = _menu("Port Authority Names New Harbour Master", "Island Bus Fares Rise In March",
                 "Ferry Strike Called Off After Talks")


@register
class MainContent(TextRule):
    """On a whole web page, the lines outside the article's run of paragraphs: the page chrome.

    **What it does:** only on a page (at least ``min_labels`` lines of one to four words that
    are not sentences: menus, footers, link lists; an aggregator's scrape carries a
    handful), each line gets a score: a paragraph (sentence-shaped,
    :func:`~dechaff.shapes.is_body`) its words, halved (``alone_share``) when no paragraph
    stands next to it, as a teaser's blurb stands alone; any other line a cost
    (``line_cost`` and ``word_cost`` a word), and a short line holding a date a high one
    (``date_cost``: an article has one date, a list of stories one each). Runs of lines
    that score best are found by Kadane's maximum subarray; ``wall`` lines in a row that are
    not paragraphs end any run. The article is the run right under the page's headline (the
    first line that repeats the page's ``<title>`` line, its first line, whole or its
    longest part without the "| Site"), within ``head_reach`` lines, when it has an
    article's size (``2 * min_score``, and ``keep_share`` of the best run) and its lede
    takes up the headline's words; else the best-scoring run, under the
    last line before it that repeats the title line or, within ``head_reach`` lines above
    it, a line the title line holds ("World news: Headline") or the headline-shaped line
    whose words its lede takes up. Other runs scoring at least ``keep_share`` of the best
    are kept too (an article cut in two by a gallery) when at least ``cohesion`` of the key
    words of their first 80 words are the article's, or a kept run's (another story's
    blurbs, a consent dialog or a comment thread share few), unless they stand above the
    headline. Every line outside the kept runs goes, except the headline, which moves into the
    record's title (a title line over the site's menus never does: it names the site). When
    no headline stands over the article, the page's title line gives the title, if the lede
    takes up its words: less a part at either end that the page prints as a line of its own
    (the site's name, "| Coast Daily" over "Coast Daily"), and a short part the lede does not
    take up.
    A sentence that links broke into lines ("created by" / "Michael Anastassiades" / ", who
    designs for Flos.") weighs as the paragraph it is: up to ``max_pieces`` lines, each left
    open (ending in a word in small letters, or a comma; not a date), up to one closed like a
    sentence. A scrape of several pages is read page by page: a page starts at a title line
    whose headline stands alone further down; or, within ``footer_reach`` lines after a
    copyright line (the page before ended there), at a headline-shaped line that its page
    repeats further down (a long one too, that weighs as a paragraph; the footer may end on a
    notice in prose that the site's material may not be reproduced); or at a title line,
    over the site's menus, that the headline over
    an article repeats, whole or most of its words ("HS Roundup: ..." over "High School
    Roundup: ..."), even after a page of a few lines; or, between two runs of paragraphs, at
    a headline-shaped line with a site's menus under it whose words the lower run's lede
    takes up. No page starts at a credit, at a headline in a list of other stories', at a
    line the page repeats more than three times, at a value under a label ("Fill:" over
    "650 Fill Power Down"), at a line about the same story as its page's title line (the
    page it would cut, once every page is found), or before its page has had a paragraph. On a page, these boundaries
    alone split the text: its date lines, bylines and menus repeated in the footer open no
    article.

    **Why:** menus, related stories, sidebars and footers make most of a page's lines and
    hold few of its paragraphs; the article is where the paragraphs are dense. This is Body
    Text Extraction (Finn, Kushmerick and Smyth, 2001) read on lines instead of tags.

    **Known problems:** a list of teaser headlines in sentence case, each left open and the
    last closed like a sentence, reads as one paragraph; a page whose article is a list or a table (few sentences) loses the
    list when a run of prose elsewhere outscores it; a related-story list whose blurbs are
    whole paragraphs, right after the article, can be kept with it; a page with no run of
    paragraphs that scores ``min_score`` is left to the other rules. An HTML page's article
    has been chosen from its markup (``HT11``), so this rule reads plain-text input only.
    """

    code = "PG01"
    name = "page.main_content"
    groups = ("page", "structure")
    description = "On a whole web page, the menus, link lists and footers around the article."
    context = True
    page_level = True
    on_pages = False
    settings = {"min_labels": 20, "line_cost": 3.0, "word_cost": 0.5, "date_cost": 30.0,
                "alone_share": 0.5, "keep_share": 0.2, "cohesion": 0.2, "min_score": 40.0, "wall": 8,
                "title_reach": 400, "max_pieces": 6, "footer_reach": 8, "head_reach": 15}
    examples = (
        remove(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}", "Newsletters", "Privacy policy",
               "By Ana Ruiz", "Coast Daily"),
        keep(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}", "What changes for passengers",
             "their batteries will be charged in port"),
        # An aggregator's scrape, not a page: a few labels, and a lone paragraph far below.
        keep("Politics\n\nHome\n\nNews\n\nFerry operator orders two hybrid vessels\n\n"
             f"{_STORY}\n\nShare\n\nTweet\n\nEmail\n\nThe yard in Vigo also builds fishing "
             "boats for the coastal fleet.", "The yard in Vigo also builds fishing boats"),
        # A sentence that links broke into lines stays with the article; a teaser list goes.
        keep(_PAGE_HEAD + "\n\n" + _STORY.replace("What changes for passengers", _BROKEN) +
             "\n\n" + _PAGE_TAIL, "The order was signed by", "Marta Vidal"),
        remove(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_TEASERS}\n\n{_PAGE_TAIL}",
               "Port Authority Names New Harbour Master", "Island Bus Fares Rise"),
        # Two pages glued: the second's title, with the site's menus under it, is what its
        # article's lede is about.
        remove(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}\n\n{_SECOND}", "Cookie settings",
               records=2),
        # Another story's paragraphs, walled off from the article, go; the same story's rest,
        # after a gallery, stays.
        remove(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_OTHER}\n\n{_PAGE_TAIL}", "rye loaf",
               "Around 300 loaves"),
        keep(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_GALLERY}\n\n{_PAGE_TAIL}",
             "Both vessels will be built at the yard in Vigo"),
        # A list that a paragraph introduces is no wall: the article goes on under it.
        keep(f"{_PAGE_HEAD}\n\n{_LISTED}\n\n{_PAGE_TAIL}", "Lifts to decks 1 to 4",
             "told reporters at the yard"),
        # The article is the run under the headline, though a consent dialog's prose after
        # the footer outscores it; the dialog goes.
        remove(f"{_PAGE_HEAD}\n\n{_LONGER}\n\n{_PAGE_TAIL}\n\n{_CONSENT}", "unique identifiers",
               "legitimate interest"),
        # Two pages glued, the second's title line without its site's name: the headline
        # over its article repeats it.
        remove(f"{_PAGE_HEAD}\n\n{_STORY}\n\n{_PAGE_TAIL}\n\n{_THIRD}", "Skip to content",
               records=2),
        # A date line under the headline and a dated teaser in the footer open no article.
        keep(f"{_PAGE_HEAD}\n\nTuesday, 26 November 2024\n\n{_STORY}\n\n{_PAGE_TAIL}\n\n"
             "Tuesday, 19 November 2024\n\nPort Authority Names New Harbour Master\n\nThe port "
             "authority has named a new harbour master after a search that took most of the "
             "year, officials said.\n\nShe will oversee the dredging of the outer channel, which "
             "the port needs before the larger ferries arrive next year, and the rebuilding of "
             "the old north quay, which storms damaged last winter.",
             "their batteries will be charged in port", records=1),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        if doc.origin is not None:
            return  # a page is read whole, once: later passes see it cut
        blocks = doc.blocks
        if len(blocks) < self.options["min_labels"]:
            return  # too few lines to hold that many labels
        weights = [weight(b.text) for b in blocks]
        labels = sum(1 for words, long in weights if not long and words <= 4)
        if labels < self.options["min_labels"]:
            return
        weights, scores, introduced = self._measured(blocks, weights)
        body = [long for _, long in weights]
        lines = _Lines(blocks, body, introduced)
        keep_mask = [False] * len(blocks)
        reasons = [_CHROME] * len(blocks)
        for first, last, why in self._pages(lines, weights, scores):
            if first:
                yield self.boundary(blocks[first].start, reason=f"a new page's title line: {why}")
            runs = self._runs(scores, lines.solid, first, last)
            if not runs:  # no run of paragraphs stands out: leave this page to other rules
                keep_mask[first:last] = [True] * (last - first)
                continue
            top = max(runs, key=lambda run: run[2])
            headline, best = self._article(lines, runs, first, top)
            if headline is not None:  # what stands above the headline is not the article
                keep_mask[headline] = True
                if headline != first:  # (not the page's title line, which names the site)
                    head = blocks[headline]
                    yield self.move(head.start, head.end, "title", head.text.strip(),
                                    reason="the page's headline, over its article")
                runs = [run for run in runs if run[0] > headline]
            if headline is None or headline == first:
                # no headline over the article: the page's title line, less its site's name,
                # when the article's lede takes up its words
                title = blocks[first]
                lede = _lede(blocks, body, best[0], best[1])
                if headline_by_lede([title], lede) is not None:
                    keep_mask[first] = True
                    yield self.move(title.start, title.end, "title",
                                    strip_site(_less_site(lines, first), lede),
                                    reason="the page's title line: no headline stands over "
                                    "its article")
            floor = max(self.options["min_score"], self.options["keep_share"] * top[2])
            for s, e in self._same_story(blocks, body, runs, best, headline, floor):
                keep_mask[s:e] = [True] * (e - s)
            for s, e, score in runs:
                if score >= floor and not keep_mask[s]:
                    reasons[s:e] = [_OTHER_STORY] * (e - s)
        run = None  # lines in a row go as one drop (the engine still records each line)
        for block, wanted, why in zip([*blocks, None], [*keep_mask, True], [*reasons, None]):
            if run is not None and (wanted or why != run_why):
                end = blocks[block.index - 1].end if block is not None else blocks[-1].end
                yield self.drop(run.start, end, reason=run_why)
                run = None
            if not wanted and run is None:
                run, run_why = block, why

    def measure(self, blocks, weights: list[tuple[int, bool]] | None = None
                ) -> tuple[list[tuple[int, bool]], list[float]]:
        """Each line's weight (its words, and whether it is a paragraph, read with the lines
        a link broke it into) and its score."""
        return self._measured(blocks, weights)[:2]

    def _measured(self, blocks, weights: list[tuple[int, bool]] | None = None
                  ) -> tuple[list[tuple[int, bool]], list[float], list[int]]:
        """:meth:`measure`, and the lines that a paragraph introduces (:func:`_introduced`)."""
        if weights is None:
            weights = [weight(b.text) for b in blocks]
        weights = _rejoin_sentences(blocks, weights, self.options["max_pieces"])
        body = [long for _, long in weights]
        score = self._score
        scores = [score(b.text, *w) for b, w in zip(blocks, weights)]
        alone = self.options["alone_share"]
        for i, long in enumerate(body):
            if long and not (i and body[i - 1]) and not (i + 1 < len(body) and body[i + 1]):
                scores[i] *= alone  # a paragraph standing alone: a teaser, a blurb
        introduced = _introduced(blocks, body)
        for i in introduced:
            scores[i] = 0.0  # an item of what a paragraph introduces: neither cost nor words
        return weights, scores, introduced

    def _same_story(self, blocks, body: list[bool], runs: list[tuple[int, int, float]],
                    best: tuple[int, int, float], headline: int | None, floor: float
                    ) -> list[tuple[int, int]]:
        """The article's runs: its best one, and each run scoring ``floor`` or more that
        shares ``cohesion`` of its paragraphs' key words with those kept so far (the best
        scoring first, again while one joins)."""
        story = set(_story_terms(blocks, body, best, headline))
        kept = [best[:2]]
        rest = sorted((run for run in runs if run[2] >= floor and run != best), key=lambda run: -run[2])
        while rest:
            joined = [run for run in rest if _cohesion(blocks, body, run[0], run[1], story)
                      >= self.options["cohesion"]]
            if not joined:
                break
            for s, e, _ in joined:
                kept.append((s, e))
                story |= _story_terms(blocks, body, (s, e, 0.0), None)
            rest = [run for run in rest if run not in joined]
        return kept

    def _article(self, lines: "_Lines", runs: list[tuple[int, int, float]], first: int,
                 best: tuple[int, int, float]) -> tuple[int | None, tuple[int, int, float]]:
        """The page's headline and its article's run: the first line that repeats the page's
        title line (its first line) with a run of an article's size (``2 * min_score``, and
        ``keep_share`` of the best) right under it, within ``head_reach`` lines; else the
        best-scoring run, under the last line before it that repeats the title line, or the
        headline :meth:`_headline` finds."""
        least = max(2 * self.options["min_score"], self.options["keep_share"] * best[2])
        for head in lines.headlines_of(first, best[0]):
            under = [run for run in runs if head < run[0] <= head + self.options["head_reach"]
                     and run[2] >= least]
            if under and _takes_up(lines, head, under[0]):
                return head, under[0]
        headline = lines.headline(first, first + 1, best[0])
        if headline is None:
            headline = self._headline(lines.blocks, first, best)
        return headline, best

    def _headline(self, blocks, first: int, best: tuple[int, int, float]) -> int | None:
        """The headline above the article's run when no line repeats the page's title line
        whole: a line that the title line holds ("World news: Headline"), else the
        headline-shaped line whose words the run's lede takes up
        (:func:`~dechaff.rules.head.headline_by_lede`)."""
        title = blocks[first].text.casefold()
        lo = max(first, best[0] - self.options["head_reach"])
        candidates = [b for b in blocks[lo:best[0]] if is_headline(b.text) and not is_body(b.text)
                      and len(b.text.split()) >= 3]
        held = [b for b in candidates if len(b.text.split()) >= 4 and b.text.casefold() in title]
        if held:
            return held[-1].index
        lede = " ".join(b.text for b in blocks[best[0]:min(best[0] + 3, best[1])])
        found = headline_by_lede(candidates, lede)
        return found.index if found is not None else None

    def _score(self, text: str, words: int, long: bool) -> float:
        """What a line adds to the run it is in: its words if a paragraph, a cost if not;
        nothing either way for a short sentence ("Insert the plant into the hole.": the
        steps of a how-to), which no menu writes."""
        if long:
            return float(words)
        if words <= 8 and _dated(text):
            return -self.options["date_cost"]  # a teaser list's dates: one per story
        if words >= 4 and text.endswith((".", "!")) and not text.endswith(("...", "…")):
            return 0.0
        return -(self.options["line_cost"] + self.options["word_cost"] * words)

    def _pages(self, lines: "_Lines", weights: list[tuple[int, bool]], scores: list[float]
               ) -> list[tuple[int, int, str]]:
        """Where each page of the scrape lies: from its title line to the next one.

        A page after the first starts at a line that could be a title line (see
        :meth:`_could_open`) with the evidence of one: within ``footer_reach`` lines after a
        copyright line (where the page before ended), a headline-shaped line (not a "You may
        also like") that repeats further down, with or without its site's name; a title
        line ("Headline | Site") right after a line that is not a paragraph, or over the
        site's menus, whose headline stands alone, without the site's name, further down; a
        title line that the headline over an article repeats (:meth:`_named_title`, which
        alone may end a page of a few lines); or, between two runs of paragraphs with page
        chrome between them, the first headline-shaped line whose words the lower run's lede
        takes up and the upper run's text does not (:meth:`_title_between`). A page has
        ``min_labels`` lines or more, but for the named title.
        """
        blocks = lines.blocks
        body = [long for _, long in weights]
        starts, reasons = [0], {0: ""}
        reach, least = self.options["title_reach"], self.options["min_labels"]
        runs = sorted(r for r in self._runs(scores, lines.solid, 0, len(body))
                      if r[2] >= self.options["min_score"])
        footer = -1  # the last copyright line: a page's last lines
        said = False  # has the current page had a paragraph of its own (20 words or more)?
        for block in blocks[1:]:
            i = block.index
            if _copyright(block.text):
                footer = i
            elif said and weights[i][0] >= 4 and i - starts[-1] >= 3:
                why = self._opening(lines, body, runs, starts[-1], footer, i)
                if why is not None:
                    starts.append(i)
                    reasons[i] = why
                    said = False
            said = said or (body[i] and weights[i][0] >= 20)
        for upper, lower in zip(runs, runs[1:]):
            if any(upper[1] <= start <= lower[0] for start in starts):
                continue
            page = blocks[max(s for s in starts if s <= upper[0])].text.casefold()
            found = self._title_between(lines, upper, lower, page)
            if found is not None and min(abs(found - s) for s in starts) >= least:
                starts.append(found)
                reasons[found] = "the lede below takes up its words, the article above does not"
        starts = _distinct(lines, sorted(starts))
        return [(s, e, reasons[s]) for s, e in zip(starts, [*starts[1:], len(blocks)])]

    def _opening(self, lines: "_Lines", body: list[bool], runs: list[tuple[int, int, float]],
                 page: int, footer: int, i: int) -> str | None:
        """Why line ``i`` opens a page after the page that started at line ``page`` (the
        last copyright line at ``footer``), or ``None``. The cheap looks first: most lines
        are no title line at all."""
        blocks, text = lines.blocks, lines.blocks[i].text
        reach = self.options["title_reach"]
        whole = i - page >= self.options["min_labels"]  # the page before has a page's lines
        # (a long headline weighs as a paragraph: after a footer, one not closed like a
        # sentence may still be the next page's title line)
        after_footer = (whole and page < footer < i <= footer + self.options["footer_reach"]
                        and is_headline(text) and not _OTHER_STORIES.match(text)
                        and (not body[i] or word_count(text) <= 20))
        site = (whole and not body[i] and _TITLE_SEP.search(text) is not None
                and (not body[i - 1] or _menus_below(lines, i)))
        named = self._title_shaped(lines, body, i)
        if not (after_footer or site or named) or not self._could_open(lines, page, i):
            return None
        if after_footer and lines.headline(i, i + 1, i + reach, first=True) is not None:
            return "after the last page's copyright line, repeated further down"
        if site and lines.headline(i, i + 1, i + reach, first=True, whole=False) is not None:
            return "its headline stands alone further down, without the site's name"
        if named and self._named_title(lines, body, runs, i):
            return "the headline over an article repeats it"
        return None

    @staticmethod
    def _could_open(lines: "_Lines", page: int, i: int) -> bool:
        """Could line ``i`` be the title line of a page after the page that started at line
        ``page``? Not a credit ("Photo: ..."), not one of a list of other stories'
        headlines, not template text the page repeats (more than three times), not what
        the line above introduces ("Fill:" over "650 Fill Power Down": a value; a line
        naming its site, "Headline - Site", may stand under a menu's "Go to:"), not about
        the same story as that page's title line. (And the page before has had a paragraph
        of its own: a page's head holds no title of another page.)"""
        blocks = lines.blocks
        text = blocks[i].text
        if (":" in text and credit_label(line(text))) or _among_headlines(lines, i):
            return False
        if i and blocks[i - 1].text.endswith((":", "：")) and not _TITLE_SEP.search(text):
            return False  # (a title line naming its site, "Headline - Site", is one still)
        if ("{" in text or "%%" in text) and PLACEHOLDER.search(text):
            return False  # a template never filled in: "{| existing_displayName |} - ..."
        words = lines.terms(i)
        return (len(words) >= 2 and len(lines.where.get(text.casefold(), ())) <= 3
                and not _same_story(words, lines.terms(page)))

    @staticmethod
    def _title_shaped(lines: "_Lines", body: list[bool], i: int) -> bool:
        """Does line ``i`` stand as a page's title line stands: not a sentence, the site's
        menus under it, two lines or more of the five above it not paragraphs?"""
        text = lines.blocks[i].text
        if body[i] and (word_count(text) > 25 or text.rstrip().endswith((".", "…"))):
            return False  # a sentence, not a title ("Headline? Rest of it" may read as one)
        return (_menus_below(lines, i)
                and sum(1 for k in range(max(0, i - 5), i) if not body[k]) >= 2)

    def _named_title(self, lines: "_Lines", body: list[bool], runs: list[tuple[int, int, float]],
                     i: int) -> bool:
        """Is line ``i`` (shaped as a title line stands) the title line of a new page, one
        that the headline over an article repeats? A line further down repeats it (whole,
        without its site's name, or most of its words), and the lede of the run of
        paragraphs right under that line (an article's, ``2 * min_score`` or more: not a
        teaser's blurb) takes up its words: the new page's headline."""
        blocks = lines.blocks
        found = lines.repeat(i, i + self.options["title_reach"])
        if found is None:
            return False
        after = next((run for run in runs if run[0] >= found), None)
        if (after is None or after[0] - found > self.options["head_reach"]
                or after[2] < 2 * self.options["min_score"]):
            return False
        return _takes_up(lines, found, after)

    def _title_between(self, lines: "_Lines", upper: tuple[int, int, float], lower: tuple[int, int, float],
                       page: str) -> int | None:
        """The first headline-shaped line between two runs of paragraphs (with ``wall`` lines
        of chrome or more between them) that the lower run's lede takes up and the upper
        run does not, with chrome under it (a menu, not a teaser's blurb), and that the
        title line of the ``page`` the upper run is on does not hold: the next page's title."""
        if lower[0] - upper[1] < self.options["wall"]:
            return None
        blocks = lines.blocks
        lede = _terms(" ".join(b.text for b in blocks[lower[0]:min(lower[0] + 3, lower[1])]))
        above = _terms(" ".join(b.text for b in blocks[upper[0]:upper[1]]))
        for block in blocks[max(upper[1], lower[0] - 200):lower[0] - 3]:
            i = block.index
            if (not is_headline(block.text) or len(block.text.split()) < 4 or _fragment(block.text)
                    or not _menus_below(lines, i) or credit_label(line(block.text))
                    or block.text.casefold() in page
                    or any(is_body(b.text) for b in blocks[max(0, i - 5):i])):
                continue  # a page's title: its site's menus under it, the last page's footer above
            terms = _terms(block.text)
            shared = len(terms & lede)
            if terms and shared >= 2 and shared >= 0.3 * len(terms) and len(terms & above) < 0.3 * len(terms):
                return block.index
        return None

    def _runs(self, scores: list[float], body: list[bool], lo: int, hi: int
              ) -> list[tuple[int, int, float]]:
        """The runs of lines in ``[lo, hi)`` that score best, with their scores.

        A run of ``wall`` lines that are not paragraphs (a footer, a menu) ends any run:
        nothing on the far side of it is the same article's.
        """
        wall, gap, start = self.options["wall"], 0, lo
        segments = []
        for i in range(lo, hi):
            if not body[i]:
                gap += 1
                continue
            if gap >= wall:
                segments.append((start, i - gap))
                start = i - gap
            gap = 0
        segments.append((start, hi))
        return [run for s, e in segments for run in self._regions(scores, s, e)]

    def _regions(self, scores: list[float], lo: int, hi: int, depth: int = 0
                 ) -> list[tuple[int, int, float]]:
        """The best-scoring run in ``scores[lo:hi]`` (Kadane), then those left and right of it."""
        best, best_span = 0.0, None
        total, start = 0.0, lo
        for i in range(lo, hi):
            if total <= 0:
                total, start = 0.0, i
            total += scores[i]
            if total > best:
                best, best_span = total, (start, i + 1)
        if best_span is None or best < self.options["min_score"]:
            return []
        s, e = best_span
        found = [(s, e, best)]
        if depth < 8:
            found += self._regions(scores, lo, s, depth + 1)
            found += self._regions(scores, e, hi, depth + 1)
        return found



#: A page's closing legal line: a copyright notice, "All rights reserved".
_COPYRIGHT = regex.compile(
    rf"^\W{{0,3}}(?:©|\(c\)|(?i:copyright))\W{{0,3}}(?:\(c\)\s*)?\d{{4}}|(?i:{ALL_RIGHTS})")
#: A heading over other stories ("You may also like"): never a page's title.
_OTHER_STORIES = regex.compile(
    rf"^[^\w\n]{{0,3}}(?i:{RELATED_HEADING}|{POPULAR_HEADING})\s*[:.…]*$")
_CLOSING = "\"”’»)]"
_REPRODUCTION = regex.compile(rf"^\W{{0,3}}(?i:{ReproductionNotice.opening})")


_CHROME = "page chrome, outside the article"
_OTHER_STORY = "another story's paragraphs: they share few of the article's words"


def _story_terms(blocks, body: list[bool], run: tuple[int, int, float], headline: int | None
                 ) -> frozenset[str]:
    """The key words of the article's run of paragraphs and of its headline."""
    text = " ".join(blocks[k].text for k in range(run[0], run[1]) if body[k])
    if headline is not None:
        text += " " + blocks[headline].text
    return _terms(text)


def _cohesion(blocks, body: list[bool], s: int, e: int, story: set[str] | frozenset[str]) -> float:
    """The share of the key words of the first paragraphs in ``[s, e)`` (their first 80
    words, so that a long run and a short one are measured alike) that the article uses too."""
    words = _terms(_lede(blocks, body, s, e))
    return len(words & story) / len(words) if words else 0.0


def _lede(blocks, body: list[bool], lo: int, hi: int, words: int = 80) -> str:
    """The first ``words`` words of the paragraphs in ``[lo, hi)``: an article's lede."""
    taken: list[str] = []
    count = 0
    for k in range(lo, hi):
        if body[k]:
            taken.append(blocks[k].text)
            count += word_count(blocks[k].text)
            if count >= words:
                break
    return " ".join(taken)


def _among_headlines(lines: "_Lines", i: int) -> bool:
    """Does line ``i`` stand in a list of other stories' headlines: a line of five words or
    more shaped like a headline (of another story) among the two above it and among the two
    below it?"""
    blocks = lines.blocks
    words = lines.terms(i)

    def headline(k: int) -> bool:
        text = blocks[k].text
        return (word_count(text) >= 5 and is_headline(text) and not is_body(text)
                and not _same_story(words, lines.terms(k)))

    return (any(map(headline, range(max(0, i - 2), i)))
            and any(map(headline, range(i + 1, min(len(blocks), i + 3)))))


def _introduced(blocks, body: list[bool], most: int = 40) -> list[int]:
    """The lines that a sentence ending in a colon introduces ("Other measures in the plan
    include:", "What you'll need:"; three words or more, where a menu's "Follow us:" has
    two): the items of a list, a table's rows, a block of code, up to the next paragraph
    (``most`` lines at most)."""
    found: list[int] = []
    for i, block in enumerate(blocks):
        if block.text.endswith(":") and (body[i] or word_count(block.text) >= 3):
            for k in range(i + 1, min(len(blocks), i + 1 + most)):
                if body[k]:
                    break
                found.append(k)
    return found


def _takes_up(lines: "_Lines", head: int, run: tuple[int, int, float]) -> bool:
    """Does the lede of ``run`` (its first 80 words) take up the words of line ``head`` (two
    of its key words, and a quarter of them), as an article's lede takes up its headline's?"""
    words = lines.terms(head)
    shared = len(words & _terms(_lede(lines.blocks, lines.body, max(run[0], head + 1), run[1])))
    return shared >= 2 and shared >= 0.25 * len(words)


def _fragment(text: str) -> bool:
    """A piece of a sentence that links broke into lines ("Address Bar Preferences , under"):
    it holds a comma after a space, where a link's text ended, or ends on a comma. No title
    does."""
    return " , " in text or text.endswith(",")


def _less_site(lines: "_Lines", i: int) -> str:
    """Title line ``i`` without a part at either end that the page prints as a line of its
    own ("Headline | Coast Daily" over "Coast Daily"): the site's name, though the story's
    words may share one of its words."""
    text = lines.blocks[i].text.strip()
    parts = _TITLE_SEP.split(text)
    if len(parts) < 2:
        return text
    for part, rest in ((parts[-1], text[:text.rfind(parts[-1])]), (parts[0], text[len(parts[0]):])):
        if any(k != i for k in lines.where.get(part.strip().casefold(), ())):
            return rest.strip(" |-–—:·•»")
    return text


def _distinct(lines: "_Lines", starts: list[int]) -> list[int]:
    """The pages' first lines, less those about the same story as the title line of the
    page they would cut (found in an order that saw only the pages before: "Best for Car
    Campers:", a section of "11 Best Sleeping Bags: ... for Car Campers", opens no page)."""
    kept = starts[:1]
    for start in starts[1:]:
        if not _same_story(lines.terms(start), lines.terms(kept[-1])):
            kept.append(start)
    return kept


def _same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two headlines' key words name the same story (half of the shorter's shared)?"""
    shared = len(a & b)
    return shared >= 2 and shared >= 0.5 * min(len(a), len(b))


def _menus_below(lines: "_Lines", i: int) -> bool:
    """Does a site's chrome stand under line ``i`` (four lines of four words or fewer in the
    ten below, none of them a paragraph right under it), as under a page's title line?"""
    return (i + 1 < len(lines.blocks) and not is_body(lines.blocks[i + 1].text)
            and sum(lines.short[i + 1:i + 11]) >= 4)


def _copyright(text: str) -> bool:
    """A copyright line, or a notice in prose that the site's material may not be
    reproduced (:class:`~dechaff.rules.consent.ReproductionNotice`'s); a cheap look for
    their keywords first, as most lines have none."""
    if len(text) >= 300:
        return False
    if ("©" in text or "opyright" in text or "OPYRIGHT" in text or "eserv" in text
            or "ESERV" in text or "(c)" in text or "(C)" in text or "vorbehalten" in text
            or "dilindungi" in text) and _COPYRIGHT.search(text) is not None:
        return True
    return ("reproduc" in text or "eprodu" in text) and _REPRODUCTION.match(text) is not None


def _open(text: str) -> bool:
    """Left open by a link: ending in a word in small letters, or a comma; not a date line
    ("August 17, 2019 - 2:19 pm")."""
    last = text[text.rfind(" ") + 1:].lstrip("([{“‘«\"'")
    if not (last[-1:] == "," or (last[:1].islower() and (last[-1].isalnum() or last[-1] in "'’-"))):
        return False
    return not _dated(text)


def _closed(text: str) -> bool:
    """Closed like a sentence, and not by "...", a teaser's tail."""
    text = text.rstrip(_CLOSING)
    return text.endswith((".", "!", "?")) and not text.endswith("..")


def _rejoin_sentences(blocks, weights: list[tuple[int, bool]], most: int
                      ) -> list[tuple[int, bool]]:
    """The weights with a sentence that links broke into pieces read as one paragraph.

    A scraper writes a link's text as a line of its own, so "the installation, created by" /
    "Michael Anastassiades" / ", who has designed for Flos since 2013." are three lines, none a
    paragraph. Up to ``most`` lines, from one of three words or more left open (ending in a
    small letter or a comma) to the first line closed like a sentence, are one paragraph when
    read together they are one; each piece then weighs its own words.
    """
    weights = list(weights)
    i, n = 0, len(blocks)
    opened: list[bool | None] = [None] * n  # each line read once, though runs overlap

    def is_open(k: int) -> bool:
        found = opened[k]
        if found is None:
            found = opened[k] = _open(blocks[k].text)
        return found

    while i < n:
        if weights[i][1] or weights[i][0] < 3 or not is_open(i):
            i += 1
            continue
        j = i + 1  # every piece but the last is left open too; the last closes the sentence
        while j < n and j - i < most - 1 and is_open(j):
            j += 1
        if j < n and _closed(blocks[j].text) and is_body(
                " ".join(b.text for b in blocks[i:j + 1])):
            for k in range(i, j + 1):
                weights[k] = (weights[k][0], True)
            i = j + 1
        else:
            i += 1
    return weights


class _Lines:
    """A page's lines, found by their text (case-blind) and their key words, to match a
    title line's headline."""

    def __init__(self, blocks, body: list[bool] | None = None,
                 introduced: list[int] | None = None) -> None:
        self.blocks = blocks
        #: Which lines are paragraphs (as the page rule weighs them), and which are
        #: paragraphs or the items a paragraph introduces (no wall stands there:
        #: ``introduced``, when the caller has found them for this ``body``).
        self.body = body if body is not None else [weight(b.text)[1] for b in blocks]
        self.solid = list(self.body)
        for i in introduced if introduced is not None else _introduced(blocks, self.body):
            self.solid[i] = True
        #: Which lines have four words or fewer (split at spaces): a menu's, a footer's.
        #: (Split five times at most: a paragraph need not be split whole to be too long.)
        self.short = [len(b.text.split(None, 4)) <= 4 for b in blocks]
        self.where: dict[str, list[int]] = {}
        self._terms: list[frozenset[str] | None] = [None] * len(blocks)
        for block in blocks:
            self.where.setdefault(block.text.casefold(), []).append(block.index)

    def headline(self, title: int, lo: int, hi: int, first: bool = False, whole: bool = True
                 ) -> int | None:
        """The line in ``[lo, hi)`` that repeats title line ``title`` without its site name
        (or, with ``whole``, whole): the last such line, or with ``first`` the first."""
        text = self.blocks[title].text.casefold()
        parts = {p for p in _TITLE_SEP.split(text) if len(p) >= 12 and p != text}
        seps = list(_TITLE_SEP.finditer(text))
        if seps:  # without the site's name at its end or its start, separators and all
            parts.update(p for p in (text[:seps[-1].start()], text[seps[0].end():]) if len(p) >= 12)
        if whole:
            parts.add(text)
        found = []
        for part in parts:
            at = self.where.get(part, [])
            i = bisect_left(at, lo) if first else bisect_left(at, hi) - 1
            if 0 <= i < len(at) and lo <= at[i] < hi:
                found.append(at[i])
        return (min(found) if first else max(found)) if found else None

    def headlines_of(self, title: int, hi: int) -> list[int]:
        """The lines after ``title`` (up to ``hi``) that repeat title line ``title`` whole or
        its longest part between site separators (the headline, not the site's name), in
        order."""
        text = self.blocks[title].text.casefold()
        longest = max(_TITLE_SEP.split(text), key=len)
        texts = {text} | ({longest} if len(longest) >= 12 else set())
        return sorted(i for t in texts for i in self.where.get(t, ()) if title < i < hi)

    def repeat(self, title: int, hi: int) -> int | None:
        """The first line after ``title`` (up to ``hi``) that repeats it: whole, a part of it
        between site separators, or a headline that most of its words make (three at least,
        six in ten of each line's key words shared): "HS Roundup: ..." over "High School
        Roundup: ..."."""
        exact = self.headline(title, title + 1, hi, first=True)
        stop = exact if exact is not None else min(hi, len(self.blocks))
        words = self.terms(title)
        near = sorted({k for word in words for k in self.headlines.get(word, ()) if title < k < stop})
        for k in near:
            theirs = self.terms(k)
            shared = len(theirs & words)
            if len(theirs) >= 3 and shared >= 0.6 * len(theirs) and shared >= 0.6 * len(words):
                return k
        return exact

    def terms(self, i: int) -> frozenset[str]:
        """Line ``i``'s key words (:func:`~dechaff.rules.head.terms`), read once."""
        found = self._terms[i]
        if found is None:
            found = self._terms[i] = _terms(self.blocks[i].text)
        return found

    @cached_property
    def headlines(self) -> dict[str, list[int]]:
        """The lines shaped like headlines (and short enough to be one), by their key words."""
        found: dict[str, list[int]] = {}
        terms = self.terms
        for b in self.blocks:
            if len(b.text) < 300 and is_headline(b.text):
                i = b.index
                for word in terms(i):
                    bucket = found.get(word)
                    if bucket is None:
                        found[word] = [i]
                    else:
                        bucket.append(i)
        return found
