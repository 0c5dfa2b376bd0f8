"""Calendar arithmetic on TIMEX3 values: shifting by units, ISO weeks, choosing a year by direction.

Normalising "last December" or "Tuesday" is mostly arithmetic relative to an anchor date; doing it
in one place keeps the rules short and the year-rollover cases (January documents) right.
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Anchor:
    """A resolved calendar point with its precision: "Y", "M" or "D" (reference time for "later")."""

    day: date
    precision: str


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12) or y < 1 or y > 9999:
        return None
    if not 1 <= d <= _cal.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def shift(anchor: date, n: int, unit: str) -> date:
    """Move `anchor` by n units (D, W, M, Y, Q, DE, CE); month ends are clamped."""
    if unit == "D":
        return anchor + timedelta(days=n)
    if unit in ("W", "WE"):
        return anchor + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return anchor
    y, m = add_months(anchor.year, anchor.month, n * months)
    d = min(anchor.day, _cal.monthrange(y, m)[1])
    return date(y, m, d)


def at_precision(d: date, unit: str) -> str:
    """Format `d` at the granularity an expression in `unit` speaks of ("two weeks ago" -> a week)."""
    if unit == "D":
        return fmt_day(d)
    if unit in ("W", "WE"):
        return fmt_week(d)
    if unit == "M":
        return fmt_month(d.year, d.month)
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


CLOSE_DAYS = 30


def choose_year(month: int, day: int | None, ref: date, direction: str | None) -> int:
    """Year of a month (and day) given without one: the side of `ref` the tense points to.

    past -> the latest such date not after ref; future -> the earliest not before ref;
    no tense -> the nearest to ref (ties go to ref's year).
    """
    if day is not None:
        near = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
        close = [d for d in near if abs((d - ref).days) <= CLOSE_DAYS]
        if (
            close
        ):  # a date within a few weeks of the anchor: the tense reading is less reliable than proximity
            return min(close, key=lambda d: abs((d - ref).days)).year
    best: tuple[float, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = safe_date(y, month, day or 1)
        if d is None:
            d = safe_date(y, month, 28)
            if d is None:
                continue
        if day is None:
            lo, hi = date(y, month, 1), date(y, month, _cal.monthrange(y, month)[1])
        else:
            lo = hi = d
        if direction == "past" and lo > ref:
            continue
        if direction == "future" and hi < ref:
            continue
        if lo <= ref <= hi:
            dist = 0.0
        else:
            dist = min(abs((lo - ref).days), abs((hi - ref).days)) + (0.5 if y != ref.year else 0)
        if direction == "past":
            dist = (ref - lo).days
        elif direction == "future":
            dist = max(0, (lo - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else ref.year


def weekday_near(ref: date, weekday: int, direction: str | None) -> date:
    """The given ISO weekday on the side of `ref` the tense points to (same day counts)."""
    back = (ref.isoweekday() - weekday) % 7
    fwd = (weekday - ref.isoweekday()) % 7
    if direction == "future":
        return ref + timedelta(days=fwd)
    if direction == "past":
        return ref - timedelta(days=back)
    return ref + timedelta(days=fwd) if fwd < back else ref - timedelta(days=back)


_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def value_to_anchor(value: str) -> Anchor | None:
    """The calendar point of a TIMEX3 value (first day of a month or year), None when not calendar."""
    m = _VALUE.match(value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = safe_date(y, int(m.group(2)), int(m.group(3)))
        return Anchor(d, "D") if d else None
    if m.group(2):
        mo = int(m.group(2))
        return Anchor(date(y, mo, 1), "M") if 1 <= mo <= 12 else None
    if re.match(r"^\d{4}$", value):
        return Anchor(date(y, 1, 1), "Y")
    return None
