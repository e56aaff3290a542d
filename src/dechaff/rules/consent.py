"""Consent, account and disclosure notices: cookie banners, privacy and sign-up fine print,
affiliate disclosures, comment policies, reproduction notices.

A scraper keeps every banner and form the page showed. Each notice opens with a fixed kind of
sentence ("We use cookies ...", "No spam, we promise.", "We are a participant in the Amazon
Services LLC Associates Program"), so these rules reuse the promo rules' shape: a paragraph
that opens with the notice goes whole, a notice sentence inside a paragraph is cut.
"""

from __future__ import annotations

from .base import keep, remove
from ..patterns import alt
from .promo import PromoRule
from .registry import register


@register
class Cookies(PromoRule):
    """A cookie banner or cookie-settings text."""

    code = "CK01"
    name = "consent.cookies"
    groups = ("consent",)
    description = "'We use cookies ...', 'This website uses cookies', 'Necessary cookies are ...'."
    opening = alt(
        r"we (?:and our (?:partners|vendors) )?use cookies", r"this (?:web)?site uses cookies",
        r"our (?:web)?site uses cookies", r"by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site",
        r"(?:necessary|functional|analytics|performance|marketing|essential|non-necessary) cookies",
        r"any cookies that", r"the cookie settings on this", r"accept (?:all )?cookies",
        r"cookies help us", r"to find out more about (?:the )?cookies",
        # the settings dialog of cookie-consent plugins, sentence by sentence
        r"out of these cookies,? the cookies that", r"this category only includes cookies",
        r"these cookies (?:will be stored|do not store|may be set|are (?:used|set|stored))",
        r"we also use third[- ]party cookies", r"you (?:also )?have the option to opt[- ]out",
        r"(?:but )?opting out of (?:some of )?these cookies",
        r"it is mandatory to procure user consent",
        r"utilizamos cookies", r"usamos cookies", r"este (?:site|sitio) (?:utiliza|usa) cookies",
        r"wir verwenden cookies", r"diese (?:web)?seite verwendet cookies",
        r"nous utilisons des cookies", r"ce site utilise des cookies",
        r"situs ini menggunakan cookie", r"kami menggunakan cookie",
        r"wij gebruiken cookies", r"we gebruiken cookies", r"deze (?:web)?site gebruikt cookies",
        r"utilizziamo (?:i )?cookie", r"questo sito (?:web )?utilizza (?:i )?cookie",
        r"vi använder (?:cookies|kakor)", r"(?:den här|denna) webbplats(?:en)? använder (?:cookies|kakor)",
        r"vi bruker (?:cookies|informasjonskapsler)", r"vi bruger cookies",
        r"używamy (?:plików )?cookie", r"ta strona (?:internetowa )?(?:używa|korzysta z) (?:plików )?cookie",
        r"bu (?:web )?site(?:si|miz)? çerez", r"sitemizde çerez",
    )
    examples = (
        remove("We use cookies and other tracking technologies to improve your browsing "
               "experience on our site, show personalized content and analyze site traffic."),
        remove("Necessary cookies are absolutely essential for the website to function properly."),
        keep("The regulator said that banners reading “We use cookies” must offer a clear refusal."),
        keep("Bakers said demand for cookies rose sharply in December, the survey found."),
        remove("Wij gebruiken cookies om onze website te verbeteren. Akkoord"),
        remove("Out of these cookies, the cookies that are categorized as necessary are stored on "
               "your browser as they are essential for the working of basic functionalities."),
        keep("Out of these cookies, the oatmeal ones sold first, the bakery's owner said."),
    )


@register
class SignupFinePrint(PromoRule):
    """The fine print and messages of sign-up and account forms."""

    code = "CK02"
    name = "consent.signup_fine_print"
    groups = ("consent",)
    description = "'No spam, we promise', 'You can unsubscribe at any time', activation-email notices."
    opening = alt(
        r"no spam\b", r"you (?:can|may) unsubscribe at any time", r"unsubscribe at any time",
        r"we send newsletters", r"an email with an activation link", r"we'?ve sent (?:you )?an email",
        r"we have sent (?:you )?an email", r"please check your (?:inbox|email)", r"thank you for (?:subscribing|signing up|registering)",
        r"thanks for (?:subscribing|signing up|registering)", r"by (?:signing up|subscribing|registering|clicking)[^.!?\n]{0,60} you agree",
        r"your personal data will", r"we are committed to protecting your personal (?:information|data)",
        r"forgot your password", r"already have an account", r"don't have an account",
        r"we respect your privacy", r"we will never share your",
    )
    examples = (
        remove("No spam, we promise. You can unsubscribe at any time and we'll never share your "
               "details without your permission."),
        remove("An email with an activation link has just been sent to your email address."),
        keep("Residents can unsubscribe from the council's alerts, officials said, but few do."),
    )


@register
class AffiliateDisclosure(PromoRule):
    """An affiliate-links disclosure."""

    code = "CK03"
    name = "consent.affiliate_disclosure"
    groups = ("consent",)
    description = "'We are a participant in the Amazon Services LLC Associates Program', 'may contain affiliate links'."
    opening = alt(
        r"we are a participant in the amazon", r"(?:some|this|our) (?:posts?|articles?|pages?|links?)"
        r"(?: on [\w.]+)? may contain affiliate links?", r"we may (?:earn|receive) (?:a )?(?:small )?commission",
        r"as an amazon associate", r"this (?:post|article|page) contains affiliate links",
        r"(?:disclosure|disclaimer): (?:this|some|our) [^.!?\n]{0,40}affiliate",
    )
    examples = (
        remove("We are a participant in the Amazon Services LLC Associates Program, an affiliate "
               "advertising program designed to provide a means for us to earn fees."),
        keep("The lawsuit says the site failed to disclose affiliate links in its reviews."),
    )


@register
class CommentPolicy(PromoRule):
    """The rules of a comment section, shown above or below the article."""

    code = "CK04"
    name = "consent.comment_policy"
    groups = ("consent",)
    description = "'When submitting content, please abide by our guidelines', 'Comments are moderated'."
    opening = alt(
        r"when submitting (?:content|comments?)", r"comments are moderated", r"please (?:keep|be) (?:comments )?(?:civil|respectful)",
        r"we (?:reserve the right to|may) (?:remove|delete|edit) comments", r"atenção: comentários",
        r"los comentarios (?:están|son) moderados", r"kommentare werden moderiert",
        r"les commentaires sont modérés", r"your email address will not be published",
        r"tu dirección de correo electrónico no será publicada",
        r"ihre e-mail-adresse wird nicht veröffentlicht",
        r"votre adresse (?:e-mail|de messagerie) ne sera pas publiée",
        r"o seu endereço de e-mail não será publicado",
    )
    examples = (
        remove("When submitting content, please abide by our submission guidelines, and avoid "
               "posting profanity, personal attacks or harassment."),
        remove("Your email address will not be published. Required fields are marked *"),
        keep("Comments were moderated by volunteers during the consultation, the council said."),
    )


@register
class ReproductionNotice(PromoRule):
    """A notice that the site's material may not be reproduced: a copyright footer in prose."""

    code = "CK05"
    name = "consent.reproduction_notice"
    groups = ("consent", "footer")
    description = "'The material on this site may not be reproduced ...', 'Reproduction ... is prohibited'."
    ends_article = True
    opening = alt(
        r"the (?:material|content)s? on this (?:web)?site may not be reproduced",
        r"(?:no part of|reproduction of) (?:this|the|any|our) [^.!?\n]{0,80}(?:prohibited|without (?:the )?(?:prior |express )?(?:written )?permission)",
        r"(?:all )?(?:content|material) (?:on this site )?(?:is )?(?:protected by|subject to) copyright",
        r"reproduction (?:in whole or in part )?(?:without permission )?is (?:strictly )?prohibited",
        r"prohibida (?:su|la) reproducción", r"vervielfältigung nur mit", r"reproduction interdite",
        r"é proibida a reprodução",
    )
    examples = (
        remove("The material on this site may not be reproduced, distributed, transmitted, cached "
               "or otherwise used, except with the prior written permission of Example Media."),
        keep("The court found that the material on this site had been reproduced without payment."),
    )


@register
class EmbedPlaceholder(PromoRule):
    """What a page shows where an embed did not load: a video player's error, a blocked
    social post or map behind a consent setting ("External content not available")."""

    code = "CK06"
    name = "consent.embed_placeholder"
    groups = ("consent",)
    description = "'This video has failed to load', 'Externer Inhalt nicht verfügbar', 'Enable JavaScript to view'."
    opening = alt(
        r"(?:we apologi[sz]e, but )?this video (?:has failed|failed|is unable|could not) (?:to )?load",
        r"try refreshing your browser", r"your browser does not support (?:the )?(?:video|audio|html5|iframes?)",
        r"(?:this|the) (?:video|content|embed|media|post) (?:is|was) (?:not|no longer|currently not) available",
        r"to (?:view|see|watch|display) this (?:content|video|embed|post|tweet)",
        r"(?:please )?enable javascript to", r"you need to enable javascript",
        r"this content is (?:hosted|provided) by a third party",
        r"externer inhalt (?:nicht verfügbar|von)", r"(?:deine|ihre) privatsphäre-einstellungen verhindern",
        r"zur anzeige aktiviere", r"um (?:diesen|den|externe) inhalte? (?:zu sehen|anzuzeigen|zu laden)",
        r"an dieser stelle (?:finden sie|folgt) einen? (?:externen|ergänzenden) inhalt",
        r"ce contenu (?:n'est pas disponible|est bloqué)", r"pour (?:afficher|voir) ce contenu",
        r"este contenido no está disponible", r"para ver este contenido",
        r"questo contenuto non è disponibile", r"per visualizzare questo contenuto",
        r"deze inhoud is niet beschikbaar", r"om deze inhoud te (?:zien|bekijken)",
        r"este conteúdo não está disponível", r"para ver este conteúdo",
    )
    examples = (
        remove("We apologize, but this video has failed to load. Try refreshing your browser."),
        remove("Externer Inhalt nicht verfügbar"),
        remove("Deine Privatsphäre-Einstellungen verhindern das Laden und Anzeigen dieses Inhalts."),
        keep("The mayor said the video of the meeting was not available to the public until May."),
        keep("Officials said this video has failed to reach the viewers it was meant for."),
    )


@register
class RiskNotice(PromoRule):
    """The fine print of a betting or an investment promo: "21+. Terms apply.", "Please
    gamble responsibly", "Not investment advice. Do your own research."."""

    code = "CK07"
    name = "consent.risk_notice"
    groups = ("consent",)
    description = "'Gamble responsibly', '18+ T&Cs apply', 'Not investment advice', 'Do your own research'."
    opening = alt(
        r"(?:please )?gamble responsibly", r"(?:18|19|21)\+(?=[.,\s]|$)",
        r"(?:full )?(?:t&cs|terms(?: and conditions)?|terms & conditions) apply\.?(?=\s*$|\s+\p{Lu})",
        r"new customers (?:only|get)\b", r"bet (?:on|with) [^.\n]{0,60}(?:new customers|bonus|free bets?)", r"if you or someone you know has a gambling problem",
        r"begambleaware", r"when the fun stops,? stop",
        r"(?:this is )?not (?:financial|investment) advice", r"(?:nothing in this article|this article does not) constitutes? (?:financial|investment) advice",
        r"do your own research", r"cryptocurrenc(?:y|ies) (?:are|is) (?:a )?(?:highly )?(?:volatile|risky|high[- ]risk)",
        r"(?:kein|keine) anlageberatung", r"ce(?:ci)? n'est pas un conseil (?:en investissement|financier)",
        r"esto no es (?:un )?consejo (?:financiero|de inversión)", r"juega con responsabilidad", r"spielen sie verantwortungsbewusst",
        r"jouez (?:de manière )?responsable",
    )
    examples = (
        remove("Bet on tonight's games — new customers get a $50 bonus. 21+. Terms apply."),
        remove("Not investment advice. Do your own research."),
        remove("Please gamble responsibly."),
        keep("The regulator said the leaflets told players to gamble responsibly but hid the odds."),
        keep("Analysts urged savers to do their own research before buying, the report said."),
    )
