"""Where events live in a document: sentences, their `;`-separated clauses, stamps and datelines.

A timeline aggregator writes "Jan 12, 2026 – A says ...; B confirms ...; C outlines ...": one date
heading several events. Splitting at semicolons and letting header-less clauses inherit the
sentence's leading date gives each its own entry, as a reader would count them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.extract.timex.dateline import match_dateline
from briefing.text.sentences import split_sentences

_STAMP = re.compile(
    r"^\s*(?:posted|updated|input|written|published|last\s+updated|modified|edited|created|date(?:d)?|"
    r"first\s+published|updated\s+on|posted\s+on)\b[\s:]*.{0,40}\d",
    re.IGNORECASE,
)


class Clause(NamedTuple):
    """A clause of a sentence (a named tuple: every paragraph is cut into them)."""

    start: int  # offset in the document text
    end: int
    text: str
    sentence_start: int
    first_in_sentence: bool
    sentence_end: int = 0


def is_stamp(paragraph: str) -> bool:
    """A byline/update stamp ("Posted January. 14, 2026 10:01", "Input 2026-01-12 18:32:08")."""
    if _STAMP.match(paragraph) and len(paragraph.split()) <= 12:
        return True
    if not _DIGIT.search(paragraph):
        return False
    content = 0  # words of more than two letters that are not date words: a stamp has at most 3
    for m in _LETTERS.finditer(paragraph):  # stopping at the fourth (every paragraph is asked)
        word = m.group()
        if len(word) > 2 and word.lower() not in _DATE_WORDS:
            content += 1
            if content > 3:
                return False
    return True


_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[A-Za-z]+")
_DATE_WORDS = frozenset({"am", "pm", "kst", "gmt", "utc", "est", "updated", "posted", "input", "written"})


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the statement begins after a wire dateline opening text[start:end] ("TALLINN,
    March 4 -- Estonia ..."), or `start` when there is none: a row never begins with one."""
    d = match_dateline(text, start, end)
    return d.end if d else start


def is_dateline(text: str, timex_start: int, sentence_start: int, timex_end: int | None = None) -> bool:
    """True for the date of a dateline ("SEOUL, Jan. 21 (Yonhap) --", "Jan 21 (Reuters) -"): the
    story's date, not an event."""
    return timex_start < dateline_end(text, sentence_start, len(text))


def clauses(text: str, para_start: int, para_end: int) -> list[Clause]:
    """Clauses of the paragraph text[para_start:para_end], split at semicolons outside brackets."""
    out: list[Clause] = []
    for sent in split_sentences(text[para_start:para_end]):  # offsets in the paragraph, shifted here
        sent_start, sent_end = sent.start + para_start, sent.end + para_start
        pieces: list[tuple[int, int]] = []
        depth, lo = 0, sent_start
        for i in range(sent_start, sent_end) if ";" in sent.text else ():  # only a ";" cuts
            ch = text[i]
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth = max(0, depth - 1)
            elif ch == ";" and depth == 0:
                pieces.append((lo, i))
                lo = i + 1
        pieces.append((lo, sent_end))
        first = True
        for s, e in pieces:
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s < 3:
                continue
            out.append(Clause(s, e, text[s:e], sent_start, first, sent_end))
            first = False
    return out
