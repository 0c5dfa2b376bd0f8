"""The tagging loop: collect rule matches, keep the longest non-overlapping ones, normalise in order.

Normalisation runs left to right because anaphoric expressions ("five months later", "the following
day") resolve against the last date the text mentioned, which must already be known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .calendar import Anchor
from .search import finditer, lowered_for_test
from .tense import direction


@dataclass(frozen=True)
class Result:
    type: str
    value: str
    end_value: str | None = None
    anchor: Anchor | None = None  # becomes the reference time for later anaphora
    explicit: bool = False  # carries its own year: anchors year-less dates in its paragraph
    start: int | None = None  # span corrections (None: the match's span)
    end: int | None = None
    kind: str = ""  # rule family, for consumers that treat some families differently


Handler = Callable[[re.Match[str], "Ctx"], Result | None]
Guard = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    guard: Guard | None = None
    group: int | str = 0  # the group whose span is the expression (context may surround it)


_RANK = {"Y": 0, "M": 1, "D": 2}


@dataclass
class Ctx:
    text: str
    dct: date | None
    refs: list[tuple[int, Anchor]] = field(default_factory=list)
    explicit: list[tuple[int, Anchor]] = field(default_factory=list)
    last_range: tuple[date, date] | None = None  # "the second day" of the trip counts from here
    last_quarter: tuple[int, str] | None = None  # (position, "1989-Q3"): "a year ago" in results news

    def direction(self, start: int, end: int) -> str | None:
        return direction(self.text, start, end)

    def ref(self, need: str, pos: int | None = None) -> date | None:
        """Latest date mentioned in the paragraph at least as precise as `need` ("Y", "M", "D");
        else the DCT (a date two paragraphs up is rarely what "two days later" counts from)."""
        para = self.text.rfind("\n", 0, pos) if pos is not None else -1
        for p, a in reversed(self.refs):
            if p < para:
                break
            if _RANK[a.precision] >= _RANK[need]:
                return a.day
        return self.dct

    def year_anchor(self, pos: int) -> date | None:
        """Anchor for a month-day without a year: an explicit full date earlier in the paragraph."""
        para = self.text.rfind("\n", 0, pos)
        for p, a in reversed(self.explicit):
            if p < para:
                break
            if a.precision == "D":
                return a.day
        return self.dct


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    value: str
    end_value: str | None
    kind: str


Taken = list[tuple[int, int, int, re.Match[str]]]  # (start, end, rule index, match), in text order

# The matches kept for the last few texts. Which expressions a text holds does not depend on the
# document date (only their values do), and an undated document is tagged once per candidate date
# while its date is inferred, then once more to extract its events.
# (The rule list is kept with its entry, so its id cannot be reused while the entry lives.)
_TAKEN: dict[tuple[int, str], tuple[list[Rule], Taken]] = {}
_TAKEN_KEEP = 2


def _taken(rules: list[Rule], text: str) -> Taken:
    key = (id(rules), text)
    entry = _TAKEN.get(key)
    if entry is None or entry[0] is not rules:
        entry = (rules, _select(rules, text))
        if len(_TAKEN) >= _TAKEN_KEEP:
            del _TAKEN[next(iter(_TAKEN))]
        _TAKEN[key] = entry
    return entry[1]


def _select(rules: list[Rule], text: str) -> Taken:
    """Every rule's matches, then the longest non-overlapping ones (earlier rules win ties)."""
    cands: Taken = []
    lowered = lowered_for_test(text)
    marks: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for m in finditer(rule.pattern, text, lowered, marks):  # the same matches, found faster
            s, e = m.span(rule.group)
            if s == e or (rule.guard and not rule.guard(m, text)):
                continue
            cands.append((s, e, i, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: Taken = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        if any(occupied[c[0] : c[1]]):
            continue
        occupied[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    return taken


def run_rules(rules: list[Rule], text: str, dct: date | None) -> list[Found]:
    taken = _taken(rules, text)
    ctx = Ctx(text, dct)
    out: list[Found] = []
    for s, e, i, m in taken:
        res = rules[i].handler(m, ctx)
        if res is None:
            continue
        s2 = res.start if res.start is not None else s
        e2 = res.end if res.end is not None else e
        if res.anchor is not None:
            ctx.refs.append((s2, res.anchor))
            if res.explicit:
                ctx.explicit.append((s2, res.anchor))
        if res.end_value and len(res.value) == 10 and len(res.end_value) == 10 and res.value[0].isdigit():
            ctx.last_range = (date.fromisoformat(res.value), date.fromisoformat(res.end_value))
        if re.match(r"^\d{4}-Q[1-4]$", res.value) and res.kind != "ago":  # not the compared quarter
            ctx.last_quarter = (s2, res.value)
        out.append(Found(s2, e2, res.type, res.value, res.end_value, res.kind or rules[i].name))
    return out
