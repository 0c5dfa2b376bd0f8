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
