"""Is this word a reporting verb used as a verb? ("said", "told"; not "the call", "his state").

Many reporting verbs are also nouns (state, report, claim, call).  Attribution hangs on this
one decision, so it has its own module: the word's lemma, what stands before it (a determiner,
a possessive, a preposition) and after it (an auxiliary, a title) decide.
"""

from __future__ import annotations

from briefing.extract.quotes.lexicon import CUE_FORMS, DETERMINERS, ROLE_HEADS
from briefing.extract.quotes.tokens import Token, is_possessive

PREPOSITIONS = frozenset("of for in on about with to by from at over against".split())
NOUN_LIKE = frozenset(
    "state note report comment call claim charge answer reply quote post promise pledge vow demand attack voice"
    " point signal welcome term label brand frame counter fire hope want cry respond remark comment"
    " warn praise thank cite text message email question challenge estimate forecast blame laugh sigh snap"
    " dispute celebrate".split()
)
AUX = frozenset("is are was were has have had will would can could should may might must does did".split())


def is_verb_form(t: Token) -> bool:
    """A reporting-verb form that cannot also be a noun ("said", "stated"; not "state", "report")."""
    lemma = CUE_FORMS.get(t.low)
    return lemma is not None and not (lemma in NOUN_LIKE and t.low in (lemma, lemma + "s", lemma + "es"))


def is_cue(toks: list[Token], i: int) -> bool:
    """A lower-case reporting verb used as a verb (not "the call", "a statement", "his mental state is")."""
    t = toks[i]
    low = t.text.lower()
    # the word itself first, read straight off the text: the attribution rules ask about every word
    if low not in CUE_FORMS or not t.is_word or t.is_cap:
        return False
    prev = toks[i - 1].low if i > 0 else ""
    if prev in DETERMINERS or (i > 0 and is_possessive(toks[i - 1])):
        return False
    lemma = CUE_FORMS[low]
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if lemma in NOUN_LIKE and low in (lemma, lemma + "s", lemma + "es"):
        if nxt in AUX or (i > 1 and toks[i - 2].low in DETERMINERS and not toks[i - 1].is_cap):
            return False
        if prev in PREPOSITIONS or (i > 1 and toks[i - 2].low in PREPOSITIONS):
            return False  # "of Republican claims"
        if i + 1 < len(toks) and toks[i + 1].is_cap and toks[i + 1].low.rstrip(".") in ROLE_HEADS:
            return False  # "state Del. Marcia Price": part of a title
    if lemma == "point" and nxt != "out":
        return False
    if lemma == "chime" and nxt != "in":
        return False
    if lemma in ("shoot", "hit", "push") and nxt != "back":  # "Smith shot back", not "the ad hit Smith"
        return False
    if lemma == "go" and nxt != "on":  # "Smith went on"
        return False
    if lemma == "put" and nxt != "it":  # "as Smith put it"
        return False
    return True
