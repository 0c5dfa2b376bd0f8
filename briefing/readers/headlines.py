"""Separate a sub-headline fused onto the start of its paragraph.

Aggregator pages and newsletters flattened to text often print each section's
headline on the same line as its first sentence:

    Ministers Weigh New Port Deal Harbor officials said on Monday that ...

Such a paragraph opens with a title-case run (content words capitalised that the
text elsewhere writes in lower case, or uses only there), and the sentence begins
where the run's last *names* start: the subject of the sentence, the words just
before its first lower-case word, are names the document uses elsewhere. The
sentence repeats the headline's subject in its own words, so the two share a
content word; that, and a headline that ends on a content word, tell a headline
apart from a sentence that merely opens with a long name ("South Korean President
Lee ... began").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

# Words that title case leaves in lower case; they neither end a headline nor start a sentence's verb.
_MINOR = frozenset(
    "a an the and or but nor of in on at to for with by from as vs vs. via per into onto over amid"
    " about after before under than up out off".split()
)
# Capitalised words that open a sentence without being names.
_DETERMINERS = frozenset("The A An This These Those His Her Its Their Our".split())
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[],.:;!?"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# a full stop after a lower-case word or a closing mark ends a sentence; "U.S." does not
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\u2019\u201d)\]])[.!?](?=\s|$)")
MIN_HEADLINE_WORDS = 4
MAX_SCAN = 30  # a headline plus a subject fit well within this many words


@dataclass(frozen=True)
class NameStats:
    """How a document writes each word: capitalised how often, lower-case ever."""

    capitalised: Counter[str]
    lower: frozenset[str]

    @classmethod
    def of(cls, lines: Iterable[str]) -> NameStats:
        # every word of the file, bare, that starts with a letter (one `findall`: no word spans lines)
        words = [w for w in map(_bare, _TOKEN.findall("\n".join(lines))) if w[:1].isalpha()]
        cap = Counter(w for w in words if w[0].isupper())
        return cls(cap, frozenset(w.lower() for w in words if not w[0].isupper()))

    def is_name(self, token: str) -> bool:
        """True for an acronym ("U.S.", "AI") or a capitalised word the document uses more than
        once and never writes in lower case."""
        w = _bare(token)
        if not w or not w[0].isupper():
            return False
        if "." in token.rstrip(".") or (len(w) >= 2 and w.replace("-", "").isupper()):
            return True
        return w.lower() not in self.lower and self.capitalised[w] >= 2


@lru_cache(maxsize=65536)
def _bare(token: str) -> str:
    return _POSSESSIVE.sub("", token.strip(_EDGE))


def _stems(words: Iterable[str]) -> set[str]:
    return {_bare(w).lower()[:5] for w in words if len(_bare(w)) > 2 and _bare(w).lower() not in _MINOR}


def split_fused_headline(
    paragraph: str, names: NameStats | Callable[[], NameStats]
) -> tuple[str | None, str]:
    """Return (headline, the paragraph without it); (None, paragraph) when it has none.

    `names` may be a function giving the stats, asked only past the first tests (most paragraphs
    open with a lower-case word at once, and the stats cost a pass over every word of the file)."""
    toks = list(islice(_TOKEN.finditer(paragraph), MAX_SCAN))
    words = [t.group() for t in toks]
    verb = next(
        (i for i, w in enumerate(words) if w[:1].islower() and w.strip(_EDGE).lower() not in _MINOR), None
    )
    if verb is None or verb < MIN_HEADLINE_WORDS + 1:
        return None, paragraph
    if any(
        w.rstrip("\"”’')").endswith((".", "!", "?", ":")) and "." not in w[:-1] for w in words[: verb - 1]
    ):
        return None, paragraph  # a sentence already ended inside the run: not one fused line
    if not isinstance(names, NameStats):
        names = names()
    for start in _sentence_starts(words, verb, names):
        if _is_headline(words[:start], paragraph[toks[start].start() :], names):
            return " ".join(words[:start]), paragraph[toks[start].start() :]
    return None, paragraph


def _sentence_starts(words: list[str], verb: int, names: NameStats) -> list[int]:
    """Return where the sentence may start, most likely first.

    Its subject is the words before its verb: names the document uses elsewhere, joined by
    minor words ("Officials in Dunmore"), longest first; failing that, the one capitalised
    word the names follow ("Fishermen in Dunmore protested"), or an opening "The".
    """
    starts = []
    i = verb
    while i > 0 and (names.is_name(words[i - 1]) or words[i - 1].strip(_EDGE).lower() in _MINOR):
        i -= 1
        if names.is_name(words[i]):
            starts.append(i)
    starts.reverse()
    if i > 0:
        starts.append(i - 1)  # the capitalised word the scan stopped at
    return starts


def _is_headline(head: list[str], sentence: str, names: NameStats) -> bool:
    """True when `head` reads as a title-case headline that `sentence` takes up."""
    if len(head) < MIN_HEADLINE_WORDS or not sentence[:1].isupper():
        return False
    if head[0].strip(_EDGE).lower() in _MINOR or head[-1].strip(_EDGE).lower() in _MINOR:
        return False  # a headline starts and ends on a content word
    if any(w.rstrip(",").isdigit() for w in head):
        return False  # "On January 12, 1950, ..." opens a sentence, not a headline
    if not all(w[:1].isupper() or w[:1].isdigit() or w.strip(_EDGE).lower() in _MINOR for w in head):
        return False
    # title case: content words capitalised that are not names
    if sum(1 for w in head if w[:1].isupper() and not names.is_name(w)) < 2:
        return False
    end = _SENTENCE_END.search(sentence)
    first_sentence = sentence[: end.end() if end else None]
    # the sentence takes up the headline's subject in its own words
    return bool(_stems(head) & _stems(first_sentence.split()))
