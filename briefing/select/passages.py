"""Join adjacent relevant sentences of one paragraph into short passages.

A reader prefers a coherent passage of one to three sentences to isolated
fragments ("He added ..." without the sentence it adds to), and a passage must
stay verbatim: it is always a slice of one paragraph, from the start of its first
sentence to the end of its last, so nothing appears that the source did not print.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

from briefing.model import Document
from briefing.select.units import Unit

MAX_SENTENCES = 3
MAX_CHARS = 1100  # about 180 words: a run longer than this is cut at a sentence boundary
LONG_WORDS = 45  # a sentence longer than this is too long for a key point; it is cut to a clause
_CLAUSE_BREAK = re.compile(r";\s+|\s+[\u2013\u2014-]\s+")


@dataclass(frozen=True)
class Draft:
    text: str
    units: tuple[int, ...]  # the sentence units it is made of, in order


def join_runs(
    units: Sequence[Unit],
    chosen: Sequence[int],
    docs: Sequence[Document],
    direct: Set[int],
    max_sentences: int = MAX_SENTENCES,
) -> list[Draft]:
    """Return passages made of runs of adjacent `chosen` units (given in reading order).

    A run longer than the passage limit is cut into chunks of even size; a chunk with no
    sentence in `direct` (one that matched the theme itself) is dropped, since sentences
    that are relevant only through their context do not stand on their own.
    """
    runs: list[list[int]] = []
    for i in chosen:
        u = units[i]
        if runs:
            prev = units[runs[-1][-1]]
            if prev.doc == u.doc and prev.para == u.para and prev.sent + 1 == u.sent:
                runs[-1].append(i)
                continue
        runs.append([i])
    drafts = []
    for run in runs:
        for chunk in _chunks(units, run, max_sentences):
            if not any(i in direct for i in chunk):
                continue
            first, last = units[chunk[0]], units[chunk[-1]]
            para = docs[first.doc].paragraphs[first.para]
            drafts.append(Draft(para[first.start : last.end], tuple(chunk)))
    return drafts


def _chunks(units: Sequence[Unit], run: list[int], max_sentences: int) -> list[list[int]]:
    """Cut a run into the fewest chunks within the limits, sizes as even as possible."""
    chars = units[run[-1]].end - units[run[0]].start
    k = max(math.ceil(len(run) / max_sentences), math.ceil(chars / MAX_CHARS))
    k = min(k, len(run))
    size, extra = divmod(len(run), k)
    out, start = [], 0
    for c in range(k):
        end = start + size + (1 if c < extra else 0)
        out.append(run[start:end])
        start = end
    return out


def clauses(sentence: str, min_words: int = 6) -> list[str]:
    """Return the verbatim clauses of a sentence, cut at semicolons and spaced dashes.

    Used to trim an overlong sentence (a timeline entry joining three events with
    semicolons) to the one clause that carries the point; clauses shorter than
    `min_words` are not statements and are left out; an uncuttable sentence is returned whole.
    """
    parts, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        parts.append(sentence[start : m.start()])
        start = m.end()
    parts.append(sentence[start:])
    kept = [p.strip() for p in parts if len(p.split()) >= min_words]
    return kept or [sentence]
