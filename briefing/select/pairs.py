"""A theme about a pair of countries is not evidenced by that pair's name paired with someone else.

A theme such as "South Korea-China relations" lists its pair in its own wording ("Korea-China",
"Sino-Korean", "South Korea-China relations").  News text names other pairs the same way:
"U.S.-China rivalry", "China-Japan tension".  There "China" modifies a noun about another
relationship; a sentence whose only link to the theme is that word inside such a compound, and
that never names the theme's other side, is about the other pair, not this one ("As U.S.-China
tensions spill over into the military realm, the international order is reshaped").  A compound
that also names the other side ("China-Japan-South Korea trilateral ties"), or a sentence that
names it elsewhere ("South Korea's balancing act remains complex as China-Japan tension
grows"), still speaks to the theme.

Only themes whose configuration itself writes a pair of names joined by a hyphen have sides; for
any other theme ("North Korea", "CPTPP") nothing changes, so "U.S.-North Korea talks" stays
evidence for a theme about North Korea.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from briefing.select.bm25 import Match, evidence
from briefing.select.query import Query
from briefing.select.tokenize import stem, tokens
from briefing.select.units import Unit
from briefing.text.normalise import fold_typography

# Names joined by hyphens or dashes, the last one possibly of several words ("China-Japan-South Korea").
_PART = r"[A-Z][A-Za-z]*(?:\.[A-Z])*\.?"
_COMPOUND = re.compile(rf"{_PART}(?:[-\u2010\u2011\u2013]{_PART})+(?:\s+[A-Z][a-z]+)*")
_SPLIT = re.compile(r"[-\u2010\u2011\u2013]")
_PLACEHOLDER = "pairing"  # a lower-case word: matches no proper-noun concept and breaks no phrase


def sides(query: Query) -> frozenset[str]:
    """Return the stems of the names the theme's own compounds pair ("korea", "china"), or nothing
    when its configuration writes no such compound."""
    out: set[str] = set()
    for c in query.concepts:
        if c.kind == "person":
            continue
        for m in _COMPOUND.finditer(fold_typography(c.label)):
            out |= _names(m.group(0))
    return frozenset(out) if len(out) >= 2 else frozenset()


def without_other_pairs(
    units: Sequence[Unit], matches: Mapping[int, Match], query: Query, gate: float
) -> dict[int, Match]:
    """Return the matches, less the sentences that meet the gate only through a compound pairing a
    theme name with a party outside the theme (see the module doc)."""
    theme_sides = sides(query)
    if not theme_sides:
        return dict(matches)
    out = {}
    verdicts: dict[str, bool] = {}  # by text: copies of an article repeat their sentences
    for u, m in matches.items():
        text = units[u].text
        keep = verdicts.get(text)
        if keep is None:
            keep = verdicts[text] = not _only_other_pairs(text, query, gate, theme_sides)
        if keep:
            out[u] = m
    return out


def _only_other_pairs(text: str, query: Query, gate: float, theme_sides: frozenset[str]) -> bool:
    """True when the sentence meets the gate only through compounds pairing a theme name with an
    outside party, and never names the theme's other side."""
    text = fold_typography(text)
    paired: set[str] = set()  # the theme's names found paired with an outside party
    masked = _COMPOUND.sub(functools.partial(_mask, theme_sides=theme_sides, paired=paired), text)
    if paired and evidence(query, tokens(masked)) < gate:
        named = {t.key for t in tokens(masked) if t.cap} & theme_sides
        return not named - paired
    return False


def _mask(match: re.Match[str], theme_sides: frozenset[str], paired: set[str]) -> str:
    """Return the compound, or a placeholder when it pairs one theme name with an outside party
    (noted in `paired`)."""
    compound = match.group(0)
    names = _names(compound)
    ours = names & theme_sides
    if len(ours) >= 2 or not ours:
        return compound  # the theme's own pair (or more), or no theme name at all
    paired |= ours
    return _PLACEHOLDER


def _names(compound: str) -> set[str]:
    """Return the stems of the names in a compound; a several-word part counts by each word."""
    return {stem(w.strip(".")) for part in _SPLIT.split(compound) for w in part.split() if w.strip(".")}
