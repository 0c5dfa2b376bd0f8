"""Sentence boundaries for news English, shared by events, quotes and selection.

A rule splitter rather than a statistical one (nothing may be downloaded at run
time); it knows news abbreviations ("Jan.", "U.S.", "Sen.") and closing quotes
after a full stop, which are where naive splitting on ". " goes wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.abbreviations import ABBREVIATIONS
from briefing.text.recent import Recent

_CLOSERS = "\"'”’)]»"
# Matches start only at the first mark of a run ("?!", "..."), and runs are taken possessively,
# so a long run of marks is scanned once rather than once from each of its positions.
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[" + re.escape(_CLOSERS) + r"]*+(?=\s)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


# How far back from a full stop the abbreviation tests look.  Every pattern below is anchored
# at the full stop and can only succeed on a word of at most a few characters, so a bounded
# window gives the same answers as the whole text while keeping a splitter pass linear: before,
# each full stop re-scanned everything before it, and a 100 KB line took minutes.
_LOOKBACK = 80
_PARTY = re.compile(r"\b[RDI]-[A-Z][A-Za-z]{1,4}$")
_WORD_BEFORE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z.]*)$")
_NEXT_CHAR = re.compile(r"\s+(\S)")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_NUMBERING = re.compile(r"(?<![A-Za-z])Nos?$", re.IGNORECASE)
_LETTERS_BEFORE = re.compile(r"([A-Za-z]+)$")


def _before(text: str, dot: int) -> str:
    return text[max(0, dot - _LOOKBACK) : dot]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or initial, not a sentence."""
    before = _before(text, dot)
    if _PARTY.search(before):
        return True  # party-state labels: "Sen. Rand Paul (R-Ky.) said"
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word + ".") and len(word) <= 5:
        # U.S. / U.N. / D.C. / initials like "J." — a boundary only if a capitalised sentence clearly follows
        return True
    return len(word) == 1 and word.isupper()


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Return the sentences of one paragraph (or any text) with character offsets into it.

    Offsets are shifted by `offset` so callers can split a paragraph and keep document offsets.
    The event finder, the quote finder and the selector's units each split a document's
    paragraphs, so the last few splits are kept.
    """
    spans = _RECENT.get(text)
    if spans is None:
        spans = _split(text)
        _RECENT.put(text, spans)
    if offset:
        return [Span(s.start + offset, s.end + offset, s.text) for s in spans]
    return list(spans)


_RECENT: Recent[str, tuple[Span, ...]] = Recent(512)


def _split(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if end <= start:
            continue
        punct = m.group(0)
        nxt = _NEXT_CHAR.match(text, end)
        following = nxt.group(1) if nxt else ""
        if (
            punct in (".", ".)", ".]")
            and _is_abbreviation(text, m.start())
            and not _numbering_without_number(text, m.start(), following)
        ):
            # "U.S. President" continues; "in the U.S. The next..." is ambiguous: split only
            # before a capitalised word that is a common sentence opener
            word = _NEXT_WORD.match(text, end)
            if not (word and word.group(1) in _OPENERS and not _is_month_or_title(text, m.start())):
                continue
        if following and (following.islower() or following in ",;:"):
            continue
        spans.append(Span(start, end, text[start:end]))
        start = end
        while start < n and text[start].isspace():
            start += 1
    if start < n:
        tail = text[start:].rstrip()
        if tail:
            spans.append(Span(start, start + len(tail), tail))
    return tuple(spans)


_OPENERS = {
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "For",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "Meanwhile",
    "However",
    "Yet",
}


def _numbering_without_number(text: str, dot: int, following: str) -> bool:
    """True for "No." or "Nos." not followed by a number: the word "no", not the numbering sign."""
    return bool(_NUMBERING.search(_before(text, dot))) and not following.isdigit()


def _is_month_or_title(text: str, dot: int) -> bool:
    m = _LETTERS_BEFORE.search(_before(text, dot))
    return m is not None and m.group(1).lower() in ABBREVIATIONS and len(m.group(1)) > 1
