"""Join adjacent relevant sentences of one paragraph into short passages.

A reader prefers a coherent passage of one to three sentences to isolated
fragments ("He added ..." without the sentence it adds to), and a passage must
stay verbatim: it is always a slice of one paragraph, from the start of its first
sentence to the end of its last, so nothing appears that the source did not print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.documents import Document
from briefing.select.units import Unit

MAX_SENTENCES = 3
MAX_CHARS = 900  # a passage longer than this is cut at a sentence boundary


@dataclass(frozen=True)
class Draft:
    text: str
    units: tuple[int, ...]  # the sentence units it is made of, in order


def join_runs(units: Sequence[Unit], chosen: Sequence[int], docs: Sequence[Document]) -> list[Draft]:
    """Return passages made of runs of adjacent `chosen` units (given in reading order)."""
    drafts: list[Draft] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            first, last = units[run[0]], units[run[-1]]
            para = docs[first.doc].paragraphs[first.para]
            drafts.append(Draft(para[first.start : last.end], tuple(run)))
            run.clear()

    for i in chosen:
        u = units[i]
        if run:
            prev = units[run[-1]]
            first = units[run[0]]
            joinable = (
                prev.doc == u.doc
                and prev.para == u.para
                and prev.sent + 1 == u.sent
                and len(run) < MAX_SENTENCES
                and u.end - first.start <= MAX_CHARS
            )
            if not joinable:
                flush()
        run.append(i)
    flush()
    return drafts
