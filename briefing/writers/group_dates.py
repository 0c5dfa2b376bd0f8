"""A passage group whose heading names an event carries the event's dates: "Nara summit, 13–14 Jan 2026".

The dates come from the timeline, never from the heading's own guess: the timeline rows that
name every word of the heading ("Lee and Takaichi open the two-day Nara summit" for "Nara
summit"), are cited by the group's own sources, and have whole-day dates.  Together they must
span a week at most: two summits a year apart under one heading get no date, since any date
would be wrong for one of them.  Planned events whose date passed with no report are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from briefing.model import Event
from briefing.writers.text import format_range

# Nouns that name something that happens on a date: a heading with one of them is an event.
EVENT_NOUNS = frozenset(
    "summit talks meeting visit trip tour conference forum dialogue negotiation election vote referendum"
    " ceremony exercise drill hearing trial strike protest rally festival session congress convention".split()
)
MAX_SPAN_DAYS = 7
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    """Return the lower-case words of a text, hyphenated compounds split, plurals made singular."""
    out = set()
    for w in _WORD.findall(text.lower()):
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def _day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def dated_heading(name: str, events: Sequence[Event], sources: Iterable[str]) -> str:
    """Return `name` with the dates of the event it names, or `name` itself (see the module doc)."""
    wanted = _words(name)
    if not wanted & EVENT_NOUNS:
        return name
    cited = set(sources)
    days: list[date] = []
    for e in events:
        if e.background or e.status == "unconfirmed" or not cited & set(e.sources):
            continue
        start, end = _day(e.date), _day(e.end or e.date)
        if start is None or end is None or not wanted <= _words(e.text):
            continue
        days += [start, end]
    if not days or (max(days) - min(days)).days > MAX_SPAN_DAYS:
        return name
    lo, hi = min(days).isoformat(), max(days).isoformat()
    return f"{name}, {format_range(lo, hi if hi != lo else None, short=True)}"
