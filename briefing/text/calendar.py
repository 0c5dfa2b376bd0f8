"""Month and weekday names as English news writes them, in full and abbreviated.

The one table every stage reads: the date tagger resolves "Sept. 3", the splitter knows
"Jan." ends no sentence, the name finder knows "March" opens no name, and the writers print
"14 January 2026".
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Abbreviations as news prints them ("Jan.", "Sept."); May, June and July are not abbreviated.
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Lower-case month word (full or abbreviated) -> month number.
MONTHS: dict[str, int] = {
    name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)
} | _MONTH_ABBREVIATIONS
MONTH_ABBREVIATIONS = frozenset(_MONTH_ABBREVIATIONS)
MONTH_WORDS = frozenset(MONTHS)

WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

_WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}

# Lower-case weekday word (full or abbreviated) -> ISO weekday number.
WEEKDAYS: dict[str, int] = {
    name.lower(): n for n, name in enumerate(WEEKDAY_NAMES, start=1)
} | _WEEKDAY_ABBREVIATIONS
WEEKDAY_ABBREVIATIONS = frozenset(_WEEKDAY_ABBREVIATIONS)
# Only the full names: "Sat" and "Sun" are also names and words ("Sun Yat-sen").
FULL_WEEKDAY_WORDS = frozenset(name.lower() for name in WEEKDAY_NAMES)
