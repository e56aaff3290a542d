"""Dates as scrapes write them, in the languages dechaff supports, turned into ISO strings.

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
"""

from __future__ import annotations

import regex

MONTHS: dict[str, int] = {}
for number, names in enumerate((
    "january jan januar jänner enero ene janvier janv janeiro januari gennaio genn",
    "february feb februar febrero février fevrier févr fevr fevereiro fev februari febbraio",
    "march mar märz maerz marzo mars março marco maret maart",
    "april apr abril avril avr aprile",
    "may mai mayo maio mei maggio mag",
    "june jun juni junio juin junho giugno giu",
    "july jul juli julio juillet juil julho luglio lug",
    "august aug agosto août aout agustus agu augustus ago",
    "september sep sept septiembre setiembre septembre setembro set settembre",
    "october oct oktober octubre octobre outubro out okt ottobre ott",
    "november nov noviembre novembre novembro",
    "december dec dezember diciembre dic décembre decembre déc dezembro dez desember des dicembre",
), start=1):
    for name in names.split():
        MONTHS[name] = number

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"
ZONES = {
    "utc": "+00:00", "gmt": "+00:00", "z": "+00:00", "ist": "+05:30", "est": "-05:00",
    "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "pst": "-08:00", "pdt": "-07:00",
    "cet": "+01:00", "cest": "+02:00", "bst": "+01:00", "wib": "+07:00", "wita": "+08:00",
    "wit": "+09:00", "jst": "+09:00", "aest": "+10:00", "brt": "-03:00", "hkt": "+08:00",
    "sgt": "+08:00", "mez": "+01:00", "mesz": "+02:00",
}
_ZONE = "(?:" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b|[+-][01][0-9]:?[0-5][0-9]"

#: One date in any supported spelling; named groups say which parts were found.
DATE = (
    rf"(?:(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>{_DAY})"
    rf"|(?P<am>{_MONTH})\s+(?P<ad>{_DAY})(?:st|nd|rd|th)?,?\s+(?P<ay>{_YEAR})"
    rf"|(?P<bd>{_DAY})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?(?P<bm>{_MONTH}),?\s+(?:de\s+)?(?P<by>{_YEAR})"
    rf"|(?P<cd>{_DAY})[./](?P<cm>0?[1-9]|1[0-2])[./](?P<cy>{_YEAR}))"
)
TIME = (rf"(?:[T\s,]+(?:at\s+|um\s+|à\s+|às\s+|a\s+las\s+|pukul\s+)?(?P<hh>[01]?[0-9]|2[0-3])[:.h](?P<mi>[0-5][0-9])"
        rf"(?::(?P<ss>[0-5][0-9]))?\s*(?P<ap>[ap]\.?m\.?)?(?:\s*(?:uhr|hrs|h)\b)?\s*\(?(?P<tz>{_ZONE})?\)?)?")
DATE_TIME = DATE + TIME
_FIND = regex.compile(r"(?<![\w-])" + DATE_TIME + r"(?!\w)", regex.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO, with the time (and zone) when one follows it."""
    match = _FIND.search(text)
    return iso(match) if match else None


def iso(match: regex.Match) -> str | None:
    g = match.groupdict()
    if g["iy"]:
        y, m, d = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["ay"]:
        y, m, d = int(g["ay"]), MONTHS[g["am"].lower().rstrip(".")], int(g["ad"])
    elif g["by"]:
        y, m, d = int(g["by"]), MONTHS[g["bm"].lower().rstrip(".")], int(g["bd"])
    else:
        y, m, d = int(g["cy"]), int(g["cm"]), int(g["cd"])
    if d > (29 if m == 2 else 30 if m in (4, 6, 9, 11) else 31):
        return None
    date = f"{y:04d}-{m:02d}-{d:02d}"
    if g["hh"] is None:
        return date
    hour = int(g["hh"])
    if g["ap"]:
        pm = g["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    stamp = f"{date}T{hour:02d}:{g['mi']}:{g['ss'] or '00'}"
    zone = g["tz"]
    if zone:
        offset = ZONES.get(zone.lower())
        if offset is None:
            digits = zone.replace(":", "")
            offset = f"{digits[0]}{digits[1:3]}:{digits[3:5]}"
        stamp += offset
    return stamp
