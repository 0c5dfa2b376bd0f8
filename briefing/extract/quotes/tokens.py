"""Word tokens with offsets, and the shape tests the attribution rules share.

The rules look at words around a quotation (is it capitalised, a reporting
verb, a title?) and must hand back exact offsets, so every token keeps its
position in the paragraph.
"""

from __future__ import annotations

import re

from briefing.text.abbreviations import ABBREVIATIONS

# A word keeps inner apostrophes, hyphens and dots ("Lee’s", "Sung-lac", "U.S"); anything else is one char.
_TOKEN = re.compile(r"\w(?:[\w’'\-./]*\w)?|[^\w\s]")


class Token:
    """One token and its offsets; treat it as immutable. A plain slotted class rather than a frozen
    dataclass: every document is tokenised several times, and a frozen dataclass's `__init__` (one
    `object.__setattr__` per field) was most of the cost. Equality and hashing stay by value."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        self.start = start
        self.end = end

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, start={self.start!r}, end={self.end!r})"

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
        text = self.text
        return text[:-2] if text.endswith(_POSSESSIVE) else text


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of text[start:end] with offsets into `text`.

    The quote and statement finders tokenise the same lines (a line without quotes is its own
    masked form), so the last few results are kept; each caller gets its own list.
    """
    end = len(text) if end is None else end
    key = (text, start, end)
    found = _RECENT.get(key)
    if found is None:
        found = [
            Token(m.group(0), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])
        ]
        if end - start <= _RECENT_MAX_CHARS:
            if len(_RECENT) >= _RECENT_KEEP:
                del _RECENT[next(iter(_RECENT))]
            _RECENT[key] = found
    return list(found)


_RECENT: dict[tuple[str, int, int], list[Token]] = {}
_RECENT_KEEP = 256
_RECENT_MAX_CHARS = 20_000


_POSSESSIVE = ("’s", "'s")


def is_possessive(tok: Token) -> bool:
    return tok.text.endswith(("’s", "'s", "s’"))


_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][\w.-]*$")
_INITIALS = re.compile(r"^(?:[A-Z]\.?)+$")


def is_party_state(tok: Token) -> bool:
    """ "R-Utah", "D-N.Y", "I-Vt": a party-and-state label after a lawmaker's name."""
    return bool(_PARTY_STATE.match(tok.text))


def is_abbrev_dot(toks: list[Token], i: int) -> bool:
    """True when the full stop toks[i] ends an abbreviation ("Mr.", "Rev.", "G.K.", "R-Ky.") not a sentence."""
    if toks[i].text != "." or i == 0:
        return False
    prev = toks[i - 1]
    if prev.end != toks[i].start:
        return False
    word = prev.text
    return (
        word.lower() in ABBREVIATIONS
        or (len(word) <= 4 and bool(_INITIALS.match(word)) and word[0].isupper())
        or bool(_PARTY_STATE.match(word))
    )


def join_tokens(toks: list[Token]) -> str:
    """The tokens as written, with a space only where the text had one ("Rep. G.K. Butterfield")."""
    out = ""
    for i, t in enumerate(toks):
        out += t.text if i == 0 or toks[i - 1].end == t.start else " " + t.text
    return out
