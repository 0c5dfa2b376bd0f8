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
    """Return the outermost quote spans of one paragraph; `previous_open` says the previous one left a quote open.

    Marks nest (“He said ‘no’”, “She called it “madness” twice”): only the outermost pair makes a span.
    A straight mark closing a curly opener (or the reverse) is accepted only when the paragraph holds no
    later mark of the right kind, so a stray mark does not cut a quote short.
    """
    spans: list[QuoteSpan] = []
    stack: list[str] = []  # the closing mark each open quote expects
    outer = 0
    lead = len(paragraph) - len(paragraph.lstrip())
    for i, ch in enumerate(paragraph):
        if ch not in OPENERS and ch not in CLOSERS and ch != STRAIGHT:
            continue
        if not stack:
            if ch in OPENERS or ch == STRAIGHT or (ch == "”" and _looks_like_opener(paragraph, i)):
                if (
                    ch == STRAIGHT
                    and i > 0
                    and paragraph[i - 1].isdigit()
                    and not _looks_like_opener(paragraph, i)
                ):
                    continue  # inches: 5'10"
                stack.append(STRAIGHT if ch == STRAIGHT else OPENERS.get(ch, "”"))
                outer = i + 1
            continue
        want = stack[-1]
        rest = paragraph[i + 1 :]
        if ch == want and not (ch == STRAIGHT and _looks_like_opener(paragraph, i) and STRAIGHT in rest):
            stack.pop()
        elif ch in OPENERS and _looks_like_opener(paragraph, i):
            stack.append(OPENERS[ch])
        elif ch == STRAIGHT and _looks_like_opener(paragraph, i) and STRAIGHT in rest:
            stack.append(STRAIGHT)
        elif ch in CLOSERS or ch == STRAIGHT:
            if want not in rest:  # a mismatched closer with no proper one left: accept it
                stack.pop()
            else:
                continue
        else:
            continue
        if not stack and i > outer:
            spans.append(QuoteSpan(index, outer, i, True, previous_open and outer == lead + 1))
    if stack:
        end = len(paragraph.rstrip())
        if end > outer:
            spans.append(QuoteSpan(index, outer, end, False, previous_open and outer == lead + 1))
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
