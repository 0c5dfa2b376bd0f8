"""Does one sentence speak to a theme? The selector's own test, for events and quotes.

The timeline and the quotes of a theme must use the same notion of "on theme" as
the passages (phrase order, capitalised proper nouns, excluded terms, shared surnames),
so they call the selector's evidence rather than a second keyword matcher.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from briefing.model import Person, Theme
from briefing.select.bm25 import evidence
from briefing.select.pipeline import GATE
from briefing.select.query import Query, build_query
from briefing.select.tokenize import STOPWORDS, sentence_tokens
from briefing.text.normalise import fold_typography


class ThemeTest:
    """A predicate: True when the text alone carries enough theme evidence to be selected.

    A text without the written form of any concept's signature word (`_signatures`) is answered
    without tokenising it: the build asks this of every event and quote for every theme."""

    def __init__(self, theme: Theme, people: Sequence[Person]) -> None:
        self.query = build_query(theme, people)
        self._written = {k: _written(k) for k in _signatures(self.query)}
        self._all = sorted(set(self._written.values()))
        # one test per set of written forms: documents with the same theme words share it, so
        # a caller can remember its answers per test (`assemble`)
        self._within: dict[tuple[str, ...], Callable[[str], bool]] = {}

    def __call__(self, text: str) -> bool:
        return self._test(text, self._all)

    def within(self, keys: Collection[str]) -> Callable[[str], bool]:
        """Return this test for the texts of one document whose token keys are `keys`.

        A text on theme has every word of some concept, so that concept's signature word is among
        the document's keys: only the written forms of the signature words it has are looked for
        (one or two of a theme's dozens, in most documents), and the answer is the same. Documents
        whose keys give the same written forms get the same test object."""
        written = tuple(sorted({w for k, w in self._written.items() if k in keys}))
        test = self._within.get(written)
        if test is None:
            test = self._within[written] = (lambda text: self._test(text, written)) if written else _never
        return test

    def _test(self, text: str, written: Sequence[str]) -> bool:
        folded = _folded(text)
        for w in written:
            if w in folded:
                return evidence(self.query, sentence_tokens(text)) >= GATE
        return False


def _never(_text: str) -> bool:
    return False


def theme_filter(theme: Theme, people: Sequence[Person]) -> ThemeTest:
    """Return the theme's on-theme test for one sentence (`ThemeTest`)."""
    return ThemeTest(theme, people)


@lru_cache(maxsize=1 << 16)
def _folded(text: str) -> str:
    """The text as `ThemeTest` looks for written forms in it: folded, lower case, no apostrophes
    (once per build: every theme reading a document tests the same texts)."""
    return (text if text.isascii() else fold_typography(text)).lower().replace("'", "")


def theme_keys(theme: Theme, people: Sequence[Person]) -> frozenset[str]:
    """Return one key of every concept of the theme (its longest word that is not a function word).

    A concept matches only where all its words are, so a text (or a document) containing none of
    these keys has no theme evidence at all: `theme_filter` is False for each of its sentences."""
    return _signatures(build_query(theme, people))


def theme_concepts(theme: Theme, people: Sequence[Person]) -> tuple[frozenset[str], ...]:
    """Return, for every concept of the theme, the keys of its words (its function words left out,
    unless it has no other).

    A concept matches only where all its words are, so a document lacking a key of every concept
    has no theme evidence in any of its texts, and the theme need not read it. This is much
    tighter than one signature word per concept: "state visit to China" is signed by "state",
    which half of all news articles have; the other words narrow it to the few with all of them."""
    out = []
    for c in build_query(theme, people).concepts:
        keys = {t.key for t in c.pattern}
        out.append(frozenset(keys - STOPWORDS or keys))
    return tuple(dict.fromkeys(out))


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
