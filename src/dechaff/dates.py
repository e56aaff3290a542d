"""Dates as scrapes write them, in the languages dechaff reads, turned into ISO strings.

>>> parse_date("Published: April 27, 2024, 08:32 IST")
'2024-04-27T08:32:00+05:30'
>>> parse_date("LOS ANGELES, CA / ACCESSWIRE / June 24, 2020, /")
'2020-06-24'
>>> parse_date("Publicado el 5 de marzo de 2024")
'2024-03-05'
>>> parse_date("Veröffentlicht am 5. März 2024")
'2024-03-05'
>>> parse_date("Pubblicato il 3 giugno 2021"), parse_date("le 1er mars 2020"), parse_date("18 maart 2019")
('2021-06-03', '2020-03-01', '2019-03-18')
>>> parse_date("date 2024-04-27")
'2024-04-27'
>>> parse_date("March 3") is None
True

Weekday first, time first, numbers with dots or slashes, CJK year-month-day:

>>> parse_date("Thu, 9 October 2025 7:05 AM")
'2025-10-09T07:05:00'
>>> parse_date("18:20 CET, 4 Feb 2025")
'2025-02-04T18:20:00+01:00'
>>> parse_date("24. 1. 2025 12:38"), parse_date("2025.05.15 20:00"), parse_date("2025年1月13日 21時37分")
('2025-01-24T12:38:00', '2025-05-15T20:00:00', '2025-01-13T21:37:00')

A weekday between a time and the date, or between the date and its time; a bar before the
time; a Thai date in the Buddhist era:

>>> parse_date("16:40 BST, Saturday 24 May 2025"), parse_date("Jumat, 19 Juli 2024 | 14:25 WIB")
('2025-05-24T16:40:00+01:00', '2024-07-19T14:25:00+07:00')
>>> parse_date("28 Eylül 2024 Cumartesi 08:30"), parse_date("14 พ.ย. 2567 10:20 น.")
('2024-09-28T08:30:00', '2024-11-14T10:20:00')

More languages' month and weekday names, a year first before a month's name (Hungarian), a
zone as an offset from GMT, a slash before the time:

>>> parse_date("st 5. března 2025 14:20"), parse_date("2025. április 7. 06:45")
('2025-03-05T14:20:00', '2025-04-07T06:45:00')
>>> parse_date("الأحد 8 يونيو 2025 - 10:30"), parse_date("अपडेटेड: 13 मई 2025, 01:05 PM IST")
('2025-06-08T10:30:00', '2025-05-13T13:05:00+05:30')
>>> parse_date("Thứ Bảy, 15/3/2025, 08:30 (GMT+7)"), parse_date("Jan 22, 2025 / 05:48 AM CST")
('2025-03-15T08:30:00+07:00', '2025-01-22T05:48:00-06:00')
>>> parse_date("Marso 4, 2025 | 9:12 PM"), parse_date("28. maaliskuuta 2025 klo 7.10")
('2025-03-04T21:12:00', '2025-03-28T07:10:00')

A numeric date is day-first unless its line says it is American (a US time zone, "a.m.")
or the first number cannot be a day's month:

>>> parse_date("05/03/2025"), parse_date("Posted 11/03/2024 6:15 PM EST"), parse_date("11/23/2024")
('2025-03-05', '2024-11-03T18:15:00-05:00', '2024-11-23')
"""

from __future__ import annotations

import regex

MONTHS: dict[str, int] = {}
for number, names in enumerate((
    "january jan januar jänner enero ene janvier janv janeiro januari gennaio genn ledna stycznia "
    "ocak",
    "february feb februar febrero février fevrier févr fevr fevereiro fev februari febbraio února lutego "
    "şubat",
    "march mar märz maerz marzo mars março marco maret maart března marca marts",
    "april apr abril avril avr aprile dubna kwietnia nisan",
    "may mai mayo maio mei maggio mag maj května maja mayıs",
    "june jun juni junio juin junho giugno giu června czerwca haziran",
    "july jul juli julio juillet juil julho luglio lug července lipca temmuz",
    "august aug agosto août aout agustus agu augusti augustus ago srpna sierpnia ağustos",
    "september sep sept septiembre setiembre septembre setembro set settembre září września "
    "eylül",
    "october oct oktober octubre octobre outubro out okt ottobre ott října października ekim",
    "november nov noviembre novembre novembro listopadu listopada kasım",
    "december dec dezember diciembre dic décembre decembre déc dezembro dez desember des dicembre "
    "prosince grudnia aralık",
), start=1):
    for name in names.split():
        MONTHS[name] = number
#: Russian months as dates write them (the genitive: "24 сентября 2018").
for number, name in enumerate("января февраля марта апреля мая июня июля августа сентября "
                              "октября ноября декабря".split(), start=1):
    MONTHS[name] = number
#: Months in Finnish (the partitive: "28. maaliskuuta 2025"), Hungarian ("2025. április
#: 7."), Romanian, Greek (the genitive), Tagalog, Arabic (as Egypt and the Gulf write
#: them) and Hindi.
for names in (
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta "
    "syyskuuta lokakuuta marraskuuta joulukuuta",
    "január február március április május június július augusztus szeptember október "
    "november december",
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie "
    "decembrie",
    "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου "
    "οκτωβρίου νοεμβρίου δεκεμβρίου",
    "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre",
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
):
    for number, name in enumerate(names.split(), start=1):
        MONTHS.setdefault(name, number)
MONTHS.setdefault("फरवरी", 2)  # (written with or without the nukta)
#: Thai months, full and short ("14 พ.ย. 2567"): Thai dates count years from the Buddha
#: (the Buddhist era, 543 years ahead of the common era).
THAI_MONTHS: dict[str, int] = {}
for number, names in enumerate((
    "มกราคม ม.ค.", "กุมภาพันธ์ ก.พ.", "มีนาคม มี.ค.", "เมษายน เม.ย.", "พฤษภาคม พ.ค.",
    "มิถุนายน มิ.ย.", "กรกฎาคม ก.ค.", "สิงหาคม ส.ค.", "กันยายน ก.ย.", "ตุลาคม ต.ค.",
    "พฤศจิกายน พ.ย.", "ธันวาคม ธ.ค.",
), start=1):
    for name in names.split():
        THAI_MONTHS[name] = number
BUDDHIST_ERA = 543

#: Weekday names and their short forms, which open many date lines ("Thu, 9 Oct 2025").
WEEKDAYS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri
sat sun lunes martes miércoles jueves viernes sábado domingo montag dienstag mittwoch
donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche
segunda-feira terça-feira quarta-feira quinta-feira sexta-feira segunda terça quarta quinta
sexta senin selasa rabu kamis jumat sabtu minggu lunedì martedì mercoledì giovedì venerdì
sabato domenica maandag dinsdag woensdag donderdag vrijdag zaterdag zondag måndag tisdag
onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag pazartesi salı çarşamba
perşembe cuma cumartesi pazar poniedziałek wtorek środa czwartek piątek sobota niedziela
pondělí úterý středa čtvrtek pátek neděle po út st čt pá ne maanantai tiistai keskiviikko
torstai perjantai lauantai sunnuntai ma ti ke pe la su hétfő kedd szerda csütörtök péntek
szombat vasárnap luni marți miercuri joi vineri sâmbătă duminică
понедельник вторник среда четверг пятница суббота воскресенье δευτέρα τρίτη τετάρτη πέμπτη
παρασκευή σάββατο κυριακή lunes martes miyerkules huwebes biyernes sabado linggo
الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد सोमवार मंगलवार बुधवार गुरुवार शुक्रवार
शनिवार रविवार
""".split())

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_THAI_MONTH = "(?:" + "|".join(regex.escape(m) for m in sorted(THAI_MONTHS, key=len, reverse=True)) + ")"
WEEKDAY = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"
ZONES = {
    "utc": "+00:00", "gmt": "+00:00", "z": "+00:00", "ist": "+05:30", "est": "-05:00",
    "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00", "pdt": "-07:00",
    "cet": "+01:00", "cest": "+02:00", "bst": "+01:00", "wib": "+07:00", "wita": "+08:00",
    "wit": "+09:00", "jst": "+09:00", "aest": "+10:00", "brt": "-03:00", "hkt": "+08:00",
    "sgt": "+08:00", "mez": "+01:00", "mesz": "+02:00", "kst": "+09:00", "myt": "+08:00",
    "mst": "-07:00", "mdt": "-06:00", "akst": "-09:00", "hst": "-10:00", "wat": "+01:00",
    "cat": "+02:00", "eat": "+03:00", "sast": "+02:00", "pht": "+08:00", "pst8": "-08:00",
    "ict": "+07:00", "pkt": "+05:00", "msk": "+03:00", "eet": "+02:00", "eest": "+03:00",
    "wet": "+00:00", "west": "+01:00", "aedt": "+11:00", "nzst": "+12:00", "nzdt": "+13:00",
}
ZONES.pop("pst8")
#: A zone by name, "GMT+7" / "UTC-03:00", or an offset ("+0530").
_ZONE = (r"(?:gmt|utc)\s?[+-](?:1[0-4]|0?[0-9])(?::?[0-5][0-9])?(?!\d)|"
         "(?:" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b|[+-][01][0-9]:?[0-5][0-9]")
#: What says a numeric date is written month first: a US time zone, "a.m.", "p.m.".
_AMERICAN = regex.compile(r"\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|ET|PT|[ap]\.m\.)(?!\w)")

#: One date in any supported spelling; named groups say which parts were found (a name
#: stands in several branches: ``y``, ``m``, ``d`` for numbers, ``mn`` for a month's name,
#: ``nd`` and ``nm`` for a numeric date whose order the line decides).
DATE = (
    rf"(?:(?P<y>{_YEAR})-(?P<m>{_MONTH_NUMBER})-(?P<d>{_DAY})"
    rf"|(?P<y>{_YEAR})(?:\.\s?|/)(?P<m>{_MONTH_NUMBER})(?:\.\s?|/)(?P<d>{_DAY})(?!\d)"
    rf"|(?P<y>{_YEAR})\s?[年년]\s?(?P<m>{_MONTH_NUMBER})\s?[月월]\s?(?P<d>{_DAY})\s?[日일]"
    rf"|(?P<mn>{_MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})"
    rf"|(?P<d>{_DAY})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?(?P<mn>{_MONTH}),?\s+(?:de\s+)?(?P<y>{_YEAR})"
    rf"|(?P<nd>{_DAY})(?:[./]|\.\s)(?P<nm>[0-3]?[0-9])(?:[./]|\.\s)(?P<y>{_YEAR})"
    rf"|(?P<d>{_DAY})\s*(?P<tm>{_THAI_MONTH})\s*(?P<by>25[0-9]{{2}})"
    rf"|(?P<y>{_YEAR})\.\s+(?P<mn>{_MONTH})\s+(?P<d>{_DAY})\.)"
)
TIME = (rf"(?:[T\s,]+(?:[|·/]\s*)?(?:{WEEKDAY},?\s+)?(?:at\s+|um\s+|à\s+|às\s+|a\s+las\s+|pukul\s+|kl\.\s+|klo\s+|-\s+)?"
        rf"(?P<hh>[01]?[0-9]|2[0-3])(?:[:.h]|\s?[時시]\s?)(?P<mi>[0-5][0-9])[分분]?"
        rf"(?::(?P<ss>[0-5][0-9]))?\s*(?P<ap>[ap]\.?m\.?)?(?:\s*(?:uhr|hrs|hs|h)\b)?\s*\(?(?P<tz>{_ZONE})?\)?)?")
DATE_TIME = DATE + TIME
#: A time before the date ("18:20 CET, 4 Feb 2025", "12:20pm Jan 7, 2024").
TIME_FIRST = (rf"(?:(?P<fh>[01]?[0-9]|2[0-3])[:.h](?P<fm>[0-5][0-9])\s*(?P<fap>[ap]\.?m\.?)?"
              rf"\s*(?P<ftz>{_ZONE})?[\s,|·–-]+)")
_FIND = regex.compile(rf"(?<![\w-])(?:{TIME_FIRST}(?:{WEEKDAY},?\s+)?)?{DATE_TIME}(?!\w)", regex.IGNORECASE)


def may_hold_date(text: str) -> bool:
    """Could ``text`` hold a date? Every spelling :data:`DATE` reads has a year, 19xx or
    20xx (25xx in the Buddhist era), in ASCII digits: three substring looks rule most lines
    out before the pattern, which is slow on a long line, reads them.

    >>> may_hold_date("Updated 14 March 2025"), may_hold_date("The council met on Monday.")
    (True, False)
    """
    return "20" in text or "19" in text or "25" in text


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO, with the time (and zone) when one stands beside it."""
    if not may_hold_date(text):
        return None
    match = _FIND.search(text)
    return iso(match, american=_AMERICAN.search(text) is not None) if match else None


def find_date(text: str) -> regex.Match | None:
    """Where the first date in ``text`` is (with a time beside it)."""
    return _FIND.search(text) if may_hold_date(text) else None


def iso(match: regex.Match, american: bool = False) -> str | None:
    """The date a match of :data:`DATE_TIME` names, as ISO; ``None`` when it is no date
    (a 31 April). A numeric date is read month first when ``american`` says so."""
    g = match.groupdict()
    if g["tm"]:  # a Thai date, in the Buddhist era
        y, m, d = int(g["by"]) - BUDDHIST_ERA, THAI_MONTHS[g["tm"]], int(g["d"])
    elif g["mn"]:
        y, m, d = int(g["y"]), MONTHS[g["mn"].lower().rstrip(".")], int(g["d"])
    elif g["nd"]:
        y, d, m = int(g["y"]), int(g["nd"]), int(g["nm"])
        if (american and d <= 12) or m > 12:
            d, m = m, d
    else:
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    if not 1 <= m <= 12 or d < 1 or d > (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
        return None
    date = f"{y:04d}-{m:02d}-{d:02d}"
    hh, mi, ss, ap, zone = g["hh"], g["mi"], g["ss"], g["ap"], g["tz"]
    if hh is None and g.get("fh"):
        hh, mi, ss, ap, zone = g["fh"], g["fm"], None, g["fap"], g["ftz"]
    if hh is None:
        return date
    hour = int(hh)
    if ap:
        hour = hour % 12 + (12 if ap.lower().startswith("p") else 0)
    stamp = f"{date}T{hour:02d}:{mi}:{ss or '00'}"
    if zone:
        offset = ZONES.get(zone.lower())
        if offset is None:
            offset = _offset(zone)
        stamp += offset
    return stamp


def _offset(zone: str) -> str:
    """An offset as ISO writes it, from "+0530", "+05:30", "GMT+7" or "UTC-03:00"."""
    sign_at = max(zone.find("+"), zone.find("-"))
    sign, rest = zone[sign_at], zone[sign_at + 1:].replace(":", "").strip()
    hours, minutes = (rest[:-2], rest[-2:]) if len(rest) > 2 else (rest, "00")
    return f"{sign}{int(hours):02d}:{minutes}"
