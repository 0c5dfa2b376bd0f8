"""Edition dates and the briefing period (`--date`, `--since`, `--window 7d`).

Parsed here rather than in the CLI so the rules (what a window means, which day is
inclusive, what `generated_at` becomes) are in one place and tested directly.
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime, timedelta

MAX_WINDOW_DAYS = 36_525  # a century; longer is a typo (and would run off the calendar)
# An edition's date becomes the DOCX files' ZIP timestamps, which can only say 1980-2107.
EDITION_YEARS = (1980, 2107)
_WINDOW = re.compile(r"^\s*(\d+)\s*([dw])\s*$", re.IGNORECASE)


def parse_date(text: str) -> date:
    """Return the date written as YYYY-MM-DD; ValueError with the expected form otherwise."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-01-19") from None


def parse_window(text: str) -> timedelta:
    """Return the length of a window written as `7d` (days) or `2w` (weeks).

    Only whole days and weeks: documents carry dates, rarely reliable times.
    """
    m = _WINDOW.match(text)
    if not m:
        raise ValueError(f"'{text}' is not a window; use a number of days or weeks, e.g. 7d or 2w")
    digits = m.group(1).lstrip("0") or "0"
    days = int(digits) * (7 if m.group(2).lower() == "w" else 1) if len(digits) <= 7 else MAX_WINDOW_DAYS + 1
    if days <= 0:
        raise ValueError(f"'{text}' is not a window; it must be at least 1 day")
    if days > MAX_WINDOW_DAYS:
        raise ValueError(f"'{text}' is too long a window; use at most {MAX_WINDOW_DAYS} days (100 years)")
    return timedelta(days=days)


def resolve_period(
    edition_date: date, since: date | None = None, window: timedelta | None = None
) -> tuple[str | None, str | None]:
    """Return (period_start, period_end) as ISO dates for the assembler.

    The period ends on the edition date.  `--window 7d` on Monday 2026-01-19 starts on
    Monday 2026-01-12, both ends inclusive: the one-day overlap with the previous weekly
    edition means an article published on the morning of last week's run, after it
    finished, is not lost.  Without `--since`/`--window` the period is open (None, None),
    i.e. the whole corpus.
    """
    if since is not None and window is not None:
        raise ValueError("give either --since or --window, not both")
    if since is not None:
        if since > edition_date:
            raise ValueError(f"--since {since} is after the edition date {edition_date}")
        return since.isoformat(), edition_date.isoformat()
    if window is not None:
        return (edition_date - window).isoformat(), edition_date.isoformat()
    return None, None


# News reports what happened in the days before it was published: a meeting on Monday is the news of
# Wednesday's article, not history. A week, the cycle of a weekly edition.
LEAD_IN_DAYS = 7


def corpus_period(dates: list[str]) -> tuple[str | None, str | None]:
    """Return the period a briefing covers without `--since`/`--window`: from a week before the
    earliest dated document (LEAD_IN_DAYS) to the latest one. Events before it are background
    (history); events in the lead-in week are what the first sources report as news, so an event
    the day before the first article is not labelled history."""
    if not dates:
        return None, None
    first = date.fromisoformat(min(dates)[:10]) - timedelta(days=LEAD_IN_DAYS)
    return first.isoformat(), max(dates)[:10]


def generated_at_for(edition_date: date | None, now: datetime | None = None) -> str:
    """Return the `generated_at` stamp of an edition.

    With an explicit `--date` it is midnight UTC of that date, so rebuilding the same
    edition from the same inputs produces identical bytes; without one it is the current
    time (UTC, whole seconds), which is what a reader of a scheduled edition wants to see.
    """
    if edition_date is not None:
        return datetime(edition_date.year, edition_date.month, edition_date.day, tzinfo=UTC).isoformat()
    return (now or datetime.now(UTC)).replace(microsecond=0).isoformat()


def date_arg(text: str) -> date:
    """argparse `type=` for `--date`/`--since`: the parse error becomes the usage message."""
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def edition_date_arg(text: str) -> date:
    """argparse `type=` for `--date`: a date, within the years an edition's files can carry."""
    day = date_arg(text)
    if not EDITION_YEARS[0] <= day.year <= EDITION_YEARS[1]:
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside {EDITION_YEARS[0]}-{EDITION_YEARS[1]}, the years a DOCX (ZIP) file can "
            "record; use a date in that range"
        )
    return day


def window_arg(text: str) -> timedelta:
    """argparse `type=` for `--window`."""
    try:
        return parse_window(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
