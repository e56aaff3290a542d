"""Words and patterns the rules look for: data only, no logic.

Wordings come in the languages dechaff reads most (en, es, de, fr, pt, id; the link, label
and date lists also it, nl, pl, sv, tr, and Japanese and Thai). A list here names
a *family* of phrasings; rules combine them with the shapes around them (a separator after a
label, a sentence start before an imperative, a line end after a footer).
"""

from __future__ import annotations

from functools import lru_cache

import regex


#: A line's first word, behind any marks (how ``Rule.starts`` and the text's index read it).
FIRST_WORD = regex.compile(r"[^\w(]*(\w+)")
_GROUP = regex.compile(r"\(\?:([^()]*)\)")


class Alternation(str):
    """A regex alternation of phrases that remembers its phrases' first words.

    ``heads`` lets a rule that matches at a line's start run only on the lines that begin
    with one of those words (see ``Rule.starts``), instead of scanning the whole text.
    """

    phrases: tuple[str, ...]

    def __new__(cls, phrases: tuple[str, ...]) -> "Alternation":
        self = super().__new__(cls, "(?:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + ")")
        self.phrases = phrases
        return self

    @property
    def heads(self) -> frozenset[str]:
        words: set[str] = set()
        for phrase in self.phrases:
            group = _GROUP.match(phrase)
            options = group.group(1).split("|") if group else [phrase]
            for option in options:
                if option.startswith(r"\d"):
                    words.add("#")
                    continue
                found = FIRST_WORD.match(option)
                if not found or option.lstrip()[:1] in ("\\", "["):
                    raise ValueError(f"cannot index the first word of {phrase!r}: start it with "
                                     "a literal word")
                words.add(head_word(found.group(1)))
        return frozenset(words)


@lru_cache(maxsize=8192)  # (the words sentences open with: a few thousand)
def head_word(word: str) -> str:
    """How a line's first word is indexed: lower-cased, any number as ``#`` (a Turkish
    capital İ lower-cases to i and a combining dot, which goes: "İlgili" is "ilgili").
    Cached: a text's sentences open with the same few words again and again."""
    if word[:1].isdigit():
        return "#"
    word = word.lower()
    return word.replace("\u0307", "") if "\u0307" in word else word


def alt(*phrases: str) -> Alternation:
    """A non-capturing alternation; spaces in a phrase match any run of spaces."""
    return Alternation(phrases)


#: Labels that introduce a link to another story ("Also read: <headline>").
READ_ALSO = alt(
    "also read", "read also", "also see", "see also", "read more", "read next", "more read",
    "must read", "don't miss", "do not miss", "also watch", "watch also", "related",
    r"related (?:articles?|stories|story|posts?|news|coverage|reading|content|links?|video)",
    "recommended", "you may also like", "you might also like", "suggested",
    "lee también", "lea también", "leer también", "lee además", "te puede interesar",
    "le puede interesar", "también te puede interesar", "lee más", "leer más", "mira también",
    "ver también", "noticia relacionada", "noticias relacionadas", "te recomendamos",
    "auch interessant", "lesen sie auch", "lies auch", "mehr zum thema", "weiterlesen",
    "siehe auch", "das könnte sie auch interessieren", "passend dazu",
    "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "lire également",
    "à voir aussi", "voir aussi", "sur le même sujet", "à lire", "découvrez aussi",
    "leia também", "leia mais", "veja também", "veja mais", "saiba mais", "confira também",
    "baca juga", "baca pula", "simak juga", "lihat juga", "baca selengkapnya", "berita terkait",
    "artikel terkait",
    "leggi anche", "leggi pure", "potrebbe interessarti", "lees ook", "lees meer", "bekijk ook",
    "czytaj także", "czytaj też", "czytaj również", "zobacz także", "zobacz też", "läs också",
    "läs mer", "læs også", "les også", "ayrıca okuyun", "bunu da okuyun", "ilgili haber",
    "อ่านข่าวที่เกี่ยวข้อง", "อ่านเพิ่มเติม", "関連記事", "mirá también", "à découvrir aussi",
    "a découvrir aussi", "čtěte také", "přečtěte si také", "přečtěte si", "kapcsolódó",
    "olvassa el", "ezt is olvassa el", "citește și", "citeste si", "читайте также",
    "читайте по теме", "διαβάστε επίσης", "δείτε επίσης", "xem thêm", "đọc thêm",
    "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "यह भी पढ़ें", "ये भी पढ़ें", "läs även", "lue myös",
    "lue lisää", "ilgili haberler", "basahin din", "basahin", "관련기사", "관련 기사",
    "mehr dazu", "pročitajte i", "pročitajte još", "прочетете още",
)

#: Headings that stand alone above a block of links to other stories.
RELATED_HEADING = alt(
    r"related (?:topics|articles|stories|posts|news|coverage|reading|content|links|videos?|tags)",
    "related", "recommended", r"recommended (?:for you|stories|articles|reading|videos?)",
    "you may also like", "you might also like", "you may also be interested in",
    "you might be interested in", "more stories", "more news", "more from this section",
    "also read", "read also", "more in this category", "more in this section",
    "more on this story", "more on this topic", "read more", "read next", "up next",
    "other stories", "further reading", "in other news", "also in the news",
    "noticias relacionadas", "contenido relacionado", "te puede interesar", "más noticias",
    "temas relacionados", "artículos relacionados", "mehr zum thema", "weitere artikel",
    "das könnte sie auch interessieren", "verwandte artikel", "ähnliche artikel",
    "sur le même sujet", "articles liés", "à lire aussi", "lire aussi", "vous aimerez aussi",
    "notícias relacionadas", "conteúdo relacionado", "leia também", "veja também",
    "você pode gostar", "berita terkait", "artikel terkait", "baca juga", "topik terkait",
    r"more (?:from|in) (?:the )?[\w'’&-]+(?: [\w'’&-]+)?", "articoli correlati", "correlati",
    "leggi anche", "gerelateerde artikelen", "gerelateerd", "lees ook", "meer nieuws",
    "czytaj także", "zobacz też", "zobacz także", "powiązane", "läs också", "relaterat",
    "relaterade artiklar", "ilgili haberler", "benzer haberler", "関連記事", "関連ニュース",
    "ข่าวที่เกี่ยวข้อง", "ข่าวเกี่ยวข้อง",
)

#: Headings over a list of popular or latest headlines (or of related stories).
POPULAR_HEADING = alt(
    r"related (?:posts|articles|stories|news|links)", "more stories", "mehr zum thema",
    "weitere artikel", "das könnte sie auch interessieren", "noticias relacionadas",
    "artículos relacionados", "notícias relacionadas", "sur le même sujet", "à lire aussi",
    "berita terkait", "artikel terkait", "you may also like", "you might also like",
    "recommended for you", "recommended stories", "also read", "read also",
    "more in this category", "more in this section", "more from this section",
    r"more (?:from|in) (?:the )?[\w'’&-]+(?: [\w'’&-]+)?", "most read", "most popular", "most viewed", "most shared", "most commented", "trending",
    "trending now", "trending stories", "trending news", "top stories", "latest stories",
    "latest news", "latest headlines", "popular", "popular now", "popular stories",
    "editor's picks", "editors' picks", "don't miss", "just in", "what to read next",
    "más leídas", "lo más leído", "lo más visto", "últimas noticias", "tendencias",
    "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "beliebt", "neueste artikel",
    "les plus lus", "les plus populaires", "à la une", "dernières actualités",
    "mais lidas", "mais lidos", "mais vistos", "últimas notícias", "em alta",
    "terpopuler", "berita populer", "terkini", "berita terkini", "paling banyak dibaca",
    "i più letti", "più letti", "le più lette", "più lette", "articoli correlati", "meest gelezen",
    "meest bekeken", "populair", "najczęściej czytane", "najpopularniejsze", "polecane",
    "mest lästa", "mest läst", "mest lest", "mest læste", "en çok okunanlar", "çok okunanlar",
    "ilgili haberler", "benzer haberler", "popüler haberler", "アクセスランキング",
    "関連記事", "ข่าวยอดนิยม", "ข่าวที่เกี่ยวข้อง",
)

#: Openings of promotional sentences: calls to log in, subscribe, download, follow.
PROMO_MEMBERSHIP = alt(
    r"unlock (?:a world of|exclusive|premium|unlimited|all|full access|more)",
    r"already (?:a subscriber|a member|have an account)", r"subscribe (?:now|today)",
    r"subscribe to (?:continue|read|unlock|keep reading|get unlimited)",
    r"log ?in (?:now|to (?:continue|read|unlock))", r"log in now", r"sign ?in (?:now|to (?:continue|read))",
    r"create (?:a |your )?free account", r"become a (?:member|subscriber|supporter)",
    r"this (?:article|content|story) is (?:for|exclusive to|only available to) (?:paid )?(?:subscribers|members)",
    r"support (?:independent|quality) journalism", r"get unlimited access",
    r"suscríbete\b", r"hazte (?:socio|suscriptor)", r"jetzt abonnieren", r"abonnez-vous\b",
    r"assine (?:já|agora|o|a)\b", r"berlangganan sekarang",
)
PROMO_APP = alt(
    r"download (?:the|our) (?:[\w.&'’-]+ ){0,5}app", r"get (?:the|our) (?:[\w.&'’-]+ ){0,4}app\b",
    r"install (?:the|our) (?:[\w.&'’-]+ ){0,4}app", r"(?:available|download it) (?:now )?on (?:the )?(?:app store|google play)",
    r"descarga (?:ya |ahora )?(?:la|nuestra) (?:\w+ ){0,3}(?:app|aplicación)",
    r"descargue (?:ya |ahora )?(?:la|nuestra) (?:\w+ ){0,3}(?:app|aplicación)",
    r"laden sie (?:jetzt |sich |hier )?(?:die|unsere) (?:\w+ ){0,3}app",
    r"holen sie sich (?:jetzt )?(?:die|unsere) (?:\w+ ){0,3}app",
    r"téléchargez (?:dès maintenant |gratuitement )?(?:l'|l’|notre )(?:\w+ ){0,3}(?:app|application)",
    r"baixe (?:já |agora )?(?:o|nosso) (?:\w+ ){0,3}(?:app|aplicativo)",
    r"(?:unduh|download) aplikasi",
)
PROMO_NEWSLETTER = alt(
    r"(?:sign up|subscribe|register) (?:for|to) (?:[\w&'’-]+ ){0,5}(?:newsletters?|briefings?|bulletins?|digest|email alerts?)",
    r"get (?:our|the) (?:[\w&'’-]+ ){0,4}newsletter", r"join (?:our|the) (?:[\w&'’-]+ ){0,3}newsletter",
    r"get (?:the |our |all the )?(?:[\w'’-]+ ){0,5}(?:delivered|sent|straight) (?:to|into|in) your inbox",
    r"want (?:more|the latest)[^.!?\n]{0,60}\? (?:sign up|subscribe)",
    r"suscríbete (?:a|al) (?:nuestro|nuestra|el|la) (?:\w+ ){0,2}(?:boletín|newsletter)",
    r"suscríbase (?:a|al) (?:nuestro|nuestra) (?:\w+ ){0,2}(?:boletín|newsletter)",
    r"recibe (?:nuestro|nuestra) (?:boletín|newsletter)",
    r"abonnieren sie (?:unseren|den) (?:\w+ ){0,2}newsletter",
    r"melden sie sich (?:für|zu) (?:unserem|unseren|den) (?:\w+ ){0,2}newsletter",
    r"inscrivez-vous à (?:notre|la) (?:\w+ ){0,2}newsletter", r"abonnez-vous à (?:notre|la) (?:\w+ ){0,2}newsletter",
    r"assine (?:a|nossa) (?:\w+ ){0,2}newsletter", r"inscreva-se (?:na|em) nossa (?:\w+ ){0,2}newsletter",
    r"(?:berlangganan|daftar) (?:\w+ ){0,2}newsletter",
    r"(?:jetzt )?(?:kostenlos )?(?:für|zum) (?:unseren|den) (?:\w+ ){0,2}newsletter anmelden",
    r"(?:jetzt )?(?:kostenlos )?(?:newsletter|den newsletter) abonnieren",
    r"tilmeld dig (?:vores |vort )?(?:\w+ ){0,2}nyhedsbrev", r"meld deg på (?:vårt )?(?:\w+ ){0,2}nyhetsbrev",
    r"(?:anmäl dig till|prenumerera på) (?:vårt )?(?:\w+ ){0,2}nyhetsbrev", r"tilaa (?:\w+ ){0,2}uutiskirje",
    r"iscriviti (?:alla|alle) (?:nostra |nostre )?(?:\w+ ){0,2}newsletter",
    r"(?:schrijf je in voor|abonneer je op|meld je aan voor) (?:onze |de )?(?:\w+ ){0,2}nieuwsbrief",
    r"zapisz się (?:do|na) (?:naszego |nasz )?(?:\w+ ){0,2}newslett?er", r"přihlaste se k odběru",
    r"iratkozz(?:on)? fel (?:a |az )?(?:\w+ ){0,2}hírlevel", r"abonează-te la (?:\w+ ){0,2}newsletter",
    r"подпишитесь на (?:нашу |наш )?(?:\w+ ){0,2}(?:рассылку|newsletter)", r"εγγραφείτε στο (?:\w+ ){0,2}newsletter",
    r"đăng ký nhận (?:\w+ ){0,2}bản tin", r"bültenimize abone ol(?:un)?",
    r"mag-subscribe sa (?:aming )?(?:\w+ ){0,2}newsletter",
)
PROMO_FOLLOW = alt(
    r"follow us (?:on|for)", r"follow (?:[\w.&'’-]+ ){1,3}on (?:google news|twitter|x|facebook|instagram|telegram|whatsapp|linkedin|threads|youtube|tiktok)",
    r"join (?:our|us on) (?:[\w]+ ){0,2}(?:whatsapp|telegram|discord)", r"click here to (?:join|follow)",
    r"stay (?:updated|connected|informed|tuned)[\w\s,]{0,40} (?:on|with|via|by following) (?:google news|whatsapp|telegram|our|us)",
    r"add (?:[\w]+ ){1,3}as a preferred source on google", r"for the latest (?:[\w]+ ){0,3}news,? follow",
    r"síguenos en", r"sigue(?:nos)? a (?:\w+ ){1,3}en (?:google news|twitter|x|facebook|instagram|telegram|whatsapp)",
    r"únete a nuestro canal", r"folgen sie uns (?:auf|bei)", r"folge uns auf", r"suivez-nous sur",
    r"rejoignez(?:-nous)? (?:notre|sur)", r"siga-nos (?:no|nas|em)", r"siga (?:o|a) (?:\w+ ){1,3}no (?:google news|whatsapp|instagram|twitter|x)",
    r"ikuti (?:kami|kanal|berita|update|saluran)", r"gabung(?: ke)? (?:kanal|grup|saluran|channel) (?:whatsapp|telegram)",
    r"(?:follow|simak|siga|sigue|síguenos|suivez|retrouvez|folgen|folge|ikuti|pantau|cek|dapatkan|add|"
    r"get|read|find|stay|catch|check|acompanhe|confira|segue|join) (?:[\w'’-]+ ){0,5}"
    r"(?:on|en|no|na|auf|bei|sur|di) google (?:news|notícias|noticias|actualités|berita)",
    r"receba (?:as )?(?:notícias|novidades|atualizações)", r"recibe (?:las )?(?:noticias|alertas|novedades)",
    r"recevez (?:nos|les) (?:actualités|alertes|infos)", r"erhalten sie (?:die )?(?:neuesten )?nachrichten",
    r"dapatkan (?:berita|update|informasi)",
    r"simak (?:breaking news|berita (?:terbaru|pilihan|terkini))", r"pilih saluran andalanmu",
)
PROMO_SUBSCRIBE = alt(
    r"click here to subscribe", r"subscribe (?:here|now|today)\b", r"sign up (?:here|now|today)\b",
    r"start (?:your|a) (?:\d+-day )?free trial", r"(?:try it|join) (?:free|for free|now|today)\b",
    r"register (?:here|now|today)\b", r"(?:haga|haz) clic aquí para suscribirte",
    r"hier (?:klicken|abonnieren)", r"cliquez ici pour (?:vous abonner|s'abonner)", r"clique aqui para assinar",
    r"klik di sini untuk berlangganan",
)
#: A paywall's prompt where the article is cut: "Subscribe to continue reading".
PROMO_PAYWALL = alt(
    r"subscribe to (?:continue|keep) reading", r"subscribe (?:now )?to unlock", r"unlock this (?:article|story)",
    r"to (?:continue|keep) reading,? (?:please )?(?:subscribe|log in|sign in|register|become a (?:member|subscriber))",
    r"(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:for|available to|reserved for|exclusive to) (?:our )?(?:subscribers|members|premium)",
    r"already a (?:subscriber|member)\?", r"you(?:'ve| have) reached (?:your|the) (?:limit|maximum) of free articles",
    r"you(?:'ve| have) reached your (?:free )?article limit",
    r"um (?:den|diesen) artikel (?:weiter|vollständig|ganz) zu lesen", r"(?:jetzt )?weiterlesen mit",
    r"dieser artikel ist (?:nur )?für abonnenten", r"sie sind bereits abonnent", r"bereits abonnent\?",
    r"pour lire la suite(?: de cet article)?,? (?:abonnez-vous|connectez-vous)", r"la suite est réservée aux abonnés",
    r"cet article est réservé aux abonnés", r"déjà abonné\s?\?",
    r"para (?:seguir|continuar) leyendo,? (?:suscríbete|regístrate|inicia sesión)", r"este contenido es exclusivo para (?:suscriptores|socios)",
    r"¿ya eres suscriptor\?", r"para continuar lendo,? (?:assine|faça login|cadastre-se)", r"este conteúdo é exclusivo para assinantes",
    r"já é assinante\?", r"per continuare a leggere,? (?:abbonati|accedi|registrati)", r"questo articolo è riservato agli abbonati",
    r"sei già abbonato\?", r"lees verder met", r"dit artikel is (?:alleen )?voor abonnees", r"a cikk folytatásához",
    r"aby czytać dalej", r"för att läsa vidare", r"redan prenumerant\?",
)
PROMO_PITCH = alt(
    r"get (?:all )?(?:the )?latest (?:[\w,&'’-]+ ){0,20}(?:on|at|from|with) \p{Lu}",
    r"catch all the (?:[\w,&'’-]+ ){0,20}(?:on|at) \p{Lu}",
    r"for (?:more|the latest|all the latest) (?:[\w,&'’-]+ ){0,6}(?:news|updates|stories),? (?:visit|follow|download|subscribe|click)",
    r"(?:don't|do not) miss (?:out on )?(?:the latest|our|any)",
)

#: A takedown, removal-request or contact-us-to-change footer, by its trigger phrase.
TAKEDOWN = alt(
    r"(?:the )?(?:mention(?:ed)?|mentioned) sources? can contact us",
    r"(?:can|may|should|please) contact us (?:to|for|if) (?:[\w/,-]+ ){0,3}(?:remov|delet|chang|modif|correct|take ?down|request)\w*(?:/\w+)?",
    r"to request[\s,]+(?:a\s+)?(?:modification|removal|correction|deletion|change)s?",
    r"if you (?:are|were) the (?:owner|author|copyright (?:owner|holder)|rights holder) of (?:this|the|any) (?:content|article|post|image|material|story)",
    r"(?:for|to file a|send a) (?:dmca|copyright) (?:notice|complaint|takedown|request|removal)",
    r"dmca (?:notice|complaint|takedown|policy|request|removal|protected)", r"dmca\s*:",
    r"(?:to )?report (?:a )?copyright infringement",
    r"(?:this|the) (?:article|content|post) (?:will be|can be) removed (?:upon|on|at) request",
    r"if you believe (?:that )?(?:this|the|any|our) (?:[\w-]+ ){0,3}infring",
    r"contact us for (?:its |the )?(?:removal|deletion|takedown|correction)",
    # an ask to the site (contact us, email us, write to our team) with a removal in the
    # same sentence, in any order: "Contact us if you want this article removed."
    r"(?:please )?(?:contact|e-?mail|write to|message|notify) (?:us|our (?:team|editors?|staff))\b"
    r"(?=[^.!?\n]{0,100}\b(?:remov|taken? (?:it )?down|take (?:it )?down|takedown|delet))",
    r"if you are the (?:owner|author|copyright (?:owner|holder)|rights holder)\b"
    r"(?=[^.!?\n]{0,100}\b(?:remov|taken? (?:it )?down|take (?:it )?down|takedown|delet))",
    r"(?:owners?|authors?|rights[- ]holders?|copyright (?:owners?|holders?)) (?:may|can|should) "
    r"(?:request|ask for) (?:its |their |the )?(?:removal|deletion|takedown|correction)",
    r"(?:this|the) (?:article|content|post|story|news|page) (?:was|is|has been) (?:automatically "
    r"|auto-)?(?:collected|aggregated|scraped|gathered|compiled)(?: automatically)?\b",
    r"content on this (?:page|site|website) (?:is|was|has been) (?:automatically |auto-)?"
    r"(?:collected|aggregated|scraped|gathered|compiled)",
    r"for (?:removal|takedown|deletion|correction|copyright) (?:requests?|claims?|issues?)",
    r"(?:may|can) contact us to have (?:it|this|them|the \w+) (?:removed|deleted|taken down|changed|corrected)",
    r"(?:this|the) (?:article|story|content|post|news) (?:was|is|has been) (?:automatically |auto-)?(?:collected|aggregated|scraped|gathered|compiled|curated) from",
    r"si (?:eres|es usted) el (?:autor|propietario) de (?:este|esta) (?:contenido|artículo|nota)",
    r"contáct(?:a|e)nos para (?:retirar|eliminar|modificar)",
    r"wenn sie (?:der|die) (?:urheber|rechteinhaber|autor)(?:in)? (?:dieses|des) (?:inhalts|artikels)",
    r"kontaktieren sie uns,? (?:um|für) (?:\w+ ){0,4}(?:zu )?(?:entfernen|löschen|ändern)",
    r"si vous êtes (?:l'|l’)(?:auteur|propriétaire) de (?:ce|cet) (?:contenu|article)",
    r"contactez-nous pour (?:retirer|supprimer|modifier)",
    r"se você (?:é|for) o (?:autor|proprietário) (?:deste|desse) (?:conteúdo|artigo)",
    r"entre em contato (?:conosco )?para (?:remover|retirar|alterar)",
    r"hubungi kami untuk (?:menghapus|penghapusan|mengubah|perubahan)",
    r"jika anda (?:adalah )?pemilik (?:konten|artikel) ini",
)
#: What a takedown sentence ends on when it has no full stop: "...remove/changing this article".
#: (Only after "this/the": "All content on this site..." runs on to the sentence's end.)
TAKEDOWN_END = r"(?:this|the|these) (?:article|articles|post|posts|content|story|page|item|news|artículo|artikel|article|artigo|konten)"

ALL_RIGHTS = alt(
    "all rights reserved", "todos los derechos reservados", "alle rechte vorbehalten",
    "tous droits réservés", "todos os direitos reservados", "hak cipta dilindungi undang-undang",
    "all right reserved", "tutti i diritti riservati", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone", "alla rättigheter förbehållna", "alle rettigheter reservert",
    "tüm hakları saklıdır", "все права защищены", "สงวนลิขสิทธิ์",
)

#: Labels that credit a picture or a quotation ("Photo: Reuters/File", "Quelle: dpa"), in
#: lower case: a line opening with one is a credit, not a subheading.
CREDIT_LABELS = frozenset("""
photo photos photograph photographs picture pictures pic image images img imagen imagem
foto fotos bild bilder illustration graphic graphics grafik infografik video audio credit
credits courtesy source sources quelle quellen fuente fonte sumber crédit crédito crédits
caption file фото источник fot zdjęcie fotoğraf kaynak bron källa 写真 画像 ภาพ
""".split())

#: Labels of the line that carries an article's publication date.
PUBLISHED_LABEL = alt(
    "published", "first published", "published on", "updated", "last updated", "updated on",
    "posted", "posted on", "posted at", "publication date", "date published", "released",
    "publicado", "publicado el", "publicado em", "actualizado", "atualizado", "atualizado em",
    "fecha", "veröffentlicht", "veröffentlicht am", "aktualisiert", "aktualisiert am", "stand",
    "publié", "publié le", "mis à jour", "mis à jour le", "modifié le",
    "diterbitkan", "dipublikasikan", "diperbarui", "tanggal", "diunggah",
    "pubblicato", "pubblicato il", "aggiornato", "aggiornato il", "gepubliceerd", "gepubliceerd op",
    "bijgewerkt", "bijgewerkt op", "laatst bijgewerkt", "opublikowano", "aktualizacja",
    "zaktualizowano", "publicerad", "publicerat", "uppdaterad", "uppdaterat", "publisert",
    "oppdatert", "offentliggjort", "opdateret", "yayınlanma", "yayınlanma tarihi",
    "güncelleme", "güncellenme", "son güncelleme", "publiceret", "julkaistu", "päivitetty",
    "publikováno", "aktualizováno", "közzétéve", "frissítve", "publicat", "actualizat",
    "опубликовано", "обновлено", "δημοσίευση", "ενημέρωση", "cập nhật", "inilathala",
    "na-update", "प्रकाशित", "अपडेटेड", "입력", "수정", "기사입력", "نشر في", "آخر تحديث",
    "تاريخ النشر",
)

#: Section names that aggregators print as a label over the headline.
SECTIONS = alt(
    "politics", "business", "world", "world news", "us news", "u\\.s\\.", "us", "uk", "india",
    "nation", "national", "international", "local", "local news", "news", "sports", "sport",
    "technology", "tech", "science", "health", "entertainment", "culture", "arts", "lifestyle",
    "opinion", "economy", "markets", "finance", "money", "travel", "food", "education",
    "environment", "climate", "auto", "autos", "cars", "crime", "law", "media", "fashion",
    "style", "religion", "weather", "real estate", "property", "careers", "jobs", "gaming",
    "breaking news", "top news", "asia", "europe", "africa", "americas", "middle east",
    "política", "deportes", "economía", "internacional", "cultura", "sociedad", "tecnología",
    "ciencia", "salud", "espectáculos", "nacional", "mundo", "opinión",
    "politik", "wirtschaft", "sport", "kultur", "wissen", "gesellschaft", "panorama", "digital",
    "ausland", "inland", "meinung", "gesundheit", "reise",
    "politique", "économie", "monde", "société", "sports", "sciences", "santé", "culture",
    "france", "international", "planète",
    "esportes", "economia", "mundo", "cotidiano", "saúde", "tecnologia", "ciência",
    "olahraga", "ekonomi", "nasional", "internasional", "teknologi", "hiburan", "kesehatan",
    "bisnis", "otomotif", "gaya hidup",
)

#: Prefixes that mark a byline, and what a name looks like.
BYLINE_LABEL = alt("by", "por", "von", "par", "oleh", "written by", "reported by", "escrito por",
                   "texto", "reportagem", "penulis", "reporter", "autor", "auteur", "di", "a cura di",
                   "door", "av", "af", "autorka", "yazan")
NAME = r"\p{Lu}[\p{L}'’.\-]*(?:[^\S\n]+(?:de|da|van|von|der|del|la|le|dos|bin|binti)?[^\S\n]*\p{Lu}[\p{L}'’.\-]*){0,3}"
NAME_JOIN = r"[^\S\n]*(?:,|&|\band\b|\by\b|\bund\b|\bet\b|\be\b|\bdan\b)[^\S\n]*"

#: Wire-service and agency names that open a dateline: "(Reuters) -", "WASHINGTON (AP) -".
AGENCIES = alt("Reuters", "AP", "AFP", "Bloomberg", "ANI", "PTI", "IANS", "dpa", "EFE", "Xinhua",
               "Associated Press", "Agence France-Presse", "PA Media", "PA", "ANSA", "TT", "NTB",
               "Ritzau", "PAP", "ANP", "Belga", "APA", "CTK", "Anadolu", "DHA", "Kyodo News",
               "UPI", "Antara", "Agencia", "Europa Press", "Lusa", "KNA", "epd", "Yonhap", "Kyodo",
               "BERNAMA", "Agência Brasil", "SPA", "WAM", "AA", "TASS")
WIRE_SERVICES = alt(r"PRNewswire-\w+", "ACCESSWIRE", "GLOBE NEWSWIRE", "GlobeNewswire", "PRNewswire", "PR Newswire",
                    "Business Wire", "BUSINESS WIRE", "EINPresswire", "EIN Presswire", "Newsfile",
                    "NewMediaWire", "PRWEB", "PRWeb", "Marketwired", "CNW", "ANTARA")

#: Search-engine home pages that aggregators list as a "source" to fill the field.
PLACEHOLDER_SOURCE = (r"^https?://(?:www\.)?(?:google|bing|yahoo|duckduckgo|baidu|yandex|ask|aol|"
                      r"news\.google)\.[a-z.]{2,7}/?(?:\?[^\s]*)?$")
URL = r"https?://[^\s<>\"'“”]+[^\s<>\"'“”.,;:!?)\]]"
