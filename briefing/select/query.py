"""Turn a theme's configuration into a weighted query.

A theme is defined by kinds of evidence that are not equally strong: a multi-word
phrase ("seafood import ban") is far less ambiguous than a single term ("seafood"),
an alias names the theme's very subject, and a person of interest is a good signal
but a surname alone is not.  Each kind gets its own weight, so the ranking can
prefer the stronger evidence while term rarity (in `bm25`) does the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.model import Person, Theme
from briefing.select.tokenize import Token, tokens

# Weights per kind of evidence; a multi-word term counts as a phrase.
WEIGHTS = {"term": 1.0, "phrase": 1.6, "alias": 1.3, "person": 1.0}
# A one-word alias several people share: supporting evidence only, below the relevance gate alone.
AMBIGUOUS = 0.5


@dataclass(frozen=True)
class Concept:
    label: str  # the configured wording, used as a sub-topic label
    pattern: tuple[Token, ...]  # tokens matched in sequence
    weight: float
    kind: str  # term | phrase | alias | person


@dataclass(frozen=True)
class Query:
    theme_id: str
    concepts: tuple[Concept, ...]
    exclude: tuple[Concept, ...]


def _concept(
    wording: str, kind: str, label: str | None = None, weight: float | None = None
) -> Concept | None:
    pattern = tuple(tokens(wording))
    if not pattern:
        return None
    if weight is None:
        weight = WEIGHTS["phrase"] if kind == "term" and len(pattern) > 1 else WEIGHTS[kind]
    return Concept(label=label or wording, pattern=pattern, weight=weight, kind=kind)


def _shared_words(people: Sequence[Person]) -> set[str]:
    """Return the name words that belong to more than one person in the registry ("Lee")."""
    owners: dict[str, set[str]] = {}
    for p in people:
        for wording in (p.name, *p.aliases):
            for tok in tokens(wording):
                owners.setdefault(tok.key, set()).add(p.name)
    return {k for k, names in owners.items() if len(names) > 1}


def build_query(theme: Theme, people: Sequence[Person] = ()) -> Query:
    """Return the weighted query for `theme`; the same wording listed twice counts once (strongest kind)."""
    by_name = {p.name: p for p in people}
    shared = _shared_words(people)
    found: dict[tuple[Token, ...], Concept] = {}

    def add(c: Concept | None) -> None:
        if c is None:
            return
        old = found.get(c.pattern)
        if old is None or c.weight > old.weight:
            found[c.pattern] = c

    for t in theme.terms:
        add(_concept(t, "term"))
    for p in theme.phrases:
        add(_concept(p, "phrase"))
    for a in theme.aliases:
        add(_concept(a, "alias"))
    for name in theme.people:
        person = by_name.get(name)
        add(_concept(name, "person"))
        for alias in person.aliases if person else ():
            # one sub-topic per person, whatever the wording; a one-word alias that other people in
            # the registry share ("Lee" for Lee Jae Myung and Lee Hyuk) cannot name this one alone
            pattern = tokens(alias)
            ambiguous = len(pattern) == 1 and pattern[0].key in shared
            add(_concept(alias, "person", label=name, weight=AMBIGUOUS if ambiguous else None))
    exclude = tuple(c for c in (_concept(x, "term") for x in theme.exclude) if c is not None)
    return Query(theme_id=theme.id, concepts=tuple(found.values()), exclude=exclude)


def plain_query(theme: Theme) -> Query:
    """Return the baseline query: the theme's terms as a bag of single words, equal weights.

    Used by the benchmark to show what the weighted query adds over plain BM25.
    """
    seen: dict[tuple[Token, ...], Concept] = {}
    for term in theme.terms:
        for tok in tokens(term):
            seen.setdefault((tok,), Concept(tok.key, (tok,), 1.0, "term"))
    return Query(theme_id=theme.id, concepts=tuple(seen.values()), exclude=())
