"""What a date rule's regex requires of any text it matches, read off the compiled pattern.

Three facts, each a necessary condition for a match, so a search that relies on them finds
exactly what a plain search finds (`search.py` uses them):

- `required_words`: lower-cased strings, one of which every match contains (a month name, "ago",
  "quarter");
- `first_chars`: a character class every match begins with;
- `barrier_marks`: punctuation marks no part of the pattern, look-arounds included, can consume,
  so no match spans one and no look-around reads past one.

They are read off the regex parser's tree (`re._parser`, internal to the standard library), so a
rule edited or added later gets its own facts with no list to keep up to date. Any construct the
reading does not know gives "no fact", and the rule is then searched the plain way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # internal to `re`; without it every rule is searched the plain way
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python whose `re` is laid out differently
    _c = _p = None

Words = frozenset[str]
_REPEATS = tuple(
    op for op in (getattr(_c, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")) if op
)
_CATEGORY_CLASS = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}
BARRIER_CANDIDATES = ',;:!?()[]{}"“”.%$/'


class _Unknown(Exception):
    """A construct the reading does not handle: no fact for this pattern."""


@lru_cache(maxsize=512)
def _tree(pattern: re.Pattern[str]) -> list | None:
    if _p is None or pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None  # VERBOSE, ASCII, DOTALL, MULTILINE...: not worth reasoning about
    try:
        return list(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - the pattern compiled, so this is only a parser we do not know
        return None


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _scoped(ci: bool, add: int, remove: int) -> bool:
    """Case-insensitivity inside a scoped-flags group; other scoped flags are not handled."""
    if (add | remove) & ~re.IGNORECASE:
        raise _Unknown
    return (ci or bool(add & re.IGNORECASE)) and not (remove & re.IGNORECASE)


def _class(items: list) -> str:
    """The body of a character class (what goes between [ and ]) for a parsed IN node."""
    out: list[str] = []
    for op, av in items:
        if op is _c.NEGATE:
            out.insert(0, "^")
        elif op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and str(av) in _CATEGORY_CLASS:
            out.append(_CATEGORY_CLASS[str(av)])
        else:
            raise _Unknown
    return "".join(out)


# -- required words ------------------------------------------------------------------------


@lru_cache(maxsize=512)
def required_words(pattern: re.Pattern[str]) -> Words | None:
    """Lower-cased strings at least one of which the text of every match of `pattern` contains,
    or None when none can be read off.

    Lower-cased on both sides, the test is exact for case-sensitive and case-insensitive
    patterns alike, except for the few letters IGNORECASE matches to an ASCII letter that
    lower-casing does not turn into it (see `search.FOLD_TRAPS`).
    """
    tree = _tree(pattern)
    return (_sequence_words(tree) or None) if tree is not None else None


def _score(words: Words) -> tuple[int, int]:
    return (min(len(s) for s in words), -len(words))


def _sequence_words(items: list) -> Words | None:
    """The most selective required set among the items of a sequence (a run of ASCII literal
    characters counts as one string)."""
    best: Words | None = None
    run: list[str] = []

    def offer(words: Words | None) -> None:
        nonlocal best
        if words and all(words) and (best is None or _score(words) > _score(best)):
            best = words

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av))
            continue
        if run:
            offer(frozenset({"".join(run).lower()}))
            run = []
        offer(_item_words(op, av))
    if run:
        offer(frozenset({"".join(run).lower()}))
    return best


def _item_words(op: Any, av: Any) -> Words | None:
    if op is _c.SUBPATTERN:
        return _sequence_words(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _sequence_words(list(av))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            words = _sequence_words(list(alternative))
            if not words:
                return None  # one alternative needs no word: the branch needs none
            out |= words
        return frozenset(out)
    if op in _REPEATS:
        low, _high, body = av
        return _sequence_words(list(body)) if low >= 1 else None
    return None  # classes, anchors, look-arounds, back-references: no word required


# -- first characters ----------------------------------------------------------------------


@lru_cache(maxsize=512)
def first_chars(pattern: re.Pattern[str]) -> str | None:
    """A look-ahead (regex source) admitting every character a match of `pattern` can begin
    with, or None when that cannot be read off or a match can be empty."""
    tree = _tree(pattern)
    if tree is None:
        return None
    fragments: dict[bool, list[str]] = {False: [], True: []}  # case-insensitive? -> class items
    try:
        if _first(tree, bool(pattern.flags & re.IGNORECASE), fragments):
            return None  # it can match the empty string
    except _Unknown:
        return None
    parts = [
        f"(?{'i' if ci else '-i'}:[{''.join(dict.fromkeys(items))}])"
        for ci, items in fragments.items()
        if items
    ]
    return f"(?={'|'.join(parts)})" if parts else None


# The non-ASCII characters IGNORECASE matches to an ASCII letter, by that letter (`FOLD_TRAPS`;
# tests/test_timex_search.py checks this table against all of Unicode).
FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _cased(items: list) -> str | None:
    """A case-sensitive class body admitting every character the IN items admit under IGNORECASE
    ("t" -> "tT"), or None when not all of them are ASCII. A search tests a case-sensitive class
    at each position without lower-casing the character: the look-ahead costs less than half."""
    out: list[str] = []
    for op, av in items:
        if op is _c.CATEGORY and str(av) in _CATEGORY_CLASS:
            out.append(_CATEGORY_CLASS[str(av)])  # digits, spaces, word characters: no case
            continue
        if op is _c.LITERAL:
            codes = range(av, av + 1)
        elif op is _c.RANGE:
            codes = range(av[0], av[1] + 1)
        else:
            return None
        if codes.stop > 128:
            return None
        for code in codes:
            low = chr(code).lower()
            out.extend(_char(ord(x)) for x in dict.fromkeys(low + low.upper() + FOLDS.get(low, "")))
    return "".join(out)


def _add(items: list, ci: bool, out: dict[bool, list[str]]) -> None:
    cased = _cased(items) if ci else None
    if cased is not None:
        out[False].append(cased)
    else:
        out[ci].append(_class(items))


def _first(items: list, ci: bool, out: dict[bool, list[str]]) -> bool:
    """Add the possible first characters of a sequence to `out`; True when it can match empty."""
    for op, av in items:
        if op is _c.LITERAL:
            _add([(op, av)], ci, out)
            return False
        if op is _c.IN:
            if any(iop is _c.NEGATE for iop, _ in av):
                raise _Unknown
            _add(list(av), ci, out)
            return False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the first character is still to come
        if op is _c.SUBPATTERN:
            if not _first(list(av[-1]), _scoped(ci, av[1], av[2]), out):
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
        if op in _REPEATS:
            low, _high, body = av
            if not _first(list(body), ci, out) and low >= 1:
                return False
            continue
        raise _Unknown  # any character, a negated literal, a back-reference, a conditional group
    return True


@lru_cache(maxsize=512)
def starts_at_word_boundary(pattern: re.Pattern[str]) -> bool:
    """True when every match of `pattern` begins with `\\b` (each alternative opens with it), so
    a search can test that first: it fails at once inside a word, where most positions are."""
    tree = _tree(pattern)
    return tree is not None and _boundary_first(tree)


def _boundary_first(items: list) -> bool:
    for op, av in items:
        if op is _c.AT and av is _c.AT_BOUNDARY:
            return True
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # another zero-width test at the same place
        if op is _c.SUBPATTERN:
            return _boundary_first(list(av[-1]))
        if op is _c.BRANCH:
            return all(_boundary_first(list(alternative)) for alternative in av[1])
        return False
    return False


# -- barrier marks -------------------------------------------------------------------------


@lru_cache(maxsize=512)
def barrier_marks(pattern: re.Pattern[str]) -> str:
    """The marks of `BARRIER_CANDIDATES` that no part of `pattern` (look-arounds included) can
    consume; "" when unknown."""
    tree = _tree(pattern)
    if tree is None:
        return ""
    left = set(BARRIER_CANDIDATES)
    try:
        _consumed(tree, bool(pattern.flags & re.IGNORECASE), left)
    except _Unknown:
        return ""
    return "".join(c for c in BARRIER_CANDIDATES if c in left)


def _consumed(items: list, ci: bool, left: set[str]) -> None:
    """Remove from `left` every mark some node of the sequence can consume."""
    for op, av in items:
        if op is _c.LITERAL:
            left.discard(chr(av))  # the marks have no case: only the mark itself matches it
        elif op is _c.NOT_LITERAL or op is _c.ANY:
            left.intersection_update({chr(av)} if op is _c.NOT_LITERAL else set())
        elif op is _c.IN:
            cls = re.compile(f"(?{'i' if ci else '-i'}:[{_class(av)}])")
            left.difference_update([c for c in left if cls.fullmatch(c)])
        elif op in (_c.AT, _c.GROUPREF):
            continue  # zero width; a back-reference consumes only what its group's nodes did
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _consumed(list(av[1]), ci, left)
        elif op is _c.SUBPATTERN:
            _consumed(list(av[-1]), _scoped(ci, av[1], av[2]), left)
        elif op is _c.ATOMIC_GROUP:
            _consumed(list(av), ci, left)
        elif op is _c.BRANCH:
            for alternative in av[1]:
                _consumed(list(alternative), ci, left)
        elif op in _REPEATS:
            _consumed(list(av[2]), ci, left)
        elif op is _c.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    _consumed(list(branch), ci, left)
        else:
            raise _Unknown
