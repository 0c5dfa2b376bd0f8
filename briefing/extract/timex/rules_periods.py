"""Rules for durations, sets (frequencies) and clock times: "almost nine years", "twice a year",
"5 p.m. EST, Nov. 6".

Typing these right matters as much as finding them: a duration mistaken for a date puts a wrong
entry on the timeline.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from briefing.text.calendar import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS

from .calendar import fmt_day, weekday_near
from .engine import Ctx, Result, Rule
from .lexicon import MONTH, NUMBER, VAGUE_QUANTITIES, WEEKDAY, number_value
from .rules_relative import _DAY_OFFSETS, _N, _QMOD, _UNIT_WORD, _c, unit_code

# ---- durations and sets --------------------------------------------------------------------------

# "every Monday", "each spring", "every January": the named periods a set can recur on.
_EVERY_NAMED = "|".join(
    [d.lower() for d in WEEKDAY_NAMES] + ["spring", "summer", "autumn", "fall", "winter", "season"] + [m.lower() for m in MONTH_NAMES]
)


def duration_value(n: float | None, unit: str) -> str:
    if unit == "DE":
        unit, n = "Y", (n * 10 if n is not None else None)
    elif unit == "CE":
        unit, n = "Y", (n * 100 if n is not None else None)
    elif unit == "WE":
        unit, n = "D", (n * 2 if n is not None else None)
    t = "T" if unit in ("S", "H") or (unit == "MIN" and n is not None) else ""
    if unit == "MIN":
        unit = "M"
    if n is None:
        return f"P{t}X{unit}"
    if n != int(n):
        sub = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "W": (7, "D"), "H": (60, "M")}.get(
            unit, (None, None)
        )
        if sub[0]:
            whole, frac = int(n), n - int(n)
            extra = round(frac * sub[0])
            if sub[1] == "H" and unit == "D":
                return f"P{whole}DT{extra}H" if whole else f"PT{extra}H"
            if unit == "H":
                return f"PT{whole}H{extra}M" if whole else f"PT{extra}M"
            return f"P{t}{whole}{unit}{extra}{sub[1]}" if whole else f"P{t}{extra}{sub[1]}"
        return f"P{t}{n:g}{unit}"
    return f"P{t}{int(n)}{unit}"


def _unit_for_duration(word: str) -> str:
    w = word.lower().rstrip("s")
    if w == "minute":
        return "MIN"
    return unit_code(word)


def _h_duration(m: re.Match[str], ctx: Ctx) -> Result | None:
    raw_n = m["n"]
    n = (
        None
        if raw_n.lower() in VAGUE_QUANTITIES
        or raw_n.lower().replace("couple of", "").strip() == "a"
        and "couple" in raw_n.lower()
        else number_value(raw_n)
    )
    if "couple" in raw_n.lower():
        n = 2.0
    unit = _unit_for_duration(m["u"])
    if unit == "Q":
        return Result("DURATION", f"P{int(n * 3)}M" if n and n == int(n) else "PXQ", kind="duration")
    return Result("DURATION", duration_value(n, unit), kind="duration")


def _g_duration(m: re.Match[str], text: str) -> bool:
    if m["u"][0].isupper() and m.start("u") > 0:
        return False  # "CBS's 60 Minutes": a name
    if m["u"].lower() == "second" and m["n"].lower() in ("a", "an"):
        return False  # "a second group": the ordinal
    if m["u"].lower().startswith("quarter") and re.match(r"\s+of\b", text[m.end() :]):
        return False  # "three-quarters of the vote": a fraction
    if m.group(0)[:2].lower() in ("a ", "an") and re.search(
        r"(?:\d|\d\s+\w+|\b(?:million|billion|percent|times|once|twice)\s*)\s+$",
        text[max(0, m.start() - 20) : m.start()],
    ):
        return False  # "$2 million a year", "700 seats a week": a rate, not a period
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", m["n"]):
        return False  # "the 1988 second quarter": a year, not a count
    after = text[m.end() : m.end() + 12].lower()
    if re.match(r"[\s-]*old\b", after) or re.match(r"-old", after):
        return False
    return True


def _h_bare_plural(m: re.Match[str], ctx: Ctx) -> Result | None:
    unit = _unit_for_duration(m["u"])
    if m["pre"] and m["pre"].lower() == "recent" and unit == "Y":
        return Result("DATE", "PAST_REF", kind="ref")
    return Result("DURATION", duration_value(None, unit if unit != "Q" else "M"), kind="duration")


_SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "biannually": "P6M",
}


def _g_set_adverb(m: re.Match[str], text: str) -> bool:
    """ "daily flights", "the Party daily Granma": an adjective or noun, not a frequency."""
    nxt = re.match(r"\s+([A-Za-z]+)", text[m.end() :])
    if nxt and nxt.group(1).lower() not in _FUNCTION_WORDS:
        return False
    return not re.search(
        r"\b(?:the|a|an|average|party|business)\s+$", text[max(0, m.start() - 12) : m.start()], re.I
    )


_FUNCTION_WORDS = {
    "in",
    "on",
    "at",
    "for",
    "and",
    "or",
    "to",
    "from",
    "by",
    "since",
    "until",
    "with",
    "during",
    "through",
    "the",
    "as",
}


def _h_set_adverb(m: re.Match[str], ctx: Ctx) -> Result | None:
    return Result("SET", _SET_ADVERBS[m["w"].lower()], kind="set")


def _h_weekday_plural(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "on Mondays", "Tuesday nights": a weekly recurrence."""
    wd = WEEKDAYS[m["wd"].lower()]
    part = m["part"].lower().rstrip("s") if m["part"] else ""
    suffix = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get(part, "")
    return Result("SET", f"XXXX-WXX-{wd}{suffix}", kind="set")


def _h_set_every(m: re.Match[str], ctx: Ctx) -> Result | None:
    word = m["u"].lower()
    if word in MONTHS:
        return Result("SET", f"XXXX-{MONTHS[word]:02d}", kind="set")
    if word.rstrip("s") in WEEKDAYS:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[word.rstrip('s')]}", kind="set")
    if word in ("spring", "summer", "autumn", "fall", "winter", "season"):
        return Result(
            "SET",
            "XXXX-"
            + {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}.get(word, "XX"),
            kind="set",
        )
    n = number_value(m["n"]) if m["n"] else 1
    unit = _unit_for_duration(word)
    return Result("SET", duration_value(n, unit), kind="set")


def _h_clock(m: re.Match[str], ctx: Ctx) -> Result | None:
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "").strip()
    if h > 12 and ap:
        return None
    if ap == "pm" and h != 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    day = _attached_day(m, ctx) or ctx.ref("D", m.start())
    prefix = fmt_day(day) if day else "XXXX-XX-XX"
    return Result("TIME", f"{prefix}T{h:02d}:{mi:02d}", kind="clock")


def _h_noon(m: re.Match[str], ctx: Ctx) -> Result | None:
    day = _attached_day(m, ctx) or ctx.dct
    prefix = fmt_day(day) if day else "XXXX-XX-XX"
    return Result("TIME", prefix + ("T12:00" if m["w"].lower() == "noon" else "T24:00"), kind="clock")


_DAY_SUFFIX = (
    rf"(?:,?\s+(?:on\s+)?(?-i:(?P<wd>{WEEKDAY}))|,?\s+(?:on\s+)?(?-i:(?P<mo>{MONTH}))\.?\s*(?P<md>[12]\d|3[01]|0?[1-9])(?!\d)"
    r"(?:,\s*(?P<yr>(?:1[5-9]|20)\d\d)(?!\d))?"
    r"|\s+(?P<dei>today|yesterday|tomorrow))?"
)


def _attached_day(m: re.Match[str], ctx: Ctx) -> date | None:
    """The day a clock time is attached to ("5 p.m. EST, Nov. 6", "noon Thursday"), else None."""
    from .calendar import choose_year, safe_date

    g = m.groupdict()
    if g.get("mo") and g.get("yr"):  # "9 p.m. on Aug. 15, 1945": the year is stated
        return safe_date(int(g["yr"]), MONTHS[m["mo"].lower().rstrip(".")], int(m["md"]))
    if ctx.dct is None or not (g.get("wd") or g.get("mo") or g.get("dei")):
        return None
    if m["wd"]:
        return weekday_near(
            ctx.dct, WEEKDAYS[m["wd"].lower().rstrip(".")], ctx.direction(*m.span()) or "past"
        )
    if m["mo"]:
        mo, d = MONTHS[m["mo"].lower().rstrip(".")], int(m["md"])
        return safe_date(choose_year(mo, d, ctx.dct, ctx.direction(*m.span())), mo, d)
    if m["dei"]:
        return ctx.dct + timedelta(days=_DAY_OFFSETS[m["dei"].lower()])
    return None


RULES: list[Rule] = [
    Rule(
        "weekday_plural",
        _c(
            rf"\b(?P<wd>{'|'.join(WEEKDAY_NAMES)})(?:s\b|\s+(?P<part>mornings|afternoons|evenings|nights)\b)",
            0,
        ),
        _h_weekday_plural,
    ),
    Rule(
        "duration",
        _c(
            rf"\b(?:(?:the|each\s+of\s+the|at\s+least\s+the)\s+)?(?:(?:past|last|next|first|coming|previous|following|final|latest|remaining|initial|prior|recent|entire|whole)\s+)?{_QMOD}{_N}(?:\s+(?:to|or)\s+(?:{NUMBER}))?[\s-]+(?:more\s+|additional\s+|long\s+|full\s+|straight\s+|consecutive\s+|trading\s+|business\s+|working\s+)?(?P<u>{_UNIT_WORD})s?(?:[\s-]+long)?\b(?!-old|\s+old)"
        ),
        _h_duration,
        _g_duration,
    ),
    Rule(
        "bare_plural",
        _c(
            r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bwithin\s)|(?<=\bover\s)|\b(?P<pre>recent|coming|the\s+coming|the\s+past|past)\s+)(?P<u>years|months|weeks|days|decades|centuries|hours|minutes)\b"
        ),
        _h_bare_plural,
    ),
    Rule(
        "set_adverb",
        _c(r"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|biannually)\b"),
        _h_set_adverb,
        _g_set_adverb,
    ),
    Rule(
        "set_every",
        _c(
            rf"\b(?:every|each|per)\s+(?:other\s+)?(?:(?P<n>\d+|two|three|four|five|six|ten)\s+)?(?P<u>{_UNIT_WORD}s?|{_EVERY_NAMED})\b"
        ),
        _h_set_every,
    ),
    Rule(
        "set_times",
        _c(rf"\b(?:once|twice|times)\s+(?P<x>(?:a|an|per|every)\s+(?P<u>{_UNIT_WORD}))\b"),
        lambda m, c: Result("SET", duration_value(1, _unit_for_duration(m["u"])), kind="set"),
        group="x",
    ),
    Rule(
        "clock",
        _c(
            r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am\b|pm\b)(?:\s+(?:EST|EDT|GMT|UTC|ET|PT|PST|PDT|KST|JST|local\s+time)\b)?"
            + _DAY_SUFFIX
        ),
        _h_clock,
    ),
    Rule(
        "clock24",
        _c(r"(?<![\d:])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?P<ap>)(?![\d:])"),
        _h_clock,
    ),
    Rule("noon", _c(r"\b(?P<w>noon|midnight)\b" + _DAY_SUFFIX), _h_noon),
]

__all__ = ["RULES", "duration_value"]
