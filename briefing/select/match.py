"""Does one sentence speak to a theme? The selector's own test, for events and quotes.

The timeline and the quotes of a theme must use the same notion of "on theme" as
the passages (phrase order, capitalised proper nouns, excluded terms, shared surnames),
so they call the selector's evidence rather than a second keyword matcher.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from briefing.model import Person, Theme
from briefing.select.bm25 import evidence
from briefing.select.pipeline import GATE
from briefing.select.query import build_query
from briefing.select.tokenize import STOPWORDS, Token, tokens


def theme_filter(theme: Theme, people: Sequence[Person]) -> Callable[[str], bool]:
    """Return a predicate: True when the text alone carries enough theme evidence to be selected."""
    query = build_query(theme, people)
    return lambda text: evidence(query, sentence_tokens(text)) >= GATE


def theme_keys(theme: Theme, people: Sequence[Person]) -> frozenset[str]:
    """Return one key of every concept of the theme (its longest word that is not a function word).

    A concept matches only where all its words are, so a text (or a document) containing none of
    these keys has no theme evidence at all: `theme_filter` is False for each of its sentences."""
    return frozenset(
        max(c.pattern, key=lambda t: (t.key not in STOPWORDS, len(t.key))).key
        for c in build_query(theme, people).concepts
    )


@lru_cache(maxsize=1 << 16)
def sentence_tokens(text: str) -> tuple[Token, ...]:
    """Return the tokens of an event or quote sentence; every theme asks about the same sentences,
    so each is tokenised once per build, not once per theme."""
    return tuple(tokens(text))
