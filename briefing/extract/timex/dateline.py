"""The one definition of a wire dateline: the place, date and agency that open a news story.

"SEOUL, Jan. 21 (Yonhap) -- ...", "RIGA, Sept. 22 -- ...", "LONDON, 3 March — ...",
"WASHINGTON (Reuters) - ...", "Jan 21 (Reuters) - ...". The dateline says where and when the
story was filed; it is not part of what the story states. The document reader takes the story's
date from it, the event extractor must not read it as an event, and a timeline row or a summary
point that quotes the lead starts after it. All three use this pattern so they agree on what a
dateline is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.calendar import MONTHS

_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"  # upper case: "SEOUL", "NEW YORK", "ST. LOUIS"
_DATE = (
    r"(?:(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})"
    r"|(?P<day_first>\d{1,2})\s+(?P<month_after>" + _MONTH + r"))"
    r"(?:,?\s*(?P<year>\d{4}))?"
)
_AGENCY = r"\((?P<agency>[A-Z][^()]{1,38})\)"
_DASH = r"(?:--|—|–|-)"
_DATELINE = re.compile(
    r"\s*(?:(?P<place>" + _PLACE + r")(?:,\s*" + _DATE + r")?\s*(?:" + _AGENCY + r")?"
    r"|" + _DATE.replace("?P<", "?P<o_") + r"\s*" + _AGENCY.replace("?P<", "?P<o_") + r")"
    r"\s+"
    + _DASH
    + r"\s*(?=\S)"
    + r"|\s*(?P<place2>"
    + _PLACE
    + r"),\s*"
    + _DATE.replace("?P<", "?P<p_")
    + r"(?:\s*"
    + _AGENCY.replace("?P<", "?P<p_")
    + r")?\s*"
    + _DASH
    + r"\s*(?=\S)"
)


@dataclass(frozen=True)
class Dateline:
    end: int  # offset right after the dateline's dash and spaces: where the story's text starts
    month: int | None
    day: int | None
    year: int | None
    agency: str | None


def match_dateline(text: str, pos: int = 0, endpos: int | None = None) -> Dateline | None:
    """The dateline that opens text[pos:endpos], or None.

    A place alone before a dash ("WASHINGTON — ...") counts, a place needs two capital letters;
    a date needs a place or an agency ("Jan 21 (Reuters) -"), so "March 4 - 6" is never one.
    """
    m = _DATELINE.match(text, pos, len(text) if endpos is None else endpos)
    if not m:
        return None
    g = m.groupdict()
    if g["place"] is not None and len(re.sub(r"[^A-Z]", "", g["place"])) < 2:
        return None
    month = day = year = None
    agency = None
    for pre in ("", "o_", "p_"):
        name = g.get(pre + "month") or g.get(pre + "month_after")
        if name:
            month = MONTHS[name.rstrip(".").lower()]
            day = int(g.get(pre + "day") or g.get(pre + "day_first") or 0)
            year = int(g[pre + "year"]) if g.get(pre + "year") else None
        agency = agency or g.get(pre + "agency")
    if (
        month is None
        and agency is None
        and g["place"] is not None
        and not re.match(r"\s+(?:--|—|–)", text[m.start("place") + len(g["place"]) : m.end()])
    ):
        return None  # "NATO - ..." with a bare hyphen: too weak without a date or an agency
    return Dateline(m.end(), month, day, year, agency.strip() if agency else None)
