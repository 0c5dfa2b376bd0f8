"""Date an undated document from its own reports: the latest thing it says has happened.

Year-less dates ("January 7") are placed with the explicit years the text gives; a year that only
appears in a forward-looking clause ("by 2030") may not pull them into the future.
"""

from __future__ import annotations

import re
from datetime import date

from briefing.extract.timex import Timex, tag
from briefing.extract.timex.tense import direction

from .filters import part_of_name

_FULL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_EXPLICIT = {"date", "year", "month"}
_PLACED = {"date", "monthday", "month", "year"}


def _explicit_year(t: Timex) -> int | None:
    m = re.match(r"^(\d{4})", t.value)
    if not m or t.kind not in _EXPLICIT or not re.search(r"\d{4}", t.text):
        return None
    return int(m.group(1))


def _lower_bound(value: str) -> date | None:
    m = _FULL.match(value)
    if not m:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _latest_happened(text: str, timexes: list[Timex]) -> date | None:
    best: date | None = None
    for t in timexes:
        if t.kind not in _PLACED:
            continue  # "this June", "yesterday": relative to the very date being inferred
        value = t.end_value or t.value
        d = _lower_bound(value[:10])
        if d is None or part_of_name(t, text) or direction(text, t.start, t.end) == "future":
            continue
        if best is None or d > best:
            best = d
    return best


def infer_published_text(text: str) -> str | None:
    """Return YYYY-MM-DD: the latest date the text reports as past, or None when it gives no year."""
    first = tag(text, None)
    years_all = [y for t in first if (y := _explicit_year(t))]
    if not years_all:
        return None
    # explicit month or day dates ("June 2025", "Dec 4, 2025") are rarely far-future targets; bare
    # years often are ("by 2030"), so they may exceed the latest precise year by one at most
    precise = [y for t in first if (y := _explicit_year(t)) and t.kind in ("date", "month")]
    past = [y for t in first if (y := _explicit_year(t)) and direction(text, t.start, t.end) != "future"]
    base = max(precise) if precise else (max(past) if past else max(years_all))
    year = max(y for y in years_all if y <= base + 1) if any(y <= base + 1 for y in years_all) else base
    explicit_days = [d for t in first if t.kind == "date" and (d := _lower_bound(t.value)) and d.year == year]
    anchor = max(explicit_days) if explicit_days else date(year, 1, 1)
    guess = _latest_happened(text, tag(text, anchor.isoformat())) or anchor
    final = _latest_happened(text, tag(text, guess.isoformat())) or guess
    return final.isoformat()
