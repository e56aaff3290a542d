"""Footers that close an article: takedown and contact-us notices, copyright lines.

They also tell the splitter that an article has ended, so the text after them is the next
article's.
"""

from __future__ import annotations

from ..shapes import in_quotation
from .base import PatternRule, keep, remove
from ..patterns import ALL_RIGHTS, TAKEDOWN, TAKEDOWN_END
from .registry import register


@register
class Takedown(PatternRule):
    """A notice that the copied article's owners can ask for it to be removed or changed.

    The notice is cut up to its natural end (a full stop, or "...this article"), so a
    headline glued to it on the same line survives as the start of the next article.
    """

    code = "FT01"
    name = "footer.takedown"
    groups = ("footer",)
    description = "'The mention sources can contact us to remove/changing this article', DMCA lines."
    keywords = ("contact", "request", "owner", "author of", "holder of", "dmca", "copyright",
                "removed", "email us", "e-mail us", "write to", "notify us", "message us",
                "automatically", "aggregated", "scraped", "collected", "si eres", "si es usted", "contáct", "wenn sie", "kontaktieren",
                "si vous", "se você", "entre em contato", "hubungi kami", "jika anda")
    scope = "span"
    ends_article = True
    pattern = (rf"\b(?i:{TAKEDOWN})(?:[^.!?\n]{{0,80}}?\b(?i:{TAKEDOWN_END})\b[.!]?(?=\s+[\p{{Lu}}\d\"“]|\s*$)"
               r"|[^.!?\n]*(?:[.!?]|$))")
    examples = (
        remove("The mention sources can contact us to remove/changing this article"),
        remove("to request, modification Contact us at Here or [email protected]"),
        remove("If you are the owner of this content and want it removed, contact us."),
        remove("If you believe this content infringes your copyright, contact us for removal"),
        remove("Contact us if you would like this story taken down."),
        remove("If you are the author and want it removed, write to our team."),
        remove("This page was aggregated automatically. Authors can request its removal.",
               "aggregated automatically", "request its removal"),
        keep("Residents should contact us if a bin has not been removed by Friday, the council said."
             " It was the third such notice this year.", "It was the third"),
        keep("Residents can contact us at the town hall on weekdays, the mayor said."),
        keep("One notice reads “This article was automatically collected from its source, which may "
             "contact us to have it removed,” and many sites copy it."),
    )

    def accept(self, match, doc) -> bool:
        return not in_quotation(doc.text, match.start(), doc.block_at(match.start()).start)


@register
class Copyright(PatternRule):
    """A copyright or all-rights-reserved line.

    **Known problems:** only whole lines that start with the copyright sign or word, or that
    end on "All rights reserved", go; the phrase inside a sentence stays.
    """

    code = "FT02"
    name = "footer.copyright"
    groups = ("footer",)
    description = "'© 2024 Example Media. All rights reserved.' and its translations."
    keywords = ("©", "copyright", "(c)", "rights reserved", "right reserved", "derechos reservados",
                "rechte vorbehalten", "droits réservés", "direitos reservados", "hak cipta",
                "diritti riservati", "rechten voorbehouden", "prawa zastrzeżone",
                "rättigheter förbehållna", "rettigheter reservert", "hakları saklıdır",
                "права защищены", "สงวนลิขสิทธิ์")
    ends_article = True
    pattern = (rf"^(?:(?:©|\(c\)|(?i:copyright)\s*(?:©|\(c\))?\s*(?:\d{{4}}|\p{{Lu}}))[^\n]{{0,200}}"
               rf"|(?:[^\n]{{0,150}}[.!|,©]\s*)?(?i:{ALL_RIGHTS})\.?)\s*$")
    examples = (
        remove("© 2024 Example Media. All rights reserved."),
        remove("Copyright 2023 The Daily Planet"),
        remove("Todos los derechos reservados."),
        remove("Harbour Post © Tüm hakları saklıdır."),
        keep("Lawyers said the phrase all rights reserved has no legal force today."),
    )

    def accept(self, match, doc) -> bool:
        return len(match.group(0).split()) <= 35
