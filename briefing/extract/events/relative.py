"""Events dated only relative to the previous sentence: "This comes just six days after his
four-day state visit to China" puts the visit's end six days before what "this" refers to.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from briefing.extract.timex.lexicon import NUMBER, number_value

_AFTER = re.compile(
    rf"^(?:This|It|That|The\s+\w+)\b[^.;]*?\b(?P<n>{NUMBER})\s+days?\s+(?P<dir>after|before)\s+"
    rf"(?:(?:his|her|their|its|the|a)\s+)(?:(?P<m>{NUMBER})[-‑ ]day\s+)?",
    re.IGNORECASE,
)


def relative_span(clause: str, previous: str | None) -> tuple[str, str | None] | None:
    """(date, end) of the event a "This comes N days after his M-day X" clause dates, or None."""
    if not previous or len(previous) != 10:
        return None
    m = _AFTER.match(clause)
    if not m:
        return None
    n = number_value(m["n"])
    length = number_value(m["m"]) if m["m"] else 1
    if n is None or length is None or n != int(n) or length != int(length) or length < 1:
        return None
    ref = date.fromisoformat(previous)
    if m["dir"].lower() == "after":
        end = ref - timedelta(days=int(n))
        start = end - timedelta(days=int(length) - 1)
    else:
        start = ref + timedelta(days=int(n))
        end = start + timedelta(days=int(length) - 1)
    return start.isoformat(), (end.isoformat() if end != start else None)


def relative_phrase(clause: str) -> int:
    """Offset in `clause` where the event that "N days after X" dates begins (X), or 0."""
    m = _AFTER.match(clause)
    if not m:
        return 0
    return m.end("dir") + len(clause[m.end("dir") :]) - len(clause[m.end("dir") :].lstrip())
