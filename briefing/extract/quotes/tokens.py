"""Word tokens with offsets, and the shape tests the attribution rules share.

The rules look at words around a quotation (is it capitalised, a reporting
verb, a title?) and must hand back exact offsets, so every token keeps its
position in the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word keeps inner apostrophes, hyphens and dots ("Lee’s", "Sung-lac", "U.S"); anything else is one char.
_TOKEN = re.compile(r"\w(?:[\w’'\-.]*\w)?|[^\w\s]")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def bare(self) -> str:
        """The word without a possessive ending ("Lee’s" -> "Lee")."""
        return re.sub(r"[’']s$", "", self.text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of text[start:end] with offsets into `text`."""
    end = len(text) if end is None else end
    return [Token(m.group(0), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]


def is_possessive(tok: Token) -> bool:
    return bool(re.search(r"[’']s$", tok.text)) or tok.text.endswith("s’")
