"""Cheap tests that spare the date rules' regex searches, without changing what they find.

Most of the tagger's time went into running every rule's regex over every text, and most rules
find nothing in a given article ("century", "quarter", clock times...). Every match of a rule
contains at least one of a few literal strings that its pattern requires (a month name, "ago",
"quarter"), so a text that contains none of them cannot match, and the rule is skipped without
changing any result. The strings are read off each compiled pattern's parse tree, so a rule
edited or added later gets its own test with no list to keep up to date; a pattern whose
structure gives no such string is simply always run.

Second, `guarded` gives each pattern a look-ahead that admits only the characters a match can
begin with (read off the same tree), so the regex engine rejects most positions with one class
test instead of trying every alternative of the pattern's optional prefixes there.

The word test compares lower-cased strings, which is exact for case-sensitive and case-insensitive
patterns alike, with one caveat handled here: a few non-ASCII letters match an ASCII letter
under IGNORECASE while lower-casing does not turn them into it (dotless "ı", long "ſ",
dotted "İ", the Kelvin sign). A text holding any of them is searched with every rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # the regex parser is internal to `re`; without it every rule simply runs
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - only on a Python whose `re` is laid out differently
    _c = _p = None

# letters that IGNORECASE matches to an ASCII letter but str.lower() does not map to it
# (tests/test_timex_prefilter.py checks this list against the whole of Unicode)
FOLD_TRAPS = frozenset("\u0130\u0131\u017f\u212a")

Literals = frozenset[str]


@lru_cache(maxsize=512)
def required(pattern: re.Pattern[str]) -> Literals | None:
    """Lower-cased strings at least one of which the text of every match of `pattern` contains,
    or None when none can be read off the pattern (the rule must then always be searched)."""
    if _p is None:
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown construct only means no shortcut
        return None
    found = _sequence(list(tree))
    return found if found else None


def may_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """False only when `pattern` cannot match the text whose lower-cased form is `lowered`."""
    need = required(pattern)
    return need is None or any(s in lowered for s in need)


def lowered_for_test(text: str) -> str | None:
    """The text in the form `may_match` tests, or None when the test would not be exact for it."""
    if any(ch in text for ch in FOLD_TRAPS):
        return None
    return text.lower()


def _score(lits: Literals) -> tuple[int, int]:
    return (min(len(s) for s in lits), -len(lits))


def _sequence(items: list) -> Literals | None:
    """The most selective required set among the items of a sequence (a run of literal characters
    counts as one string)."""
    best: Literals | None = None
    run: list[str] = []

    def offer(lits: Literals | None) -> None:
        nonlocal best
        if lits and all(lits) and (best is None or _score(lits) > _score(best)):
            best = lits

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        if run:
            offer(frozenset({"".join(run).lower()}))
            run = []
        offer(_item(op, av))
    if run:
        offer(frozenset({"".join(run).lower()}))
    return best


def _item(op, av) -> Literals | None:
    """The required set of one parse-tree node, or None when it requires no literal text."""
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            lits = _sequence(list(alternative))
            if not lits:
                return None  # one alternative needs no literal: the branch needs none
            out |= lits
        return frozenset(out)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    return None  # classes, anchors, lookarounds, back-references: no literal required


# -- first characters ---------------------------------------------------------------------


class _NoGuard(Exception):
    """The pattern's first characters cannot be read off (a negated class, any character, a
    back-reference...): the pattern is used as it is."""


_CATEGORY_CLASS = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _char(code: int) -> str:
    return f"\\U{code:08x}"


@lru_cache(maxsize=512)
def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a look-ahead for the characters its matches can begin with: the same
    matches (spans, groups) found faster; `pattern` itself when that set cannot be read off."""
    if _p is None or pattern.flags & re.VERBOSE:
        return pattern
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
        fragments: dict[bool, list[str]] = {False: [], True: []}  # case-insensitive? -> class items
        if _first(list(tree), bool(pattern.flags & re.IGNORECASE), fragments):
            return pattern  # it can match the empty string: no first character to require
        parts = [
            f"(?{'i' if ci else '-i'}:[{''.join(dict.fromkeys(items))}])"
            for ci, items in fragments.items()
            if items
        ]
        if not parts:
            return pattern
        return re.compile(f"(?={'|'.join(parts)})(?:{pattern.pattern})", pattern.flags)
    except (_NoGuard, re.error, RecursionError):
        return pattern


def _first(items: list, ci: bool, out: dict[bool, list[str]]) -> bool:
    """Add the possible first characters of a sequence to `out`; True when it can match empty."""
    for op, av in items:
        if op is _c.LITERAL:
            out[ci].append(_char(av))
            return False
        if op is _c.IN:
            for iop, iav in av:
                if iop is _c.LITERAL:
                    out[ci].append(_char(iav))
                elif iop is _c.RANGE:
                    out[ci].append(f"{_char(iav[0])}-{_char(iav[1])}")
                elif iop is _c.CATEGORY and str(iav) in _CATEGORY_CLASS:
                    out[ci].append(_CATEGORY_CLASS[str(iav)])
                else:
                    raise _NoGuard  # a negated class, or one read differently
            return False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the first character is still to come
        if op is _c.SUBPATTERN:
            _group, add, remove, body = av
            if (add | remove) & ~re.IGNORECASE:
                raise _NoGuard  # other scoped flags (ASCII...) would change what a class means
            inner = (ci or bool(add & re.IGNORECASE)) and not (remove & re.IGNORECASE)
            if not _first(list(body), inner, out):
                return False
            continue
        if op is _c.ATOMIC_GROUP:
            if not _first(list(av), ci, out):
                return False
            continue
        if op is _c.BRANCH:
            empty = False
            for alternative in av[1]:
                empty = _first(list(alternative), ci, out) or empty
            if not empty:
                return False
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low, _high, body = av
            if not _first(list(body), ci, out) and low >= 1:
                return False
            continue
        raise _NoGuard  # any character, a negated literal, a back-reference, a conditional group
    return True
