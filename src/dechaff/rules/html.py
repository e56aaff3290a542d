"""HTML structure: what a page's markup says is not the article.

These rules run only on HTML input, on the parsed tree, before the text rules (the engine's
HTML phase, :mod:`dechaff.engine.html`). Most look at one element at a time, by its tag and by the
words in its ``class``, ``id``, ``role``, ``aria-label`` and ``itemprop`` (its *tokens*), and
drop it whole: navigation, share bars, related links, newsletter boxes, ads, comments, cookie
banners, hidden elements. Class names are evidence, not proof (a real paragraph can sit in a
``div.related-research``), so most of them keep an element that holds prose: a long run of
text that is not links. ``HT11`` then keeps the element that holds the article, and ``HT10``
drops link-dense boxes inside it.
"""

from __future__ import annotations

from typing import ClassVar, Iterator

import re

import regex

from ..document import Proposal
from ..elements import PARAGRAPH_CHARS, Layout, Page, Span, element_text, link_chars, tokens
from .base import HtmlRule, token_pattern, keep, remove
from .registry import register

#: A candidate holding at least this many characters of non-link text, mostly not links, is
#: prose, and the weaker (class-name) rules leave it alone.
PROSE_CHARS = 250


def _is_prose(element, chars: int, links: int) -> bool:
    """Long text that is mostly not links, with at least one real paragraph in it (a rail of
    teasers has much text, but in short pieces)."""
    if chars - links < PROSE_CHARS or links >= 0.3 * chars:
        return False
    return any(len(piece) >= PARAGRAPH_CHARS for piece in element.itertext())


class ContainerRule(HtmlRule):
    """Drop an element recognised by tag or token, unless it holds the article, or (when not
    ``strong``) prose. A ``strong`` rule's element is taken for the article only when it also
    holds the page's headline (a long comment section is most of some pages)."""

    strong: ClassVar[bool] = False
    headline: ClassVar[bool] = True

    def judge(self, element, tag: str, names: str, page: Page) -> str | None:
        if tag in ("html", "body"):
            return None
        text = element_text(element)
        if not text:
            return None
        links = link_chars(element)
        if page.holds_article(element, len(text), links, self.strong and self.headline):
            return None
        if not self.strong and _is_prose(element, len(text), links):
            return None
        return self.evidence(tag, names)


@register
class Hidden(ContainerRule):
    """Elements the page hides: the ``hidden`` attribute, ``aria-hidden="true"``, an inline
    ``display: none`` or ``visibility: hidden``, screen-reader-only classes.

    A hidden element that holds the article (pages that reveal their body by script) stays.
    """

    code = "HT01"
    name = "html.hidden"
    groups = ("html",)
    description = "Hidden elements (hidden, aria-hidden, display:none, screen-reader-only)."
    strong = True
    headline = False
    attributes = ("hidden", "aria-hidden", "style")
    #: Whole class names only: ``field-label-hidden`` hides a label, not its field.
    pattern = re.compile(r"(?<!\S)(?:hidden|d-none|sr-only|visually-hidden|visuallyhidden|"
                            r"screen-reader-text|screenreader-only|is-hidden)(?!\S)")
    _style = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
    examples = (
        remove("<html><body><div style='display:none'>Sign up for alerts</div>"
               "<p>The council voted on Monday to close the bridge.</p></body></html>",
               "Sign up for alerts"),
        keep("<html><body><p style='color: gray'>The council voted on Monday to close the "
             "bridge.</p><p aria-hidden='false'>Repairs start in May.</p></body></html>",
             "The council voted", "Repairs start in May."),
    )

    def judge(self, element, tag: str, names: str, page: Page) -> str | None:
        get = element.get
        hidden = (get("hidden") is not None
                  or (get("aria-hidden") or "").strip().lower() == "true"
                  or self._style.search(get("style") or "")
                  or (names and self.pattern.search(names)))
        return super().judge(element, tag, names, page) if hidden else None


@register
class Navigation(ContainerRule):
    """Navigation: ``<nav>``, menus, breadcrumbs, page headers and footers, pagination.

    A ``<header>`` or ``<footer>`` that holds prose (a long standfirst) stays.
    """

    code = "HT02"
    name = "html.navigation"
    groups = ("html",)
    description = "Navigation, menus, breadcrumbs, site headers and footers."
    tags = frozenset({"nav", "menu", "header", "footer"})
    words = ("nav", "navbar", "navigation", "menu", "menubar", "banner", "contentinfo", "search",
             "breadcrumb", "breadcrumbs", "masthead", "pagination", "pager", "topbar",
             "skip-link", "skiplink", "header", "footer", "site-header", "site-footer")
    prefixes = ("breadcrumb", "navbar", "navigation", "mainmenu", "main-menu", "megamenu",
                "mega-menu", "sitemenu", "site-menu", "menu-", "nav-", "footer-", "header-")
    examples = (
        remove("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
               "<p>The council voted on Monday to close the bridge.</p>"
               "<div class='site-footer'>About us · Careers</div></body></html>",
               "World", "Careers"),
        keep("<html><body><article><header><p>" + "The standfirst runs long here. " * 15
             + "</p></header><p>The council voted on Monday.</p></article>"
             "<div class='menu-review'><p>The restaurant's menu changes weekly.</p></div>"
             "</body></html>", "The standfirst runs long here.", "The council voted on Monday."),
    )


@register
class Related(ContainerRule):
    """Related-link and recirculation boxes: related stories, recommended, most read,
    trending, read next, and the widgets of recommendation networks.

    **Look-alike kept:** a box named ``related-research`` that holds a real paragraph of prose.
    """

    code = "HT03"
    name = "html.related"
    groups = ("html", "related")
    description = "Related-story, recommended, most-read and trending boxes."
    words = ("also-read", "alsoread", "read-also", "more-stories", "morestories", "more-news",
             "trending", "most-read", "mostread", "most-popular", "mostpopular", "most-viewed",
             "popular", "up-next", "upnext", "read-next", "readnext", "next-story",
             "you-may-like", "youmaylike")
    prefixes = ("related", "recirc", "recommend", "outbrain", "taboola", "zergnet", "trending",
                "more-from", "morefrom", "mostread", "most-read", "popular-", "also-")
    examples = (
        remove("<html><body><p>The council voted on Monday to close the bridge.</p>"
               "<div class='related-stories'><h3>Related</h3><ul><li><a href='/a'>Bridge "
               "closes for a year</a></li><li><a href='/b'>Mayor's race heats up</a></li></ul>"
               "</div></body></html>", "Bridge closes for a year", "Mayor's race"),
        keep("<html><body><p>The council voted on Monday.</p><div class='related-research'><p>"
             + "Earlier studies of the bridge found that the steel had corroded faster than "
             "expected, and engineers warned the council twice in the past decade. " * 3
             + "</p></div></body></html>", "Earlier studies of the bridge found"),
    )


@register
class Share(ContainerRule):
    """Share bars and social buttons: share, social, follow us, print and e-mail tools."""

    code = "HT04"
    name = "html.share"
    groups = ("html", "ui")
    description = "Share bars, social buttons, follow-us and print tools."
    #: An embedded post (a quoted tweet) is the story's own quotation, not a share button.
    _embed = regex.compile(r"embed|tweet|instagram-media|tiktok")
    words = ("share", "shares", "sharing", "social", "socials", "addthis", "sharethis",
             "shariff", "follow-us", "followus", "social-links", "print", "article-tools")
    prefixes = ("share-", "sharing-", "sharebar", "sharetools", "share_", "social-", "socialbar",
                "socialmedia", "social_", "addtoany", "a2a_", "sharethis", "st-", "follow-")
    examples = (
        remove("<html><body><p>The council voted on Monday to close the bridge.</p>"
               "<div class='share-bar'><a>Facebook</a> <a>Twitter</a> <a>Email</a></div>"
               "</body></html>", "Facebook", "Twitter"),
        keep("<html><body><p>The council voted on Monday.</p><div class='social-embed'><blockquote>"
             "We did it, the bridge is saved! (@mayor) May 3</blockquote></div></body></html>",
             "the bridge is saved"),
        keep("<html><body><section class='social-affairs'><p>" + "The council's social "
             "affairs committee voted to fund the shelter for another year. " * 8
             + "</p></section></body></html>", "social affairs committee voted"),
    )

    def judge(self, element, tag: str, names: str, page: Page) -> str | None:
        if self._embed.search(names):
            return None
        return super().judge(element, tag, names, page)


@register
class Promo(ContainerRule):
    """Newsletter, subscription, paywall, app and donation boxes."""

    code = "HT05"
    name = "html.promo"
    groups = ("html", "promo")
    description = "Newsletter, subscribe, paywall, app and donation boxes."
    words = ("newsletter", "newsletters", "subscribe", "subscription", "signup", "sign-up",
             "paywall", "regwall", "promo", "cta", "donate", "donation", "membership", "optin",
             "opt-in", "app-download", "app-promo")
    prefixes = ("newsletter", "subscribe", "subscription", "signup", "sign-up", "paywall",
                "promo-", "promo_", "cta-", "donate-", "inline-promo", "app-promo", "appdownload")
    examples = (
        remove("<html><body><p>The council voted on Monday to close the bridge.</p>"
               "<aside class='newsletter-signup'><p>Get the morning briefing in your inbox.</p>"
               "<button>Sign up</button></aside></body></html>", "morning briefing"),
        keep("<html><body><div class='promotions-story'><p>" + "Three officers were promoted "
             "on Friday after the inquiry cleared them, the chief said in a statement. " * 6
             + "</p></div></body></html>", "Three officers were promoted"),
    )


@register
class Ads(ContainerRule):
    """Advertisement slots and sponsored boxes (``ad``, ``ads``, ``advert``, ``dfp``, ``gpt``,
    ``sponsored``), never ``head`` or ``shadow``: tokens are matched whole."""

    code = "HT06"
    name = "html.ads"
    groups = ("html", "ui")
    description = "Advertisement slots and sponsored boxes."
    words = ("ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot",
             "adunit", "dfp", "gpt", "sponsor", "sponsored", "commercial", "adsbygoogle",
             "banner-ad", "native-ad")
    prefixes = ("ad-", "ad_", "ads-", "ads_", "advert", "adslot", "adunit", "adsense", "adbox",
                "adcontainer", "adwrap", "sponsor", "dfp-", "dfp_", "gpt-", "google-ad")
    examples = (
        remove("<html><body><p>The council voted on Monday to close the bridge.</p>"
               "<div class='ad-slot'>Advertisement</div><div id='dfp-mid'>Ad feedback</div>"
               "</body></html>", "Advertisement", "Ad feedback"),
        keep("<html><body><div class='shadow head-block'><p>The council voted on Monday to "
             "close the bridge.</p></div></body></html>", "The council voted on Monday"),
    )


@register
class Comments(ContainerRule):
    """Comment sections: readers' comments are prose, so this rule drops them even when they
    are long; it leaves an element that holds the page's headline or article body."""

    code = "HT07"
    name = "html.comments"
    groups = ("html",)
    description = "Comment sections and reply forms."
    strong = True
    words = ("comment", "comments", "disqus", "respond", "replies", "livefyre", "coral-talk",
             "fb-comments", "comment-list", "commentlist", "comments-area", "user-comments")
    prefixes = ("comments-", "comment-", "comments_", "comment_", "disqus", "commentlist")
    examples = (
        remove("<html><body><h1>Bridge to close</h1><p>The council voted on Monday to close the "
               "bridge.</p><section id='comments'><p>This is a disgrace, I drive over that "
               "bridge every single day and nobody asked us.</p></section></body></html>",
               "This is a disgrace"),
        keep("<html><body><div class='commentary'><p>The council voted on Monday to close the "
             "bridge, and that was the right call.</p></div></body></html>",
             "that was the right call"),
    )


@register
class Overlays(ContainerRule):
    """Cookie and consent banners, pop-ups, modals and dialogs."""

    code = "HT08"
    name = "html.overlays"
    groups = ("html", "consent")
    description = "Cookie and consent banners, pop-ups, modals and dialogs."
    strong = True
    tags = frozenset({"dialog"})
    words = ("cookie", "cookies", "consent", "gdpr", "cmp", "modal", "popup", "pop-up",
             "overlay", "lightbox", "dialog", "alertdialog", "interstitial")
    prefixes = ("cookie", "consent", "gdpr", "cmp-", "modal", "popup", "overlay", "onetrust",
                "cc-", "didomi", "qc-cmp")
    examples = (
        remove("<html><body><p>The council voted on Monday to close the bridge.</p>"
               "<div id='cookie-banner'><p>We use cookies to improve your experience. By "
               "continuing you accept our policy.</p></div></body></html>", "We use cookies"),
        keep("<html><body><div class='recipe'><p>Bake the cookies for twelve minutes, then let "
             "them cool on a rack.</p></div></body></html>", "Bake the cookies"),
    )


@register
class Forms(ContainerRule):
    """Forms and their field sets (search boxes, log-in and contact forms); a form that
    wraps the whole page and holds prose stays. A form with a box to write a message in (a
    ``<textarea>``: a reply or contact form) goes even when its notes read as prose (a
    comment policy), unless it holds the article and the page's headline."""

    code = "HT09"
    name = "html.forms"
    groups = ("html", "ui")
    description = "Forms: search, log-in, contact and sign-up forms."
    tags = frozenset({"form", "fieldset"})
    examples = (
        remove("<html><body><p>The council voted on Monday to close the bridge.</p>"
               "<form><label>Your e-mail</label> <label>Search this site</label></form>"
               "</body></html>", "Your e-mail", "Search this site"),
        remove("<html><body><h1>Bridge to close</h1><p>The council voted on Monday to close "
               "the bridge.</p><form><p>" + "Comments are moderated and may take a day to "
               "appear; we remove abuse, spam and anything off topic without notice. " * 3
               + "</p><textarea>Your comment</textarea></form></body></html>",
               "Comments are moderated"),
        keep("<html><body><form id='aspnetForm'><p>" + "The council voted on Monday to close "
             "the bridge for repairs, the mayor said after the meeting. " * 8
             + "</p></form></body></html>", "The council voted on Monday"),
    )

    def judge(self, element, tag: str, names: str, page: Page) -> str | None:
        if element.find(".//textarea") is None:
            return super().judge(element, tag, names, page)
        text = element_text(element)
        if not text or page.holds_article(element, len(text), link_chars(element), True):
            return None
        return "a form to write a message in (<textarea>)"


@register
class MetaLines(ContainerRule):
    """Bylines, timestamps, tag and category lists, captions' credits: the article's
    metadata as the page lays it out (the metadata stage reads them from the markup)."""

    code = "HT12"
    name = "html.article_meta"
    groups = ("html", "fields")
    description = "Byline, timestamp, tag-list and category boxes."
    words = ("byline", "author", "authors", "timestamp", "dateline-box", "posted-on", "post-meta",
             "entry-meta", "article-meta", "meta", "tags", "tag-list", "taglist", "categories",
             "keywords", "published", "updated", "date", "credit", "credits")
    prefixes = ("byline", "author-", "timestamp", "post-meta", "entry-meta", "article-meta",
                "article-tags", "post-tags", "tags-", "tag-list", "publish-date", "pubdate",
                "date-", "article-date")
    examples = (
        remove("<html><body><div class='byline'>By Jane Roe, Staff Writer</div>"
               "<p>The council voted on Monday to close the bridge.</p>"
               "<ul class='tags'><li>Bridges</li><li>Council</li></ul></body></html>",
               "By Jane Roe", "Bridges"),
        keep("<html><body><div class='author-interview'><p>" + "The author told the council "
             "that the bridge had inspired her novel, and she urged them to reconsider. " * 6
             + "</p></div></body></html>", "The author told the council"),
    )


@register
class Media(ContainerRule):
    """Figures and their captions, galleries, slideshows and video players: the words under
    a picture describe the picture, not the story, however long they run (so this rule drops
    them even when they read as prose, unless they hold the page's headline).

    **Known problems:** some sites print a video's summary as a caption that a reader would
    count as part of the story; it goes too."""

    code = "HT13"
    name = "html.media"
    groups = ("html",)
    description = "Figures, captions, galleries and video players."
    strong = True  # a caption is prose too: its length says nothing
    tags = frozenset({"figure", "figcaption"})
    words = ("caption", "captions", "figcaption", "gallery", "slideshow", "carousel", "lightbox",
             "image-credit", "photo-credit", "video-player", "videoplayer", "swiper", "slider")
    prefixes = ("caption", "gallery", "slideshow", "carousel", "image-caption", "photo-caption",
                "jwplayer", "jw-player", "swiper")
    examples = (
        remove("<html><body><figure><figcaption>The old bridge at dusk. Photo: J. Roe"
               "</figcaption></figure><p>The council voted on Monday to close the bridge.</p>"
               "</body></html>", "The old bridge at dusk"),
        keep("<html><body><div class='video-game-review'><p>" + "The game's bridge level is the "
             "best part, and the council of elders who guard it steal every scene. " * 6
             + "</p></div></body></html>", "The game's bridge level"),
    )


@register
class LinkDense(HtmlRule):
    """Inside the article: a list, box or table that is mostly links (a list of stories, a
    tag cloud, "Read more: <link>"). Prose with a link in it stays."""

    code = "HT10"
    name = "html.link_dense"
    groups = ("html", "related")
    description = "Link-dense lists and boxes inside the article."
    stage = "inner"
    settings = {"max_share": 0.5, "line_share": 0.9}
    #: Boxes go when mostly links; a paragraph or heading only when it is one link.
    _boxes = frozenset({"ul", "ol", "dl", "div", "section", "table", "aside", "nav", "li",
                        "header", "footer", "figure"})
    _lines = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote"})
    examples = (
        remove("<html><body><article><p>The council voted on Monday to close the bridge for "
               "repairs, the mayor said.</p><ul><li><a href='/a'>Bridge closes for a year</a>"
               "</li><li><a href='/b'>Mayor's race heats up</a></li></ul></article></body></html>",
               "Bridge closes for a year", also=("HT11",)),
        keep("<html><body><article><p>The council voted on Monday to close the bridge, the "
             "<a href='/m'>mayor</a> said after a long meeting.</p></article></body></html>",
             "the mayor said", records=1),
    )

    def judge_span(self, span: Span, layout: Layout) -> str | None:
        tag = span.element.tag
        if not span.chars or (tag not in self._boxes and tag not in self._lines):
            return None
        share = span.links / span.chars
        if share > (self.options["max_share"] if tag in self._boxes else self.options["line_share"]):
            return f"{share:.0%} of its text is links"
        return None


_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "body"})
#: An article's headline stands among its first lines, above any line this long.
HEAD_LINES = 6
#: ... and a line the page's title repeats, among them, is set as one of these.
_TITLE_LINE_TAGS = frozenset({"h1", "h2", "h3", "h4", "p", "div", "header"})
_CLOSED = (".", "!", "?", ".\"", ".”", "。", "!”", "?”")
#: Names sites give the element that holds an article's text.
_BODY = token_pattern(
    ("articlebody", "article-body", "article__body", "article-content", "article__content",
     "articlecontent", "article-text", "article__text", "articletext", "story-body",
     "story__body", "storybody", "story-content", "story-text", "storytext", "entry-content",
     "entry__content", "entry-body", "post-content", "post__content", "postcontent", "post-body",
     "post-text", "post-entry", "content-body", "body-text", "bodytext", "field-name-body",
     "field--name-body", "news-content", "news-body", "news-text", "rich-text", "richtext",
     "text-body", "single-content", "blog-content", "main-text", "article-main", "article-detail",
     "detail-content", "td-post-content"), ())
#: Broader names (a blog post's wrapper, an editor's output): taken only when no name above is.
_BODY_BROAD = token_pattern(("post", "hentry", "entry", "article", "wysiwyg", "prose"), ())


@register
class ArticleElement(HtmlRule):
    """Keep the element that holds the article, and drop the rest of the page.

    Each text block weighs for the elements around it: a long block that is not links counts
    its length, a link-dense or label-like block counts against. The element with the largest
    sum holds the article (the smallest such element, when a parent adds nothing). On a page
    with several ``<article>`` elements that each hold a full article (not teaser cards), each
    one is an article of its own. The article's ``<h1>`` among its first lines (or a line
    there that the page's title repeats) is its headline: it becomes the record's title and
    leaves the body.
    """

    code = "HT11"
    name = "html.main_content"
    groups = ("html",)
    description = "Keep the element that holds the article; drop the page around it."
    stage = "select"
    settings = {"min_article_chars": 300, "article_share": 0.3, "hint_share": 0.3}
    examples = (
        remove("<html><body><div class='menu'><a>Home</a> <a>World</a> <a>Sport</a></div>"
               "<div><p>The council voted on Monday to close the old bridge for repairs, the mayor "
               "said after a long meeting.</p><p>Work starts in May and will take a year, "
               "officials said.</p></div><div><a>Privacy</a> <a>Terms</a></div></body></html>",
               "Sport", "Privacy"),
        keep("<html><body><div><p>The council voted on Monday to close the old bridge for "
             "repairs, the mayor said.</p><h2>What happens next</h2><p>Work starts in May and "
             "will take a year, officials said.</p></div></body></html>",
             "What happens next", "Work starts in May"),
    )

    def weight(self, block) -> float:
        n = len(block.text)
        if block.links > 0.5 * n:
            # a paragraph whose names are links (people cards, glossaries) is still prose
            return -0.2 * n if block.tag == "p" else -float(n)
        if block.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return 0.0
        if n < 25 and not block.text.endswith(_CLOSED):
            return -0.3 * n  # a label, a button, a date
        return float(n)

    def propose_selection(self, layout: Layout) -> Iterator[Proposal]:
        if not layout.spans:
            return
        cum = [0.0]
        for block in layout.blocks:
            cum.append(cum[-1] + self.weight(block))
        # what each element weighs, kept here: the layout is the engine's, never written on
        scores = {id(span): cum[span.end] - cum[span.first] for span in layout.spans}
        best, best_score = None, float("-inf")
        for span in layout.spans:  # children before parents: a parent must do better
            if scores[id(span)] > best_score:
                best, best_score = span, scores[id(span)]
        for span in (self._articles(layout, best, scores)
                     or [self._hinted(layout, best, scores) or best]):
            yield self.select(span)

    def _hinted(self, layout: Layout, best: Span, scores: dict[int, float]) -> Span | None:
        """An ``<article>`` or an element that names itself the article's body, inside the
        best one and holding much of its weight: the best element then also held teasers or
        a sidebar."""
        least = self.options["hint_share"] * scores[id(best)]
        inside = [span for span in layout.spans
                  if best.first <= span.first and span.end <= best.end
                  and scores[id(span)] >= least
                  and span.end - span.first > 1 and span.element.tag in _CONTAINERS]
        for named in (lambda el: el.tag == "article" or _BODY.search(tokens(el)),
                      lambda el: _BODY_BROAD.search(tokens(el))):
            found = [span for span in inside if named(span.element)]
            if found:
                return max(found, key=lambda span: scores[id(span)])
        return None

    def _articles(self, layout: Layout, best: Span, scores: dict[int, float]) -> list[Span]:
        """Several full ``<article>`` elements, in order, when the page holds them."""
        least = max(self.options["min_article_chars"],
                    self.options["article_share"] * scores[id(best)])
        found = [s for s in layout.spans if s.element.tag == "article" and scores[id(s)] >= least
                 and best.first <= s.first and s.end <= best.end]
        found.sort(key=lambda s: s.first)
        outer: list[Span] = []
        for span in found:
            if outer and span.first < outer[-1].end:
                continue  # nested inside the previous one
            outer.append(span)
        if len(outer) < 2:
            return []
        return outer

    def propose_headline(self, layout: Layout, article: Span, title: str | None
                         ) -> Proposal | None:
        """The article's headline, among its first lines (above any paragraph): its
        ``<h1>``, or a heading that the page's ``title`` repeats. It leaves the body: it is
        the record's title."""
        title = " ".join(title.split()).casefold() if title else None
        for i in range(article.first, min(article.end, article.first + HEAD_LINES)):
            block = layout.blocks[i]
            if (block.tag == "h1" or title and block.tag in _TITLE_LINE_TAGS
                    and len(block.text) >= 12
                    and title.startswith(" ".join(block.text.split()).casefold())):
                return self.drop(i, i + 1, reason="the headline: the record's title")
            if len(block.text) >= PARAGRAPH_CHARS:
                return None
        return None


@register
class PageMetadata(HtmlRule):
    """The article's title, date, authors, section and URL, read from what the page says of
    itself (:mod:`dechaff.stages.meta`) before any element is dropped, in this order of
    trust: JSON-LD (parsed leniently; the article object, also as a page's ``mainEntity`` or
    in an ``@graph``, authors followed through ``@id``), microdata, ``<meta>`` tags
    (OpenGraph, ``article:*``, Parse.ly, Dublin Core, Sailthru), then the visible page: the
    headline above the lede, the byline, ``<time datetime>``, a date written out in any
    supported language, the URL's date, and an update's date only when nothing else gives
    one. The title is the JSON-LD headline, else the visible headline when OpenGraph's title
    or the ``<title>`` agrees with it. Names lose their e-mail addresses, roles, bracketed
    initials and the site's own name.

    With ``explain``, each field it gives is traced as a ``moved`` removal whose ``reason``
    says where it was read (``json-ld author``, ``<time>``...). Leave the rule out
    (``ignore=["HT14"]``) to take fields from the text rules alone.

    **Look-alikes left alone:** an e-mail address or the site's name as the author, the date
    of a comment or a related story, an update's date when a publication date exists.

    **Known problems:** a site that credits itself (its own name as the author) gets no
    author; a page whose date appears only in prose gets none.
    """

    code = "HT14"
    name = "html.metadata"
    groups = ("html", "fields")
    description = "The page's own metadata: JSON-LD, microdata, <meta> tags, then its headline, byline and dates."
    stage = "meta"
    examples = (
        remove("<html><head><title>Bridge to close | Riverton Post</title>"
               "<meta property='og:site_name' content='Riverton Post'>"
               "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
               "\"Riverton will close its old bridge\", \"datePublished\": \"2024-03-01\", "
               "\"author\": {\"@type\": \"Person\", \"name\": \"Jane Roe\"},}</script></head>"
               "<body><p>The council voted on Monday to close the bridge.</p></body></html>",
               title="Riverton will close its old bridge", published="2024-03-01",
               authors=["Jane Roe"]),
        keep("<html><head><meta name='author' content='news@post.example'></head><body>"
             "<p>The council voted on March 5, 2024 to close the bridge, Jane Roe said.</p>"
             "</body></html>", "The council voted on March 5, 2024 to close the bridge"),
    )
