"""Word lists and regex fragments of English date language (months, weekdays, numbers, seasons).

Kept apart from the rules so a new spelling ("Sept.", "Thurs.") is added in one place and every
rule that mentions a month or a number picks it up.
"""

from __future__ import annotations

from briefing.text.calendar import MONTHS, WEEKDAYS

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

UNITS: dict[str, str] = {  # unit word -> TIMEX3 duration letter (time units prefixed with T later)
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "fortnight": "W",
}
TIME_UNITS = {"second", "minute", "hour"}

# All-number dates ("14/01/2026") are read day first, as most English-language news outside the
# US writes them; a first number above 12 can only be a day and a second above 12 only a day.
# The document-date reader uses the same default.
DAY_FIRST = True

ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
VAGUE_QUANTITIES = {"several", "a few", "few", "many", "some", "a couple of", "couple of", "a number of"}

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "last": 4,
}


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> str:
    """Alternation of Title-case and UPPER-case forms: month names are proper nouns in news text."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return _alt(sorted(forms))


_MONTH_FULL = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_MONTH_ABBR = [w for w in MONTHS if w not in _MONTH_FULL]
# "Jan." "Jan" "Sept." but never the modal "may" (lower case) and not "Mar" inside "Marine" (\b)
MONTH = rf"(?:(?:{_cased(_MONTH_FULL)})\b|(?:{_cased(_MONTH_ABBR)})(?:\.|\b))"
MONTH_FULL = rf"(?:{_cased(_MONTH_FULL)})\b"
WEEKDAY = rf"(?:(?:{_cased([w for w in WEEKDAYS if len(w) > 5])})\b|(?:{_cased(['mon', 'tues', 'tue', 'wed', 'thurs', 'thur', 'thu', 'fri', 'sat'])})\.)"
SEASON = rf"(?:{_alt(list(SEASONS))})"
PART_OF_DAY = rf"(?:{_alt(list(PARTS_OF_DAY))})"
UNIT = rf"(?:{_alt(list(UNITS))})"
UNITS_PLURAL = (
    r"(?:seconds|minutes|hours|days|weeks|weekends|months|quarters|years|decades|centuries|fortnights)"
)
NUMBER_WORD = (
    rf"(?:(?:{_alt(list(TENS))})(?:[- ](?:{_alt([w for w in ONES if ONES[w] and ONES[w] < 10])}))?"
    rf"|{_alt(list(ONES))}|hundred|a hundred|a thousand|dozen|a dozen)"
)
NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a|an|one and a half|a half)"
VAGUE = rf"(?:{_alt(sorted(VAGUE_QUANTITIES))})"
ORDINAL = rf"(?:{_alt(list(ORDINALS))})"
DASH = r"\s*(?:-|–|—|‑|‐|to|through|thru|until|till)\s*"  # range separators
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])"
DAY_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"


def number_value(word: str) -> float | None:
    """Return the number a numeral or number word stands for; None for vague quantities ("several")."""
    w = word.lower().strip().replace(",", "")
    if not w:
        return None
    half = 0.0
    if w.endswith("and a half"):
        half, w = 0.5, w[: -len("and a half")].strip()
    if w in ("a half", "half"):
        return 0.5
    if w in ("one and a half",):
        return 1.5
    m = w.split()
    if len(m) == 2 and "/" in m[1]:
        num, den = m[1].split("/")
        try:
            return float(m[0]) + int(num) / int(den)
        except ValueError:
            return None
    try:
        return float(w) + half
    except ValueError:
        pass
    if w in ("a", "an", "one"):
        return 1 + half
    if w in ("dozen", "a dozen"):
        return 12
    if w in ("hundred", "a hundred"):
        return 100
    if w == "a thousand":
        return 1000
    if w in ONES:
        return ONES[w] + half
    parts = w.replace("-", " ").split()
    if parts and parts[0] in TENS:
        total = TENS[parts[0]]
        if len(parts) == 2 and parts[1] in ONES:
            total += ONES[parts[1]]
        return total + half
    return None
