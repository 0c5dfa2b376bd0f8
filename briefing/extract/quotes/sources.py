"""Described sources: "a spokesperson for the Finance Ministry", "a source close to the minister".

A speaker is often a role or an anonymous source followed by what ties it to
an institution or a person. The whole description is the speaker: cutting it
at the institution gives the wrong speaker ("Finance Ministry" did not speak,
its spokesperson did), and cutting it at the person is worse ("the minister"
did not speak, somebody close to them did, and must never become the named
minister). These helpers find where such a description starts (reading back
from the tied noun phrase) or where it ends (reading forward from its head).
"""

from __future__ import annotations

from briefing.extract.quotes.lexicon import CUE_FORMS, NOMINAL_STOP, ROLE_HEADS
from briefing.extract.quotes.tokens import Token, is_possessive

# Heads of anonymous or functional sources (singular and plural), beyond the titles in ROLE_HEADS.
SOURCE_NOUNS = frozenset(
    """
    source sources official officials person people aide aides insider insiders member members diplomat diplomats
    spokesperson spokespersons spokespeople spokesman spokesmen spokeswoman spokeswomen representative
    representatives staffer staffers adviser advisers advisor advisors lawmaker lawmakers analyst analysts expert
    experts researcher researchers officer officers employee employees worker workers executive executives
    negotiator negotiators envoy envoys delegate delegates minister ministers
    """.split()
)

# "a source close to X", "a person familiar with X", "an official with knowledge of X".
_TWO_WORD_LINKS = {("close", "to"), ("closest", "to"), ("near", "to"), ("familiar", "with"), ("briefed", "on")}
_ONE_WORD_LINKS = frozenset({"for", "at", "from", "in", "inside", "within", "of", "with", "on", "to"})
_TIED_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "this", "that"})


def is_source_head(tok: Token) -> bool:
    """A lower-case noun that can head a described source: "spokesperson", "officials", "a source"."""
    low = tok.low
    return tok.is_word and not tok.is_cap and (low in SOURCE_NOUNS or low.rstrip("s") in ROLE_HEADS)


def head_before(toks: list[Token], first: int, lo: int) -> int | None:
    """Index of the source head that the phrase starting at `first` is tied to, or None.

    "a spokesperson for [the Finance Ministry]" gives the index of "spokesperson";
    "a source close to [the minister]" gives "source"; "officials with knowledge of [the talks]" gives
    "officials".
    """
    k = first - 1
    if k >= lo and (toks[k].low in _TIED_DETERMINERS or (is_possessive(toks[k]) and not toks[k].is_cap)):
        k -= 1
    if k < lo:
        return None
    h: int | None = None
    if k - 1 >= lo and (toks[k - 1].low, toks[k].low) in _TWO_WORD_LINKS:
        h = k - 2
    elif k - 2 >= lo and toks[k].low == "of" and toks[k - 1].low == "knowledge" and toks[k - 2].low == "with":
        h = k - 3
    elif toks[k].low in _ONE_WORD_LINKS and toks[k].low != "to":
        h = k - 1
    if h is None or h < lo or not is_source_head(toks[h]):
        return None
    return h


def tail_after(toks: list[Token], head: int, hi: int) -> int | None:
    """Index where the tied phrase after a source head starts ("close to |the minister"), or None."""
    k = head + 1
    if k + 1 < hi and (toks[k].low, toks[k + 1].low) in _TWO_WORD_LINKS:
        return k + 2
    if k + 2 < hi and toks[k].low == "with" and toks[k + 1].low == "knowledge" and toks[k + 2].low == "of":
        return k + 3
    if k < hi and toks[k].low in _ONE_WORD_LINKS and toks[k].low != "to":
        return k + 1
    return None


def tied_phrase_end(toks: list[Token], start: int, hi: int) -> int:
    """End (exclusive) of the noun phrase after a link: determiner, modifiers and names, up to a verb or mark."""
    e = start
    while e < hi and e - start < 8:
        t = toks[e]
        if t.is_word and (t.is_cap or t.low not in NOMINAL_STOP or t.low in _TIED_DETERMINERS):
            if not t.is_cap and t.low in CUE_FORMS and e > start:
                break
            e += 1
            if is_possessive(t) and not t.is_cap:
                continue
        elif t.text == "." and e > start and len(toks[e - 1].text) <= 4 and toks[e - 1].is_cap:
            e += 1  # "the U.S. embassy"
        else:
            break
    return e
