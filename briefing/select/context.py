"""Relevance from context: a sentence that continues a relevant one inherits part of its relevance.

Reporters name the subject once and then write "The two sides also agreed ...",
"He added ...", "However, ...".  Such a sentence is about the theme although it
repeats none of the theme's words; scoring sentences one by one would drop it
and leave the briefing with fragments.  A sentence inherits (with decay) the
relevance of the sentence before it when it opens with a continuation cue
(a pronoun, an anaphoric noun phrase, a connective, "also" early on).  The first
sentence of a paragraph may continue the previous paragraph's last sentence.
A sentence with an excluded term never inherits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.select.bm25 import Match
from briefing.select.tokenize import normalize
from briefing.select.units import Unit

# Share of the previous sentence's score a continuation inherits (per step, so chains fade).
DECAY = 0.6

_PRONOUNS = r"he|she|it|they|we|his|her|its|their|this|these|those|that|such|both|neither|either"
_CONNECTIVES = (
    r"also|additionally|furthermore|moreover|meanwhile|however|yet|but|and|still|nevertheless|nonetheless|"
    r"likewise|similarly|instead|accordingly|therefore|thus|hence|finally|notably|later|then|afterwards|"
    r"in addition|in this context|in this way|to this end|on the other hand|on the one hand|at the same time|"
    r"for (?:his|her|their|its) part|as a result|by contrast|in contrast|in turn|beyond|separately"
)
# "The two sides", "The leaders", "The summit", "The move": definite noun phrases that point back.
_ANAPHORIC_NOUNS = (
    r"two|both|leaders?|sides?|summit|meeting|talks|visit|trip|move|plan|deal|agreement|pact|decision|"
    r"proposal|issue|dispute|country|countries|nations?|government|administration|president|minister|"
    r"ministry|official|officials|spokesperson|spokesman|spokeswoman|statement|announcement|report|"
    r"measure|measures|step|steps|policy|remarks?|comments?|latter|former|pair|duo|side|event|"
    r"atmosphere|outcome|result|discussions?|negotiations?|accord|initiative|program|programme|project"
)
_CUE = re.compile(
    rf"^(?:\W*)(?:(?:{_PRONOUNS})\b|(?:{_CONNECTIVES})\b|the (?:{_ANAPHORIC_NOUNS})\b"
    rf"|(?:\w+\W+){{0,5}}(?:also|too|again|as well)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relevance:
    score: float
    label: str | None  # the concept that contributed most (inherited labels come from the source)
    direct: bool  # True when the sentence itself matched the query


def continues(text: str) -> bool:
    """True when a sentence opens like a continuation of what came before."""
    return bool(_CUE.match(normalize(text).lstrip()))


def relevance(
    units: Sequence[Unit], matches: dict[int, Match], gate: float, excluded: set[int] = frozenset()
) -> dict[int, Relevance]:
    """Return the relevance of every unit that is relevant directly or by continuation.

    `gate` is the minimum evidence (sum of matched concept weights) for direct relevance;
    units are in reading order, as `build_units` returns them.
    """
    out: dict[int, Relevance] = {}
    for i, unit in enumerate(units):
        m = matches.get(i)
        if m is not None and m.evidence >= gate:
            out[i] = Relevance(m.score, m.contributions[0][0], True)
        if i == 0 or i in excluded:
            continue
        prev = units[i - 1]
        same_doc = prev.doc == unit.doc
        adjacent = same_doc and (
            (prev.para == unit.para and prev.sent + 1 == unit.sent)
            or (prev.para + 1 == unit.para and unit.sent == 0)
        )
        before = out.get(i - 1)
        if not adjacent or before is None or not continues(unit.text):
            continue
        inherited = DECAY * before.score
        mine = out.get(i)
        if mine is None or mine.score < inherited:
            out[i] = Relevance(inherited, before.label, mine.direct if mine else False)
    return out
