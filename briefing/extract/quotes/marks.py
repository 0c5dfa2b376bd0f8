"""Pair quotation marks into quote spans, paragraph by paragraph.

Double marks (straight " and curly “ ”, plus « » and „) pair first. Single
marks (‘…’ and '…', the British convention) pair only outside double-quoted
text, and only where they cannot be apostrophes: an opener stands after a
space or bracket before a letter and does not start an elision ('til, 'em,
the '90s); a closer follows a word or punctuation and is not followed by a
letter (don't, Korea's), and "ministers' meeting" (a plural possessive before
a word) is no closer. A double-quoted span inside a single-quoted one is a
nested quote that belongs to the outer quote, and the reverse.

An opening mark still open at the end of a paragraph closes there (the
newswire convention for a quote running over several paragraphs); the next
paragraph that opens with a mark continues it, which is recorded so the
speaker carries over. A single mark left open closes at the paragraph end only
when the next paragraph opens with one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.quotes.constructions import on

OPENERS = {"“": "”", "«": "»", "„": "“"}
CLOSERS = {"”", "»"}
STRAIGHT = '"'
_DOUBLE_MARK = re.compile('[“«„”»"]')


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
    for found in _DOUBLE_MARK.finditer(paragraph):  # only the marks: a long paragraph has few
        i, ch = found.start(), found.group(0)
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
        # "later in the paragraph" is a search from i + 1, never a copy of the rest (quadratic)
        if ch == want and not (
            ch == STRAIGHT and _looks_like_opener(paragraph, i) and paragraph.find(STRAIGHT, i + 1) >= 0
        ):
            stack.pop()
        elif ch in OPENERS and _looks_like_opener(paragraph, i):
            stack.append(OPENERS[ch])
        elif ch == STRAIGHT and _looks_like_opener(paragraph, i) and paragraph.find(STRAIGHT, i + 1) >= 0:
            stack.append(STRAIGHT)
        elif ch in CLOSERS or ch == STRAIGHT:
            if paragraph.find(want, i + 1) < 0:  # a mismatched closer with no proper one left: accept it
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


SINGLE_OPENERS = frozenset("‘'")
SINGLE_CLOSERS = frozenset("’'")
ELISIONS = frozenset("til tis twas em n cause cos bout round ere nother s".split())


_WORD = re.compile(r"[A-Za-z0-9]+")


def _single_opener(text: str, i: int) -> bool:
    """ ‘ or ' opening a quote: space, start or bracket before, a letter or digit after, and no elision."""
    if text[i] not in SINGLE_OPENERS or not _looks_like_opener(text, i) or i + 1 >= len(text):
        return False
    if text[i + 1] in "'’" or (i > 0 and text[i - 1] in "'‘"):
        return False  # '' written for a double mark
    if text[i + 1] in "“\"":
        return True  # ‘“We…” is what he said’
    word = _WORD.match(text, i + 1)
    if word is None:
        return False
    w = word.group(0)
    if w[0].isdigit() and (len(w) <= 3 or w.endswith("s")) and not w[1:].isalpha():
        return False  # "the '90s", "class of '19"
    return w.lower() not in ELISIONS


def _single_closer(text: str, j: int) -> bool:
    """ ’ or ' closing a quote: a word or punctuation before it, no letter after it, no plural possessive."""
    if text[j] not in SINGLE_CLOSERS or j == 0 or text[j - 1].isspace():
        return False
    if text[j - 1] in "'’" or (j + 1 < len(text) and text[j + 1] in "'’"):
        return False  # '' written for a double mark
    after = text[j + 1] if j + 1 < len(text) else " "
    if after.isalnum():
        return False  # don't, Korea's, rock 'n' roll
    if text[j - 1] in "sS" and _LOWER_WORD_NEXT.match(text, j + 1):
        return False  # "the ministers' meeting": a plural possessive
    return True


_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
_SINGLE_OPENER_MARK = re.compile("[‘']")
_SINGLE_CLOSER_MARK = re.compile("[’']")


def single_spans(paragraph: str, index: int, doubles: list[QuoteSpan], open_at_end: bool) -> list[QuoteSpan]:
    """Spans in single marks outside the double-quoted ones; `open_at_end` lets the last one run to the end."""
    if "'" not in paragraph and "‘" not in paragraph:
        return []  # no single opener, so no span
    inside = [(d.start - 1, d.end + 1) for d in doubles]
    pairs = [m.start() for m in re.finditer(r"''|’’", paragraph)]  # '' written for double marks
    inside += [(pairs[k], pairs[k + 1] + 2) for k in range(0, len(pairs) - 1, 2)]
    out: list[QuoteSpan] = []
    i = 0
    n = len(paragraph)
    # which offsets lie in a double-quoted span (covered) or strictly inside one (interior),
    # marked once: asking every span at every character was quadratic in a long paragraph
    covered, interior = bytearray(n + 1), bytearray(n + 1)
    for a, b in inside:
        lo, hi = max(a, 0), min(b, n + 1)
        if hi > lo:
            covered[lo:hi] = b"\x01" * (hi - lo)
        lo, hi = max(a + 1, 0), min(b - 1, n + 1)
        if hi > lo:
            interior[lo:hi] = b"\x01" * (hi - lo)
    # only the single marks can open or close: go from one to the next (a long paragraph has few)
    while i < n:
        mark = _SINGLE_OPENER_MARK.search(paragraph, i)
        if mark is None:
            break
        i = mark.start()
        if covered[i] or not _single_opener(paragraph, i):
            i += 1
            continue
        j = i + 1
        while j < n:
            close = _SINGLE_CLOSER_MARK.search(paragraph, j)
            j = close.start() if close else n
            if j >= n or (_single_closer(paragraph, j) and not interior[j]):
                break
            j += 1
        if j < n and j > i + 1:
            out.append(QuoteSpan(index, i + 1, j, True, False))
            i = j + 1
            continue
        if j >= n and open_at_end:
            end = len(paragraph.rstrip())
            if end > i + 1:
                out.append(QuoteSpan(index, i + 1, end, False, False))
        break
    return out


def _merge(doubles: list[QuoteSpan], singles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Outermost spans only: a double-quoted span inside a single-quoted one is nested, and dropped."""
    kept = [d for d in doubles if not _within(d, singles)]
    return sorted(kept + singles, key=lambda s: s.start)


def find_quote_spans(paragraphs: tuple[str, ...] | list[str]) -> list[QuoteSpan]:
    """Return every quote span of a document in reading order.

    Single marks count as quotation marks only in a document that quotes with them more often than with
    double marks: American copy quotes in double marks and keeps single ones for nested quotes and
    headlines ("Flynn says Trump 'absolutely right'"), which are not quotes of their own.
    """
    doubles: list[list[QuoteSpan]] = []
    left_open = False
    for index, para in enumerate(paragraphs):
        spans = pair_marks(para, index, left_open)
        doubles.append(spans)
        left_open = bool(spans) and not spans[-1].closed
    singles: list[list[QuoteSpan]] = []
    single_open = False
    for index, para in enumerate(paragraphs):
        nxt = paragraphs[index + 1].lstrip() if index + 1 < len(paragraphs) else ""
        spans = single_spans(para, index, doubles[index], nxt[:1] in SINGLE_OPENERS)
        lead = len(para) - len(para.lstrip())
        if single_open and spans and spans[0].start == lead + 1:
            first = spans[0]
            spans[0] = QuoteSpan(index, first.start, first.end, first.closed, True)
        singles.append(spans)
        single_open = bool(spans) and not spans[-1].closed
    n_single = sum(len(s) for s in singles)
    n_double = sum(1 for ds, ss in zip(doubles, singles, strict=True) for d in ds if not _within(d, ss))
    if n_single <= n_double or not on("single-marks"):
        return [d for ds in doubles for d in ds]
    return [s for ds, ss in zip(doubles, singles, strict=True) for s in _merge(ds, ss)]


def _within(span: QuoteSpan, others: list[QuoteSpan]) -> bool:
    return any(o.start <= span.start and span.end <= o.end for o in others)
