"""Which mentions of events are one event: compatible dates and similar wording, or one incident
named with different words; a plan and the later report that it took place; a conflicting date
from another source. The timeline (`briefing.timeline`) builds its entries from these clusters.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from briefing.extract.events import DocEvent
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
