"""Rules for calendar expressions: full and partial dates, ranges, months and years.

Each rule is a regex plus a handler that turns the match into a TIMEX3 value; year-less dates take
their year from an explicit date earlier in the paragraph or from the document date, on the side
the tense points to.
"""

from __future__ import annotations

import re
from datetime import date

from briefing.text.calendar import MONTHS

from .calendar import Anchor, add_months, choose_year, fmt_day, fmt_month, safe_date
from .engine import Ctx, Result, Rule
from .lexicon import (
    DASH,
    DAY_FIRST,
    DAY_NUM,
    MONTH,
    MONTH_FULL,
    WEEKDAY,
    YEAR4,
)

ORD = r"(?:st|nd|rd|th)?"
MOD = r"(?i:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|the\s+close\s+of)[\s-]+)"


def month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _range_end(start: date, m2: int | None, d2: int | None) -> date | None:
    """End of "January 30 - February 2" / "January 13-14": same year, rolling over December."""
    if d2 is None:
        return None
    month = m2 or start.month
    year = start.year + (1 if month < start.month else 0)
    end = safe_date(year, month, d2)
    if end is None or end <= start:
        return None
    return end


def _day_result(
    ctx: Ctx, m: re.Match[str], y: int | None, mo: int, d: int, m2: int | None, d2: int | None
) -> Result | None:
    s, e = m.span()
    explicit = y is not None
    if y is None:
        ref = ctx.year_anchor(s)
        if ref is None:
            end_v = None
            if d2 is not None:
                end_v = f"XXXX-{(m2 or mo):02d}-{d2:02d}"
            return Result("DATE", f"XXXX-{mo:02d}-{d:02d}", end_v, kind="monthday")
        rel = (m.groupdict().get("rel") or "").lower()
        forced = {"last": "past", "next": "future"}.get(rel)
        y = choose_year(mo, d, ref, forced or ctx.direction(s, e))
    start = safe_date(y, mo, d)
    if start is None:
        return None
    end = _range_end(start, m2, d2)
    return Result(
        "DATE",
        fmt_day(start),
        fmt_day(end) if end else None,
        Anchor(start, "D"),
        explicit,
        kind="date" if explicit else "monthday",
    )


def _h_day_ordinal(m: re.Match[str], ctx: Ctx) -> Result | None:
    d1 = int(m["d1"])
    d2 = int(m["d2"]) if m["d2"] else None
    ref = ctx.year_anchor(m.start())
    if ref is None:
        return Result("DATE", f"XXXX-XX-{d1:02d}", f"XXXX-XX-{d2:02d}" if d2 else None, kind="monthday")
    direction = ctx.direction(*m.span())
    y, mo = ref.year, ref.month
    if direction == "past" and d1 > ref.day:
        y, mo = add_months(y, mo, -1)
    elif direction == "future" and d1 < ref.day:
        y, mo = add_months(y, mo, 1)
    start = safe_date(y, mo, d1)
    if start is None:
        return None
    end = _range_end(start, None, d2)
    return Result("DATE", fmt_day(start), fmt_day(end) if end else None, Anchor(start, "D"), kind="monthday")


def _h_iso(m: re.Match[str], ctx: Ctx) -> Result | None:
    d = safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        sec = f":{m['ss']}" if m["ss"] else ""
        return Result("TIME", f"{fmt_day(d)}T{int(m['hh']):02d}:{m['mm']}{sec}", None, Anchor(d, "D"), True)
    return Result("DATE", fmt_day(d), None, Anchor(d, "D"), True, kind="date")


def _h_slash(m: re.Match[str], ctx: Ctx) -> Result | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    a, b = int(m["a"]), int(m["b"])
    day_first = (DAY_FIRST or a > 12) and b <= 12
    d = safe_date(y, b, a) if day_first else safe_date(y, a, b)
    return Result("DATE", fmt_day(d), None, Anchor(d, "D"), True, kind="date") if d else None


def _h_mdy(m: re.Match[str], ctx: Ctx) -> Result | None:
    y = int(m["y"]) if m.groupdict().get("y") else None
    if m.groupdict().get("yrel"):  # "June 4 last year"
        if ctx.dct is None:
            return Result("DATE", f"XXXX-{month_of(m['m1']):02d}-{int(m['d1']):02d}", kind="monthday")
        y = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
    m2 = month_of(m["m2"]) if m.groupdict().get("m2") else None
    d2 = int(m["d2"]) if m["d2"] else None
    return _day_result(ctx, m, y, month_of(m["m1"]), int(m["d1"]), m2, d2)


def _h_month(m: re.Match[str], ctx: Ctx) -> Result | None:
    mo = month_of(m["m1"])
    gd = m.groupdict()
    m2 = month_of(gd["m2"]) if gd.get("m2") else None
    s, e = m.span()
    y: int | None = int(gd["y"]) if gd.get("y") else None
    rel = (gd.get("rel") or gd.get("rel2") or "").lower()
    explicit = y is not None
    if y is None:
        if ctx.dct is None and rel not in ("",):
            return Result("DATE", f"XXXX-{mo:02d}", kind="month")
        ref = ctx.dct
        if ref is None:
            return Result("DATE", f"XXXX-{mo:02d}", kind="month")
        if gd.get("rel2"):
            y = ref.year + {"last": -1, "this": 0, "next": 1}[gd["rel2"].lower()]
        elif rel in ("last", "past"):
            y = ref.year if mo < ref.month else ref.year - 1
        elif rel in ("next", "coming"):
            y = ref.year if mo > ref.month else ref.year + 1
        elif rel == "this":
            y = ref.year
        else:
            y = choose_year(mo, None, ref, ctx.direction(s, e))
    end = None
    if m2 is not None:
        ey = y + (1 if m2 < mo else 0)
        end = fmt_month(ey, m2)
    kind = "month_rel" if rel else "month"
    return Result("DATE", fmt_month(y, mo), end, Anchor(date(y, mo, 1), "M"), explicit, kind=kind)


_MONTH_GUARD_PREV = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|through|during|before|after|early|late|mid|last|next|this|"
    r"that|each|every|between|and|or|to|on|the|until|for)\s+|mid-)$",
    re.IGNORECASE,
)


def _g_month(m: re.Match[str], text: str) -> bool:
    """ "May" and "March" are also a verb and a noun: accept them only in a date-like context."""
    word = m["m1"].rstrip(".")
    gd = m.groupdict()
    if gd.get("rel") or gd.get("mod") or gd.get("rel2") or gd.get("mod2") or gd.get("mod3"):
        return True
    if word.lower() in ("may", "march") or len(word) <= 3:
        return bool(_MONTH_GUARD_PREV.search(text[max(0, m.start() - 12) : m.start()]))
    return True


def _g_not_time(m: re.Match[str], text: str) -> bool:
    return not re.match(r"\s*(?::\d|%|\.\d|,\d{3})", text[m.end() :])


_COUNT_NOUNS = re.compile(
    r"\s+(?:people|persons|troops|workers|soldiers|jobs|employees|members|units|cars|vehicles|homes|houses|"
    r"votes|times|miles|feet|foot|meters|metres|tons|tonnes|barrels|points|shares|students|children|cases|"
    r"deaths|dollars|yen|won|euros|pounds|copies|acres|kilometers|km|residents|users|companies|patients|"
    r"households|civilians|refugees|applicants|seats|delegates|officers|police|policemen|words|pages|"
    r"others|more|rounds|hectares|sq|square|cubic|[a-z]+-year-old)\b",
    re.IGNORECASE,
)


def _g_year(m: re.Match[str], text: str) -> bool:
    before = text[max(0, m.start() - 8) : m.start()]
    if re.search(r"(?:[$€£¥#]|No\.?\s*|No\s|Room\s|Flight\s|Route\s|[Nn]umber\s)$", before):
        return False
    after = text[m.end() : m.end() + 30]
    if re.match(r"(?:[%°]|\.\d|,\d|:\d|\s*(?:percent|per\s+cent))", after):
        return False
    return not _COUNT_NOUNS.match(after)


def _h_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    y = int(m["y"])
    y2 = m["y2"]
    end = None
    if y2:
        ey = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if ey <= y:
            return (
                None
                if len(y2) == 2
                else Result("DATE", str(y), None, Anchor(date(y, 1, 1), "Y"), True, kind="year")
            )
        end = f"{ey:04d}"
    return Result("DATE", f"{y:04d}", end, Anchor(date(y, 1, 1), "Y"), True, kind="year")


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


_DAY1 = rf"(?P<d1>{DAY_NUM}){ORD}(?!\d)"
_DAY2 = rf"(?P<d2>{DAY_NUM}){ORD}(?!\d)"
_WD = rf"(?:(?:{WEEKDAY}),?\s+)?"
_SEP = rf"(?:{DASH}|\s+and\s+)"
_YRANGE_SEP = r"\s*(?:-|–|—|‑|/|to|through|until)\s*"

_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"


def _h_word_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    from .lexicon import number_value

    if m["thousand"]:
        rest = number_value(m["rest"]) if m["rest"] else 0
        y = 2000 + int(rest or 0)
    else:
        hi = number_value(m["hi"])
        lo = number_value(m["lo"])
        if hi is None or lo is None:
            return None
        y = int(hi) * 100 + int(lo)
    return Result("DATE", f"{y:04d}", None, Anchor(date(y, 1, 1), "Y"), True, kind="year")


RULES: list[Rule] = [
    Rule(
        "word_year",
        _c(
            rf"\b(?:(?P<hi>nineteen|eighteen)[\s-]+(?P<lo>(?:{_TENS})(?:[\s-]+(?:{_ONES}))?|{_TEENS})|(?:the\s+year\s+)?(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest>{_ONES}|{_TEENS}))?)\b",
            re.I,
        ),
        _h_word_year,
        lambda m, t: bool(m["hi"]) or "year" in m.group(0).lower() or bool(m["rest"]),
    ),
    Rule(
        "iso",
        _c(
            rf"\b(?P<y>{YEAR4})-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?:[T\s]+(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?\b"
        ),
        _h_iso,
    ),
    Rule(
        "slash",
        _c(
            r"\b(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[/.])(?P<b>0?[1-9]|[12]\d|3[01])(?P=sep)"
            r"(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\d.]\d)"
        ),
        _h_slash,
    ),
    Rule(
        "mdy",
        _c(
            rf"{_WD}(?P<m1>{MONTH})\.?\s*{_DAY1}(?:{_SEP}(?:(?P<m2>{MONTH})\.?\s*)?{_DAY2})?(?:,\s*|\s+)(?P<y>{YEAR4})(?!\d)"
        ),
        _h_mdy,
    ),
    Rule(
        "dmy",
        _c(
            rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{_DAY1}(?:{_SEP}(?:the\s+)?{_DAY2})?\s+(?:of\s+)?(?P<m1>{MONTH})\.?(?:,?\s*(?P<y>{YEAR4}))?(?!\d)"
        ),
        _h_mdy,
        _g_not_time,
    ),
    Rule(
        "md",
        _c(
            rf"(?i:(?P<rel>last|next|this)\s+)?{_WD}(?P<m1>{MONTH})\.?\s*{_DAY1}(?:{_SEP}(?:(?P<m2>{MONTH})\.?\s*)?{_DAY2})?(?!\d|:\d)"
            r"(?i:,?\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b)?"
        ),
        _h_mdy,
        _g_not_time,
    ),
    Rule(
        "day_ordinal",
        _c(
            rf"(?:(?<=\b[Oo]n\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bfrom\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\btill\s)|(?<=\bthrough\s))the\s+(?P<d1>{DAY_NUM})(?:st|nd|rd|th)(?:{_SEP}(?:the\s+)?(?P<d2>{DAY_NUM})(?:st|nd|rd|th))?(?![\w-])(?!\s+(?:century|anniversary|floor|time|round|day|annual|year|place|amendment|congress|division|army|fleet|district|session|edition|birthday))"
        ),
        _h_day_ordinal,
    ),
    Rule(
        "month_year",
        _c(rf"{MOD}?(?P<m1>{MONTH})(?:{_YRANGE_SEP}(?P<m2>{MONTH}))?(?:,?\s+(?:of\s+)?)(?P<y>{YEAR4})(?!\d)"),
        _h_month,
    ),
    Rule(
        "month",
        _c(
            rf"(?i:{MOD}|(?P<mod2>mid)-)?(?i:(?P<rel>last|next|this|coming|past)\s+)?(?i:(?P<mod3>early|mid|late)[\s-]+)?(?P<m1>{MONTH_FULL}|(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.(?!\s*\d))(?i:\s+(?P<rel2>last|this|next)\s+year)?"
        ),
        _h_month,
        _g_month,
    ),
    Rule(
        "year",
        _c(
            rf"(?:(?<=\bmid-)|(?<=\bpost-)|(?<=\bpre-)|(?<![\w$€£#.,/\-‑]))(?:(?:fiscal|FY|calendar|fiscal\s+year)\s*)?(?P<y>{YEAR4})(?:{_YRANGE_SEP}(?P<y2>{YEAR4}|\d\d))?(?![\w%]|[.,]\d|-year|‑year)"
        ),
        _h_year,
        _g_year,
    ),
    Rule("year_between", _c(rf"(?<=between\s)(?P<y>{YEAR4})\s+and\s+(?P<y2>{YEAR4})(?!\d)"), _h_year),
]


__all__ = ["RULES", "month_of", "add_months"]
