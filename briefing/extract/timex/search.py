"""Searching a date rule's regex only where it can match, finding exactly what a plain search finds.

Most of the tagger's time went into running about forty regexes over every text, and most of
them find nothing there ("century", "quarter", clock times), or find it in two places. Three
facts about each pattern (`patterns.py`) narrow the search without changing its result:

- every match contains one of the pattern's required words, so a text without any of them is
  skipped;
- every match begins with one of its first characters, so the regex sits behind a look-ahead for
  them and the engine rejects most positions with one class test;
- no match spans a barrier mark (a "," or "(" the pattern cannot consume) and no look-around reads
  past one, so only the stretches between marks that hold a required word are searched. Searched
  with the end of the stretch, the mark included, as the end of the string, each search sees
  what it would see in the whole text, and finds the same matches there.

The word test compares lower-cased text with lower-cased words. A few letters match an ASCII
letter under IGNORECASE although lower-casing does not turn them into it (dotless "ı", long "ſ",
dotted "İ", the Kelvin sign): a text holding one is searched the plain way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, repeat

from briefing.text.normalise import FOLD_TRAPS, lowered_for_test

from .patterns import barrier_marks, first_chars, required_words, starts_at_word_boundary

__all__ = ["FOLD_TRAPS", "Plan", "finditer", "lowered_for_test", "plan", "word_hits"]

# one required word per this many characters or more: a single pass over the whole text is cheaper
# than a search per stretch
DENSE = 100


@dataclass(frozen=True)
class Plan:
    """How to search one pattern: the pattern behind its first-character look-ahead, a search for
    its required words (in lower-cased text) and one for its barrier marks, when known."""

    fast: re.Pattern[str]
    words: re.Pattern[str] | None
    marks: str
    need: tuple[str, ...] = ()  # the required words, as `words` tries them (longest first)


@lru_cache(maxsize=512)
def plan(pattern: re.Pattern[str]) -> Plan:
    guard = first_chars(pattern)
    if guard and starts_at_word_boundary(pattern):
        guard = r"\b" + guard  # the cheaper test first
    fast = re.compile(f"{guard}(?:{pattern.pattern})", pattern.flags) if guard else pattern
    # longest first: the first alternative that matches is reported, and any will do
    need = tuple(sorted(required_words(pattern) or (), key=len, reverse=True))
    words = re.compile("|".join(re.escape(w) for w in need)) if need else None
    return Plan(fast, words, barrier_marks(pattern) if guard else "", need)


def finditer(
    pattern: re.Pattern[str], text: str, lowered: str | None, marks: dict[str, list[int]]
) -> Iterable[re.Match[str]]:
    """The matches of `pattern` in `text`, exactly those of `pattern.finditer(text)`.

    `lowered` is `lowered_for_test(text)`; `marks` keeps, per set of barrier marks, where they
    stand in `text`, and per required word (keyed with a leading NUL) where it stands in
    `lowered` (shared by the rules searching one text).
    """
    p = plan(pattern)
    if lowered is None or p.words is None:
        return p.fast.finditer(text)
    limit = len(text) // DENSE + 4  # past this many words, one pass over the whole text is cheaper
    hits = word_hits(p, lowered, limit, marks)
    if len(hits) > limit:
        return p.fast.finditer(text)
    if not hits:
        return ()  # none of the words any match contains
    if not p.marks:
        return p.fast.finditer(text)
    where = marks.get(p.marks)
    if where is None:
        where = marks[p.marks] = [m.start() for m in re.finditer(f"[{re.escape(p.marks)}]", text)]
    return _in_stretches(p.fast, text, where, sorted({bisect.bisect_right(where, i) for i in hits}))


def word_hits(p: Plan, lowered: str, limit: int, seen: dict[str, list[int]]) -> list[int]:
    """Where `p.words.finditer(lowered)` matches, up to its first `limit` + 1 matches.

    Each word's places (at most `limit` + 2 of them) are found with `str.find`, once per text
    for all the rules that require the word, then the regex's choices are replayed: the
    leftmost place at or after the end of the previous match, the longest word there. Where a
    word's list was cut short, the places up to its last one are still all known, and so are
    the matches up to there; only when those are too few to decide does the regex answer."""
    assert p.words is not None
    places: list[tuple[int, int]] = []
    known = len(lowered)  # every place of every word up to here is in `places`
    for word in p.need:
        at = seen.get("\0" + word)
        if at is None:
            at = seen["\0" + word] = _places(lowered, word, limit + 2)
        if len(at) > limit + 1:
            known = min(known, at[-1])
        places.extend(zip(at, repeat(-len(word))))
    places.sort()
    hits: list[int] = []
    end = 0
    for i, minus_len in places:
        if i > known:
            break
        if i >= end:
            hits.append(i)
            if len(hits) > limit:
                return hits
            end = i - minus_len
    if known < len(lowered):  # cut short before deciding
        return [m.start() for m in islice(p.words.finditer(lowered), limit + 1)]
    return hits


def _places(text: str, word: str, most: int) -> list[int]:
    """Every place `word` starts in `text` (overlapping ones too), at most `most` of them."""
    out: list[int] = []
    i = text.find(word)
    while i >= 0 and len(out) < most:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _in_stretches(
    pattern: re.Pattern[str], text: str, marks: list[int], stretches: list[int]
) -> Iterator[re.Match[str]]:
    """Search each stretch (k: the text between marks[k-1] and marks[k]) as the whole text would."""
    for k in stretches:
        pos = marks[k - 1] + 1 if k > 0 else 0
        end = marks[k] + 1 if k < len(marks) else len(text)  # the mark itself stays in view
        while True:
            m = pattern.search(text, pos, end)
            if m is None:
                break
            yield m
            pos = m.end()
