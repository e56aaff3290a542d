"""Related links and teasers: lines that point the reader at other stories.

Aggregators keep the "Also read: <other headline>" lines of the page they copied, and the
"Related topics" or "Most read" lists under it. None of it is the article.
"""

from __future__ import annotations

from typing import Iterator

import regex

from ..features import line
from ..shapes import is_body, is_headline, sentences, weight, word_count
from .base import PatternRule, Proposal, TextRule, keep, remove
from .evidence import head_line
from ..patterns import POPULAR_HEADING, READ_ALSO, RELATED_HEADING
from .registry import register


@register
class ReadAlso(PatternRule):
    """A line that starts with a read-also label and goes on with another story's headline.

    **Why:** the teaser belongs to the page the article was copied from, not to the article.

    **Known problems:** a paragraph that really begins "Read more: ..." followed by a colon
    and a sentence is removed. Without a separator (``:``, ``|``, a dash) the label must be
    followed by a capitalised word and a headline-length rest not closed like a sentence, so
    "Read more about the club's history" and "Mehr zum Thema Parken will die Stadt ...
    vorlegen." stay.
    """

    code = "RL01"
    name = "related.read_also"
    groups = ("related",)
    description = "Lines that start with 'Also read:', 'Lee también:', 'Baca juga:' and kin."
    max_line = 400
    starts = READ_ALSO.heads
    pattern = (rf"^[^\w\n\"“‘'«„]{{0,3}}(?i:{READ_ALSO})(?:\s*[:|»›>\-–—]+[^\n]*"
               r"|\s+(?=[\p{Lu}\"“])[^\n]{0,160}(?<![.;,]))$")
    examples = (
        remove("Also read: Partners, not rivals: Xi Jinping has a message for Antony Blinken"),
        remove("ALSO READ | Sensex falls 500 points as banks drag"),
        remove("Lee también: El Gobierno aprueba la reforma"),
        remove("Auch interessant: Die Bahn streikt wieder"),
        remove("À lire aussi : Le gouvernement annonce un plan"),
        remove("Leia também: Governo anuncia novo pacote"),
        remove("Baca juga: Harga beras naik lagi"),
        remove("Читайте также: В Самаре построят новую трамвайную линию"),
        remove("Xem thêm: Lễ hội thơ thu hút hàng nghìn người"),
        remove("यह भी पढ़ें: कॉलेज दाखिले की अंतिम तिथि बढ़ी"),
        keep("Read more about the club's history in the museum, the guide said."),
        keep("Читайте также внимательно инструкцию, сказал врач."),
        keep("Related reporting by the team showed the same pattern in 2019."),
        keep("Mehr zum Thema Anwohnerparken will die Verwaltung im Herbst ein Konzept vorlegen."),
        remove("The council met on Monday and voted to close the old bridge for repairs.\n\n"
               "Also read:\n\nFerry fares rise in March\n\nThe bridge will stay shut until the "
               "spring, officials said on Tuesday.", "Also read:", "Ferry fares rise in March"),
        keep("The council met on Monday and voted to close the old bridge for repairs.\n\n"
             "Also read:\n\nThe bridge will stay shut until the spring, officials said on Tuesday.",
             "The bridge will stay shut until the spring"),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        """The line; when the label stands alone ("Also read:"), the headline under it too."""
        blocks = doc.blocks
        for proposal in super().propose(doc):
            yield proposal
            block = doc.block_at(proposal.start)
            nxt = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
            if (nxt is not None and _LABEL_ALONE.match(block.text) and is_headline(nxt.text)
                    and not _paragraph(nxt.text)):
                yield self.drop(nxt.start, nxt.end, reason="the headline under a read-also label")


_MORE_FROM = regex.compile(r"^[^\w\n]{0,3}(?i:more (?:from|in))\b")
#: A read-also label alone on its line: its headline stands on the next one.
_LABEL_ALONE = regex.compile(rf"^[^\w\n]{{0,3}}(?i:{READ_ALSO})\s*[:|»›>\-–—]*\s*$")

#: Words that open a sentence (capitalised, then a word in small letters): where a teaser's
#: headline glued inside a paragraph ends and the paragraph goes on.
_OPENER = (r"(?:The|A|An|In|On|At|He|She|It|They|We|His|Her|Their|This|That|These|But|And|"
           r"Officials|Police|El|La|Los|Las|Un|Una|En|Der|Die|Das|Ein|Eine|Im|Le|Les|Une|Il|Elle|"
           r"Os|As|Um|Uma|No|Na|Para|Pada|Dalam|Ia|Mereka)")
#: German articles, before the capitalised noun and the verb of the sentence they open
#: ("Der Ausschuss tagt ...").
_NOUN_OPENER = r"(?:Der|Die|Das|Ein|Eine|Im|Am|Zum|Zur|Den|Dem)"


@register
class ReadAlsoInline(PatternRule):
    """A read-also label with another story's headline inside a paragraph: "... the minister
    said. READ MORE | Other headline here The committee will meet ...".

    **What it does:** after a sentence's end, a read-also label (any of ``related.read_also``'s)
    with a separator (``:``, ``|``, ``»``, a dash), then the headline, up to where the
    paragraph goes on: a word that opens sentences ("The", "Der", "La") followed by a word in
    small letters, or the line's end. The label and the headline are cut; the paragraph keeps
    the rest.

    **Known problems:** a headline that itself holds "The" before a word in small letters is
    cut short there, and its tail stays in the paragraph.
    """

    code = "RL04"
    name = "related.read_also_inline"
    groups = ("related",)
    description = "'... said. READ MORE | Other headline The committee ...': a read-also link inside a paragraph."
    keywords = ("read", "also", "related", "recommended", "lee", "lea ", "lesen", "lire", "leia",
                "baca", "mehr", "veja", "simak", "lihat", "voir", "mira", "ver ", "siehe", "saiba")
    scope = "span"
    pattern = (rf"(?<=[.!?][\"”’)]?\s)(?i:{READ_ALSO})\s*[:|»›>\-–—]+\s*\p{{Lu}}[^\n]{{4,200}}?"
               rf"(?=\s+{_OPENER}\s+\p{{Ll}}|\s+{_NOUN_OPENER}\s+\p{{Lu}}\p{{Ll}}+\s+\p{{Ll}}|\s*$)")
    #: Every match holds one of these, between its words and the headline.
    _SEPARATORS = ":|»›>-–—"

    def may_match(self, line: str) -> bool:
        return any(c in line for c in self._SEPARATORS)

    examples = (
        remove("The minister said the plan would go ahead. READ MORE | Ferry fares rise in March "
               "The committee will meet on Friday to discuss it.", "READ MORE", "Ferry fares rise",
               body="The minister said the plan would go ahead. The committee will meet on Friday "
                    "to discuss it."),
        remove("The minister said the plan would go ahead. Also read: Ferry fares rise in March",
               "Also read", "Ferry fares rise in March"),
        keep("The minister said the plan would go ahead. Read more about the plan on the council's "
             "site, she added."),
        # German capitalises its nouns: the sentence after the headline opens "Der Ausschuss
        # tagt", an article, a noun and a verb in small letters.
        remove("Der Minister sagte, der Plan werde umgesetzt. Lesen Sie auch: Hafenmeister nach "
               "langer Suche ernannt Der Ausschuss tagt am Freitag erneut.", "Hafenmeister",
               body="Der Minister sagte, der Plan werde umgesetzt. Der Ausschuss tagt am Freitag "
                    "erneut."),
    )


@register
class RelatedHeading(PatternRule):
    """A heading that stands alone above a list of links: "Related Topics:", "Recommended".

    **Known problems:** an article subheading that is exactly one of these words goes.
    """

    code = "RL02"
    name = "related.heading"
    groups = ("related",)
    description = "Stand-alone headings such as 'Related Topics:' or 'You may also like'."
    max_line = 100
    starts = RELATED_HEADING.heads
    pattern = rf"^[^\w\n]{{0,3}}(?i:{RELATED_HEADING})\s*[:.…]?\s*$"
    examples = (
        remove("Related Topics:"),
        remove("You may also like"),
        remove("Noticias relacionadas"),
        keep("Related topics came up at the meeting, officials said."),
    )


@register
class PopularList(TextRule):
    """A "Most read" or "Trending" heading and the run of headlines listed under it.

    The list ends at the first paragraph of real text. A headline directly followed by a
    paragraph, or by a byline or a date line and then a paragraph, is kept: it is the next
    article's title (in a list packed without blank lines,
    only a question: there the last item often stands on the paragraph), unless the
    paragraph is a one-sentence blurb with another item under it: a rail of headlines and
    their blurbs ("Ferry fares rise in March" / "The operator blamed fuel costs.").
    Under "More from ..." (which also opens a site's footer) only headlines of four words
    or more make the list.
    """

    code = "RL03"
    name = "related.popular_list"
    groups = ("related",)
    description = "'Most read', 'Trending', 'Lo más leído' headings with their lists."
    starts = POPULAR_HEADING.heads
    context = True
    heading = regex.compile(rf"^[^\w\n]{{0,3}}(?i:{POPULAR_HEADING})\s*[:.…]?\s*$", regex.MULTILINE)
    examples = (
        remove("Body text of the story that ends here.\n\nMost read\nFirst other headline here\n"
               "Second other headline here", "Most read", "First other headline here",
               "Second other headline here"),
        remove("Body text of the story that ends here.\n\nAlso read\n\nFerry fares rise in March"
               "\n\nHarbour master named", "Also read", "Ferry fares rise in March",
               "Harbour master named"),
        remove("Body text of the story that ends here.\n\nMore from Harbour Town\nFerry fares rise "
               "in March\nThe operator blamed fuel costs for the rise of a tenth.\nHarbour master "
               "named for winter\nA former pilot will take the post in May, the port said.\nIsland bus "
               "route cut back",
               "More from", "Ferry fares rise", "blamed fuel costs", "Harbour master",
               "former pilot", "Island bus"),
        keep("Body text of the story that ends here.\n\nMost read\nFirst other headline here\n"
             "Why did the council close the bridge?\nThe council voted on Monday to close the old "
             "bridge for repairs, the mayor said.", "Why did the council close the bridge?"),
        keep("Body text of the story that ends here.\n\nMost read\n\nFerry fares rise in March"
             "\n\nFerry fares will rise by a tenth in March, the operator said on Monday.\n\nThe "
             "operator blamed fuel costs, and said the winter timetable would not change.",
             "Ferry fares will rise by a tenth", "The operator blamed fuel costs"),
        keep("Trending topics on social media shifted towards the election this week, data show."),
        # A headline over a byline and a date line, then a paragraph: the next story.
        keep("Body text of the story that ends here.\n\nMost read\n\nFirst other headline here"
             "\n\nFerry fares rise in March\n\nBy Ana Ruiz\n\n9 March 2025\n\nFerry fares will "
             "rise by a tenth in March, the operator said on Monday.",
             "Ferry fares will rise by a tenth"),
    )

    def propose(self, doc) -> Iterator[Proposal]:
        blocks = doc.blocks
        for block in self.candidates(doc):
            if not self.heading.match(doc.text, doc.line_start(block), block.end, timeout=self.timeout):
                continue
            yield self.drop(block.start, block.end, reason="list heading")
            # "More from Coast Daily" also opens a site's footer: there, only headlines
            # (four words or more) make the list, and its links are left to the other rules
            least = 4 if _MORE_FROM.match(block.text) else 1
            i = block.index + 1
            # Items right under the heading (no blank line) make the list, and it ends with
            # them; items set apart by blank lines go on while they look like list items.
            packed = i < len(blocks) and blocks[i].paragraph == block.paragraph
            while i < len(blocks) and not _paragraph(blocks[i].text) and _list_item(blocks[i].text):
                if (packed and blocks[i].paragraph != block.paragraph) or \
                        word_count(blocks[i].text) < least:
                    break
                nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
                if _blurb(blocks, i + 1):
                    yield self.drop(blocks[i].start, blocks[i].end, reason="list item")
                    yield self.drop(blocks[i + 1].start, blocks[i + 1].end, reason="a list item's blurb")
                    i += 2
                    continue
                if _paragraph(nxt) and is_headline(blocks[i].text) and (
                        not packed or blocks[i].text.endswith(("?", "?”", "?\""))):
                    break  # a headline right above a paragraph opens the next story
                if is_headline(blocks[i].text) and _headed(blocks, i + 1):
                    break  # so does one over a byline or a date line, then a paragraph
                yield self.drop(blocks[i].start, blocks[i].end, reason="list item")
                i += 1


def _headed(blocks, i: int) -> bool:
    """Do blocks ``i`` on hold a story's head, a byline or a date line or two ("By Jane Roe",
    "Published 9 March 2025"), then a paragraph?"""
    k = i
    while k < len(blocks) and k < i + 2 and _head_line(blocks[k].text):
        k += 1
    return k > i and k < len(blocks) and _paragraph(blocks[k].text)


def _head_line(text: str) -> bool:
    """A byline or a date line, not a paragraph that names a date."""
    return word_count(text) <= 12 and not _paragraph(text) and head_line(text)


def _blurb(blocks, i: int) -> bool:
    """Is block ``i`` the one-sentence blurb under a listed headline ("Two swimmers were
    pulled from the lake on Thursday."), with another item under it? (A lede
    with its article's paragraphs under it opens the next story.)"""
    if i >= len(blocks) or not _paragraph(blocks[i].text):
        return False
    text = blocks[i].text
    f = line(text)
    if f.words > 30 or len(sentences(text)) > 1 or not (f.function_share >= 0.15 or f.unspaced):
        return False  # (a copyright line has no "the", "of", "said")
    after = blocks[i + 1].text if i + 1 < len(blocks) else None
    return after is not None and not _paragraph(after) and _list_item(after)


def _paragraph(text: str) -> bool:
    """A paragraph of text, in Chinese, Japanese or Thai too (see ``shapes.weight``)."""
    return weight(text)[1]


def _list_item(text: str) -> bool:
    return is_headline(text.lstrip("0123456789.)-•* ")) or text[:1].isdigit()
