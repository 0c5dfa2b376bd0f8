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


def _yearless(t: Timex) -> tuple[int, int] | None:
    """(month, day) of a year-less date as tagged without a DCT ("XXXX-01-13"); day 1 for months."""
    m = re.match(r"^XXXX-(\d{2})(?:-(\d{2}))?$", t.end_value or t.value)
    if not m or t.kind not in _PLACED:
        return None
    return int(m.group(1)), int(m.group(2) or 1)


_HISTORY = re.compile(
    r"\b(?:anniversary|anniversaries|centenary|centennial|commemorat\w*|years\s+ago|decades?\s+ago)\b",
    re.IGNORECASE,
)


def _historical(text: str, t: Timex) -> bool:
    """A date the text frames as history ("the 1910 annexation, whose anniversary ..."), which says
    nothing about when the text was written."""
    lo = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start), 0)
    hi_candidates = [i for i in (text.find(". ", t.end), text.find("\n", t.end)) if i != -1]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return bool(_HISTORY.search(text, lo, hi))


def infer_published_text(text: str) -> str | None:
    """Return YYYY-MM-DD: the latest date the text reports as past, or None when nothing is safe.

    The answer must be a fixed point: normalising the text against it, the latest past event
    falls on it. Candidates are tried from the earliest the explicit dates allow. Only dates given
    with a month or day and an explicit year count as evidence: a bare year ("in 1910", "by 2030")
    or a date framed as history ("the 1910 annexation's anniversary") never dates a document, so
    an undated report on a commemoration is left undated rather than dated to the past it recalls.
    """
    first = tag(text, None)
    recent = [t for t in first if _yearless(t) and not _historical(text, t)]
    # a bare year frames year-less dates ("began 2026 ... from January 4-7"); alone it may be history
    kinds = ("date", "month", "year") if recent else ("date", "month")
    evidence = [t for t in first if t.kind in kinds and _explicit_year(t) and not _historical(text, t)]
    if not evidence:
        return None
    years_all = [y for t in first if (y := _explicit_year(t)) and (t in evidence or t.kind == "year")]
    # explicit month or day dates ("June 2025", "Dec 4, 2025") are rarely far-future targets; bare
    # years often are ("by 2030"), so they may exceed the latest precise year by one at most
    precise = [y for t in evidence if (y := _explicit_year(t)) and t.kind != "year"]
    past = [y for t in first if (y := _explicit_year(t)) and direction(text, t.start, t.end) != "future"]
    base = max(precise) if precise else (max(past) if past else max(years_all))
    year = max((y for y in years_all if y <= base + 1), default=base)
    floor = date(year, 1, 1)
    for t in evidence:  # an explicit date reported as past: the document cannot be older
        if t.kind != "year" and direction(text, t.start, t.end) != "future":
            d = _lower_bound((t.end_value or t.value)[:10])
            if d and d > floor:
                floor = d
    candidates = {floor}
    for t in first:
        md = _yearless(t)
        if md and direction(text, t.start, t.end) != "future":
            for y in (floor.year, floor.year + 1):
                try:
                    d = date(y, *md)
                except ValueError:
                    continue
                if d >= floor:
                    candidates.add(d)
    for c in sorted(candidates)[:40]:
        if _latest_happened(text, tag(text, c.isoformat())) == c:
            return c.isoformat()
    guess = _latest_happened(text, tag(text, floor.isoformat())) or floor
    final = _latest_happened(text, tag(text, guess.isoformat())) or guess
    return final.isoformat()
