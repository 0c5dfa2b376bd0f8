"""Pair quotation marks into quote spans, paragraph by paragraph.

Double marks only (straight " and curly “ ”, plus « » and „): single marks are
far more often apostrophes (’ in "Lee’s") than quotation marks in news, and a
single-quoted span inside a double-quoted one is a nested quote that belongs
to the outer quote. An opening mark still open at the end of a paragraph
closes there (the newswire convention for a quote running over several
paragraphs); the next paragraph that opens with a mark continues it, which is
recorded so the speaker carries over.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
STRAIGHT = '"'


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch: `start`/`end` are the text between the marks (marks excluded)."""

    paragraph: int  # index of the paragraph in the document
    start: int  # offset into the paragraph text
    end: int
    closed: bool  # False when the paragraph ended before a closing mark
    continues: bool  # True when this paragraph opened with a mark while the previous quote was left open


def _looks_like_opener(text: str, i: int) -> bool:
    """A mark with a space or start before it and a non-space after it opens a quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def pair_marks(paragraph: str, index: int, previous_open: bool = False) -> list[QuoteSpan]:
    """Return the quote spans of one paragraph; `previous_open` says the previous paragraph left one open."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    closer = ""
    lead = len(paragraph) - len(paragraph.lstrip())
    i = 0
    n = len(paragraph)
    while i < n:
        ch = paragraph[i]
        if open_at is None:
            if ch in OPENERS or ch == STRAIGHT or (ch == "”" and _looks_like_opener(paragraph, i)):
                if (
                    ch == STRAIGHT
                    and not _looks_like_opener(paragraph, i)
                    and i > 0
                    and paragraph[i - 1].isdigit()
                ):
                    i += 1  # inches: 5'10"
                    continue
                open_at = i + 1
                closer = STRAIGHT if ch == STRAIGHT else OPENERS.get(ch, "”")
        else:
            is_close = ch == closer or (
                closer == "”" and ch == STRAIGHT and not _looks_like_opener(paragraph, i)
            )
            if closer == STRAIGHT and ch == "”":
                is_close = True
            if is_close:
                if i > open_at:
                    spans.append(QuoteSpan(index, open_at, i, True, previous_open and open_at == lead + 1))
                open_at = None
        i += 1
    if open_at is not None:
        end = len(paragraph.rstrip())
        if end > open_at:
            spans.append(QuoteSpan(index, open_at, end, False, previous_open and open_at == lead + 1))
    return spans


def find_quote_spans(paragraphs: tuple[str, ...] | list[str]) -> list[QuoteSpan]:
    """Return every quote span of a document in reading order."""
    out: list[QuoteSpan] = []
    left_open = False
    for index, para in enumerate(paragraphs):
        spans = pair_marks(para, index, left_open)
        out.extend(spans)
        left_open = bool(spans) and not spans[-1].closed
    return out
