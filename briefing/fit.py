"""Fit a briefing to the length a reader gives it: about `output.pages` pages (default 4).

A briefing is read in five minutes: summary, timeline and quotes first, then the
key passages.  The selection may find more than that (the JSON keeps all of it, for
tools and for the next edition's comparison); the documents a person reads (PDF,
DOCX, HTML) leave out the least important items until the estimate fits: background
events first (history outside the period), then the timeline and quotes beyond their
share of the page budget, then the lowest-ranked passages.  A note says what was left
out and where to find it, so nothing disappears silently.

The length is estimated from the text, in "characters of a page", calibrated on the
PDF (A4, 10 pt body): a timeline row costs more than its characters (a narrow
column, and the small "In: ..." sentence under a clause), a quote is shown twice
(Quotes, and Who said what).  Estimating is linear in the briefing and needs no trial
rendering; the tests check the PDFs' real page counts.

A briefing longer than `CONTENTS_AFTER` pages opens with a table of contents
(`needs_contents`); the estimate counts its room as soon as the briefing may run
that long, so the contents never push a fitted briefing a page further.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from briefing.model import Briefing, Event, Passage, Quote

T = TypeVar("T")

CHARS_PER_PAGE = 4300  # measured: the sample briefings' estimate over their PDF page counts
# the budget in estimated pages per page asked for: a last page is partly filled, and a table row or
# quote box that does not fit moves whole to the next page, so `pages` gives about that many, at
# most one more (measured on the sample corpus at 2-5 pages)
FILL = 1.0
CONTENTS_AFTER = 4  # pages: a longer briefing gets a table of contents (PDF: its real page count)
# from this share of CONTENTS_AFTER estimated pages a PDF may run past them (rows move whole)
MAY_RUN_OVER = 0.85
EVENT_SHARE = 0.22  # of the page budget, at most, for the timeline
QUOTE_SHARE = 0.12  # and for quotes and reported speech
MIN_PASSAGES = 3
_FIXED = 2500  # title block, section headings, footer


def _passage(p: Passage) -> float:
    return len(p.text) + 60


def _event(e: Event) -> float:
    return (len(e.text) + 0.7 * len(e.context)) * 1.9 + 150


def _quote(q: Quote) -> float:
    return 2 * len(q.text) + len(q.context) + 300


def estimate(b: Briefing) -> float:
    """Return the briefing's estimated length in page characters (see CHARS_PER_PAGE), with the
    table of contents it may need."""
    body = _body(b)
    if body > MAY_RUN_OVER * CONTENTS_AFTER * CHARS_PER_PAGE:
        body += _contents(b)
    return body


def needs_contents(b: Briefing) -> bool:
    """Return True when the briefing is estimated longer than CONTENTS_AFTER pages, so a reader
    needs a table of contents (the DOCX and HTML ask this; the PDF counts its real pages)."""
    return _body(b) > CONTENTS_AFTER * CHARS_PER_PAGE


def _contents(b: Briefing) -> float:
    """Return the room of the table of contents: a heading and one line per section and group."""
    sections = 4 + bool(b.statements) + bool(b.notes) + any(e.background for e in b.events)
    return 300 + 80 * (sections + len({p.group for p in b.passages}))


def _body(b: Briefing) -> float:
    groups = len({p.group for p in b.passages})
    return (
        _FIXED
        + sum(len(s.text) + 60 for s in b.summary)
        + sum(_passage(p) for p in b.passages)
        + 80 * groups
        + sum(_event(e) for e in b.events)
        + sum(_quote(q) for q in b.quotes)
        + sum(len(s.text) + 150 for s in b.statements)
        + sum(len(n) + 100 for n in b.notes)
        + 250 * len(b.sources)
    )


def fit_pages(b: Briefing, pages: int, json_name: str = "the JSON edition") -> Briefing:
    """Return the briefing shortened to about `pages` pages (unchanged when it fits or pages is 0)."""
    if pages <= 0:
        return b
    budget = pages * CHARS_PER_PAGE * FILL
    if estimate(b) <= budget:
        return b
    events = list(b.events)
    # background first, oldest first: history outside the period is the least urgent
    while estimate(replace(b, events=tuple(events))) > budget and any(e.background for e in events):
        events.remove(next(e for e in events if e.background))
    events = _within(events, EVENT_SHARE * budget, _event, key=lambda e: -len(e.sources))
    quotes = _within(list(b.quotes), QUOTE_SHARE * budget, _quote, key=None)
    out = replace(b, events=tuple(events), quotes=tuple(quotes))
    ranked = sorted(out.passages, key=lambda p: -p.score)
    keep = len(ranked)
    while keep > MIN_PASSAGES and estimate(replace(out, passages=tuple(ranked[:keep]))) > budget:
        keep -= 1
    kept = set(map(id, ranked[:keep]))
    out = replace(out, passages=tuple(p for p in out.passages if id(p) in kept))
    left = [
        (len(b.passages) - len(out.passages), "passage", "passages"),
        (len(b.events) - len(out.events), "event", "events"),
        (len(b.quotes) - len(out.quotes), "quote", "quotes"),
    ]
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in left if n]
    if not parts:
        return out
    note = (
        f"Shortened to about {pages} pages: {', '.join(parts)} of lower rank are left out here; "
        f"{json_name} has them all (set output.pages in the configuration to change the length)."
    )
    return replace(out, notes=(*out.notes, note))


def _within(
    items: list[T], share: float, cost: Callable[[T], float], key: Callable[[T], int] | None
) -> list[T]:
    """Return the items (in their order) that fit in `share`, the most important first by `key`."""
    if sum(cost(x) for x in items) <= share:
        return items
    order = sorted(range(len(items)), key=(lambda i: (key(items[i]), i)) if key else (lambda i: i))
    chosen: set[int] = set()
    used = 0.0
    for i in order:
        if used + cost(items[i]) > share and chosen:
            continue
        chosen.add(i)
        used += cost(items[i])
    return [x for i, x in enumerate(items) if i in chosen]
