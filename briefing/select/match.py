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
from briefing.select.query import Query, build_query
from briefing.select.tokenize import STOPWORDS, Token, tokens
from briefing.text.normalise import fold_typography


def theme_filter(theme: Theme, people: Sequence[Person]) -> Callable[[str], bool]:
    """Return a predicate: True when the text alone carries enough theme evidence to be selected.

    A text without the written form of any concept's signature word (`_signatures`) is answered
    without tokenising it: the build asks this of every event and quote for every theme."""
    query = build_query(theme, people)
    written = sorted({_written(k) for k in _signatures(query)})

    def on_theme(text: str) -> bool:
        folded = (text if text.isascii() else fold_typography(text)).lower().replace("'", "")
        for w in written:
            if w in folded:
                return evidence(query, sentence_tokens(text)) >= GATE
        return False

    return on_theme


def theme_keys(theme: Theme, people: Sequence[Person]) -> frozenset[str]:
    """Return one key of every concept of the theme (its longest word that is not a function word).

    A concept matches only where all its words are, so a text (or a document) containing none of
    these keys has no theme evidence at all: `theme_filter` is False for each of its sentences."""
    return _signatures(build_query(theme, people))


def _signatures(query: Query) -> frozenset[str]:
    return frozenset(max(c.pattern, key=lambda t: (t.key not in STOPWORDS, len(t.key))).key for c in query.concepts)


def _written(key: str) -> str:
    """Return a part of `key` that every word with this key has, lower case and without apostrophes.

    `tokenize.stem` changes only a word's ending: it drops a plural or possessive ending (the key is
    then a prefix of the word), turns -ies into -y and -ise- into -ize-; those endings are cut here."""
    for ending in ("ization", "izing", "ized", "ize"):
        if key.endswith(ending):
            return key[: -len(ending)]
    return key[:-1] if key.endswith("y") else key
@lru_cache(maxsize=1 << 16)
def sentence_tokens(text: str) -> tuple[Token, ...]:
    """Return the tokens of an event or quote sentence; every theme asks about the same sentences,
    so each is tokenised once per build, not once per theme."""
    return tuple(tokens(text))
