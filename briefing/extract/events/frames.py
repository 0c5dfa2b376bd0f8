"""Dates that frame a statement rather than date an event, and the current year when it does date one.

"The mayor hopes to settle the dispute this year" sets a horizon for an aim; "its first fair since
2012" measures a gap. Neither is an event of its own. But "voiced support for the city's hosting of
the regional games this year" schedules one: a date right after a noun phrase that names an
occurrence (a hosting, an election, a summit, a festival) dates that occurrence. The row is then the
predicate that names it, from its verb to the date, so the rest of the sentence is not dated too.
"""

from __future__ import annotations

import re

from briefing.text.calendar import FULL_WEEKDAY_WORDS, MONTH_ABBREVIATIONS, MONTH_WORDS, WEEKDAY_ABBREVIATIONS

from .grammar import DETERMINERS, FINITE, PREPOSITIONS, verb_form

# nouns that name an occurrence that can be held or take place on a date
_OCCURRENCES = frozenset(
    "hosting election elections summit meeting meetings visit games olympics olympiad conference vote "
    "referendum talks tournament championship championships festival fair expo exhibition launch "
    "opening ceremony trip tour congress session forum cup race celebration inauguration parade "
    "census trial hearing assembly convention polls poll ballot primary primaries caucus rally "
    "marathon biennale concert premiere".split()
)
# an aim, hope or forecast governs the date: a horizon, not a scheduled event
ASPIRATION = re.compile(
    r"\b(?:seek|seeks|seeking|sought|hope|hopes|hoped|hoping|aim|aims|aimed|aiming|want|wants|wanted|"
    r"wish|wishes|wished|try|tries|tried|trying|strive|strives|striving|efforts?|push|pushes|pushing|"
    r"goal|target|targets|intend|intends|intended|vow|vows|vowed|pledge|pledges|pledged|promise|"
    r"promises|promised|expect|expects|expected|likely|could|might|may|forecasts?|projected|growth)\b",
    re.IGNORECASE,
)
_SINCE_GAP = re.compile(
    r"\b(?:first|only|last|most|least|[a-z]{2,}est)\b(?:\s+[\w’'-]+){0,3}\s+since\s+$", re.IGNORECASE
)


def measures_a_gap(text: str, t_start: int) -> bool:
    """ "its first fair since 2012", "the highest level since 2008": the year ends a gap, it dates
    nothing said here."""
    return bool(_SINCE_GAP.search(text, max(0, t_start - 60), t_start))


def current_year_unit(text: str, body_start: int, t_start: int, t_end: int) -> tuple[int, int] | None:
    """(start, end) of the predicate a current-year date ("this year", "in 2026" in a 2026 article)
    schedules, when what it dates is a named occurrence and no aim governs it; else None.

    "... and voiced support for the city's hosting of the games this year" -> "voiced support for
    the city's hosting of the games this year"."""
    words = list(re.finditer(r"[\w’'‑-]+|[,;:()–—]", text[body_start:t_start]))
    start, named = None, False
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group()
        low = w.lower()
        if w in ",;:()–—":
            break
        before = words[k - 1].group().lower() if k > 0 else ""
        as_verb = before in FINITE or before == "to"  # "will visit", "to host": a verb, not a noun
        if not as_verb and (low in _OCCURRENCES or (w[:1].isupper() and low.rstrip("s") in _OCCURRENCES)):
            named = True
        if (low in _OCCURRENCES and not as_verb) or w[:1].isupper():
            start = body_start + words[k].start()
            continue  # a noun ("meeting") or a name, never the verb
        gerund = low.endswith("ing") and (before in DETERMINERS or before.endswith(("’s", "'s")))
        if (verb_form(w) or low.endswith("ing")) and not gerund and low not in PREPOSITIONS:
            start = body_start + words[k].start()
            break
        start = body_start + words[k].start()
    if start is None or not named:
        return None
    if not any(verb_form(w.group()) for w in words if body_start + w.start() < start):
        start = body_start  # the clause's own verb: the row keeps its subject ("Oslo will host ...")
    if ASPIRATION.search(text, max(body_start, start - 40), t_start):
        return None
    return start, t_end


_NOT_NAMES = (
    MONTH_WORDS | MONTH_ABBREVIATIONS | FULL_WEEKDAY_WORDS | WEEKDAY_ABBREVIATIONS | {"the", "a", "an"}
)


def occurrence_and_names(text: str) -> tuple[set[str], set[str]]:
    """(occurrence nouns, capitalised names) a text mentions: "the Nara summit" -> ({"summit"}, {"nara"})."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    occurrences = {w.lower() for w in words if w.lower() in _OCCURRENCES}
    names = {w.lower() for i, w in enumerate(words) if i and w[:1].isupper() and w.lower() not in _NOT_NAMES}
    return occurrences, names
