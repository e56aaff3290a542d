"""Promotions and calls to act: log in, subscribe, download the app, follow us.

Promos come as paragraphs of their own ("Unlock a world of perks! ... Log in now!") and as a
sentence dropped into a paragraph. A promo *sentence* starts with the call to act; a story
that quotes the call ("The banner read 'Sign up for our newsletter'") does not, and stays.
"""

from __future__ import annotations

from typing import ClassVar, Iterator

import regex

from ..shapes import sentences, word_count
from ..patterns import (Alternation, alt, PROMO_APP, PROMO_FOLLOW, PROMO_MEMBERSHIP, PROMO_NEWSLETTER,
                       PROMO_PAYWALL, PROMO_PITCH, PROMO_SUBSCRIBE)
from .base import Proposal, SentenceRule, keep, remove
from .registry import register

#: What may stand before a promo's first word: a bullet, an arrow, an emoji; not a quote
#: mark, since a quoted call to act is the story's, not the site's.
_LEAD = r"[^\w\n\"“”‘’'«»„]{0,3}"
# Matched at a sentence's start (``sentences`` finds the starts), so no anchor of its own.
_ANY = regex.compile(
    _LEAD + r"(?i:" + "|".join(
        (PROMO_MEMBERSHIP, PROMO_APP, PROMO_NEWSLETTER, PROMO_FOLLOW, PROMO_SUBSCRIBE, PROMO_PITCH,
         PROMO_PAYWALL))
    + ")")


class PromoRule(SentenceRule):
    """Cuts sentences that open with a call to act; drops a paragraph made of them.

    A paragraph goes whole when its first sentence is this rule's promo and either its last
    one is a promo of any kind or such promos make up half of it, or when it is a short box
    (two sentences, twenty words at most) that ends on a bare call to act of this rule's
    ("Get our tips every Friday. Sign up here"); otherwise only this rule's promo sentences
    are cut.
    """

    groups = ("promo",)
    #: ``max_words``: a promo paragraph is dropped whole up to this length; a longer one
    #: loses only its promo sentences.
    settings = {"max_words": 80}
    opening: ClassVar[Alternation] = alt()
    ends_article: ClassVar[bool] = False
    compiled: ClassVar[regex.Pattern]
    at_start: ClassVar[regex.Pattern]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.opening:
            cls.starts = cls.opening.heads
            cls.compiled = regex.compile(
                rf"(?:^|(?<=[.!?…]\s)){_LEAD}(?i:{cls.opening})", regex.MULTILINE)
            cls.at_start = regex.compile(rf"{_LEAD}(?i:{cls.opening})")

    def is_promo(self, text: str, start: int, end: int) -> bool:
        return self.at_start.match(text, start, end, timeout=self.timeout) is not None

    def is_opening(self, text: str, start: int) -> bool:
        return self.is_promo(text, start, len(text))

    def propose_block(self, text: str, block) -> Iterator[Proposal]:
        spans = sentences(text, block.start, block.end)
        promo = [self.is_promo(text, s, e) for s, e in spans]
        if not any(promo):
            return
        any_promo = [p or _ANY.match(text, s, e) is not None for (s, e), p in zip(spans, promo)]
        promo_chars = sum(e - s for (s, e), p in zip(spans, any_promo) if p)
        whole = (promo[0] and (any_promo[-1] or promo_chars * 2 >= block.end - block.start)
                 and word_count(block.text) <= self.options["max_words"])
        # a short box that ends on a bare call to act: its pitch goes with it ("Get our
        # tips every Friday. Sign up here")
        last_start, last_end = spans[-1]
        whole = whole or (promo[-1] and len(spans) <= 2 and word_count(block.text) <= 20
                          and word_count(text[last_start:last_end]) <= 5)
        if whole:
            yield self.drop(block.start, block.end, reason="promotional paragraph",
                            ends_article=self.ends_article)
            return
        for (s, e), p in zip(spans, promo):
            if p:
                yield self.cut(s, e, reason="promotional sentence", ends_article=self.ends_article)


@register
class Membership(PromoRule):
    """Calls to log in, subscribe or become a member to unlock the site's perks."""

    code = "PR01"
    name = "promo.membership"
    description = "'Unlock a world of perks! ... Log in now!', 'Already a subscriber?' and kin."
    opening = PROMO_MEMBERSHIP
    examples = (
        remove("Unlock a world of perks! From insightful newsletters to real-time tracking, "
               "it's all here, just a click away! Log in now!"),
        remove("The vote is on Tuesday. Subscribe now to keep reading our coverage.",
               "Subscribe now to keep reading our coverage."),
        keep("The startup wants to unlock value in old warehouses, its founder said."),
    )


@register
class AppDownload(PromoRule):
    """Invitations to download the publisher's app."""

    code = "PR02"
    name = "promo.app_download"
    description = "'Download the Mint News app', 'Descarga la app', 'Unduh aplikasi'."
    opening = PROMO_APP
    examples = (
        remove("Download the Mint News app to get daily market updates."),
        remove("Descarga la app de Noticias Hoy y recibe alertas."),
        keep("Millions rushed to download the app after the outage, analysts said."),
    )


@register
class Newsletter(PromoRule):
    """Invitations to sign up for a newsletter."""

    code = "PR03"
    name = "promo.newsletter"
    description = ("'Sign up for our newsletter', 'Abonnieren Sie unseren Newsletter', 'Tilmeld dig "
                   "vores nyhedsbrev' and kin.")
    opening = PROMO_NEWSLETTER
    examples = (
        remove("Sign up for our Morning Briefing newsletter to get the day's top stories."),
        remove("Abonnieren Sie unseren Newsletter und verpassen Sie nichts."),
        remove("Tilmeld dig vores nyhedsbrev og få dagens vigtigste historier hver morgen."),
        remove("Tilaa uutiskirje ja saat päivän tärkeimmät uutiset aamulla."),
        keep("The banner urged visitors to “Sign up for our newsletter” before they could read on."),
        keep("Avisen sagde, at 40.000 læsere nu får dens nyhedsbrev hver morgen."),
    )


@register
class FollowUs(PromoRule):
    """Invitations to follow the site on Google News, WhatsApp, social networks."""

    code = "PR04"
    name = "promo.follow_us"
    description = "'Follow us on Google News', 'Síguenos en', 'Ikuti kami di' and kin."
    opening = PROMO_FOLLOW
    examples = (
        remove("Follow us on Google News for the latest updates."),
        remove("Ikuti kami di Google News untuk berita terbaru."),
        keep("Protesters chanted that voters should follow them to the square."),
    )


@register
class SubscribeClick(PromoRule):
    """"Click here to subscribe" and its kin."""

    code = "PR05"
    name = "promo.subscribe_click"
    description = "'Click here to subscribe', 'Subscribe here' and translations."
    opening = PROMO_SUBSCRIBE
    examples = (
        remove("Click here to subscribe to our YouTube channel."),
        remove("Fresh deals in your inbox every Monday. Sign up here"),
        remove("Every match, live and on demand. Start your free trial"),
        keep("The club said fans could sign up here or at the ground, and that 400 had done so "
             "since the vote on Tuesday.", ),
        keep("Readers who click here to subscribe will be asked for a card, the report noted.",
             ),
    )


@register
class NewsPitch(PromoRule):
    """The site's pitch for its own coverage: "Get all the latest business news ... on X"."""

    code = "PR06"
    name = "promo.news_pitch"
    description = "'Get all the latest news ... on Live Mint', 'Catch all the ... news on X'."
    opening = PROMO_PITCH
    examples = (
        remove("Get all the latest business news, market news, latest events and updates on "
               "Live Mint. Download the Mint News app to get daily market updates."),
        keep("Analysts get the latest figures on Monday and will report then."),
    )


@register
class Paywall(PromoRule):
    """A paywall's prompt where the article is cut: "Subscribe to continue reading", "Already
    a subscriber?", "A cikk folytatásához fizessen elő!"."""

    code = "PR07"
    name = "promo.paywall"
    description = "'Subscribe to continue reading', 'Pour lire la suite, abonnez-vous', 'Already a subscriber?'."
    opening = PROMO_PAYWALL
    examples = (
        remove("Subscribe to continue reading. Already a subscriber? Log in."),
        remove("Um den Artikel weiter zu lesen, schließen Sie ein Abo ab."),
        remove("A cikk folytatásához fizessen elő!"),
        keep("The paper said readers who subscribe to continue reading in print get a discount."),
    )
