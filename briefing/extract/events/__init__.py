"""Dated events of one document: sentences (or clauses) that state something that happened or is
scheduled, each with the ISO date its temporal expression normalises to.

Events come from the temporal tagger (`briefing.extract.timex`) run against the document's date;
only calendar dates that place something on a timeline count (not durations, "now", seasons or
the current year as a frame). `infer_published` dates a document that prints no date from what
it reports as having happened.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.extract.timex import Timex, tag
from briefing.model import Document
from briefing.text.calendar import MONTH_WORDS

from .attach import absolute_start, attached_unit, phrase_end, reporting_aside_at, stamp_end
from .clauses import Clause, clauses, dateline_end, is_dateline, is_stamp
from .conjuncts import conjunct_bounds, conjunct_of
from .filters import fuse_named_dates, part_of_name
from .frames import ASPIRATION as _ASPIRATION
from .frames import current_year_unit, measures_a_gap
from .grammar import REPORTING
from .infer import infer_published_text
from .relative import relative_phrase, relative_span

_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|['’]ll|is\s+set\s+to|are\s+set\s+to|set\s+to\s+take|is\s+to|are\s+to|plans?\s+to|planned|"
    r"scheduled|upcoming|expected\s+to|is\s+due|are\s+due|to\s+be\s+held|intends?\s+to|forthcoming|ahead\s+of)\b",
    re.IGNORECASE,
)
_COMPARISON = re.compile(r"\bthan\s+(?:\w+\s+)?(?:planned|scheduled|expected)\b", re.IGNORECASE)  # not a plan
_TARGET = re.compile(
    r"\b(?:by|until|before|through|toward|towards|beyond|to)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE
)
_VAGUE_ANAPHORA = ("anaphoric_unit",)
_CONTEXT_MIN_WORDS = 3


@dataclass(frozen=True)
class DocEvent:
    """One dated statement of a document. `text` is verbatim from the document."""

    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None
    text: str
    status: str  # "happened" | "scheduled"
    doc_id: str
    start: int  # character offset of `text` in `doc.text`
    context: str = ""  # the whole sentence, when `text` is only the clause or phrase the date governs
    reported: str | None = None  # the date of the document that reports it (YYYY-MM-DD)


def infer_published(doc: Document) -> str | None:
    """The earliest date consistent with what an undated document reports (YYYY-MM-DD), or None.

    That is the latest date of anything it reports as having happened, with year-less dates
    placed by the explicit years the text gives.
    """
    return infer_published_text(doc.text)


def _calendar(t: Timex) -> tuple[str, str | None] | None:
    """The (date, end) a timeline can use, or None (durations, seasons, PRESENT_REF...).

    A week ("next week", "2026-W04") becomes its Monday-to-Sunday range, a weekend its two days.
    """
    if t.type == "TIME":
        day = t.value[:10]
        return (day, None) if _ISO.match(day) else None
    if t.type != "DATE":
        return None
    week = _WEEK.match(t.value)
    if week:
        try:
            monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
        first = monday + timedelta(days=5) if week.group(3) else monday
        return first.isoformat(), (monday + timedelta(days=6)).isoformat()
    if not _ISO.match(t.value):
        return None
    end = t.end_value if t.end_value and _ISO.match(t.end_value) else None
    return t.value, end


def _overlaps(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    """Whether two (date, end) ISO spans share a day (comparing as text at the coarser precision)."""
    a_lo, a_hi = a[0], a[1] or a[0]
    b_lo, b_hi = b[0], b[1] or b[0]
    return a_lo[: len(b_hi)] <= b_hi[: len(a_lo)] and b_lo[: len(a_hi)] <= a_hi[: len(b_lo)]


def states_a_plan(text: str) -> bool:
    """Whether `text` words something as planned or expected ("will visit", "is set to", "ahead of")."""
    return _plan_words(text) is not None


def _plan_words(text: str) -> tuple[str, re.Match[str]] | None:
    """`text` without comparisons ("later than planned"), and where in it a plan is worded."""
    text = _COMPARISON.sub("", text)
    plan = _FUTURE.search(text)
    return None if plan is None else (text, plan)


def _status(day: str, clause: str, dct: str | None, row: str) -> str:
    """Whether the clause reports its event as having taken place or as planned.

    A date after the document's is a plan whatever the tense.  A date before it is not enough
    to say the event took place: "the summit will take place around Jan 13-14" under a log
    line of 10 December, or "the talks will be held on Jan 10" reported in an article of Jan 20,
    word a plan seen from an earlier day; the sentence never states that it
    happened, so it stays a plan (the timeline calls it happened only when a source says so).
    """
    if dct and day > dct[: len(day)]:
        return "scheduled"
    if dct and day < dct[: len(day)]:
        # the row too: a dated unit cut out of `clause` may hold the saying ("X announces ...
        # on Jan 13-14, describing talks that will ...")
        return "scheduled" if _plans_itself(clause) and _plans_itself(row) else "happened"
    return "scheduled" if states_a_plan(clause) else "happened"


def _plans_itself(clause: str) -> bool:
    """Whether the clause's own predicate is the plan ("the summit will take place"), not a saying
    that reports one ("both leaders say they will ...", "Takaichi confirms she will host ...":
    the saying took place on its date)."""
    found = _plan_words(clause)
    if found is None:
        return False
    text, plan = found
    return not any(w in REPORTING for w in re.findall(r"[a-z’']+", text[: plan.start()].lower()))


def _this_year(t: Timex, dct: str | None) -> bool:
    """A bare year the document's date fixes as this year or next ("this year", "next year", "in
    2026" in a 2026 article): a horizon, unless it dates a named occurrence (`current_year_unit`)."""
    if not dct or len(t.value) != 4 or t.end_value or not t.value.isdigit():
        return False
    return t.value == dct[:4] or (int(t.value) == int(dct[:4]) + 1 and t.kind != "year")


def _is_event_timex(t: Timex, text: str, dct: str | None, sentence_start: int) -> bool:
    if t.kind in _VAGUE_ANAPHORA and len(t.value) < 10:
        return False  # "the following month": vague, and what it dates is reported elsewhere
    if len(t.value) == 4 and dct and not t.end_value:
        if t.value == dct[:4]:
            # "this year", "in 2026": a frame for aims, unless it says when within the year
            # something happened or will ("earlier this year", "later this year") with no aim
            return bool(re.match(r"(?i)(?:earlier|later)\b", t.text)) and not _ASPIRATION.search(
                text, max(sentence_start, t.start - 60), t.start
            )
        if t.value > dct[:4] and (t.kind != "year" or _TARGET.search(text, max(0, t.start - 25), t.start)):
            return False  # "next year", "by 2030": a horizon or a target, not a scheduled event
    if part_of_name(t, text) or (t.kind == "year" and measures_a_gap(text, t.start)):
        return False
    if re.match(r"\s+than\b", text[t.end : t.end + 8]):
        return False  # "two months later than planned": a comparison, not a date
    return not is_dateline(text, t.start, sentence_start, t.end)


def _leading(clause: Clause, timexes: list[Timex]) -> Timex | None:
    """A date that heads the clause ("Jan 12, 2026 – ...", "On January 5, ...")."""
    for t in timexes:
        prefix = clause.text[: t.start - clause.start]
        if re.fullmatch(r"\s*(?:(?:on|in|by|as\s+of)\s+)?", prefix, re.IGNORECASE):
            return t
    return None


_FUNCTION_WORDS = frozenset(
    "the a an of in on at for to and or but with by from this that these those his her its their our "
    "last next this year month week day before after ahead since during following despite".split()
)


def _content_words(row: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'’-]+", row.lower())
    return frozenset(w for w in words if w not in _FUNCTION_WORDS and w not in MONTH_WORDS)


def _restates(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two rows of one document under one date that name the same thing ("the elections this June",
    "the June elections"): the words of one are all in the other."""
    small, large = sorted((a, b), key=len)
    return len(small) >= 2 and small <= large


def _clean_span(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Trim a row's span: no trailing citation marks ("[16]"), separators or full stop."""
    while True:
        m = re.search(r"\s*(?:\[\d{1,3}\])+\s*[.;,]?\s*$", text[lo:hi])
        if not m or m.start() == 0:
            break
        hi = lo + m.start()
    while hi > lo and text[hi - 1] in " ;,:–—-":
        hi -= 1
    return lo, hi


def _without(text: str, lo: int, hi: int, others: list[tuple[int, int]]) -> str:
    """text[lo:hi] without the other dated units inside it: the tense of "The board said on Monday
    that the plant will close in May" under Monday is that of the saying, not of the closure."""
    parts, pos = [], lo
    for o_lo, o_hi in sorted(others):
        if lo <= o_lo and o_hi <= hi and o_lo >= pos:
            parts.append(text[pos:o_lo])
            pos = o_hi
    parts.append(text[pos:hi])
    return " ".join(parts)


def _context(row: str, statement: str) -> str:
    """The statement (the clause, after any date stamp) a row is part of, shown as "In: ..." only
    when it adds something: at least three words the row does not show. A row that is its whole
    clause, or nearly, carries no context; nor does the rest of an aggregator's line, whose other
    clauses are rows of their own."""
    extra = len(re.findall(r"\w+", statement)) - len(re.findall(r"\w+", row))
    return statement if extra >= _CONTEXT_MIN_WORDS else ""


def _within(timexes: list[Timex], starts: list[int], lo: int, hi: int) -> list[Timex]:
    """The timexes (sorted by start) that start in [lo, hi): bisection, as every clause asks."""
    return timexes[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


def extract_events(doc: Document) -> list[DocEvent]:
    """Return the dated events of `doc` in text order, normalised against `doc.date`.

    One clause can give several events (one per dated expression); a clause of a sentence that
    opens with a date and has no day or month of its own inherits that date.
    """
    dct = doc.date or infer_published(doc)
    text = doc.text
    all_timexes = fuse_named_dates(text, sorted(tag(text, dct), key=lambda t: t.start))
    timexes = [t for t in all_timexes if _calendar(t)]
    all_starts, starts = [t.start for t in all_timexes], [t.start for t in timexes]
    events: list[DocEvent] = []
    seen: set[tuple[str, str | None, str]] = set()
    seen_ranges: set[tuple[str, str]] = set()
    by_date: dict[tuple[str, str | None], list[frozenset[str]]] = {}
    pos = 0
    last_day: str | None = None  # day of the last dated clause, for "This comes N days after ..."
    for para in doc.paragraphs:
        p_start = text.find(para, pos)
        p_end = p_start + len(para)
        pos = p_end
        if is_stamp(para):
            continue
        inherited: Timex | None = None
        current_sentence = -1
        for clause in clauses(text, p_start, p_end):
            if clause.sentence_start != current_sentence:
                current_sentence, inherited = clause.sentence_start, None
            mine = _within(all_timexes, all_starts, clause.start, clause.end)
            body = (
                stamp_end(text, clause.start, clause.end, mine[0].start, mine[0].end)
                if mine
                else clause.start
            )
            if clause.start == p_start:
                body = max(body, dateline_end(text, clause.start, clause.end))
            own = _within(timexes, starts, clause.start, clause.end)
            scheduled_here = {  # "voiced support for the city's hosting of the games this year"
                t.start: u
                for t in own
                if _this_year(t, dct) and (u := current_year_unit(text, body, t.start, t.end)) is not None
            }
            own = [
                t
                for t in own
                if t.start in scheduled_here or _is_event_timex(t, text, dct, clause.sentence_start)
            ]
            if clause.first_in_sentence:
                inherited = _leading(clause, own)
                heading = inherited
            else:
                heading = _leading(clause, own) or inherited
            dated: list[tuple[tuple[str, str | None], int, int]] = []  # (date, end), text span
            if (
                not clause.first_in_sentence
                and inherited is not None
                and not any(len(t.value) >= 7 for t in own)
            ):
                dated.append(((_calendar(inherited) or (inherited.value, None)), body, clause.end))
            units = []
            for t in own:
                named = t.kind == "year" or (t.kind == "date" and not re.search(r"\d{4}", t.text))
                ends = frozenset(o.end for o in mine if o is not t)
                units.append(
                    scheduled_here.get(t.start)
                    or attached_unit(
                        text,
                        body,
                        clause.end,
                        t.start,
                        t.end,
                        heading is not None and heading is not t,
                        named,
                        ends,
                    )
                )
            if not any(u is None for u in units):
                # no date of the main statement: a reporting aside's day dates the whole report
                # ("Twelve consortia have bid ..., officials said on Monday")
                units = [
                    None if u is not None and reporting_aside_at(text, u[0], t.start) else u
                    for t, u in zip(own, units, strict=True)
                ]
            if own:  # where the main statement ends matters only to the clause's own dates
                main_end = clause.end
                cut = absolute_start(text, body, clause.end)
                if cut is not None and any(u is not None and u[0] > cut for u in units):
                    main_end = cut  # the dated absolute phrase is its own row, not part of the main one
                mains = [t.start for t, u in zip(own, units, strict=True) if u is None]
                for u in units:
                    # a dated side unit right after a comma (", his office said Tuesday", ", building on
                    # talks in May") ends the main statement's row
                    if (
                        u is not None
                        and mains
                        and min(mains) < u[0] < main_end
                        and re.search(r",\s*$", text[body : u[0]])
                    ):
                        main_end = u[0] - len(text[body : u[0]]) + len(text[body : u[0]].rstrip().rstrip(","))
                bounds = conjunct_bounds(text, body, main_end)
                if len({conjunct_of(bounds, t.start) for t in own if t.start < main_end}) < 2:
                    bounds = [(body, main_end)]  # one dated conjunct: the row may show the whole clause
                for t, unit in zip(own, units, strict=True):
                    c_lo, c_hi = (
                        bounds[conjunct_of(bounds, t.start)] if t.start < main_end else (body, clause.end)
                    )
                    lo, hi = unit or (c_lo, c_hi)
                    if t.start < main_end:
                        lo, hi = max(lo, c_lo), min(hi, c_hi)  # "..., and the cranes arrive this month"
                    dated.append(((_calendar(t) or (t.value, None)), lo, hi))
            rel = relative_span(clause.text, last_day)
            if rel is not None:
                # the computed span replaces the vaguer dates the clause gives for it ("last week")
                at = clause.start + relative_phrase(clause.text)
                lo, hi = at, phrase_end(text, at, clause.end)
                dated = [(rel, lo, hi), *(d for d in dated if not _overlaps(d[0], rel))]
            days = [d[0][0] for d in dated if len(d[0][0]) == 10]
            if days:
                last_day = days[0]
            for (day, end), lo, hi in dated:
                lo, hi = _clean_span(text, lo, hi)
                if end is not None:
                    if (day, end) in seen_ranges:
                        continue  # the same range again: the same event mentioned again
                    seen_ranges.add((day, end))
                row = text[lo:hi]
                key = (day, end, re.sub(r"\W+", " ", row).strip().lower())
                if key in seen:
                    continue
                seen.add(key)
                words = _content_words(row)
                same_day = by_date.setdefault((day, end), [])
                if any(_restates(words, other) for other in same_day):
                    continue  # "ahead of the June elections" after "before the elections this June"
                same_day.append(words)
                said = _without(
                    text, lo, hi, [(o_lo, o_hi) for _, o_lo, o_hi in dated if (o_lo, o_hi) != (lo, hi)]
                )
                context = _context(row, text[body : clause.end].strip())
                status = _status(day, said, dct, row)
                if day == (dct or "")[:4] and status == "happened":
                    # "this year": the tense of the year's event, not of the sentence ("voiced
                    # support for the hosting of the games this year"); only "earlier" reports it
                    status = "happened" if re.search(r"(?i)\bearlier\s+this\s+year", row) else "scheduled"
                events.append(DocEvent(day, end, row, status, doc.id, lo, context, dct))
    return _drop_vaguer(events)


def _drop_vaguer(events: list[DocEvent]) -> list[DocEvent]:
    """A year-only mention ("a 1945 air raid") of an event the document also dates precisely
    ("The raid on March 10, 1945, ...") is the same event: one row, the precise one."""
    by_year: dict[str, list[DocEvent]] = {}
    for e in events:
        if len(e.date) > 4 and not e.end:
            by_year.setdefault(e.date[:4], []).append(e)
    out = []
    for e in events:
        if len(e.date) == 4 and not e.end:
            words = _content_words(e.text)
            if any(_overlap(words, _content_words(p.text)) >= 0.5 for p in by_year.get(e.date, [])):
                continue
        out.append(e)
    return out


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


__all__ = ["DocEvent", "extract_events", "infer_published", "states_a_plan"]
