"""The briefing's timeline: events from all sources merged into one dated, cited list.

The same event reported by several sources (compatible dates, similar wording) becomes one entry
citing each (`clusters` decides which mentions are one event); a source that gives another date
for it is kept in `other_dates` rather than silently dropped; entries outside the briefing's
period are marked `background` (history).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from briefing import model
from briefing.extract.events import DocEvent, states_a_plan
from briefing.extract.events.frames import occurrence_and_names
from briefing.timeline.clusters import (
    CONFLICT_WINDOW_DAYS,
    _Cluster,
    _compatible,
    _fits,
    _interval,
    _plan_and_report,
    _report_rank,
    _span,
    _tokens,
)


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
