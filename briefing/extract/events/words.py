"""Words of a clause with their offsets, as the attachment rules read them.

A date's unit is cut from the source by offsets, so every word (and the punctuation that
bounds units: commas, dashes, brackets) keeps its position in the text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][\w'’‑-]*|\d[\w'’‑–.-]*|\s[-–—]\s|[—–]|[,;:()\[\]]")


class Token:
    """A word and its offsets; treat it as immutable. A slotted class, not a frozen dataclass,
    whose `__init__` was most of the cost of tokenising every clause; equality stays by value."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end
        self.text = text

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"

    @property
    def low(self) -> str:
        return self.text.lower()


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    return [Token(lo + m.start(), lo + m.end(), m.group()) for m in _WORD.finditer(text[lo:hi])]
