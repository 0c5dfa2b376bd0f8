"""Small text helpers every writer needs: cleaning, dates and citation labels.

Kept apart from the writers so the DOCX, PDF and HTML outputs agree on how a
date or a citation reads, and so the cleaning rules live in one place.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from briefing.model import Briefing
from briefing.text.calendar import MONTH_NAMES
from briefing.text.controls import NOT_XML

_SPACES = re.compile(r"[ \t\r\n]+")



def clean(text: str | None) -> str:
    """Return `text` without control characters and with runs of white space folded.

    Why: source text arrives with stray form feeds and NULs from scraping, which
    python-docx refuses and which would render as boxes elsewhere.  Non-breaking
    spaces (U+00A0, U+202F) are kept: they carry meaning ("Xi\u202fJinping").
    """
    if not text:
        return ""
    return _SPACES.sub(" ", NOT_XML.sub("", text)).strip()


def format_date(iso: str | None, *, short: bool = False) -> str:
    """Return a reader-facing date ("14 January 2026") for an ISO date of any precision.

    Accepts YYYY, YYYY-MM, YYYY-MM-DD and full ISO datetimes (the time is dropped:
    a briefing cites sources by day).  Anything unparseable is shown as given
    rather than hidden, because a wrong-looking date is better than a missing one.
    """
    if not iso:
        return ""
    iso = iso.strip()
    names = [m[:3] if short else m for m in MONTH_NAMES]
    if re.fullmatch(r"\d{4}", iso):
        return iso
    m = re.fullmatch(r"(\d{4})-(\d{2})", iso)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{names[int(m.group(2)) - 1]} {m.group(1)}"
    d = _parse_day(iso)
    if d is None:
        return iso
    return f"{d.day} {names[d.month - 1]} {d.year}"


def _parse_day(iso: str) -> date | None:
    try:
        return datetime.fromisoformat(iso).date()
    except ValueError:
        try:
            return date.fromisoformat(iso[:10])
        except ValueError:
            return None


def format_range(start: str | None, end: str | None, *, short: bool = False) -> str:
    """Return "12–14 Jan 2026" style ranges, or a single date when there is no end."""
    if not end or end == start:
        return format_date(start, short=short)
    a, b = _parse_day(start or ""), _parse_day(end)
    full = start is not None and len(start) >= 10 and len(end) >= 10
    if full and a and b and (a.year, a.month) == (b.year, b.month):
        return f"{a.day}\u2013{format_date(end, short=short)}"
    return f"{format_date(start, short=short)} \u2013 {format_date(end, short=short)}"


def format_timestamp(iso: str) -> str:
    """Return "19 January 2026, 07:00 UTC" for the generation time (its own zone kept)."""
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    zone = dt.tzname() or ""
    zone = "UTC" if zone in ("UTC", "UTC+00:00") else zone
    return f"{format_date(dt.date().isoformat())}, {dt:%H:%M}" + (f" {zone}" if zone else "")


def parse_timestamp(iso: str) -> datetime:
    """Return the generation time as a datetime (epoch start when unparseable).

    Writers pin every embedded timestamp to this so the same model always gives
    the same bytes.
    """
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        return datetime(2000, 1, 1)


def citation_numbers(briefing: Briefing, source_ids: tuple[str, ...] | list[str]) -> tuple[int, ...]:
    """Return the sorted, de-duplicated source-list numbers for some source ids.

    Ids the model does not know are skipped rather than crashing a build: the
    model's own consistency is the assembler's business, a reader still gets
    every citation that resolves.
    """
    numbers = set()
    for sid in source_ids:
        try:
            numbers.add(briefing.source_number(sid))
        except KeyError:
            continue
    return tuple(sorted(numbers))


def citation_label(numbers: tuple[int, ...]) -> str:
    """Return "[1][3]" — the plain-text citation every format shows."""
    return "".join(cite_text(n) for n in numbers)


def cite_text(number: int, pages: tuple[tuple[int, int], ...] = ()) -> str:
    """Return one citation as every format shows it: "[3]", or "[3, p. 4]" when the cited text is on
    a known page of source 3 (`pages` pairs source numbers with pages; a PDF source has them).
    No-break spaces: a line never breaks inside one citation."""
    for n, page in pages:
        if n == number:
            return f"[{number},\u00a0p.\u00a0{page}]"
    return f"[{number}]"


def source_anchor(number: int) -> str:
    """Return the anchor name of a source-list entry ("src-3"), shared by PDF and HTML links."""
    return f"src-{number}"
