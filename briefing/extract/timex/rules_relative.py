"""Rules for relative and non-calendar expressions: deictics, weekdays, "N units ago/later",
durations, sets and clock times.

Deictic expressions ("yesterday", "next week") resolve against the document date; anaphoric ones
("two days later", "the following month") against the last date the text mentioned.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from briefing.text.calendar import WEEKDAYS

from .calendar import Anchor, at_precision, fmt_day, fmt_month, fmt_week, shift, weekday_near
from .engine import Ctx, Result, Rule
from .lexicon import (
    NUMBER,
    ORDINALS,
    PARTS_OF_DAY,
    UNITS,
    VAGUE,
    VAGUE_QUANTITIES,
    WEEKDAY,
    number_value,
)

_UNIT_WORD = r"(?:second|minute|hour|day|week|weekend|month|quarter|year|decade|century|centurie|fortnight)"


def unit_code(word: str) -> str:
    w = word.lower().rstrip("s")
    if w == "centurie":
        w = "century"
    return UNITS[w]


def _prec(unit: str) -> str:
    return {"D": "D", "W": "D", "WE": "D", "M": "M", "Q": "M"}.get(unit, "Y")


def _period(d: date, unit: str) -> str:
    if unit == "WE":
        return fmt_week(d) + "-WE"
    return at_precision(d, unit)


def _unknown(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(
        unit, "XXXX"
    )


# ---- deictic days and PRESENT/PAST/FUTURE_REF --------------------------------------------------

_DAY_OFFSETS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "tonight": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _h_deictic_day(m: re.Match[str], ctx: Ctx) -> Result | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    part = (m["part"] or "").lower()
    if word == "tonight":
        part = "night"
    if ctx.dct is None:
        return Result("TIME" if part else "DATE", "XXXX-XX-XX", kind="deictic")
    d = ctx.dct + timedelta(days=_DAY_OFFSETS[word])
    if part:
        return Result("TIME", fmt_day(d) + "T" + PARTS_OF_DAY[part], None, Anchor(d, "D"), kind="deictic")
    return Result("DATE", fmt_day(d), None, Anchor(d, "D"), kind="deictic")


def _h_part_of_day(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = m["rel"].lower()
    part = m["part"].lower()
    if ctx.dct is None:
        return Result("TIME", "XXXX-XX-XXT" + PARTS_OF_DAY[part], kind="deictic")
    d = ctx.dct - timedelta(days=1) if rel == "last" else ctx.dct
    return Result("TIME", fmt_day(d) + "T" + PARTS_OF_DAY[part], kind="deictic")


def _fixed(type_: str, value: str, kind: str = "ref"):
    return lambda m, ctx: Result(type_, value, kind=kind)


# ---- this / last / next + unit ------------------------------------------------------------------

_REL_SHIFT = {
    "this": 0,
    "current": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "same": 0,
    "that": 0,
    "preceding": -1,
    "prior": -1,
}
_ANAPHORIC = {"following", "previous", "same", "that", "preceding", "prior"}


def _h_rel_unit(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = m["rel"].lower()
    unit = unit_code(m["u"])
    anaphoric = rel in _ANAPHORIC
    base = ctx.ref(_prec(unit), m.start()) if anaphoric else ctx.dct
    if unit == "CE" and rel in ("this", "current"):
        return Result("DATE", f"{base.year // 100:02d}" if base else "XX", kind="relunit")
    if base is None:
        return Result("DATE", _unknown(unit), kind="relunit")
    if rel in ("previous", "preceding", "prior") and not anaphoric:
        pass
    d = shift(base, _REL_SHIFT[rel], "W" if unit == "WE" else unit)
    kind = "anaphoric_unit" if anaphoric else "relunit"
    if anaphoric:  # "the following month" is itself relative: later anaphora keep the firmer anchor
        return Result("DATE", _period(d, unit), kind=kind)
    return Result(
        "DATE",
        _period(d, unit),
        None,
        Anchor(d, _prec(unit)) if unit != "Y" else Anchor(date(d.year, 1, 1), "Y"),
        kind=kind,
    )


# ---- N units ago / later / earlier -------------------------------------------------------------


def _compared_quarter(m: re.Match[str], ctx: Ctx) -> tuple[int, int] | None:
    """In quarterly results ("profit rose from $2 a share a year ago") the comparison is with the
    same quarter a year before: the quarter this sentence or the last one spoke of."""
    from .tense import sentence_bounds

    if ctx.last_quarter and ctx.last_quarter[0] >= max(ctx.text.rfind("\n", 0, m.start()), m.start() - 400):
        y, q = ctx.last_quarter[1].split("-Q")
        return int(y), int(q)
    lo, hi = sentence_bounds(ctx.text, m.start(), m.end())
    if not re.search(r"\bquarter", ctx.text[lo:hi], re.IGNORECASE) or ctx.dct is None:
        return None
    last = (ctx.dct.month - 1) // 3  # the last completed quarter
    return (ctx.dct.year, last) if last else (ctx.dct.year - 1, 4)


def _h_year_ago_adj(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the year-earlier quarter", "year-ago results": the compared period one year back."""
    quarter = _compared_quarter(m, ctx)
    if quarter is not None:
        return Result("DATE", f"{quarter[0] - 1}-Q{quarter[1]}", kind="ago")
    if ctx.dct is None:
        return Result("DATE", "XXXX", kind="ago")
    return Result("DATE", f"{ctx.dct.year - 1}", kind="ago")


def _h_ago(m: re.Match[str], ctx: Ctx) -> Result | None:
    unit = unit_code(m["u"])
    word = m["dir"].lower()
    n = number_value(m["n"]) if m["n"] and m["n"].lower() not in VAGUE_QUANTITIES else None
    anaphoric = word in ("later", "earlier", "after", "before")
    base = ctx.ref(_prec(unit), m.start()) if anaphoric else ctx.dct
    if n is None:
        if word in ("later", "after", "from now", "hence") and not anaphoric:
            return Result("DATE", "FUTURE_REF", kind="ago")
        if anaphoric:
            if base is None or unit not in ("D", "W"):
                return Result(
                    "DATE", "PAST_REF" if word in ("earlier", "before") else "FUTURE_REF", kind="vague_later"
                )
            return Result("DATE", fmt_month(base.year, base.month), kind="vague_later")
        return Result("DATE", "PAST_REF", kind="ago")
    if base is None:
        return Result("DATE", _unknown(unit), kind="ago")
    sign = -1 if word in ("ago", "earlier", "before") else 1
    if unit in ("S", "H") or unit == "M" and m["u"].lower().startswith("min"):
        return Result("DATE", fmt_day(base), kind="ago")
    if n != int(n):
        return None
    quarter = _compared_quarter(m, ctx) if unit == "Y" and word in ("ago", "earlier") else None
    if quarter is not None:
        y, q = quarter
        return Result("DATE", f"{y - int(n)}-Q{q}", kind="ago")
    unit_for_shift = "W" if unit == "WE" else unit
    if unit == "DE":
        unit_for_shift, n = "Y", n * 10
    d = shift(base, sign * int(n), unit_for_shift)
    prec_unit = {"DE": "Y", "CE": "Y", "Q": "M", "WE": "W"}.get(unit, unit)
    return Result(
        "DATE",
        _period(d, prec_unit),
        None,
        Anchor(d, _prec(prec_unit)),
        kind="anaphoric" if anaphoric else "ago",
    )


def _h_period_part(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the end of the year", "the rest of the month": the DCT's period."""
    unit = unit_code(m["u"])
    if ctx.dct is None:
        return Result("DATE", _unknown(unit), kind="relunit")
    return Result("DATE", _period(ctx.dct, unit), kind="relunit")


def _h_weekend(m: re.Match[str], ctx: Ctx) -> Result | None:
    word = m.group(0).split()[0].lower()
    if ctx.dct is None:
        return Result("DATE", "XXXX-WXX-WE", kind="relunit")
    d = ctx.dct
    if word == "last" or (
        word in ("the", "that") and ctx.direction(*m.span()) == "past" and d.isoweekday() < 6
    ):
        d -= timedelta(days=7)
    elif word == "next" or (
        word in ("the", "this") and ctx.direction(*m.span()) == "future" and d.isoweekday() >= 6
    ):
        d += timedelta(days=7)
    return Result("DATE", fmt_week(d) + "-WE", kind="relunit")


def _h_the_quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    if ctx.dct is None:
        return Result("DATE", "XXXX-QX", kind="relunit")
    q = (ctx.dct.month - 1) // 3 + 1
    y = ctx.dct.year
    if "current" not in m.group(0).lower() and ctx.direction(*m.span()) != "future":
        q -= 1
        if q == 0:
            q, y = 4, y - 1
    return Result("DATE", f"{y}-Q{q}", kind="relunit")


_DAY_ORDINALS = {w: n for w, n in ORDINALS.items() if w != "last" and n <= 10} | {"opening": 1}


def _h_nth_day(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "On the second day of his trip": a day of the last date range the text gave."""
    if ctx.last_range is None:
        return None
    lo, hi = ctx.last_range
    word = m["ord"].lower()
    d = hi if word in ("last", "final", "closing") else lo + timedelta(days=_DAY_ORDINALS[word] - 1)
    if d > hi:
        return None
    return Result("DATE", fmt_day(d), None, Anchor(d, "D"), kind="nth_day")


# ---- weekdays and clock times --------------------------------------------------------------------


def _h_weekday(m: re.Match[str], ctx: Ctx) -> Result | None:
    wd = WEEKDAYS[m["wd"].lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    part = (m["part"] or "").lower()
    if ctx.dct is None:
        v = f"XXXX-WXX-{wd}"
        return Result(
            "TIME" if part else "DATE", v + ("T" + PARTS_OF_DAY[part] if part else ""), kind="weekday"
        )
    ref = ctx.dct
    if rel in ("last", "past", "previous"):
        d = weekday_near(ref - timedelta(days=1), wd, "past")
    elif rel in ("next", "coming"):
        d = weekday_near(ref + timedelta(days=1), wd, "future")
    else:
        d = weekday_near(ref, wd, ctx.direction(*m.span()) or "past")  # news reports the past
    if part:  # TimeML: a part of a day is a TIME ("Friday night" -> 2013-03-22TNI)
        return Result("TIME", fmt_day(d) + "T" + PARTS_OF_DAY[part], None, Anchor(d, "D"), kind="weekday")
    return Result("DATE", fmt_day(d), None, Anchor(d, "D"), kind="weekday")


def _c(p: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(p, flags)


_QMOD = r"(?:(?:about|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|roughly|around|approximately|just|only|over|under|at\s+least|at\s+most|up\s+to|barely|well\s+over|close\s+to)\s+)?"
_N = rf"(?P<n>{NUMBER}|{VAGUE}|a\s+couple\s+of|couple\s+of)"
_PART = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"

RULES: list[Rule] = [
    Rule(
        "deictic_day",
        _c(
            r"\b(?:(?:earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)\b"
            + _PART
        ),
        _h_deictic_day,
    ),
    Rule(
        "part_of_day",
        _c(r"\b(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b"),
        _h_part_of_day,
    ),
    Rule(
        "present_ref",
        _c(r"\b(?:right\s+now|now|currently|at\s+present|nowadays|these\s+days|the\s+present)\b"),
        _fixed("DATE", "PRESENT_REF"),
    ),
    Rule(
        "past_ref",
        _c(r"\b(?:recently|lately|(?<=in\s)the\s+past|the\s+past(?=\s*,))\b"),
        _fixed("DATE", "PAST_REF"),
    ),
    Rule(
        "future_ref",
        _c(
            r"\b(?:(?<=in\s)the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|(?<=in\s)the\s+coming\s+(?:days|weeks|months|years))\b"
        ),
        _fixed("DATE", "FUTURE_REF"),
    ),
    Rule(
        "rel_unit",
        _c(
            r"\b(?:(?:early|earlier|late|later|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|mid-?)\s*)?(?:the\s+)?(?P<rel>this|current|last|past|previous|next|coming|following|same|that|preceding|prior)\s+(?P<u>day|week|weekend|month|year|quarter|decade|century)\b(?!-)"
        ),
        _h_rel_unit,
    ),
    Rule(
        "ago",
        _c(
            rf"\b{_QMOD}{_N}[\s-]+(?P<u>{_UNIT_WORD})s?\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later|from\s+now|hence)\b"
        ),
        _h_ago,
    ),
    Rule("weekend", _c(r"\b(?:the|this|last|next|that)\s+weekend\b"), _h_weekend),
    Rule(
        "the_quarter",
        _c(
            r"\b(?:the|this)\s+(?:latest\s+|most\s+recent\s+|current\s+|recent\s+|just-ended\s+)?(?:fiscal\s+)?quarter\b(?!\s+(?:of|century|mile))"
        ),
        _h_the_quarter,
    ),
    Rule(
        "period_part",
        _c(
            r"\b(?:(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|close)\s+of\s+the\s+(?P<u>year|month|week|decade|century))\b"
        ),
        _h_period_part,
    ),
    Rule(
        "year_ago_adj",
        _c(
            r"\b(?:the\s+)?(?:comparable\s+)?year[\s-](?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)[\s-])?(?:quarter|period))?(?=[\s,.;:])"
        ),
        _h_year_ago_adj,
    ),
    Rule(
        "nth_day",
        _c(
            r"\bthe\s+(?P<ord>first|opening|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|closing)\s+day\b"
        ),
        _h_nth_day,
    ),
    Rule(
        "vague_later",
        _c(r"\b(?P<n>)(?P<u>days|weeks)\s+(?P<dir>later|earlier)\b"),
        _h_ago,
    ),
    Rule(
        "weekday",
        _c(
            rf"\b(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<part>morning|afternoon|evening|night))?",
            0,
        ),
        _h_weekday,
    ),
    Rule(
        "weekday_rel",
        _c(
            rf"\b(?P<rel>(?i:last|next|this|coming|past|previous))\s+(?P<wd>{WEEKDAY})(?i:\s+(?P<part>morning|afternoon|evening|night))?",
            0,
        ),
        _h_weekday,
    ),
]

__all__ = ["RULES", "unit_code"]
