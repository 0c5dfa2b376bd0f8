"""Rules for named and coarse calendar periods: decades, centuries, seasons, quarters, holidays.

"the 1990s", "last summer", "the third quarter", "Christmas": periods a timeline places with year,
decade or season precision rather than a day.
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import choose_year, fmt_day
from .engine import Ctx, Result, Rule
from .lexicon import ORDINALS, SEASONS, YEAR4


def _h_decade(m: re.Match[str], ctx: Ctx) -> Result | None:
    if m["dec"]:
        return Result("DATE", m["dec"][:3], kind="decade")
    two = int(m["d2"])
    base = ctx.dct.year // 100 if ctx.dct else 20
    century = base if base * 100 + two <= (ctx.dct.year if ctx.dct else 2000 + two) else base - 1
    return Result("DATE", f"{century}{two // 10}", kind="decade")


_ORD_WORDS = {
    **{k: v for k, v in ORDINALS.items() if k != "last"},
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


def _h_century(m: re.Match[str], ctx: Ctx) -> Result | None:
    raw = m["n"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORD_WORDS.get(raw)
    if not n:
        return None
    return Result("DATE", f"{n - 1:02d}", kind="century")


def _h_season(m: re.Match[str], ctx: Ctx) -> Result | None:
    code = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if m["y"]:
        return Result("DATE", f"{m['y']}-{code}", kind="season")
    if ctx.dct is None:
        return Result("DATE", f"XXXX-{code}", kind="season")
    dct = ctx.dct
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = dct.year
    if rel in ("last", "past"):
        y = dct.year if (dct.month >= start_month + 3) else dct.year - 1
    elif rel in ("next", "coming"):
        y = dct.year if dct.month < start_month else dct.year + 1
    elif not rel:
        d = ctx.direction(*m.span())
        if d == "past" and dct.month < start_month:
            y -= 1
        elif d == "future" and dct.month >= start_month + 3:
            y += 1
    return Result("DATE", f"{y}-{code}", kind="season")


def _g_season(m: re.Match[str], text: str) -> bool:
    if m["rel"] or m["y"] or m["mod"]:
        return True
    before = text[max(0, m.start() - 12) : m.start()].lower()
    if m["s"].lower() in ("fall", "spring") and re.match(r"\s+of\s+(?!\d)", text[m.end() :]):
        return False
    return bool(
        re.search(r"\b(?:in|the|during|by|since|until|this|that|through)\s+(?:the\s+)?$", before)
    ) and not re.match(
        r"\s*(?:of\s+(?:the|a|an)\b|season|semester|term|collection|break|olympics|games)",
        text[m.end() :],
        re.I,
    )


def _h_quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    word = m["ord"].lower()
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(word)
    half = m["unit"].lower() == "half"
    if half:
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(word)
    if q is None:
        return None
    code = f"H{q}" if half else f"Q{q}"
    if m["y"]:
        return Result("DATE", f"{m['y']}-{code}", kind="quarter")
    if ctx.dct is None:
        return Result("DATE", f"XXXX-{code}", kind="quarter")
    y = ctx.dct.year + {"last": -1, "next": 1}.get((m["yrel"] or "").lower(), 0)
    if not m["yrel"]:
        start_month = (q - 1) * (6 if half else 3) + 1
        if start_month > ctx.dct.month and ctx.direction(*m.span()) != "future":
            y -= 1
    return Result("DATE", f"{y}-{code}", kind="quarter")


_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "boxing day": (12, 26),
}


def _h_holiday(m: re.Match[str], ctx: Ctx) -> Result | None:
    name = m["h"].lower().replace("’", "'")
    if name == "thanksgiving" or name == "thanksgiving day":
        if m["y"]:
            y = int(m["y"])
        elif ctx.dct is None:
            return Result("DATE", "XXXX-11", kind="holiday")
        else:
            y = choose_year(11, 25, ctx.dct, ctx.direction(*m.span()))
        first = date(y, 11, 1)
        day = 1 + (3 - first.weekday()) % 7 + 21
        return Result("DATE", fmt_day(date(y, 11, day)), kind="holiday")
    mo, d = _HOLIDAYS[name]
    if m["y"]:
        y = int(m["y"])
    elif ctx.dct is None:
        return Result("DATE", f"XXXX-{mo:02d}-{d:02d}", kind="holiday")
    else:
        y = choose_year(mo, d, ctx.dct, ctx.direction(*m.span()))
    return Result("DATE", fmt_day(date(y, mo, d)), kind="holiday")


def _h_quarter_y0(m: re.Match[str], ctx: Ctx) -> Result | None:
    res = _h_quarter(m, ctx)
    if res and m["y0"]:
        return Result(res.type, m["y0"] + res.value[4:], kind="quarter")
    return res


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


RULES: list[Rule] = [
    Rule(
        "decade",
        _c(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d0)['’]?s|['’](?P<d2>\d0)s)\b"),
        _h_decade,
    ),
    Rule(
        "century",
        _c(
            r"(?:the\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century",
            re.I,
        ),
        _h_century,
    ),
    Rule(
        "season",
        _c(
            rf"(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<s>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?",
            re.I,
        ),
        _h_season,
        _g_season,
    ),
    Rule(
        "quarter",
        _c(
            rf"(?:(?P<y0>{YEAR4})['’]s\s+|(?:the\s+)?(?:(?:fiscal|calendar)\s+)?)(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year|the\s+year))?(?![\w-])",
            re.I,
        ),
        lambda m, c: _h_quarter_y0(m, c),
    ),
    Rule(
        "holiday",
        _c(
            rf"(?P<h>Christmas Day|Christmas Eve|Christmas|New Year['’]s Day|New Year['’]s Eve|Halloween|Valentine['’]s Day|Independence Day|Thanksgiving Day|Thanksgiving|Boxing Day)(?:,?\s+(?P<y>{YEAR4}))?"
        ),
        _h_holiday,
    ),
]

__all__ = ["RULES"]
