"""Data for decoding bytes: file signatures, declared charsets, and the common characters of
the languages whose legacy encodings are told apart by them. Data only; the logic is in
:mod:`dechaff.stages.decode`."""

from __future__ import annotations

import re

#: How binary formats start (each long or specific enough that no text starts so), and what
#: the bytes then are.
SIGNATURES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(sig, re.DOTALL), what) for sig, what in (
    (rb"%PDF-", "a PDF document"),
    (rb"\x1f\x8b\x08", "gzip-compressed data"),
    (rb"PK(?:\x03\x04|\x05\x06|\x07\x08)", "a ZIP archive (or a .docx, .xlsx, .epub or .jar)"),
    (rb"BZh[1-9]1AY&SY", "bzip2-compressed data"),
    (rb"\xfd7zXZ\x00", "xz-compressed data"),
    (rb"\x28\xb5\x2f\xfd", "Zstandard-compressed data"),
    (rb"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (rb"Rar!\x1a\x07", "a RAR archive"),
    (rb"\x89PNG\r\n\x1a\n", "a PNG image"),
    (rb"\xff\xd8\xff", "a JPEG image"),
    (rb"GIF8[79]a", "a GIF image"),
    (rb"RIFF....WEBP", "a WebP image"),
    (rb"RIFF....WAVE", "a WAV audio file"),
    (rb"RIFF....AVI ", "an AVI video"),
    (rb"(?:II\*\x00|MM\x00\*)", "a TIFF image"),
    (rb"\x00\x00\x01\x00[\x01-\x20]\x00", "an icon (.ico)"),
    (rb"....ftyp(?:isom|iso\d|mp4\d|M4[AV]|qt  |heic|heix|avif|mif1|msf1|3gp\d|dash)", "an MP4 or QuickTime file (or a HEIC or AVIF image)"),
    (rb"ID3[\x02-\x04]\x00", "an MP3 file"),
    (rb"OggS\x00", "an Ogg audio or video file"),
    (rb"fLaC\x00", "a FLAC audio file"),
    (rb"\x1aE\xdf\xa3", "a Matroska or WebM video"),
    (rb"wOF[F2](?:\x00\x01\x00\x00|OTTO|true)", "a WOFF font"),
    (rb"\x7fELF", "an ELF executable"),
    (rb"(?:\xcf\xfa\xed\xfe|\xce\xfa\xed\xfe|\xca\xfe\xba\xbe)", "a Mach-O executable or Java class"),
    (rb"\x00asm", "a WebAssembly module"),
    (rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (rb"SQLite format 3\x00", "an SQLite database"),
    (rb"PAR1.*PAR1\Z", "a Parquet file"),
    (rb"ARROW1\x00\x00", "an Arrow file"),
    (rb"\x80[\x04\x05]\x95", "a Python pickle"),
))

#: A charset an HTML or XML document declares in its first bytes.
DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})""", re.IGNORECASE)
#: Declared charsets read as the encoding that browsers use for them (a superset).
BROWSER_NAMES = {
    "iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
    "shift_jis": "cp932", "euc_jp": "euc_jp", "gb2312": "gb18030", "gbk": "gb18030",
    "big5": "big5hkscs", "euc_kr": "cp949", "tis-620": "cp874", "iso8859-11": "cp874",
}

_HIRAGANA = "".join(map(chr, range(0x3041, 0x3097)))
_KATAKANA = "".join(map(chr, range(0x30A1, 0x30FB))) + "ー"
_CJK_PUNCTUATION = "、。〈〉《》「」『』【】〔〕・！？（），．：；～"
#: The most common characters of written Japanese, Chinese (simplified, traditional) and
#: Korean: text in the right encoding is made mostly of them; the same bytes read in
#: another encoding give rare characters in no order.
COMMON = {
    "japanese": frozenset(_HIRAGANA + _KATAKANA + _CJK_PUNCTUATION + (
        "日一国会人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合"
        "市業内相方四定今回新場金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外最"
        "言氏現理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七成期公持野協取都"
        "和統以機平総加山思家話世受区領多県続進正安設保改数記院女初北午指権心界支第産結百派"
        "点教報済書府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知"
        "案道信策集在件団別物側任引使求所次水半品昨論計死官増係感特情投示変打男基私各始島直"
        "両朝革価式確村提運終挙果西勢減台広容必応演電歳住争談能無再位置企真流格有疑口過局少"
        "放税検藤町常校料沢裁状工建語球営空職証土与急止送援供可役構木割聞身費付施切由説転食"
        "比難防補車優夫研収断井何南石足違消境神番規術護展態導鮮備宅害配副算視条幹独警宮究育"
        "席輸訪楽起万着乗店述残想線率病農州武声質念待試族象銀域助労例衛然早張映限親額監環験"
        "追審商葉義伝働形景落欧担好退準賞訴辺造英被株頭技低毎医復仕去姿味負閣韓渡失移差衆個"
        "門写評課末守若脳極種美岡影命含福蔵量望松非撃佐核観察整段横融型白深字答夜製票況音申"
        "様財港識注呼渉達")),
    "chinese": frozenset(_CJK_PUNCTUATION + "“”‘’" + (
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着"
        "下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好"
        "小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知"
        "全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身"
        "果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论"
        "处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做"
        "接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却"
        "界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术"
        "领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往"
        "元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花"
        "党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八"
        "功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注"
        "语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩"
        "验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河"
        "米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸"
        "职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送"
        "急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树"
        "疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配"
        "征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁"
        "控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付")),
    "chinese_traditional": frozenset(_CJK_PUNCTUATION + "“”‘’" + (
        "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著"
        "下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好"
        "小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知"
        "全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身"
        "果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論"
        "處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做"
        "接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻"
        "界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術"
        "領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟車親極林服快辦議往"
        "元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花"
        "黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八"
        "功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注"
        "語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩"
        "驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河"
        "米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉"
        "職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送"
        "急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹")),
    "korean": frozenset(_CJK_PUNCTUATION + (
        "이다의는에가을하고로한지서기으은사들를대나있것도시아리게자수일라해인주정국어전그보만"
        "적부상여성제장중면요니까했습우문때않같위개경원관소동학생화발회내년말신미비마무결계세"
        "연실방과통물터속모와등각저후진선안명행합되된될및또더월분공업산당초단처민치체론점품권"
        "견외현본교조구영감강건입표최오금음용작심운특히며데던든려러런럼렇령례료류률른름릴림립"
        "파판피필향허형호확활황효휴흥")),
}
#: Which language's characters each legacy encoding writes.
LANGUAGE_OF = {"cp932": "japanese", "euc_jp": "japanese", "gb18030": "chinese",
               "big5hkscs": "chinese_traditional", "cp949": "korean"}
