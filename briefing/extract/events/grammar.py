"""Word classes of English that decide which unit a date governs: subordinators, relative pronoun,
reporting verbs, finite verbs, determiners, prepositions. One home for them, shared by `attach` (the
unit a date dates) and `conjuncts` (coordinated clauses), so both read a sentence the same way."""

from __future__ import annotations

import re

# words that open a unit the date then sits in (lower case)
SUBORDINATORS = frozenset(
    "after ahead although amid amidst because before despite during following if including once "
    "prior since though unless unlike until when where whereas whether while".split()
)
RELATIVES = frozenset("that which who whom whose".split())
REPORTING = frozenset(
    "acknowledge acknowledged acknowledges add added adds announce announced announces argue "
    "argued argues believe believed believes claimed claims confirm confirmed confirms expect "
    "expected expects explain explained explains indicate indicated indicates insist insisted "
    "insists noted notes predict predicted predicts recalled recalls reported reports reveal "
    "revealed reveals said say says stated states stressed stresses suggest suggested suggests "
    "tell tells told warn warned warns".split()
)
FINITE = frozenset(
    "'ll are can could did do does had has have is may might must shall should was were will "
    "won't won’t would ’ll".split()
)
DETERMINERS = frozenset(
    "a all an dozens five four her his hundreds its many most our several some the their these "
    "those thousands three two".split()
)
PREPOSITIONS = frozenset(
    "about against among and at between by for from given in into of on or over through to under with".split()
)
# "with"/"without" after a comma opens an absolute phrase ("..., with the first turbines due to
# connect in 2029"): a side statement of its own, whose date is not the main clause's
ABSOLUTE = frozenset("with without".split())
ADVERBS = frozenset("first last later newly once originally previously recently since".split())
IRREGULAR_PARTICIPLES = frozenset(
    "begun born brought built fought found given held hit kept known laid led left lost made "
    "met paid put run seen sent set shut signed sold spent struck taken thrown told understood "
    "won written".split()
)
NOT_NOUN = frozenset(
    "also are became can could did do does had has have is killed led left made may might now "
    "remains saw set still then took was were will would".split()
)
PP_AFTER_PARTICIPLE = frozenset("after at before by during earlier from in last on since".split())
# simple past forms that do not end in -ed (a finite verb that closes a subject's relative clause)
IRREGULAR_PAST = frozenset(
    "ate became began broke came chose drew drove fell flew froze gave grew hid knew ran rang rose "
    "sang sat saw spoke stood swam threw took went woke wore wrote".split()
)
# words ending in -ed that are not verbs
NOT_VERB_ED = frozenset(
    "hundred indeed speed breed creed greed need seed feed deed reed weed sled shed".split()
)
# what may stand between a subject and its verb, or inside a verb chain ("had never been published")
_VERB_CHAIN = frozenset("not never also already just still then now been be being to and or but nor".split())


def verb_form(word: str) -> bool:
    """A finite or past form ("was", "will", "launched", "held", "began")."""
    w = word.lower()
    return (
        w in FINITE
        or (w.endswith("ed") and len(w) >= 4 and w not in NOT_VERB_ED)
        or w in IRREGULAR_PARTICIPLES
        or w in IRREGULAR_PAST
    )


def opens_predicate(previous: str, word: str) -> bool:
    """True when `word` is a verb that follows a noun or number (`previous`), so it starts a new
    predicate: "the inquiry ordered in 1953 | had never been published", "miners who died in a
    1952 accident | gathered on Sunday". Not inside a verb chain ("was cancelled", "and ratified")
    nor an adjective after a determiner ("a flooded mine") or an adverb ("newly elected")."""
    p = previous.lower()
    if not verb_form(word) or not re.match(r"[\w’'‑-]+$", previous):
        return False
    return not (
        p in FINITE
        or p in _VERB_CHAIN
        or p in DETERMINERS
        or p in PREPOSITIONS
        or p in RELATIVES
        or p in SUBORDINATORS
        or p.endswith("ly")
        or verb_form(p)
    )
