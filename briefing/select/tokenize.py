"""Tokens for matching theme queries and comparing passages.

News text spells the same word many ways: curly and straight apostrophes,
non-breaking hyphens (U+2011), British and American endings ("denuclearisation"),
plurals and possessives.  Matching a theme or detecting a duplicate must not
depend on those accidents, so every token carries a normalised key.  Acronyms
keep a flag so that a theme term written "AI" does not match the word "ai" in
a name, and "US" is not "us".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.text.normalise import fold_typography

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
_BREAK = re.compile(r"[,;:()\[\]\"!?/]|\.\s|\s-\s|--")

# Function words: ignored when comparing passages (duplicates, diversity, centrality),
# never when matching a theme phrase, whose words are matched in sequence.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say s mr ms mrs one two new""".split()
)


@dataclass(frozen=True)
class Token:
    key: str  # normalised form used for matching
    upper: bool = False  # written in capitals (an acronym such as AI, THAAD)
    cap: bool = False  # starts with a capital letter (a proper noun, or a sentence start)
    brk: bool = False  # punctuation separates it from the previous token: no phrase spans it


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Return a light stem: lower case, no possessive, no plural, -ise folded to -ize.

    Deliberately light (no -ing/-ed stripping): a theme term must not start matching
    unrelated words, and rewordings are caught by overlap of many tokens, not one.
    """
    w = word.lower()
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2] if w.endswith("'s") else w[:-1]
    w = w.replace("'", "")
    for brit, amer in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize")):
        if w.endswith(brit) and len(w) > len(brit) + 3:
            w = w[: -len(brit)] + amer
            break
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=400_000)
def _token(key: str, upper: bool, cap: bool, brk: bool) -> Token:
    """Return one shared instance per distinct token: a large corpus repeats its words, not its memory."""
    return Token(key, upper, cap, brk)


def pack(toks: Sequence[Token]) -> tuple[str, str]:
    """Return tokens as two strings (keys separated by spaces, one flag digit each), for storage."""
    return " ".join(t.key for t in toks), pack_flags(toks)


def pack_flags(toks: Sequence[Token]) -> str:
    """Return the tokens' case and break flags as `pack` stores them: one digit each."""
    return "".join(str(t.upper + 2 * t.cap + 4 * t.brk) for t in toks)


# the flag digits (`pack`) of a token written in capitals, of one starting with a capital, and
# of one punctuation separates from the previous token
UPPER_FLAGS = frozenset(str(f) for f in range(8) if f & 1)
CAP_FLAGS = frozenset(str(f) for f in range(8) if f & 2)
BREAK_FLAGS = frozenset(str(f) for f in range(8) if f & 4)


def unpack(keys: str, flags: str) -> tuple[Token, ...]:
    """Return the tokens `pack` stored (the same shared instances `tokens` makes)."""
    if keys.count(" ") + 1 != len(flags):
        raise ValueError("packed tokens: keys and flags differ in length")
    return tuple(map(_stored_token, keys.split(" "), flags))


@lru_cache(maxsize=400_000)
def _stored_token(key: str, flag: str) -> Token:
    """Return the shared token for a stored key and flag digit (one cache lookup per token: a
    build unpacks every sentence of the unchanged corpus)."""
    f = int(flag)
    return _token(key, bool(f & 1), bool(f & 2), bool(f & 4))


# A word and the text before it (since the previous word). Every letter or digit belongs to a
# word, so what stands between two words is a run of other characters, and it is exactly what
# `_BREAK` is asked about; the pairs come out of one C-level `findall`.
_GAP_WORD = re.compile(r"([^A-Za-z0-9]*)(" + _WORD.pattern + ")")


def tokens(text: str) -> list[Token]:
    """Return the word tokens of `text` in order, each with its normalised key and case flags.

    Every sentence of every document goes through here, so each distinct gap and word is worked
    out once (`_is_break`, `_word_token`)."""
    out: list[Token] = []
    for gap, word in _GAP_WORD.findall(fold_typography(text)):
        out.append(_word_token(word, bool(out) and _is_break(gap)))
    return out


@lru_cache(maxsize=4096)
def _is_break(gap: str) -> bool:
    """Punctuation between two words that no phrase spans ("," ";" ". " " - ")."""
    return bool(_BREAK.search(gap))


@lru_cache(maxsize=400_000)
def _word_token(word: str, brk: bool) -> Token:
    bare = word.split("'")[0]
    upper = len(bare) >= 2 and bare.isupper()
    return _token(stem(word), upper, word[0].isupper(), brk)


@lru_cache(maxsize=1 << 16)
def sentence_tokens(text: str) -> tuple[Token, ...]:
    """Return the tokens of an event or quote sentence, or a title; every theme asks about the same
    sentences, so each is tokenised once per build, not once per theme."""
    return tuple(tokens(text))


def keys(text: str) -> list[str]:
    """Return just the normalised keys of `text`."""
    return [t.key for t in tokens(text)]


# the keys `content_keys` leaves out as one-digit numbers (keys are ASCII: `_WORD`)
_ONE_DIGIT = frozenset("0123456789")


def content_key_set(keys: Iterable[str]) -> frozenset[str]:
    """Return the distinct `content_keys` among token keys, as a set (made in one step, not a
    Python step per token: the selector asks this of every relevant sentence)."""
    return frozenset(keys).difference(STOPWORDS, _ONE_DIGIT)


def content_keys(text: str | Sequence[Token]) -> list[str]:
    """Return the keys that carry meaning (no function words, no one-digit numbers), from text or tokens."""
    toks = tokens(text) if isinstance(text, str) else text
    return [t.key for t in toks if t.key not in STOPWORDS and not (t.key.isdigit() and len(t.key) < 2)]
