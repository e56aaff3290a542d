"""Interface text: buttons, share bars, ad labels, counters and menus that a scraper kept.

Most of it fills a line of its own; some of it ("View photos", "Advertisement") lands in the
middle of a paragraph, between two sentences, and is cut from there.
"""

from __future__ import annotations

import regex

from .base import PatternRule, keep, remove
from ..patterns import alt
from ..shapes import word_count
from .registry import register

#: Where an inline UI label may stand: at a line start, or after a sentence or a URL.
_AFTER = r"(?:^|(?<=[.!?:;\"”’)\]»]\s+)|(?<=\S/\s+)|(?<=https?://\S+\s+))"
#: What follows it: a new sentence, or the end of the line.
_BEFORE = r"(?=\s+[\p{Lu}\d\"“(]|\s*$)"


@register
class PhotoGallery(PatternRule):
    """Gallery buttons: "View photos", "See gallery", "Open slideshow"."""

    code = "UI01"
    name = "ui.photo_gallery"
    groups = ("ui",)
    description = "'View photos', 'View gallery', 'Ver fotos', 'Fotos ansehen' buttons."
    keywords = ("photo", "gallery", "image", "slideshow", "picture", "foto")
    scope = "span"
    pattern = (rf"(?:{_AFTER}|(?<=\s))(?:(?:View|VIEW|See|SEE|Open|OPEN)\s+(?i:photos?|gallery|images?|slideshow|pictures?)"
               rf"|Ver (?:fotos|galería)|Fotos ansehen|Voir les photos|Ver fotos|Lihat foto)(?:\s*\(\d+\))?{_BEFORE}"
               r"|^(?i:(?:photo|image|picture|video)s?\s+(?:gallery|galleries|slideshow)|galería de fotos"
               r"|bildergalerie|fotogalerie|galerie photos?|galeria de fotos|galeri foto)\s*(?:\(\d+\))?\s*$")
    examples = (
        remove("which sellers have the best offers. View photos The advantages are these.",
               "View photos"),
        remove("View photos"),
        remove("Photo gallery"),
        keep("The library's photo gallery reopened on Monday after a two-year renovation."),
        keep("Visitors can view photos of the flood in the library, the curator said."),
    )


@register
class Advertisement(PatternRule):
    """Ad-slot labels left in the text: "Advertisement", "Story continues below advertisement"."""

    code = "UI02"
    name = "ui.advertisement"
    groups = ("ui",)
    description = ("'Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', "
                   "'Anzeige', 'Continua depois da publicidade', 'Hirdetés'.")
    keywords = ("advert", "sponsor", "paid ", "continues below", "continues after", "continue reading",
                "scroll to continue", "anzeige", "publici", "iklan", "\nad", "ad\n", "reklam",
                "annons", "pubblicità", "werbung", "広告", "广告", "광고", "โฆษณา", "реклама",
                "إعلان", "اعلان", "διαφήμιση", "विज्ञापन", "hirdetés", "quảng cáo", "mainos",
                "annonce", "patalastas", "oglas", "reclamă", "suite après")
    scope = "span"
    pattern = (rf"{_AFTER}(?:(?:Advertisement|ADVERTISEMENT)\s*[·|•–—-]\s*(?i:continue reading below|"
               r"story continues below|scroll to continue)"
               r"|Advertisement|ADVERTISEMENT|Advertisements|Advertise with us"
               r"|(?:Sponsored|SPONSORED|Paid|PAID)\s+(?i:content|links|stories|posts?)|Sponsored|SPONSORED"
               r"|(?:Story|Article|Content) continues (?:below|after)(?: this)?(?: advertisement| ad)?"
               r"|Continue reading below|Scroll to continue(?: with content)?|AD|Ad|Advert|ADVERT"
               r"|Anzeige|ANZEIGE|Publicidad|PUBLICIDAD|Publicité|PUBLICITÉ|Publicidade|PUBLICIDADE|Iklan|ADVERTISING"
               r"|Continua (?:depois|após) da publicidade|(?:La )?[Ss]uite après (?:la|cette) publicité"
               r"|(?:Continúa|Sigue) (?:leyendo )?(?:después de|tras) la publicidad)"
               rf"\s*[:.]?{_BEFORE}"
               # words that are also words of a sentence ("Reklam Kurulu ..."): a line alone
               r"|^(?:Reklam|REKLAM|Reklama|REKLAMA|Annons|ANNONS|Pubblicità|PUBBLICITÀ|Advertentie"
               r"|Werbung|WERBUNG|Реклама|РЕКЛАМА|広告|广告|광고|โฆษณา|PR|إعلان|اعلان|Διαφήμιση|ΔΙΑΦΗΜΙΣΗ"
               r"|विज्ञापन|Hirdetés|HIRDETÉS|Publicitate|PUBLICITATE|Quảng cáo|QUẢNG CÁO|Mainos|MAINOS"
               r"|Annonce|ANNONCE|Annonse|ANNONSE|Reklame|REKLAME|Patalastas|Oglas|OGLAS|Reclamă)\s*$")
    examples = (
        remove("Advertisement"),
        remove("Reklama"),
        remove("広告"),
        keep("Reklama telewizyjna kosztuje coraz więcej, podał urząd."),
        remove("Hirdetés"),
        remove("Διαφήμιση"),
        keep("Mainos on kallista, sanoi yhtiö."),
        remove("A câmara votou na segunda-feira.\n\nContinua depois da publicidade\n\nA ponte "
               "fica fechada até a primavera.", "Continua depois da publicidade"),
        keep("A publicidade continua depois da eleição, disse o partido."),
        remove("Story continues below advertisement"),
        remove("Article continues after this ad"),
        remove("Sponsored Content"),
        remove("The council met on Monday. ADVERTISEMENT · Continue reading below The vote passed.",
               "ADVERTISEMENT", "Continue reading below"),
        remove("The council met on Monday. Advertisement The vote passed.", "Advertisement"),
        keep("Advertisement revenue fell by a third, the company said."),
        keep("The advertisement ran on television for a week."),
        remove("The council met on Monday.\n\nAdvert\n\nThe vote passed.", "Advert"),
        keep("Advert breaks grew longer this year, viewers said."),
    )
    _alone = ("AD", "Ad", "Advert", "ADVERT")

    def accept(self, match, doc) -> bool:
        # "AD", "Ad", "Advert" only on a line of their own: in a sentence they are words.
        if match.group(0).strip(" :.") in self._alone:
            block = doc.block_at(match.start())
            return block.text.strip(" :.") in self._alone
        return True


@register
class ShareBar(PatternRule):
    """A share bar: a line made of share-button words, or "Share this article"."""

    code = "UI03"
    name = "ui.share_bar"
    groups = ("ui",)
    description = "'Share Tweet Pin Email', 'Share this article', 'Compartir', 'Teilen'."
    max_line = 200
    _word = alt("share", "tweet", "pin", "email", "e-mail", "print", "whatsapp", "facebook",
                "twitter", "linkedin", "reddit", "telegram", "copy link", "copy url", "comment",
                "comments", "save", "flipboard", "pinterest", "messenger", "x", "sms", "mail",
                "compartir", "teilen", "partager", "compartilhar", "bagikan", "imprimir", "drucken")
    starts = _word.heads | frozenset({"share", "compartir", "artikel", "partager", "compartilhe", "bagikan",
                                      "click", "condividi", "delen", "deel", "dela", "del",
                                      "udostępnij", "paylaş", "paylaşın", "シェア", "แชร์", "分享",
                                      "diesen", "dieser", "compartilhe", "sdílet", "megosztás",
                                      "distribuie", "поделиться", "κοινοποίηση", "chia", "jaa",
                                      "ibahagi", "شارك", "शेयर"})
    pattern = (rf"^(?i:(?:{_word})(?:\s*[|•·/,]\s*|\s+)){{1,12}}(?i:{_word})\s*$"
               r"|^(?i:share (?:this|the) (?:article|story|post|page)(?: (?:on|via) \w+)?"
               r"|share on (?:facebook|twitter|x|whatsapp|linkedin)|compartir en \w+"
               r"|(?:diesen |den )?artikel teilen|dieser artikel teilen|partager (?:cet article|sur \w+)|compartilhe(?: esta notícia)?"
               r"|sdílet(?: článek)?|megosztás|distribuie(?: articolul)?|поделиться|κοινοποίηση|chia sẻ"
               r"|jaa(?: artikkeli)?|ibahagi|شارك(?: الخبر| المقال)?|शेयर करें"
               r"|bagikan(?: artikel)?(?: ini)?|share this|share (?:on|via) \w+"
               # a share verb alone: a share button
               r"|share|partager|teilen|compartir|compartilhar|condividi|delen|deel dit artikel"
               r"|dela(?: artikeln)?|del artikkelen|udostępnij|paylaş|paylaşın|シェア|แชร์|分享"
               r"|click to (?:share|email|print|tweet)\b[^\n]{0,40}?(?:\(opens in (?:a )?new window\))?)\s*:?\s*$")
    examples = (
        remove("Share Tweet Pin Email"),
        remove("Share this article"),
        remove("Facebook | Twitter | WhatsApp | Email"),
        remove("Click to share on Twitter (Opens in new window)"),
        remove("Partager"),
        remove("Diesen Artikel teilen:"),
        remove("Поделиться"),
        keep("Dela ut priserna gjorde kommunens ordförande, sade hon."),
        keep("Share prices rose on Tuesday after the merger was announced."),
    )


@register
class ConnectPrompt(PatternRule):
    """"Connect with us" and "Follow us" prompts left at the end of a line."""

    code = "UI04"
    name = "ui.connect_prompt"
    groups = ("ui",)
    description = "'Connect with us', 'Follow us', 'Stay connected' where they end a line."
    keywords = ("connect with", "follow us", "stay connected", "síguenos", "folgen sie", "suivez",
                "siga-nos", "ikuti kami")
    scope = "span"
    pattern = (r"(?:^|(?<=\s))(?:(?:Connect|CONNECT) (?:with|WITH) (?:us|US)|(?:Follow|FOLLOW) (?:us|US)"
               r"|Stay connected|Síguenos|Folgen Sie uns|Suivez-nous|Siga-nos|Ikuti kami)"
               r"(?:\s+(?:on|en|auf|sur|no|di)(?:\s*[:,]?\s*\p{Lu}[\w.]*){1,6})?\s*[:!]?\s*$")
    examples = (
        remove("date 2024-04-27 Connect with us", "Connect with us"),
        remove("Follow us on Facebook, Twitter"),
        keep("The charity said volunteers were welcome to connect with us."),
    )


_TOGGLES = alt(
    "more less", "show more", "show less", "read more", "read less", "see more", "see less",
    "load more", "loading", "cargando", "wird geladen", "chargement", "carregando", "memuat",
    "expand", "collapse", "close", "back to top", "continue reading", "next article",
    "previous article", "next story", "previous story", "next", "previous", "prev", "menu",
    "search", "sign in", "log in", "login", "register", "subscribe", "home", "ver más",
    "mehr anzeigen", "mehr lesen", "voir plus", "lire la suite", "ver mais", "leia mais",
    "lihat selengkapnya", "selengkapnya", "zurück", "volver", "retour", "voltar", "kembali",
    r"listen to (?:this|the) (?:article|story)", r"reading time:? \d+ min(?:ute)?s?",
    r"\d+[- ]min(?:ute)?s? read", r"temps de lecture ?:? \d+ min(?:utes?)?",
    r"lesezeit:? \d+ min(?:uten)?", r"tiempo de lectura:? \d+ min(?:utos)?",
    r"tempo de leitura:? \d+ min(?:utos)?", r"waktu baca:? \d+ menit",
    r"updated:? \d+ (?:minutes?|mins?|hours?|hrs?|days?) ago", r"like this:?", r"like loading",
    r"source link", r"original source",
)


@register
class Toggle(PatternRule):
    """Buttons and menu words alone on a line: "More less", "Load more", "Loading..."."""

    code = "UI05"
    name = "ui.toggle"
    groups = ("ui",)
    description = "'More less', 'Show more', 'Loading...', 'Back to top', 'Next article' lines."
    max_line = 80
    scope = "span"
    starts = _TOGGLES.heads
    pattern = rf"^[^\w\n]{{0,2}}(?i:{_TOGGLES})[\s.…:>»›]*$"
    examples = (
        remove("More less"),
        remove("Loading..."),
        keep("More or less everyone agreed, the minister said."),
    )


@register
class MoreLess(PatternRule):
    """The "More less" toggle of a collapsed paragraph, left inside the text."""

    code = "UI10"
    name = "ui.more_less"
    groups = ("ui",)
    description = "'More less' inside a line, where a collapsed paragraph's toggle was."
    scope = "span"
    keywords = ("more less",)
    pattern = r"(?:^|(?<=\s))More less(?=\s|$)"
    examples = (
        remove("He added that talks would go on. More less", "More less"),
        keep("Prices were more or less stable, and more less-known brands joined."),
    )


@register
class CommentCount(PatternRule):
    """Comment counters and prompts: "12 Comments", "Leave a comment"."""

    code = "UI06"
    name = "ui.comment_count"
    groups = ("ui",)
    description = "'12 Comments', 'Leave a comment', 'Be the first to comment'."
    max_line = 80
    starts = frozenset({"#", "no", "leave", "add", "post", "view", "show", "hide", "read", "comments",
                        "comment", "be", "join", "deja", "kommentar", "laisser", "deixe", "tulis",
                        "commenting", "kommentare", "los", "les"})
    pattern = (r"^[^\w\n]{0,2}(?i:\d[\d,.]*\s*(?:comments?|responses?|replies|comentarios?|kommentare?"
               r"|commentaires?|comentários?|komentar)|leave a (?:reply|response)"
               r"|(?:no|leave a|add a|post a|view|show|hide|read)"
               r"\s+comments?|comments?\s*\(\d+\)|be the first to comment|join the (?:conversation|discussion)"
               r"|deja (?:un|tu) comentario|kommentar schreiben|laisser un commentaire|deixe (?:um|seu) comentário"
               r"|tulis komentar|comments are (?:now )?closed|commenting (?:is|has been) (?:closed|disabled)"
               r"|kommentare (?:sind )?geschlossen|los comentarios están cerrados"
               r"|les commentaires sont fermés)\s*[.:!]?\s*$")
    examples = (
        remove("12 Comments"),
        remove("Leave a comment"),
        remove("Leave a Reply"),
        remove("Comments are closed."),
        keep("12 comments were received during the consultation, the council said."),
    )


@register
class SkipLink(PatternRule):
    """Accessibility skip links: "Skip to content"."""

    code = "UI07"
    name = "ui.skip_link"
    groups = ("ui",)
    description = "'Skip to content', 'Skip to main navigation', 'Zum Inhalt springen'."
    max_line = 80
    starts = frozenset({"skip", "jump", "zum", "ir", "aller", "pular", "langsung", "lewati"})
    pattern = (r"^(?i:skip to (?:main )?(?:content|navigation|footer|search)|jump to (?:main )?content"
               r"|zum inhalt springen|ir al contenido(?: principal)?|aller au contenu(?: principal)?"
               r"|pular para o conteúdo|langsung ke konten|lewati ke konten)\s*$")
    examples = (
        remove("Skip to content"),
        keep("Skip to content you care about, the app's advert says, and users did."),
    )


@register
class Breadcrumb(PatternRule):
    """A breadcrumb trail; its last crumb names the article's section.

    **Known problems:** the trail must use ``>``, ``›`` or ``»`` (or start at "Home" when it
    uses ``/`` or ``|``), so a headline with a slash in it is not taken for a trail.
    """

    code = "UI08"
    name = "ui.breadcrumb"
    groups = ("ui", "fields")
    description = "'Home > World > Asia' breadcrumbs; the last crumb becomes the section."
    max_line = 300
    keywords = (">", "›", "»", "home", "inicio", "portada", "startseite", "accueil", "início", "beranda")
    field = "section"
    _crumb = r"[\p{L}\d][\p{L}\d&'’ .,-]{0,40}"
    pattern = (rf"^(?:(?i:home|inicio|portada|startseite|accueil|início|beranda)\s*[>›»/|]\s*)?"
               rf"{_crumb}(?:\s*[>›»]\s*{_crumb}){{1,5}}\s*$"
               rf"|^(?i:home|inicio|portada|startseite|accueil|início|beranda)(?:\s*[/|]\s*{_crumb}){{1,5}}\s*$")

    def value(self, match, doc):
        return match.group(0).replace("›", ">").replace("»", ">").replace("/", ">").replace(
            "|", ">").split(">")[-1].strip()

    examples = (
        remove("Home > World > Asia", section="Asia"),
        remove("Inicio › Deportes", section="Deportes"),
        keep("Prices > costs, the CFO said in her memo to staff about the plan."),
    )

    def accept(self, match, doc) -> bool:
        return len(match.group(0).split()) <= 15


@register
class TagList(PatternRule):
    """A list of tags or topics: "Tags: Elections, China, TikTok"."""

    code = "UI09"
    name = "ui.tag_list"
    groups = ("ui",)
    description = "'Tags: a, b, c', 'Topics:', 'Etiquetas:', 'Schlagwörter:' lines."
    max_line = 400
    starts = frozenset({"tags", "tag", "topics", "topic", "keywords", "keyword", "filed", "etiquetas",
                        "temas", "schlagwörter", "schlagworte", "themen", "mots", "palavras",
                        "tópicos", "kata"})
    pattern = (r"^(?i:tags?|topics?|keywords?|filed under|etiquetas|temas|schlagwörter|schlagworte|themen"
               r"|mots-clés|mots clés|palavras-chave|tópicos|kata kunci)\s*:\s*(?:[^.!?\n]{1,300})?$")
    examples = (
        remove("Tags: Elections, China, TikTok"),
        remove("Tags:"),
        keep("Topics: The minister listed three priorities for the year and said each was urgent."),
    )

    def accept(self, match, doc) -> bool:
        rest = match.group(0).split(":", 1)[1]
        return len(rest.split()) <= 40 and (rest.count(",") >= 1 or len(rest.split()) <= 4
                                            or "|" in rest or "#" in rest)


_SHARE_WORD = (r"(?:Share|SHARE|Tweet|Pin|Email|E-mail|Print|WhatsApp|Facebook|Twitter|LinkedIn|Reddit"
               r"|Telegram|Flipboard|Pinterest|Messenger|Copy link|Copy Link)")


@register
class ShareWords(PatternRule):
    """Share-bar words glued to a line of text: "... the mayor said. Share Tweet Email".

    **Why:** a scraper that lost a line break leaves the share bar at the end (or the start)
    of a paragraph, where ``ui.share_bar`` (whole lines) cannot see it.

    **Known problems:** two share words or more are needed, standing after a sentence's
    end (or before a sentence's start, at a line's start), so "Share prices rose" stays.
    """

    code = "UI11"
    name = "ui.share_words"
    groups = ("ui",)
    description = "Share-bar words glued to the end or the start of a paragraph ('Share Tweet Email')."
    keywords = ("share", "tweet", "whatsapp", "facebook", "twitter", "email", "linkedin")
    scope = "span"
    pattern = (rf"(?<=[.!?][\"”’)]?\s)(?:{_SHARE_WORD}(?:\s*[|•·/,]\s*|\s+)){{1,10}}{_SHARE_WORD}\s*$"
               rf"|^(?:{_SHARE_WORD}(?:\s*[|•·/,]\s*|\s+)){{2,10}}(?=\p{{Lu}}\p{{Ll}}+\s+\p{{Ll}})")
    examples = (
        remove("The bridge will reopen in May, the mayor said. Share Tweet Email", "Share Tweet Email"),
        remove("Share Tweet Email The bridge will reopen in May, the mayor said.", "Share Tweet"),
        keep("Share prices rose on Tuesday after the merger was announced."),
        keep("The firm said it would email and tweet its results. Share prices fell."),
    )


@register
class ScriptJunk(PatternRule):
    """Code that a scraper kept from a page's scripts: "googletag.cmd.push(function() {...});".

    The call's closing brackets go with it ("}); " after a function's body).

    **Known problems:** only the ad and tag-manager calls it knows, and code that ends with
    ``);`` on the same line; an article about programming that quotes such a call in a
    sentence loses it.
    """

    code = "UI12"
    name = "ui.script_junk"
    groups = ("ui",)
    description = "Script calls left in the text: 'googletag.cmd.push(...)', '(adsbygoogle = ...).push({});'."
    keywords = ("googletag", "adsbygoogle", "document.write", "datalayer", "jquery(", "window.")
    scope = "span"
    pattern = (r"(?:\(\s*adsbygoogle\s*=\s*window\.adsbygoogle|googletag\.(?:cmd|pubads|display)"
               r"|document\.write\s*\(|(?:window\.)?dataLayer\.push\s*\(|jQuery\s*\(\s*document"
               r"|window\.\w+\s*=\s*window\.\w+)[^\n]{0,400}?\)\s*;(?:\s*[})\]]{1,4}\s*;)*")
    examples = (
        remove("The vote passed. googletag.cmd.push(function() { googletag.display('ad-1'); }); "
               "The bridge reopens in May.", "googletag.cmd.push", "});",
               body="The vote passed. The bridge reopens in May."),
        remove("(adsbygoogle = window.adsbygoogle || []).push({});"),
        keep("The agency said the googletag tool was used on most news sites in 2019."),
    )


@register
class FeedbackPrompt(PatternRule):
    """A page's feedback widget: "Was this article helpful?" and its "Yes No" buttons.

    **Why:** the question asks about the page, not the story; its buttons ("Yes No",
    "Yes / No") stand on the line under it, with no stop, as no answer in an interview does.

    **Known problems:** only questions about the page itself ("this article", "this page",
    "this guide"), in the languages the link lists know.
    """

    code = "UI13"
    name = "ui.feedback_prompt"
    groups = ("ui",)
    description = "'Was this article helpful?' and the 'Yes No' buttons under it."
    max_line = 120
    starts = frozenset({"was", "did", "is", "war", "ist", "fue", "te", "cet", "este", "esta",
                        "apakah", "was", "vond", "hai", "czy", "var", "bu"})
    pattern = (r"^(?i:(?:was|is) this (?:article|page|story|guide|post|information|answer) "
               r"(?:helpful|useful)|did you find this (?:article|page|story|guide|post|information)? ?"
               r"(?:helpful|useful)|war (?:dieser|der) (?:artikel|beitrag) hilfreich"
               r"|ist dieser (?:artikel|beitrag) hilfreich|¿?(?:te|le) (?:ha )?(?:resultado|resultó|fue) "
               r"útil(?: este artículo)?|¿?fue útil (?:este|esta) (?:artículo|información|página)"
               r"|cet article (?:vous )?a-t-il été utile|(?:este|esta) (?:artigo|página) (?:foi|é) útil"
               r"|apakah artikel ini (?:membantu|bermanfaat)|vond je dit (?:artikel|nuttig)"
               r"|was dit artikel nuttig|czy ten artykuł był pomocny|var (?:den här|denna) artikel "
               r"(?:till )?hjälp|bu (?:haber|yazı|içerik) (?:faydalı|yararlı) (?:mıydı|mı))\s*\??\s*$")
    _buttons = regex.compile(r"^(?i:(?:yes|no|ja|nein|sí|si|non|oui|não|sim|ya|tidak|nee|tak|nie|nej|evet"
                             r"|hayır|👍|👎)(?:\s*[/|·•]?\s*))+$")
    examples = (
        remove("The guide was last updated in May.\n\nWas this article helpful?\n\nYes No",
               "Was this article helpful?", "Yes No"),
        remove("War dieser Artikel hilfreich?"),
        keep("Was this change helpful? Most residents said it was, the survey found."),
        keep("The panel asked: was this article helpful to readers, and did it mislead?"),
    )

    def propose(self, doc):
        """The question; the line of buttons under it too."""
        blocks = doc.blocks
        for proposal in super().propose(doc):
            yield proposal
            block = doc.block_at(proposal.start)
            nxt = blocks[block.index + 1] if block.index + 1 < len(blocks) else None
            if nxt is not None and self._buttons.match(nxt.text):
                yield self.drop(nxt.start, nxt.end, reason="the buttons under a feedback question")


_NETWORK = (r"(?:Facebook|Twitter|X|WhatsApp|LinkedIn|Reddit|Pinterest|Telegram|Messenger|"
            r"Flipboard|Threads|Bluesky|E-?mail|SMS)")


@register
class InlineButtons(PatternRule):
    """Buttons that a scraper glued inside a paragraph: a run of share buttons ("Share on
    Facebook Share on Twitter"), "Click here to read more", "(Story continues below)".

    The same words stand alone on their lines as share bars and read-more links; inside a
    paragraph they sit between two sentences, after one's stop and before the next one's
    capital, and say nothing of the story.
    """

    code = "UI14"
    name = "ui.inline_buttons"
    groups = ("ui",)
    description = "'Share on Facebook Share on Twitter', 'Click here to read more', '(Story continues below)' inside a paragraph."
    keywords = ("share on", "share via", "click here", "tap here", "continues below",
                "continued below", "continues after")
    scope = "span"
    pattern = (rf"{_AFTER}(?:(?:(?:Share|Tweet|Post|Send) (?:on|to|via) {_NETWORK}\s*[|•·,]?\s*){{2,}}"
               r"|(?:Click|Tap) here (?:to|for) (?:read|see|view|watch|find out|get) (?:more|the full "
               r"(?:story|article|report))(?: here)?\.?"
               r"|\((?:(?:Story|Article|Text) )?(?:continues|continued) (?:below|after (?:the )?(?:ad|advertisement|this ad))\)\.?)"
               rf"{_BEFORE}")
    examples = (
        remove("The minister said the plan would go ahead. Share on Facebook Share on Twitter The "
               "committee will meet on Friday.", "Share on Facebook",
               body="The minister said the plan would go ahead. The committee will meet on Friday."),
        remove("The minister said the plan would go ahead. Click here to read more The committee "
               "will meet on Friday.", "Click here to read more"),
        remove("The minister said the plan would go ahead. (Story continues below) The committee "
               "will meet on Friday.", "(Story continues below)"),
        keep("Voters can share on Facebook what they think of the plan, the council said."),
        keep("The minister said the plan would go ahead. Click here to see why that matters, "
             "she told the crowd.", "Click here to see why that matters"),
    )


@register
class AuthorBox(PatternRule):
    """The author's box under an article: "About the author: Jane Roe covers ...", "Über den
    Autor: ...". The bio is about the writer, not the story, and the site prints it under
    every article the writer signs.

    **Known problems:** a bio with no label ("Jane Roe covers the markets. She lives in
    Lisbon.") reads as the article's last paragraph, and stays.
    """

    code = "UI15"
    name = "ui.author_box"
    groups = ("ui",)
    description = "'About the author: ...', 'Über den Autor: ...', 'À propos de l'auteur : ...'."
    max_line = 800
    starts = frozenset({"about", "über", "zum", "à", "a", "sobre", "l'autore", "sull'autore",
                        "over", "o", "om", "tietoa", "kirjoittajasta", "yazar", "hakkında", "об"})
    pattern = (r"^[^\w\n]{0,2}(?i:about the (?:author|writer|reporter)|über (?:den|die) (?:autor|autorin)|zum autor|zur autorin"
               r"|à propos de l'auteur|a propos de l'auteur|sobre el autor|sobre la autora|sobre o autor|sobre a autora"
               r"|l'autore|sull'autore|over de (?:auteur|schrijver)|o autorze|om (?:skribenten|författaren|forfatteren)"
               r"|kirjoittajasta|yazar hakkında|об авторе)\s*[:.–—-]?(?:\s+\p{Lu}[^\n]*)?$")
    examples = (
        remove("About the author: Dmitri Halvorsen covers exchanges and token launches. He "
               "previously worked as a market-data analyst in Tallinn."),
        remove("Über den Autor: Jonas Weber schreibt seit 2019 über Verkehr und Stadtplanung."),
        remove("About the author"),
        keep("About the author of the report, officials said little, though she had worked on "
             "it for a year."),
    )


#: A template's placeholder left unrendered: "{| existing_displayName |}", "{{ title }}",
#: "{* #signInForm *}", "${user.name}", "%%TITLE%%".
_PLACEHOLDER = r"(?:\{\|[^{}\n]{1,60}\|\}|\{\{[^{}\n]{1,60}\}\}|\{\*[^{}\n]{1,60}\*\}|\$\{[^{}\n]{1,60}\}|%%[A-Z_]{2,30}%%)"


#: Where a template's placeholder stands in a line (page rules ask: no title line holds one).
PLACEHOLDER = regex.compile(_PLACEHOLDER)


@register
class TemplateJunk(PatternRule):
    """A line of a page's template that was never filled in: "{| existing_displayName |} -
    {| existing_provider |}", "{* #signInForm *}", "{{ article.title }}". Its placeholders
    are what a sign-in widget or a script would have replaced; no article writes them.
    """

    code = "UI16"
    name = "ui.template_junk"
    groups = ("ui",)
    description = "Unfilled template placeholders: '{| existing_displayName |}', '{* #signInForm *}', '{{ title }}'."
    keywords = ("{|", "{{", "{*", "${", "%%")
    max_line = 1000
    pattern = rf"^[^\n]*?{_PLACEHOLDER}[^\n]*$"
    examples = (
        remove("{| existing_displayName |} - {| existing_provider |} : {| existing_siteName |}"),
        remove("{* #signInForm *}"),
        remove("Created {| existing_createdDate |} at {| existing_siteName |}"),
        keep("The template used {{ and }} marks, the developer said, and the page broke."),
        keep("The page showed {{ title }} where the headline should be, readers said on "
             "Monday, and the newspaper apologised for the fault in its publishing system.",
             "readers said on Monday"),
    )

    def accept(self, match, doc) -> bool:
        # the line is the template's: little of it is left once its placeholders are out
        text = match.group(0)
        rest = PLACEHOLDER.sub(" ", text)
        return word_count(rest) <= 6 or len(rest.strip()) * 2 <= len(text)
