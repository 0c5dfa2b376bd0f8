"""Relative clauses and participial phrases: where they start, and whether they have ended.

"Korean laborers who died in a 1942 incident" dates the dying, not the sentence; "the accord
signed in Tallinn" is a reduced relative, but in "Estonia signed an accord" the verb is the
sentence's own.  These tests decide which words a date inside such a clause may take with it.
"""

from __future__ import annotations

import re

from .grammar import (
    ADVERBS,
    DETERMINERS,
    FINITE,
    IRREGULAR_PARTICIPLES,
    PP_AFTER_PARTICIPLE,
    PREPOSITIONS,
    RELATIVES,
    REPORTING,
    SUBORDINATORS,
    opens_predicate,
    verb_form,
)
from .words import Token


def participle(word: str) -> bool:
    w = word.lower()
    return (
        (w.endswith("ing") and len(w) > 5) or (w.endswith("ed") and len(w) > 4) or w in IRREGULAR_PARTICIPLES
    )


def participle_opener(toks: list[Token]) -> int | None:
    """Index in `toks` (the words right after a comma) of a participial phrase's first word."""
    i = 0
    while i < len(toks) and toks[i].low in ADVERBS and i < 2:
        i += 1
    if i < len(toks) and toks[i].text[:1].islower() and participle(toks[i].text):
        return 0
    return None


def reduced_relative(toks: list[Token], i: int, body_start: int, subject_ok: bool = False) -> int | None:
    """Start of "the accord signed in Tallinn" when toks[i] is a past participle right after a
    noun phrase that a preposition or verb governs (so not the sentence's subject and verb:
    "Estonia signed an accord", "The minister arrived in Tokyo")."""
    w = toks[i]
    if not (w.low.endswith("ed") or w.low in IRREGULAR_PARTICIPLES) or not w.text.islower():
        return None
    if in_open_relative(toks, i) or subordinate_subject(toks, i):
        return None
    if i + 1 >= len(toks) or toks[i + 1].low not in PP_AFTER_PARTICIPLE:
        return None
    for j in range(i - 1, max(-1, i - 5), -1):
        t = toks[j]
        if t.low in DETERMINERS:
            if j == 0 and subject_ok:
                return t.start  # "The audit commissioned in 2011 | was never made public"
            if j == 0 or toks[j - 1].low not in PREPOSITIONS | REPORTING or toks[j - 1].low in ("and", "or"):
                return None
            return t.start
        if (
            not re.match(r"[\w’'‑-]+$", t.text)
            or t.low in FINITE
            or t.low in PREPOSITIONS
            or t.low in RELATIVES
        ):
            return None
    return None


def subordinate_subject(toks: list[Token], i: int) -> bool:
    """Whether toks[i] follows the subject of a subordinate clause that has no verb yet ("after talks
    with the regulator | collapsed in December"): then it is that clause's verb, not a participle."""
    for k in range(i - 1, -1, -1):
        t = toks[k]
        if t.text in (",", ";", ":") or verb_form(t.text) or t.low in RELATIVES:
            return False
        if t.low in SUBORDINATORS and t.low not in ("including", "following", "during", "despite", "amid", "amidst"):
            return True
    return False


def in_open_relative(toks: list[Token], i: int) -> bool:
    """Whether toks[i] follows a relative clause that already has its verb ("the sailors who drowned
    in a 1961 sinking | marched"): then toks[i] is the main verb, not a reduced relative."""
    seen_verb = False
    for k in range(i - 1, -1, -1):
        t = toks[k]
        if t.text in (",", ";", ":") or t.text.strip() in ("–", "—"):
            return False
        if t.low in ("who", "which") or (t.low == "that" and seen_verb):
            return seen_verb
        seen_verb = seen_verb or verb_form(t.text)
    return False


def relative_closed_by(toks: list[Token], comma: int) -> bool:
    """Whether the comma at toks[comma] closes a non-restrictive relative (", who joined in 2021,")."""
    for k in range(comma - 1, 0, -1):
        if toks[k].text in (",", ";", ":"):
            return False
        if toks[k].low in ("who", "which") and toks[k - 1].text == ",":
            return True
    return False


def relative_closed(toks: list[Token], at: int) -> bool:
    """Whether the relative clause opened by toks[at] ends before the last token: its own verb is
    followed by another predicate ("who died in a 1952 accident | gathered on Sunday")."""
    seen_verb = False
    for k in range(at + 1, len(toks)):
        if seen_verb and opens_predicate(toks[k - 1].text, toks[k].text):
            return True
        seen_verb = seen_verb or verb_form(toks[k].text)
    return False


def antecedent(text: str, toks: list[Token], at: int) -> int | None:
    """Start of the noun phrase right before toks[at] ("Korean laborers" in "of Korean laborers
    who ...", "the joint offshore wind grid tender that ..."), when a determiner or preposition
    closes it within seven words; else None."""
    j = at - 1
    if j >= 0 and toks[j].text == "," and toks[at].low != "that":
        j -= 1  # a non-restrictive relative: "The festival, which was cancelled in 2020"
    while j >= 0 and at - j <= 7:
        w = toks[j]
        if w.low in DETERMINERS:
            return w.start
        if w.low in PREPOSITIONS or w.low in RELATIVES or w.low in SUBORDINATORS:
            return toks[j + 1].start if j + 1 < at else None
        if not re.match(r"[\w’'‑-]+$", w.text) or w.low in FINITE or w.low in REPORTING:
            return None
        j -= 1
    if j < 0 < at and toks[0].text[:1].isupper():
        return toks[0].start  # the clause opens with it: "Economy Minister Karl Vogt, who took office in 2021"
    return None
