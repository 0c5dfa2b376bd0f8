"""Which side of the document date an underspecified expression lies on, read from nearby verbs.

"will travel on Tuesday" is the next Tuesday, "met on Tuesday" the last one. Like HeidelTime we
take the tense cue nearest to the expression inside its sentence; a cue far away ("will hold ...
thirty words later ... in October") governs another clause and is ignored.
"""

from __future__ import annotations

import re

FUTURE_CUES = re.compile(
    r"\b(?:will|won['’]t|shall|['’]ll|going to|is to|are to|(?:is|are|was|were) set to|set to|"
    r"(?:is|are) scheduled|scheduled|(?:is|are) expected to|plans? to|planned|planning to|intends? to|"
    r"aims? to|upcoming|forthcoming|ahead of|next|coming|would|to be held|due to|hopes? to|"
    r"later this|expects? to|tomorrow|starting|to begin|begins|opens on|"
    # an agreement to meet points forward: "agreed to hold talks in February" (but "voted to approve
    # the budget in December" dates the vote, so only meeting and visiting verbs count)
    r"(?:agree[sd]?|arrange[sd]?|invite[sd]?)\s+(?:\w+\s+)?to\s+"
    r"(?:hold|host|meet|resume|reconvene|convene|visit|attend|travel|return|sign)\b)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = (
    "was|were|had|did|met|went|came|made|took|gave|saw|held|began|left|led|won|lost|fell|rose|"
    "sold|bought|paid|sent|spent|built|brought|thought|found|got|became|kept|ran|wrote|spoke|stood|"
    "struck|hit|cut|put|set|quit|shut|let|meant|felt|heard|knew|grew|drew|threw|flew|broke|chose|"
    "froze|stole|woke|wore|tore|bore|swore|ago|last|earlier|previous|previously|former|recently"
)
_NOT_PAST = {
    "need",
    "needed",
    "speed",
    "seed",
    "feed",
    "indeed",
    "hundred",
    "bed",
    "red",
    "shed",
    "proceed",
    "exceed",
    "succeed",
    "united",
    "limited",
    "based",
    "related",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "intended",
    "supposed",
    "embed",
    "breed",
    "creed",
    "deed",
    "steed",
    "weed",
}
PAST_CUES = re.compile(rf"\b(?:{_IRREGULAR_PAST}|[a-z]+ed)\b", re.IGNORECASE)
_HAVE_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:been|[a-z]+ed)\b", re.IGNORECASE)

_FUTURE_PASSIVE = re.compile(
    r"\b(?:will|would|shall|to|['’]ll|can|could|may|might|must|should)\s+(?:be|have)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)

_REPORTED_ON = re.compile(
    r"\b(?:said|told|announced|stated|added|noted|reported|confirmed|wrote|declared)\s+(?:(?:\w+\s+)?(?:on|in)\s+)?$",
    re.IGNORECASE,
)

_DEADLINE = re.compile(
    r"\b(?:by|set\s+for|scheduled\s+for|due\s+(?:by|in|on)|planned\s+for|slated\s+for|"
    r"payable|effective|of\s+record|expires?|expiring)\s+(?:on\s+)?(?:early\s+|mid-?|late\s+|the\s+end\s+of\s+)?$",
    re.IGNORECASE,
)
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)

WINDOW = 80  # characters either side of the expression in which a cue counts
SENTENCE_REACH = 2000  # characters `sentence_bounds` searches each way for a sentence end
AFTER_PENALTY = 1.0  # a cue after the expression governs it less often than one before


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence around [start, end): from the previous terminal punctuation or newline.

    The search goes at most SENTENCE_REACH characters each way: in one long unbroken line a
    search for the next newline ran to the end of the text for every expression, which made
    tagging quadratic.  A longer "sentence" is cut there, far beyond WINDOW anyway.
    """
    floor, ceiling = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    lo = max(
        text.rfind(". ", floor, start),
        text.rfind("\n", floor, start),
        text.rfind("? ", floor, start),
        text.rfind("! ", floor, start),
        text.rfind("; ", floor, start),
    )
    lo = floor if lo < 0 and floor > 0 else 0 if lo < 0 else lo + 1
    his = [
        i
        for i in (
            text.find(". ", end, ceiling),
            text.find("\n", end, ceiling),
            text.find("? ", end, ceiling),
            text.find("; ", end, ceiling),
        )
        if i >= 0
    ]
    hi = min(his) if his else ceiling
    return lo, hi


# compiled once: asked about every tense cue near every date
_OTHER_PREDICATE = re.compile(r"\s(?:and|but)\s+(?:is|are|was|were|will|would|has|have|had|can|could|may|might)\b")
_OTHER_PHRASE = re.compile(r",\s+(?:the|a|an|its|their|with)\s")
_MAIN_VERB_AFTER = re.compile(r",\s+(?:[a-z]+s|will|is|are|has|have|remains?)\s[^,]*$")
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\b[^,]*$")


def direction(text: str, start: int, end: int) -> str | None:
    """Return "future", "past" or None for the expression at [start, end) of `text`."""
    if _REPORTED_ON.search(text, max(0, start - 30), start):
        return "past"  # "said on January 7": the date of the saying
    if _DEADLINE.search(text, max(0, start - 25), start):
        return "future"  # "by August", "set for April": a deadline or appointment ahead
    lo, hi = sentence_bounds(text, start, end)
    lo, hi = max(lo, start - WINDOW), min(hi, end + WINDOW)
    best: tuple[float, str] | None = None
    for kind, pattern in (("future", FUTURE_CUES), ("past", PAST_CUES), ("past", _HAVE_PERFECT)):
        for m in pattern.finditer(text, lo, hi):
            if start <= m.start() < end:
                continue
            word = m.group(0).lower()
            if kind == "past" and word in _NOT_PAST:
                if word in ("expected", "scheduled", "planned", "proposed", "intended"):
                    kind_here = "future"
                else:
                    continue
            else:
                kind_here = kind
            if kind_here == "past" and _FUTURE_PASSIVE.search(text, max(0, m.start() - 20), m.start()):
                kind_here = "future"  # "will be held", "is to be signed"
            elif kind_here == "past" and _PRESENT_PASSIVE.search(text, max(0, m.start() - 15), m.start()):
                continue  # "the case is heard": present passive, no tense information
            dist = (
                float(max(start - m.end(), 0))
                if m.end() <= start
                else max(m.start() - end, 0) * AFTER_PENALTY
            )
            if m.start() >= end and _OTHER_PREDICATE.search(text[end : m.end()]):
                continue  # "raised rates in September and is expected to ...": another predicate's cue
            if m.start() >= end and _OTHER_PHRASE.search(text[end : m.start()]):
                dist *= 3  # "signed it in March, the first units due in 2029": another phrase's cue
            elif (
                m.end() <= start
                and _MAIN_VERB_AFTER.search(text[m.end() : start])
                and _RELATIVE_BEFORE.search(text[lo : m.start()])
            ):
                continue  # "The fair, which was cancelled in 2021, returns in July": the relative's tense
            if best is None or dist < best[0]:
                best = (dist, kind_here)
    return best[1] if best else None
