"""What follows an article: an author's box and other named chrome after its last paragraph,
a reply form, a thread of comments.

These sit inside the element that holds the article as often as outside it (a blog's post
wrapper holds its comments), and their text reads as prose, so neither a class name nor the
share of links tells them. Where they sit does (after the article's paragraphs), and how
they are built: a form with a box to write in, items that each open with a name and a date.
"""

from __future__ import annotations

from ..dates import find_date
from ..document import Proposal
from ..elements import Layout, Span, element_text, tokens
from ..shapes import is_body
from .base import HtmlRule, keep, remove
from .registry import register
from .teasers import BOXES, box_items, is_box_title, names_pattern


#: Names of what follows an article: who wrote it, what to read or do next, what readers said.
_TAIL_NAMES = names_pattern(
    ("author", "authors", "byline", "bio", "biography", "respond", "related", "newsletter",
     "subscribe", "share", "social", "tags", "promo", "footer", "signature"),
    ("author", "byline", "bio-", "commentform", "comment-form", "related", "recommend",
     "newsletter", "share-", "social-", "tags-", "promo-", "post-meta", "postmeta", "entry-meta",
     "entry-utility", "entry-footer", "post-footer"))


#: An embedded post (a quoted tweet) is the story's own quotation, whatever its box is named.
_EMBED = names_pattern((), ("embed", "tweet", "instagram", "tiktok"))


@register
class TrailingChrome(HtmlRule):
    """Inside the article: a box named for what follows an article (an author's box, tags,
    related links, a newsletter box, a reply form) that sits after the article's last
    paragraph and holds a small part of it, even when its text reads as prose.

    The prune rules spare an element so named when it holds prose, since a name alone is
    weak evidence (a real paragraph can sit in a ``div.related-research``). Where the element
    sits and how much it holds weigh too: after the last paragraph, and holding less than
    ``share`` of the article's text, an author's biography or a comment policy is what it
    is named, however well written.

    **Look-alikes kept:** a box so named that stands among the article's paragraphs (a
    paragraph follows it, outside other boxes so named), or that holds most of the article's text; an embedded post
    (``social-embed``, a tweet), which is the story's own quotation.

    **Known problems:** an article whose last paragraph sits in such a box loses it.
    """

    code = "HT16"
    name = "html.trailing_chrome"
    groups = ("html",)
    description = "Boxes named like chrome (author, tags, related...) after the article's last paragraph."
    stage = "inner"
    settings = {"share": 0.3}
    examples = (
        remove("<html><body><article>" + "<p>The council voted on Monday to close the old "
               "bridge for repairs, the mayor said after a long meeting that ran late.</p>" * 6
               + "<div class='author-box'><p>Jane Roe has covered the city council for the "
               "Riverton Post since 2009. Before that she reported on courts and schools for "
               "two papers upstate, and she wrote a book about the river's bridges and the "
               "people who built them.</p></div></article></body></html>",
               "Jane Roe has covered", also=("HT11",)),
        keep("<html><body><article><p>The council voted on Monday to close the old bridge for "
             "repairs, the mayor said after a long meeting that ran late.</p>"
             "<div class='related-research'><p>Earlier studies of the bridge found that the "
             "steel had corroded faster than expected, and engineers warned the council twice "
             "in the past decade that the supports would not last another winter without "
             "work.</p><p>A third study, in 2021, found cracks in two of the piers.</p></div>"
             "<p>Work starts in May and will take a year, officials said on Tuesday.</p>"
             "</article></body></html>", "Earlier studies of the bridge", "Work starts in May"),
        keep("<html><body><article>" + "<p>The council voted on Monday to close the old bridge "
             "for repairs, the mayor said after a long meeting that ran late.</p>" * 4
             + "<div class='social-embed'><blockquote>We did it, the bridge is saved! The "
             "council heard us. (@mayor) May 3</blockquote></div></article></body></html>",
             "the bridge is saved"),
    )

    def propose_in_article(self, span: Span, layout: Layout, article: Span) -> Proposal | None:
        if span is article or span.chars > self.options["share"] * article.chars:
            return None
        names = tokens(span.element)
        found = _TAIL_NAMES.search(names)
        if found is None or _EMBED.search(names):
            return None
        if not any(_is_prose(b) for b in layout.blocks[article.first:span.first]):
            return None
        if _prose_after(span, layout, article):
            return None
        return self.drop(span.first, span.end, target=span.element,
                         reason=f"token {found.group()!r}, after the article's last paragraph")


def _chrome(element) -> bool:
    names = tokens(element)
    return _TAIL_NAMES.search(names) is not None and _EMBED.search(names) is None


def _prose_after(span: Span, layout: Layout, article: Span) -> bool:
    """Is there a paragraph of the article after ``span``, outside the boxes named like
    chrome that follow it (an author's box followed by related posts is still at the end)?"""
    after = [True] * (article.end - span.end)
    for other in layout.spans:
        if other.first >= span.end and other.end <= article.end and _chrome(other.element):
            for i in range(other.first, other.end):
                after[i - span.end] = False
    return any(keep and _is_prose(b)
               for keep, b in zip(after, layout.blocks[span.end:article.end]))


def _is_prose(block) -> bool:
    """A paragraph of the article: body-shaped text, not mostly links."""
    return block.links * 3 < len(block.text) and is_body(block.text)


@register
class ReplyForm(HtmlRule):
    """Inside the article: a reply form, with the title and notes around it ("Leave a
    comment", "Your e-mail address will not be published"), in any language. A form is told
    by its shape: it holds a box to write a message in (a ``<textarea>``). The widest
    element around the form that adds only short lines to it (``notes_chars`` at most) goes;
    the article's paragraphs must come before it.

    **Look-alikes kept:** the paragraphs of an element that holds a form too (the element
    adds more than notes to the form: only a narrower box around the form goes), and a
    form before any paragraph of the article.
    """

    code = "HT17"
    name = "html.reply_form"
    groups = ("html",)
    description = "A reply form (a form with a <textarea>) and the notes around it, inside the article."
    stage = "inner"
    settings = {"notes_chars": 300}
    examples = (
        remove("<html><body><article>" + "<p>The council voted on Monday to close the old "
               "bridge for repairs, the mayor said after a long meeting that ran late.</p>" * 3
               + "<div id='r9'><h3>Schreibe einen Kommentar</h3><form><p>Deine E-Mail-Adresse "
               "wird nicht veröffentlicht.</p><textarea></textarea></form></div></article>"
               "</body></html>", "Schreibe einen Kommentar", "Deine E-Mail-Adresse",
               also=("HT11",)),
        keep("<html><body><article>" + "<p>The council voted on Monday to close the old bridge "
             "for repairs, the mayor said after a long meeting that ran late.</p>" * 3
             + "<div class='x'>" + "<p>The council meets again in May, when the engineers "
             "report on the piers and the cost of the work is known.</p>" * 3 + "<form>"
             "<textarea></textarea></form></div></article></body></html>",
             "The council meets again in May"),
    )

    def propose_in_article(self, span: Span, layout: Layout, article: Span) -> Proposal | None:
        element = span.element
        if span is article or element.find(".//textarea") is None:
            return None
        forms = [f for f in element.iter("form") if f.find(".//textarea") is not None]
        beside = len(element_text(element)) - sum(len(element_text(f)) for f in forms)
        if beside > self.options["notes_chars"]:
            return None  # the comments themselves, or the article: a narrower box is the form's
        if not any(_is_prose(b) for b in layout.blocks[article.first:span.first]):
            return None
        return self.drop(span.first, span.end, target=element,
                         reason="a reply form (<textarea>) and its notes")


#: A name above a comment: a few words, no sentence.
NAME_CHARS = 50
#: The line that dates a comment: short, holding a date.
DATE_LINE_CHARS = 80
#: A comment's text, after its name and date, holds a line this long at least.
TEXT_CHARS = 20


def _is_comment(blocks) -> bool:
    """Do these blocks (an item's) read as a comment: a dated line and a name among the
    first three, and the comment's text after them?"""
    head = blocks[:3]
    dated = next((i for i, b in enumerate(head)
                  if len(b.text) <= DATE_LINE_CHARS and find_date(b.text)), None)
    if dated is None:
        return False
    named = any(i != dated and len(b.text) <= NAME_CHARS and not find_date(b.text)
                and not b.text.rstrip().endswith(("!", "?"))
                for i, b in enumerate(head))
    if not named:  # a name and its date on one line: "Jane Roe on 3 May 2021 at 10:12"
        line = head[dated].text
        found = find_date(line)
        named = found is not None and bool((line[:found.start()] + line[found.end():]).split())
    return named and any(len(b.text) >= TEXT_CHARS for b in blocks[dated + 1:])


def _opening(item) -> str:
    """The first characters of an item's text, its pieces spaced apart (a name and a date in
    elements of their own do not run together)."""
    pieces, size = [], 0
    for piece in item.itertext():
        pieces.append(piece)
        size += len(piece)
        if size > 300:
            break
    return " ".join(" ".join(pieces).split())[:300]


@register
class CommentThread(HtmlRule):
    """Inside the article: a list of readers' comments, told by its shape in any language:
    items built alike, each opening with a name and a date on short lines and going on
    with the comment's text. It goes when the article's paragraphs come before it and it
    holds less than ``share`` of the article.

    **Look-alikes kept:** a timeline (each item a date and then its text, with no name),
    a list of teasers' dates, a list that is most of the article (a live blog).
    """

    code = "HT18"
    name = "html.comment_thread"
    groups = ("html",)
    description = "A list of readers' comments (name, date, text, repeated), by its shape."
    stage = "inner"
    settings = {"share": 0.6, "min_comments": 2}
    examples = (
        remove("<html><body><article>" + "<p>The council voted on Monday to close the old "
               "bridge for repairs, the mayor said after a long meeting that ran late.</p>" * 5
               + "<ol><li><div>Baschurr</div><div>22. Juli 2019 um 16:25</div><p>Schöne Folge, "
               "hab mich sehr gefreut. Weiter so!</p></li><li><div>Anna K.</div><div>23. Juli "
               "2019 um 05:00</div><p>Das Intro war zu lang, der Rest wie immer gut.</p></li>"
               "</ol></article></body></html>", "Schöne Folge", "Anna K.", also=("HT11",)),
        keep("<html><body><article>" + "<p>The council voted on Monday to close the old bridge "
             "for repairs, the mayor said after a long meeting that ran late.</p>" * 5
             + "<ul><li><h4>3 May 2021</h4><p>The council first hears of the cracks in the "
             "piers.</p></li><li><h4>9 June 2022</h4><p>Engineers ask for the bridge to be "
             "closed to lorries.</p></li></ul></article></body></html>",
             "first hears of the cracks", "closed to lorries"),
    )

    def propose_in_article(self, span: Span, layout: Layout, article: Span) -> Proposal | None:
        box = span.element
        if (span is article or box.tag not in BOXES or span.end - span.first < 4
                or span.chars > self.options["share"] * article.chars):
            return None
        items = [i for i in box_items(box) if not is_box_title(i)]
        least = self.options["min_comments"]
        if len(items) < least or span.end - span.first < 2 * len(items):
            return None  # a comment is a name, a date and a text: lines of its own
        if not any(_is_prose(b) for b in layout.blocks[article.first:span.first]):
            return None
        dated = [i for i in items
                 if i.find(".//time") is not None or find_date(_opening(i))]
        if len(dated) < least or 3 * len(dated) < 2 * len(items):
            return None
        spans = {id(s.element): s for s in layout.spans
                 if span.first <= s.first and s.end <= span.end}
        comments = 0
        for item in dated:
            inner = spans.get(id(item))
            if inner is not None and _is_comment(layout.blocks[inner.first:inner.end]):
                comments += 1
        if comments < least or 3 * comments < 2 * len(items):
            return None
        return self.drop(span.first, span.end, target=box,
                         reason=f"a thread of {comments} comments (a name, a date, a text)")
