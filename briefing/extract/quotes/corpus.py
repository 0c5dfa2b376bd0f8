"""Speaker names across a corpus: one speaker, one name, in every document, and two people never merged.

Each document resolves its speakers on its own, so a person named in full in
one article ("Lee Hyuk") and only by surname in another ("Lee") would come out
as two speakers in a "Who said what" section. `unify_speakers` renames such a
one-word short form to a fuller name, but only on evidence a reader would
accept:

* the same document names exactly one fuller person with that word as first or
  last name, or
* the whole corpus does (and that person has no generational suffix: a bare
  "Trump" in one article is not "Donald Trump Jr" quoted in another).

A name of two or more words is never extended ("Donald Trump" never becomes
"Donald Trump Jr"), names ending in Jr/Sr/II/III are people of their own, and
joint speakers ("A and B"), institutions and descriptions are left as they
are. Names are indexed by their first and last word, so the work is linear in
the number of speakers, not quadratic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TypeVar

from briefing.extract.quotes.extract import FoundQuote
from briefing.extract.quotes.lexicon import ORG_WORDS
from briefing.extract.quotes.namewords import NOT_NAME, SUFFIXES
from briefing.extract.quotes.statements import FoundStatement

T = TypeVar("T", bound=FoundQuote | FoundStatement)
GENERATIONAL = SUFFIXES - {"esq"}


def name_words(name: str) -> list[str]:
    """The words of a name, lower case, without the dots and commas around them."""
    return [w.strip(".,").lower() for w in name.split() if w.strip(".,")]


_words = name_words


@lru_cache(maxsize=1 << 16)
def _person_key(name: str) -> tuple[str, str, str] | None:
    """(first word, last word, suffix) of a full personal name of two or more words; None for anything else.

    "Donald J. Trump" and "Donald Trump" share a key (one person); "Donald Trump Jr" has its own.
    """
    if " and " in name or not name[:1].isupper():
        return None
    words = _words(name)
    suffix = words[-1] if words and words[-1] in GENERATIONAL else ""
    core = words[:-1] if suffix else words
    if len(core) < 2 or any(w in ORG_WORDS for w in core) or core[0] == "the":
        return None
    return core[0], core[-1], suffix


@lru_cache(maxsize=1 << 16)
def _short_word(name: str) -> str | None:
    """The word of a one-word personal name ("Kim", "Trump"), None for longer names and institutions."""
    words = _words(name)
    if len(words) != 1 or not name[:1].isupper():
        return None
    w = words[0]
    return None if w in ORG_WORDS or w in NOT_NAME or w in GENERATIONAL else w


class _Surnames:
    """Full names indexed by first and last word: word -> person key -> the fullest spelling seen."""

    def __init__(self, names: Iterable[str]):
        self.by_word: dict[str, dict[tuple[str, str, str], str]] = {}
        for name in names:
            key = _person_key(name)
            if key is None:
                continue
            for word in {key[0], key[1]}:
                people = self.by_word.setdefault(word, {})
                known = people.get(key)
                if known is None or (len(name), name) > (len(known), known):
                    people[key] = name

    def only(self, word: str, allow_suffix: bool) -> str | None:
        """The one person with `word` as first or last name, if exactly one (and, unless allowed, no Jr/Sr)."""
        people = self.by_word.get(word, {})
        if len(people) != 1:
            return None
        (key, name), = people.items()
        return name if allow_suffix or not key[2] else None


class Speakers:
    """The corpus's evidence about names: every full name quoted or stated anywhere, and the first
    role given to each name. Built once per build from all documents; each document's items are then
    renamed on their own (`rename`), so a build can rename only the documents a theme reads."""

    def __init__(self, pairs: Iterable[tuple[str, str | None]]):
        """`pairs` are (speaker, role) of every item of the corpus with a speaker, in corpus order."""
        pairs = list(pairs)
        self.corpus = _Surnames(speaker for speaker, _ in pairs)
        self.roles: dict[str, str] = {}
        for speaker, role in pairs:
            if role:
                self.roles.setdefault(speaker, role)

    def full_name(self, speaker: str, local: _Surnames) -> str | None:
        """The fuller name a one-word speaker stands for, on the evidence of its document (`local`)
        or else of the corpus; None when there is none (or the speaker is no one-word name)."""
        word = _short_word(speaker)
        if word is None:
            return None
        if word in local.by_word:
            return local.only(word, allow_suffix=True)  # the document's own evidence decides
        return self.corpus.only(word, allow_suffix=False)

    def rename(self, seq: Sequence[T]) -> list[T]:
        """Return one document's items with one-word speaker names replaced by their full form."""
        if not any(i.speaker and _short_word(i.speaker) for i in seq):
            return list(seq)  # only full names and institutions: nothing to rename (most articles)
        local = _Surnames(i.speaker for i in seq if i.speaker)
        fixed: list[T] = []
        for i in seq:
            full = self.full_name(i.speaker, local) if i.speaker else None
            if full:
                i = replace(i, speaker=full, role=i.role or self.roles.get(full))
            fixed.append(i)
        return fixed


def unify_speakers(items: Mapping[str, Sequence[T]]) -> dict[str, list[T]]:
    """Return the same items per document with one-word speaker names replaced by their full form.

    `items` maps a document id to that document's quotes and statements (mixed lists are fine): a full
    name found among the document's own speakers is evidence for that document.
    """
    speakers = Speakers((i.speaker, i.role) for seq in items.values() for i in seq if i.speaker)
    return {doc_id: speakers.rename(seq) for doc_id, seq in items.items()}


def unify_corpus(
    quotes: Mapping[str, Sequence[FoundQuote]], statements: Mapping[str, Sequence[FoundStatement]]
) -> tuple[dict[str, list[FoundQuote]], dict[str, list[FoundStatement]]]:
    """`unify_speakers` over a corpus's quotes and statements together, per document, split back apart.

    A name stated only in one document's reported speech is evidence for that document's quotes too.
    """
    docs = list(dict.fromkeys([*quotes, *statements]))
    both: dict[str, list[FoundQuote | FoundStatement]] = {
        d: [*quotes.get(d, ()), *statements.get(d, ())] for d in docs
    }
    unified = unify_speakers(both)
    return (
        {d: [i for i in unified[d] if isinstance(i, FoundQuote)] for d in quotes},
        {d: [i for i in unified[d] if isinstance(i, FoundStatement)] for d in statements},
    )


def unify_document(
    speakers: Speakers, quotes: Sequence[FoundQuote], statements: Sequence[FoundStatement]
) -> tuple[list[FoundQuote], list[FoundStatement]]:
    """`unify_corpus` for one document, given the corpus's `Speakers`."""
    items: list[FoundQuote | FoundStatement] = [*quotes, *statements]
    both = speakers.rename(items)
    return (
        [i for i in both if isinstance(i, FoundQuote)],
        [i for i in both if isinstance(i, FoundStatement)],
    )
