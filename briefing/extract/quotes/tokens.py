"""Word tokens with offsets, and the shape tests the attribution rules share.

The rules look at words around a quotation (is it capitalised, a reporting
verb, a title?) and must hand back exact offsets, so every token keeps its
position in the paragraph.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from briefing.text.abbreviations import ABBREVIATIONS
from briefing.text.recent import Recent

# A word keeps inner apostrophes, hyphens and dots ("Lee’s", "Sung-lac", "U.S"); anything else is one char.
# (The same tokens as r"\w(?:[\w’'\-./]*\w)?|[^\w\s]", matched without backtracking: a third of the time.)
_TOKEN = re.compile(r"\w++(?:[’'\-./]+\w++)*+|[^\w\s]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # white space and tokens, alternating


class Token(NamedTuple):
    """One token and its offsets. A named tuple, so `tokenize` builds a text's tokens in C: every
    line of every document is tokenised, and a Python `__init__` per token was most of the cost.
    Equality and hashing are by value."""

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
        text = self.text
        return text[:-2] if text.endswith(_POSSESSIVE) else text


_new_token = partial(tuple.__new__, Token)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of text[start:end] with offsets into `text`.

    The quote and statement finders and the name scanner tokenise the same lines (a line
    without quotes is its own masked form), so the last few results are kept; each caller gets
    its own list.
    """
    end = len(text) if end is None else end
    key = (text, start, end)
    found = _RECENT.get(key)
    if found is None:
        parts = _SPLIT.split(text[start:end])  # [space, token, space, token, ..., space]
        at = list(accumulate(map(len, parts), initial=start))  # where each part starts
        found = list(map(_new_token, zip(parts[1::2], at[1:-1:2], at[2::2], strict=True)))
        if end - start <= _RECENT_MAX_CHARS:
            _RECENT.put(key, found)
    return list(found)


_RECENT: Recent[tuple[str, int, int], list[Token]] = Recent(512)
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
