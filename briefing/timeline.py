"""The briefing's timeline: events from all sources merged into one dated, cited list.

The same event reported by several sources (compatible dates, similar wording) becomes one entry
citing each; a source that gives another date for it is kept in `other_dates` rather than
silently dropped; entries outside the briefing's period are marked `background` (history).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from briefing import model
from briefing.extract.events import DocEvent, states_a_plan
from briefing.extract.events.frames import occurrence_and_names
from briefing.text.calendar import FULL_WEEKDAY_WORDS, MONTH_WORDS

SAME_EVENT = 0.5  # token overlap for events with compatible dates
SAME_EVENT_OTHER_DATE = 0.7  # stricter when the dates disagree (then they are a conflict)
SAME_RANGE = 0.1  # a multi-day range given identically by two sources is strong evidence by itself
CONFLICT_WINDOW_DAYS = 31
# a plan and a report of the same day worded by different outlets ("will likely broach the seafood
# ban and CPTPP accession" / "the leaders discuss lifting the seafood ban ... for joining the CPTPP")
SAME_DAY_PLAN_REPORT = 0.4
SAME_DAY_PLAN_REPORT_WORDS = 5

_STOP = set(
    "the a an of to in on at for and or but with by from as is are was were be been being this that these "
    "those it its his her their he she they we our will would has have had not no s also into over than then "
    "said says after before about between during while which who whom whose what when where why how".split()
)
_DATEWORDS = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)?|"
    + "|".join(sorted(MONTH_WORDS | FULL_WEEKDAY_WORDS))
    + r"|today|yesterday|tomorrow|week|month|year|last|next)$"
)


@lru_cache(maxsize=65536)
def _tokens(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return frozenset(w for w in words if w not in _STOP and not _DATEWORDS.match(w) and len(w) > 1)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter description's words found in the other (wording differs across outlets)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@lru_cache(maxsize=65536)
def _interval(value: str) -> tuple[date, date]:
    """First and last day an ISO date of any precision covers (once per date string: merging tries
    each new mention against every cluster sharing a word with it)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
    d = date(parts[0], parts[1], parts[2])
    return d, d


def _span(e: DocEvent) -> tuple[date, date]:
    return _range(e.date, e.end)


@lru_cache(maxsize=65536)
def _range(start: str, end: str | None) -> tuple[date, date]:
    lo, hi = _interval(start)
    if end:
        hi = max(hi, _interval(end)[1])
    return lo, hi


def _compatible(a: DocEvent, b: DocEvent) -> bool:
    """Same date, overlapping ranges, or one date inside the other's period."""
    (alo, ahi), (blo, bhi) = _span(a), _span(b)
    return alo <= bhi and blo <= ahi


_DATE_MENTION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b(?:1[5-9]|20)\d\d\b"
)


def _precision(e: DocEvent) -> tuple[int, int, int, int, int]:
    """Rank wordings: most precise date, a range's end, a sentence that stands alone (not "This
    comes..."), fewest dates of other events mentioned, then the longest."""
    standalone, others = _wording(e.text)
    return (len(e.date), 1 if e.end else 0, standalone, -others, len(e.text))


@lru_cache(maxsize=65536)
def _wording(text: str) -> tuple[int, int]:
    """(1 if the sentence stands alone else 0, how many dates of other events it mentions), once
    per text: every mention added to a cluster is ranked."""
    standalone = 0 if re.match(r"(?:This|That|It|These|Those)\b", text) else 1
    return standalone, max(0, len(_DATE_MENTION.findall(text)) - 1)


def _report_rank(e: DocEvent) -> tuple[int, int, int, int]:
    """Rank reports of a plan that took place: a sentence about this event alone (fewest other
    dates), standing alone, then the longest."""
    _, _, standalone, others, length = _precision(e)
    return (others, standalone, 1 if e.end else 0, length)


@dataclass
class _Cluster:
    """The mentions of one event, with what the merge rules ask of them kept up to date as
    members join, so testing a new mention costs the same however many the cluster holds (with
    every member re-read per test, a thousand articles repeating one event took quadratic time)."""

    members: list[tuple[DocEvent, str]] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()
    _best: DocEvent | None = None  # the most precise wording so far, the first of equals
    sources: set[str] = field(default_factory=set)
    ranges: set[tuple[str, str | None]] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)  # the nouns the members' dates are about
    incident_mods: set[str] = field(default_factory=set)  # what the members' incidents were
    # (date, end, status) -> the members' distinct wordings: a plan/report pair is judged by its text
    by_day: dict[tuple[str, str | None, str], dict[str, DocEvent]] = field(default_factory=dict)

    _best_rank: tuple[int, int, int, int, int] | None = None  # `_precision` of `_best`
    span: tuple[date, date] = (date.min, date.min)  # `_span` of `_best`: every mention tried is compared with it

    @property
    def best(self) -> DocEvent:
        assert self._best is not None, "a cluster is made by adding its first member"
        return self._best

    def add(self, e: DocEvent, source: str) -> None:
        self.members.append((e, source))
        rank = _precision(e)
        if self._best_rank is None or rank > self._best_rank:
            self._best, self._best_rank, self.span = e, rank, _span(e)
        self.sources.add(source)
        if e.end:
            self.ranges.add((e.date, e.end))
        self.heads |= _heads(e.text)
        heads, mods = _incident(e.text)
        if heads:
            self.incident_mods |= mods
        self.by_day.setdefault((e.date, e.end, e.status), {}).setdefault(e.text, e)


_HEAD_BEFORE_DATE = re.compile(
    r"\b([a-z][a-z'’-]+)\s+(?:in|on|at|by|from|until|during|since|of)\s+(?:(?:early|mid|late|the)\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|1[5-9]\d\d\b|20\d\d\b)"
)
_HEAD_BEFORE_RELATIVE = re.compile(r"\b([a-z][a-z'’-]+),?\s+(?:that|which|who|whom|whose)\b")
_HEAD_AFTER_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\s+(?:[a-z][a-z'’-]+\s+)?([a-z][a-z'’-]+)")


@lru_cache(maxsize=65536)
def _heads(text: str) -> frozenset[str]:
    """The nouns a row's date is about: the word before "in/on <date>" ("a tender in September"),
    the antecedent of a relative clause ("the tender that ... launched on September 1"), the noun
    after a year premodifier ("the 2024 storm"). Plural and singular count as one; verb forms do not."""
    words = {m.group(1) for rx in (_HEAD_BEFORE_DATE, _HEAD_BEFORE_RELATIVE) for m in rx.finditer(text)}
    words |= {m.group(1) for m in _HEAD_AFTER_YEAR.finditer(text)}
    nouns = {w for w in words if w not in _STOP and not w.endswith(("ed", "ing"))}  # not "held", "signing"
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in nouns)


# nouns for a sudden harmful occurrence: two sources name one with different words
_INCIDENTS = frozenset(
    "accident attack blast bombing catastrophe collapse crash disaster earthquake explosion fire flood "
    "flooding incident massacre quake raid shooting sinking tragedy tsunami uprising".split()
)
_INCIDENT_NP = re.compile(
    r"\b(?:1[5-9]|20)\d\d\s+((?:[A-Za-z][\w’'-]*\s+){0,3}[A-Za-z][\w’'-]*)"  # "1942 undersea mining incident"
    r"|((?:[A-Za-z][\w’'-]*\s+){1,4})(?:in|of)\s+(?:1[5-9]|20)\d\d\b"  # "a collapse at the Hartwell pit in 1952"
)


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "es", "ed", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w


@lru_cache(maxsize=65536)
def _incident(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(incident nouns, their modifiers' stems) of the noun phrases a year dates in `text`."""
    heads: set[str] = set()
    mods: set[str] = set()
    for m in _INCIDENT_NP.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        found = [w.lower() for w in words if w.lower() in _INCIDENTS]
        if found:
            heads.update(found)
            mods.update(_stem(w) for w in words if w.lower() not in _INCIDENTS and w.lower() not in _STOP)
    return frozenset(heads), frozenset(mods)


def _plan_and_report(cluster: _Cluster, e: DocEvent, toks: frozenset[str]) -> bool:
    """A plan for a day and another source's report of that day that share most of what they name."""
    if len(e.date) != 10 or e.status not in ("scheduled", "happened"):
        return False
    other = "scheduled" if e.status == "happened" else "happened"
    for m in cluster.by_day.get((e.date, e.end, other), {}).values():
        shared = _tokens(m.text) & toks
        if len(shared) >= SAME_DAY_PLAN_REPORT_WORDS and overlap(_tokens(m.text), toks) >= SAME_DAY_PLAN_REPORT:
            return True
    return False


def _fits(
    cluster: _Cluster, e: DocEvent, source: str, toks: frozenset[str], span: tuple[date, date]
) -> bool:
    """Does mention `e` (its words `toks`, its `_span` `span`) join `cluster`? Asked of every cluster
    sharing a word with it, so what the cluster's best wording gives is kept on the cluster, and
    the word overlap is worked out only when the dates leave it to decide."""
    if source in cluster.sources:
        return False  # one source's separate clauses are separate events
    best = cluster.best
    if e.end and (e.date, e.end) in cluster.ranges:
        return overlap(cluster.tokens, toks) >= SAME_RANGE
    (best_lo, best_hi), (lo, hi) = cluster.span, span
    if best_lo <= hi and lo <= best_hi:  # `_compatible(best, e)`
        # one incident named with different words: year-dated noun phrases headed by a word for a
        # harmful occurrence that share what it was ("the 1942 mine collapse", "a 1942 undersea
        # mining incident"); "a mine collapse" and "an air raid" of one year stay apart
        heads, mods = _incident(e.text)
        if heads and mods & cluster.incident_mods:
            return True
        if _plan_and_report(cluster, e, toks):
            return True
        sim = overlap(cluster.tokens, toks)
        if len(best.date) != len(e.date):
            # a vaguer mention ("a joint tender in September") joins a precise one ("the tender
            # launched on September 1") only when both name the same thing the date is about
            return sim >= SAME_EVENT and bool(cluster.heads & _heads(e.text))
        return sim >= SAME_EVENT
    if len(best.date) != len(e.date) or abs((best_lo - lo).days) > CONFLICT_WINDOW_DAYS:
        return False
    return overlap(cluster.tokens, toks) >= SAME_EVENT_OTHER_DATE


def _is_history(e: DocEvent, start: str | None) -> bool:
    """True when the event ended before the period began. Only that is background: a plan due
    after the period (an election next June, a deadline next month) is what a reader looks ahead
    to, so it stays in the timeline rather than under "earlier events"."""
    _, hi = _span(e)
    return bool(start) and hi < date.fromisoformat(str(start)[:10])


def _status(main: list[DocEvent], last_day: date, as_of: str | None) -> tuple[str, str | None]:
    """(status, reported) of an entry, relative to the edition date `as_of`, not to the tense of
    the sentences: a plan whose day has passed is `happened` only when some source reports it took
    place (the planned and the reported mentions are one entry); otherwise `unconfirmed`, with the
    date the plan was first reported."""
    if any(e.status == "happened" for e in main):
        return "happened", None
    reported = min((e.reported for e in main if e.reported), default=None)
    if as_of and last_day < date.fromisoformat(as_of[:10]):
        return "unconfirmed", reported
    return "scheduled", reported


def _entry(cluster: _Cluster, start: str | None, as_of: str | None = None) -> model.Event:
    best = cluster.best
    sources = tuple(dict.fromkeys(s for _, s in cluster.members))
    main = [e for e, _ in cluster.members if _compatible(best, e)]
    ends = [e.end for e in main if e.end and len(e.date) == len(best.date)]
    other = tuple(dict.fromkeys(e.date for e, _ in cluster.members if not _compatible(best, e)))
    last_end = best.end or (ends[0] if ends else None)
    status, reported = _status(main, _interval(last_end or best.date)[1], as_of)
    shown = best
    if status == "happened" and best.status != "happened":
        # a plan that took place reads as the report of it, not "X will visit ...", when a source
        # reports it at the same precision
        reports = [
            e
            for e in main
            if e.status == "happened" and len(e.date) == len(best.date) and not states_a_plan(e.text)
        ]
        shown = max(reports, key=_report_rank) if reports else best
    return model.Event(
        date=best.date,
        end=last_end,
        text=shown.text,
        sources=sources,
        status=status,
        background=_is_history(best, start),
        other_dates=other,
        context=shown.context,
        reported=reported,
    )


def build_timeline(
    items: Sequence[tuple[DocEvent, str]],
    period_start: str | None,
    period_end: str | None,
    max_events: int,
    *,
    as_of: str | None = None,
    reports: Sequence[tuple[DocEvent, str]] = (),
) -> tuple[model.Event, ...]:
    """Merge (event, source id) pairs into timeline entries sorted by date.

    At most `max_events` entries: when there are more, those cited by most sources and inside the
    period are kept first. `as_of` is the edition date: plans whose date it has passed are no
    longer `scheduled`. `reports` are the corpus's other events (any subject): a plan is
    `happened` when one of them reports it (it then cites that source too), since whether it took
    place does not depend on the briefing's theme.
    """
    clusters: list[_Cluster] = []
    # every way of joining a cluster needs a word in common with it (all thresholds are above 0),
    # so only clusters sharing a word are tried, earliest first as before: merging grows with the
    # events that share words, not with every pair of events
    having: dict[str, list[int]] = {}
    for e, source in sorted(items, key=lambda it: (it[0].date, it[0].doc_id, it[0].start)):
        toks, span = _tokens(e.text), _span(e)
        sharing = sorted({k for w in toks for k in having.get(w, ())})
        home = None
        lo, hi = span
        ranged = (e.date, e.end) if e.end else None
        for k in sharing:
            cluster = clusters[k]
            if source in cluster.sources:
                continue  # what `_fits` rejects first, without asking it: most clusters tried
            if ranged is None or ranged not in cluster.ranges:
                best_lo, best_hi = cluster.span
                if (best_hi < lo or hi < best_lo) and (
                    len(cluster.best.date) != len(e.date) or abs((best_lo - lo).days) > CONFLICT_WINDOW_DAYS
                ):
                    continue  # dates neither compatible nor close enough to conflict
            if _fits(cluster, e, source, toks, span):
                home = k
                break
        if home is None:
            home = len(clusters)
            cluster = _Cluster(tokens=toks)
            cluster.add(e, source)
            clusters.append(cluster)
            new_words = toks
        else:
            cluster = clusters[home]
            cluster.add(e, source)
            new_words = toks - cluster.tokens
            cluster.tokens = cluster.tokens | toks
        for w in new_words:
            having.setdefault(w, []).append(home)
    _confirm(clusters, reports, set(items))
    entries = [_entry(c, period_start, as_of) for c in clusters]
    if max_events >= 0 and len(entries) > max_events:
        ranked = sorted(entries, key=lambda ev: (-len(ev.sources), ev.background, _neg_date(ev.date)))
        keep = {id(ev) for ev in ranked[:max_events]}
        entries = [ev for ev in entries if id(ev) in keep]
    return tuple(sorted(entries, key=lambda ev: (ev.date, ev.end or "", ev.text)))


def _confirm(
    clusters: list[_Cluster], reports: Sequence[tuple[DocEvent, str]], taken: set[tuple[DocEvent, str]]
) -> None:
    """Join to each plan the same-day report of it another source gives on another subject."""
    by_day: dict[tuple[str, str | None], list[tuple[DocEvent, str]]] = {}
    for e, source in reports:
        if e.status == "happened" and len(e.date) == 10 and (e, source) not in taken:
            by_day.setdefault((e.date, e.end), []).append((e, source))
    named = _NamedReports(by_day)  # indexed on first use: most themes' plans never need it
    for cluster in clusters:
        if any(m.status == "happened" for m, _ in cluster.members):
            continue
        # in date order: a set's order follows string hashing, which differs between processes,
        # and the first report found is the one joined
        days = sorted({(m.date, m.end) for m, _ in cluster.members}, key=lambda d: (d[0], d[1] or ""))
        found = next(
            (
                (e, source)
                for e, source in (r for day in days for r in by_day.get(day, ()))
                if source not in cluster.sources and _plan_and_report(cluster, e, _tokens(e.text))
            ),
            None,
        ) or _named_report(cluster, named, taken)
        if found is not None:
            cluster.add(*found)
            taken.add(found)


_Report = tuple[tuple[str, int], DocEvent, str, frozenset[str], frozenset[str]]  # (day, rank), event, source, occ., names


class _NamedReports:
    """The corpus's same-day reports indexed by the kind of occurrence they name ("summit"), so
    finding the report of a plan reads only the reports of that kind, not every report of every
    day once per plan."""

    def __init__(self, by_day: dict[tuple[str, str | None], list[tuple[DocEvent, str]]]) -> None:
        self._by_day = by_day
        self._by_kind: dict[str, list[_Report]] | None = None

    @property
    def by_kind(self) -> dict[str, list[_Report]]:
        if self._by_kind is None:
            self._by_kind = {}
            rank = 0  # the order the reports were tried in before: by day, then as listed
            for (day, _), found in sorted(self._by_day.items(), key=lambda kv: kv[0][0]):
                for e, source in found:
                    occ, names = _occurrence_and_names(e.text)
                    for kind in occ:
                        self._by_kind.setdefault(kind, []).append(((day, rank), e, source, occ, names))
                    rank += 1
        return self._by_kind


@lru_cache(maxsize=65536)
def _occurrence_and_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """`occurrence_and_names`, once per text in a build (every theme reads the corpus's reports)."""
    occurrences, names = occurrence_and_names(text)
    return frozenset(occurrences), frozenset(names)


def _named_report(
    cluster: _Cluster, named: _NamedReports, taken: set[tuple[DocEvent, str]]
) -> tuple[DocEvent, str] | None:
    """A report, on a day the plan covers, of the same kind of occurrence at the same named place or
    party: "the summit will take place around Jan 13-14 in Nara" and, from any source, "Lee and
    Takaichi open the two-day Nara summit" on Jan 13."""
    plan = cluster.best
    if len(plan.date) != 10:
        return None
    occurrences, names = _occurrence_and_names(plan.text)
    if not occurrences or not names:
        return None
    lo, hi = _span(plan)
    if (hi - lo).days > CONFLICT_WINDOW_DAYS:
        return None
    found = [
        (order, e, source)
        for kind in occurrences
        for order, e, source, _, nm in named.by_kind.get(kind, ())
        if lo <= date.fromisoformat(order[0]) <= hi and nm & names and (e, source) not in taken
    ]
    if not found:
        return None
    _, e, source = min(found, key=lambda f: f[0][1])
    return e, source


def _neg_date(value: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in value.split("-"))
