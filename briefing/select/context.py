"""Relevance from context: sentences that carry a relevant story on inherit part of its relevance.

Reporters name the subject once and then write "The two sides also agreed ...",
"He added ...", "However, ...".  Such a sentence is about the theme although it
repeats none of the theme's words; scoring sentences one by one would drop it
and leave the briefing with fragments.  Three levels, weakest last:
  continuation  a sentence opening with a continuation cue (a pronoun, an anaphoric
                noun phrase such as "The two sides", a connective of contrast or
                consequence) inherits a share of the previous sentence's relevance,
                within one paragraph, for at most two steps;
  paragraph     the other sentences of a paragraph most of whose sentences match;
  document      the other sentences of an article whose headline names the theme,
                or most of whose sentences match.
Inherited relevance only ranks and joins: a passage needs at least one sentence that
matches the theme itself (see `passages`).  A sentence with an excluded term never inherits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass

from briefing.select.bm25 import Match
from briefing.select.units import Unit
from briefing.text.normalise import fold_typography

# Share of the previous sentence's score a continuation inherits.
DECAY = 0.6
# A continuation of a continuation still counts; a third step no longer does.
MAX_STEPS = 2
# A sentence in a paragraph whose sentences are mostly relevant inherits this share of their mean.
PARAGRAPH = 0.4
PARAGRAPH_SHARE = 0.5
# A sentence of a document that is about the theme (its title matches, or most of its sentences
# do) inherits this share of the mean relevance of the document's matching sentences.
DOCUMENT = 0.25
DOCUMENT_SHARE = 0.5

_PRONOUNS = r"he|she|it|they|we|his|her|its|their|this|these|those|that|such|both|neither|either"
# Connectives that carry the same subject on (contrast, consequence), not ones that add a new item
# ("Additionally", "Meanwhile", "Finally" usually open a different topic).
_CONNECTIVES = (
    r"however|yet|but|still|nevertheless|nonetheless|instead|accordingly|therefore|thus|hence|"
    r"in this context|in this way|to this end|as a result|in turn|even so|for (?:his|her|their|its) part|"
    r"notably|in particular|particularly|indeed|in fact|specifically|"
    r"(?:with|by|for|in|after|despite|given|under|through) (?:such|this|these|that|those)"
)
# "The two sides", "The leaders", "The summit", "The move": definite noun phrases that point back.
_ANAPHORIC_NOUNS = (
    r"two|both|leaders?|sides?|summit|meeting|talks|visit|trip|move|plan|deal|agreement|pact|decision|"
    r"proposal|issue|dispute|country|countries|nations?|government|administration|president|minister|"
    r"ministry|official|officials|spokesperson|spokesman|spokeswoman|statement|announcement|report|"
    r"measures?|steps?|remarks?|comments?|latter|former|pair|duo|side|"
    r"atmosphere|outcome|result|discussions?|negotiations?|accord|initiative"
)
_CUE = re.compile(
    rf"^\W*(?:(?:{_PRONOUNS})\b|(?:{_CONNECTIVES})\b|the (?:{_ANAPHORIC_NOUNS})\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relevance:
    score: float
    label: str | None  # the concept that contributed most (inherited labels come from the source)
    direct: bool  # True when the sentence itself matched the query


def continues(text: str) -> bool:
    """True when a sentence opens like a continuation of what came before."""
    return bool(_CUE.match(fold_typography(text).lstrip()))


def relevance(
    units: Sequence[Unit],
    matches: dict[int, Match],
    gate: float,
    excluded: Set[int] = frozenset(),
    on_topic_docs: Set[int] = frozenset(),
) -> dict[int, Relevance]:
    """Return the relevance of every unit that is relevant directly or from its context.

    `gate` is the minimum evidence (sum of matched concept weights) for direct relevance;
    units are in reading order, as `build_units` returns them; `on_topic_docs` are documents
    whose title matches the theme.
    """
    out: dict[int, Relevance] = {}
    steps: dict[int, int] = {}
    for i in _candidates(len(units), matches, gate, out):
        unit = units[i]
        m = matches.get(i)
        if m is not None and m.evidence >= gate:
            out[i] = Relevance(m.score, m.contributions[0][0], True)
            steps[i] = 0
        if i == 0 or i in excluded or i in out:
            continue
        prev = units[i - 1]
        before = out.get(i - 1)
        if (
            before is None
            or steps[i - 1] >= MAX_STEPS
            or prev.doc != unit.doc
            or prev.para != unit.para
            or prev.sent + 1 != unit.sent
            or not continues(unit.text)
        ):
            continue
        out[i] = Relevance(DECAY * before.score, before.label, False)
        steps[i] = steps[i - 1] + 1
    _paragraph_context(units, out, excluded)
    _document_context(units, out, excluded, on_topic_docs)
    return out


def _candidates(n: int, matches: dict[int, Match], gate: float, out: dict[int, Relevance]) -> Iterator[int]:
    """Yield, in reading order, the units that can become relevant in `relevance`'s pass: those
    matching directly and those right after a unit found relevant (as `out` grows). Any other unit
    is left as it is by the pass, so a theme's reading of a large corpus is not walked through."""
    direct = sorted(i for i, m in matches.items() if m.evidence >= gate)
    k = 0
    i = -1
    while True:
        while k < len(direct) and direct[k] <= i:
            k += 1
        follows = i + 1 if i in out and i + 1 < n else None
        if follows is not None and (k == len(direct) or follows < direct[k]):
            i = follows
        elif k < len(direct):
            i = direct[k]
        else:
            return
        yield i


def _runs_holding(keys: Sequence[int], starts: list[int]) -> list[range]:
    """`_spans` of units whose `keys` say which run they belong to (their documents): the runs
    are found in one pass and each start's by bisection, since a theme's documents with a
    relevant sentence hold most of its reading, and walking them unit by unit cost more."""
    n = len(keys)
    cuts = [0, *(i for i in range(1, n) if keys[i] != keys[i - 1]), n]
    spans: list[range] = []
    for i in sorted(starts):
        if spans and i in spans[-1]:
            continue
        j = bisect_right(cuts, i) - 1
        spans.append(range(cuts[j], cuts[j + 1]))
    return spans


def _spans(units: Sequence[Unit], starts: list[int], same: Callable[[Unit, Unit], bool]) -> list[range]:
    """Return the runs of consecutive units that hold each of `starts` (units are in reading order,
    so a paragraph's or a document's units are one run), in reading order, each once."""
    spans: list[range] = []
    for i in sorted(starts):
        if spans and i in spans[-1]:
            continue
        lo, hi = i, i + 1
        while lo > 0 and same(units[lo - 1], units[i]):
            lo -= 1
        while hi < len(units) and same(units[hi], units[i]):
            hi += 1
        spans.append(range(lo, hi))
    return spans


def _direct_units(out: dict[int, Relevance]) -> list[int]:
    return [i for i, r in out.items() if r.direct]


def _paragraph_context(units: Sequence[Unit], out: dict[int, Relevance], excluded: Set[int]) -> None:
    """Give the remaining sentences of a mostly relevant paragraph a share of its relevance.

    A paragraph in which most sentences speak to the theme is about the theme; its other
    sentences (the outcome, the reaction, the caveat) belong with it. Only paragraphs with a
    directly relevant sentence can qualify, so only those are looked at (a theme's reading of a
    large corpus has far more paragraphs than matches).
    """
    spans = _spans(units, _direct_units(out), lambda a, b: a.doc == b.doc and a.para == b.para)
    for members in spans:
        if len(members) < 2:
            continue
        direct = [out[i] for i in members if i in out and out[i].direct]
        if not direct or len(direct) / len(members) < PARAGRAPH_SHARE:
            continue
        mean = sum(r.score for r in direct) / len(direct)
        label = max(direct, key=lambda r: r.score).label
        for i in members:
            if i not in out and i not in excluded:
                out[i] = Relevance(PARAGRAPH * mean, label, False)


def _document_context(
    units: Sequence[Unit], out: dict[int, Relevance], excluded: Set[int], on_topic: Set[int]
) -> None:
    """Give the remaining sentences of a document about the theme a small share of its relevance.

    In an article whose headline names the theme (or most of whose sentences match it),
    a sentence like "The absence of a joint statement ... indicates lingering divergences"
    is part of the story, though weaker evidence than one naming the theme. Only documents with a
    directly relevant sentence qualify, so only those are looked at.
    """
    for members in _runs_holding([u.doc for u in units], _direct_units(out)):
        direct = [out[i] for i in members if i in out and out[i].direct]
        if not direct:
            continue
        doc = units[members[0]].doc
        if doc not in on_topic and len(direct) / len(members) < DOCUMENT_SHARE:
            continue
        mean = sum(r.score for r in direct) / len(direct)
        label = max(direct, key=lambda r: r.score).label
        for i in members:
            if i not in out and i not in excluded:
                out[i] = Relevance(DOCUMENT * mean, label, False)
