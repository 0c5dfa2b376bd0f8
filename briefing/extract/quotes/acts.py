"""Speech acts named by a noun: whose remarks, whose protest, and quoted words that only label a noun.

Three constructions of news English that a reporting verb alone does not catch:

* the words of a third person quoted inside somebody's criticism: in "Hale
  criticised Jones's remarks describing the plan as “…”" or "… condemned a
  statement by the embassy calling it “…”", the owner of the remarks speaks,
  not the critic;
* a speech act named by a noun, with the quoted words as its content: "The
  embassy lodged a “formal complaint”", "Seoul issued a “stern warning”";
* a quoted word that only modifies the next noun ("pursue “quiet” diplomacy",
  "export controls on “dual-use” items") is a label, not anybody's words.
"""

from __future__ import annotations

import re

from briefing.extract.quotes.lexicon import CUE_FORMS, DETERMINERS, NOMINAL_STOP
from briefing.extract.quotes.speaker import SpeakerRef, subject_before
from briefing.extract.quotes.tokens import Token, is_possessive, join_tokens

# Nouns that name somebody's words: their owner is the speaker of a quote they introduce.
SPEECH_NOUNS = frozenset(
    """
    claim claims statement statements remark remarks comment comments assertion description promise pledge
    warning words tweet tweets post message speech letter argument answer response reply call vow charge
    accusation suggestion prediction insistence admission testimony contention view
    """.split()
)

# Speech acts a subject performs by "lodging", "issuing" or "delivering" them.
ACT_NOUNS = frozenset(
    """
    protest protests complaint complaints warning warnings statement pledge pledges promise vow apology appeal
    demand demands request objection objections condemnation rebuke reprimand ultimatum threat threats plea
    denial message remarks note notice objection warning call
    """.split()
)
ACT_VERBS = frozenset(
    """
    lodge lodged lodges lodging file filed files filing issue issued issues issuing make made makes making
    deliver delivered delivers delivering send sent sends sending register registered registers raise raised
    raises convey conveyed conveys extend extended extends offer offered offers give gave gives voice voiced
    voices repeat repeated repeats reiterate reiterated reiterates
    """.split()
)
_OWNER_LINKS = frozenset({"by", "from", "of"})


def _name_back(toks: list[Token], k: int, lo: int) -> SpeakerRef | None:
    """The capitalised name whose last token (possibly possessive) is toks[k]: "former mayor Ines Jones's"."""
    j = k
    while j - 1 >= lo and toks[j - 1].is_word and toks[j - 1].is_cap and not is_possessive(toks[j - 1]):
        j -= 1
    if not toks[k].is_cap:
        return None
    text = re.sub(r"[’']s?$", "", join_tokens(toks[j : k + 1]))
    return SpeakerRef("name", text, None, toks[j].start, j)


def words_owner(toks: list[Token], c: int, a: int) -> SpeakerRef | None:
    """ "Jones's remarks describing …", "a statement by the embassy calling …": the owner of the remarks that a
    participle at c describes."""
    if c - 1 <= a or not toks[c].low.endswith("ing"):
        return None
    if toks[c - 1].low in SPEECH_NOUNS and is_possessive(toks[c - 2]):
        owner = toks[c - 2]
        if owner.low in {"his", "her", "their", "its"}:
            return None  # a pronoun's antecedent is the attribution step's job
        return _name_back(toks, c - 2, a)
    for k in range(c - 2, max(a, c - 8) - 1, -1):  # "remarks by former mayor Ines Jones describing"
        if toks[k].low in _OWNER_LINKS and k - 1 >= a and toks[k - 1].low in SPEECH_NOUNS:
            ref = subject_before(toks, c, k + 1)
            if ref is not None and ref.kind in ("name", "nominal"):
                return ref
            return None
        if not toks[k].is_word:
            return None
    return None


def act_performer(toks: list[Token], a: int, b: int, quoted: str, after: Token | None) -> SpeakerRef | None:
    """ "The embassy lodged a “formal complaint”": the subject of a verb that performs a speech act named by
    the quote's last word (or the word right after it, "issued a “strong” protest")."""
    words = re.findall(r"[a-z]+", quoted.lower())
    named = bool(words) and words[-1] in ACT_NOUNS
    if not named and not (after is not None and after.low in ACT_NOUNS):
        return None
    k = b - 1
    while k >= a and b - 1 - k < 3 and toks[k].is_word and not toks[k].is_cap and toks[k].low not in ACT_VERBS:
        k -= 1  # "lodged a", "issued its", "made a solemn"
    if k < a or toks[k].low not in ACT_VERBS or not any(t.low in DETERMINERS for t in toks[k + 1 : b]):
        return None
    return subject_before(toks, k, a)


def labels_next_noun(text: str, rest: str, before: str) -> bool:
    """ "“quiet” diplomacy", "“dual-use” items": one or two quoted words right before a noun they modify.

    Not a quoted plural noun ("several “intangibles” left him"), an adverb ("would “never” say"), or words
    right after a subject or auxiliary ("they “systematically looted” millions"): those are a verb phrase."""
    words = re.findall(r"[\w’'-]+", text)
    prev = re.findall(r"[\w’'-]+", before)
    if prev and prev[-1].lower() in _NOT_NOUNS - _MODIFIER_SLOTS:
        return False
    if len(words) == 1 and words[0].endswith("s") and not words[0].endswith("ss"):
        return False
    if not 1 <= len(words) <= 2 or re.search(r"[.,;:!?]\s*$", text) or words[-1].lower() in _ADVERBS:
        return False
    m = re.match(r"\s([a-z][a-z-]+)\b", rest)
    if not m:
        return False
    nxt = m.group(1)
    return nxt not in NOMINAL_STOP and nxt not in CUE_FORMS and nxt not in _NOT_NOUNS and not nxt.endswith("ly")


# Words that follow a quoted fragment without being a noun it modifies.
_NOT_NOUNS = frozenset(
    """
    a an the and or but nor is are was were be been being has have had do does did will would can could should
    may might must shall not no yet so than then too also even just only again still both either neither his
    her their its our my your this that these those some any all each every he she they we it i you them him us
    me who whom whose which what when where why how if unless until while because since though although
    despite during after before about above across against along among around at by for from in into near of
    off on onto out over through throughout to toward towards under up upon via with within without
    """.split()
)
# Words after which a quoted word can still modify a noun: "a “quiet” approach", "on “dual-use” items".
_MODIFIER_SLOTS = frozenset(
    """
    a an the his her their its our my your this that these those some any all each every no for from in into
    of on onto over to toward towards under upon via with within without about against at by
    """.split()
)
# Single quoted words that modify a verb, not a noun ("he would “never” diagnose").
_ADVERBS = frozenset(
    "never always ever not absolutely totally completely entirely very really quite fully simply".split()
)
