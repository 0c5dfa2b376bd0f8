"""Dates that are part of a name rather than the date of something reported."""

from __future__ import annotations

import re

from briefing.extract.timex import Timex

_PROPER_NAME_AFTER = re.compile(
    r"^\s+(?:[A-Z][a-z]+\s+){0,3}(?:Movement|Uprising|Incident|Massacre|Declaration|Accords?|Agreement|Revolution|Protests?|Attacks?|Statement|Communiqu[eé]|Act|Law|Memorial|Festival|Forum|Square)\b"
)


def part_of_name(t: Timex, text: str) -> bool:
    """ "the May 18 Democratization Movement", "the June 4 Incident": a name, not an event date."""
    return t.kind == "monthday" and bool(_PROPER_NAME_AFTER.match(text[t.end : t.end + 60]))


_NAME_HEAD_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*")  # "accord", "peace accord"
_YEAR_LINK_BEFORE = re.compile(r"\b(?:in|of)\s+$")


def fuse_named_dates(text: str, timexes: list[Timex]) -> list[Timex]:
    """A month-day that names something takes the year the phrase gives it: "the March 1 accord
    signed in 2019" is one date, 2019-03-01, not March 1 of the document's year plus 2019."""
    out: list[Timex] = []
    skip: set[int] = set()
    for i, t in enumerate(timexes):
        if i in skip:
            continue
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if (
            t.kind == "monthday"
            and nxt is not None
            and nxt.kind == "year"
            and not nxt.end_value
            and re.search(r"\bthe\s+$|['’]s\s+$", text[max(0, t.start - 6) : t.start])
            and _NAME_HEAD_AFTER.match(text, t.end)
            and nxt.start - t.end <= 60
            and not re.search(r"[.;!?]", text[t.end : nxt.start])
            and _YEAR_LINK_BEFORE.search(text[t.end : nxt.start])
            and re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", t.value)
        ):
            out.append(Timex(t.start, t.end, t.text, "DATE", nxt.value + t.value[4:], None, "date"))
            skip.add(i + 1)
            continue
        out.append(t)
    return out
