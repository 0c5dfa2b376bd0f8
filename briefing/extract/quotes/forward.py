"""Speaker phrases that follow a reporting verb or open a sentence: "said Sen. Ted Cruz", "according to X".

The counterpart of `speaker.subject_before`, reading forward from a position
in the same blanked-out tokens.
"""

from __future__ import annotations

from briefing.extract.quotes.constructions import on
from briefing.extract.quotes.lexicon import CUE_FORMS, DETERMINERS, NOMINAL_STOP, ROLE_HEADS
from briefing.extract.quotes.mentions import is_org
from briefing.extract.quotes.namewords import CONNECTORS, OPENERS
from briefing.extract.quotes.sources import is_source_head, tail_after, tied_phrase_end
from briefing.extract.quotes.speaker import SpeakerRef, name_ref, pronoun_of
from briefing.extract.quotes.tokens import Token, is_abbrev_dot, is_possessive, join_tokens


def _run_forward(toks: list[Token], k: int, hi: int) -> int:
    """Last index of the capitalised name run starting at k ("Rep. G.K. Butterfield")."""
    e = k
    while e + 1 < hi and not is_possessive(toks[e]):
        nxt = toks[e + 1]
        if nxt.is_word and nxt.is_cap:
            e += 1
        elif is_abbrev_dot(toks, e + 1) and e + 2 < hi and toks[e + 2].is_cap:
            e += 1
        elif nxt.low in CONNECTORS and e + 2 < hi and toks[e + 2].is_cap:
            e += 1
        elif nxt.low == "of" and toks[e].low.rstrip(".") in ROLE_HEADS and toks[e].is_cap and e + 2 < hi:
            # "Secretary of State John Kerry", "Speaker of the House Paul Ryan"
            f = e + 3 if toks[e + 2].low == "the" else e + 2
            if f < hi and toks[f].is_cap:
                e = f
            else:
                break
        else:
            break
    return e


def phrase_after(toks: list[Token], i: int, hi: int) -> SpeakerRef | None:
    """The speaker phrase starting at index i: "said Trump", "said the senator", "according to X"."""
    while i < hi and toks[i].text in {",", "—", "–"}:
        i += 1
    if i >= hi:
        return None
    t = toks[i]
    pron = pronoun_of(t)
    if pron:
        return SpeakerRef("pronoun", pron, None, t.start, i)
    k = i
    # lower-case role words then a capitalised run: "campaign spokesman Brian Fallon"
    while k < hi and toks[k].is_word and not toks[k].is_cap and toks[k].low not in NOMINAL_STOP and k - i < 6:
        if toks[k].low in DETERMINERS and k > i:
            break
        k += 1
    if k < hi and toks[k].is_word and toks[k].is_cap:
        e = _run_forward(toks, k, hi)
        # "MSNBC host Chris Matthews", "Tulsa police Chief Chuck Jordan": a role noun, then the name
        m = e + 1
        while (
            m < hi
            and m - e <= 3
            and toks[m].is_word
            and not toks[m].is_cap
            and toks[m].low not in NOMINAL_STOP
        ):
            m += 1
        if (
            m < hi
            and m > e + 1
            and toks[m - 1].low in ROLE_HEADS
            and toks[m].is_cap
            and not is_possessive(toks[e])
        ):
            e = _run_forward(toks, m, hi)
        if is_possessive(toks[e]) and e + 1 < hi and k == i:
            # "said Trump’s campaign manager Kellyanne Conway": the owner is part of the role
            inner = phrase_after(toks, e + 1, hi)
            if inner and inner.kind == "name":
                return inner
            return None
        if is_possessive(toks[e]):
            return None  # "said Trump’s campaign": a description, not handled
        after_run = toks[e + 1] if e + 1 < hi else None
        adjective = (
            after_run and after_run.is_word and not after_run.is_cap and after_run.low not in NOMINAL_STOP
        )
        if adjective and toks[i].low in DETERMINERS and toks[k].low.rstrip(".") not in ROLE_HEADS:
            k = hi  # "said one Democratic source": an adjective, so a description follows
        ref = name_ref(toks, k, e, i) if k < hi else None
        if ref:
            return ref
    # a description: determiner + words up to punctuation or a clause word
    e = i
    while e < hi and toks[e].is_word and toks[e].low not in NOMINAL_STOP - {"of", "for"} and e - i < 8:
        if is_source_head(toks[e]) and on("described-source"):  # "a source close to the minister", "officials with knowledge of …"
            tail = tail_after(toks, e, hi)
            if tail is not None and tail < hi:
                end = tied_phrase_end(toks, tail, hi)
                if end > tail:
                    words = toks[i:end]
                    return SpeakerRef("nominal", join_tokens(words), None, words[0].start, i)
        e += 1
    if e > i and (toks[i].low in DETERMINERS or toks[e - 1].low.endswith("s")):
        words = toks[i:e]
        while words and words[-1].low in {"of", "for"}:
            words = words[:-1]
        if words:
            return SpeakerRef("nominal", " ".join(w.text for w in words), None, words[0].start, i)
    return None


LEADING = frozenset(
    "on at in during after before while when since for with without from by as despite amid speaking asked"
    " following under ahead given within throughout across"
    " writing earlier later meanwhile however but and yet still also then now so".split()
)


def sentence_subject(toks: list[Token], a: int, b: int) -> SpeakerRef | None:
    """The name or pronoun that opens the sentence toks[a:b] as its subject ("Trump openly admires …")."""
    i = a
    if i < b and toks[i].low in LEADING:
        while i < b and toks[i].text != ",":
            i += 1
        i += 1
        if (
            i < b and toks[i].is_cap and toks[i].low not in OPENERS
        ):  # "At a rally in Coral Springs, Florida, Clinton"
            j = i
            while j < b and (toks[j].is_cap or toks[j].text == "."):
                j += 1
            if j < b and toks[j].text == ",":
                i = j + 1
    if i >= b:
        return None
    pron = pronoun_of(toks[i])
    if pron:
        return SpeakerRef("pronoun", pron, None, toks[i].start, i)
    if not toks[i].is_cap or toks[i].low in OPENERS:
        return None
    if is_possessive(toks[i]) and i + 1 < b:  # "China’s foreign ministry spokesperson Mao Ning said"
        ref = phrase_after(toks, i + 1, b)
        if ref and ref.kind == "name" and is_org(ref.text.split()) and ref.first == i + 1:
            # "Japan’s Foreign Ministry said …, calling …": the owner is part of the institution's name
            return SpeakerRef("name", join_tokens(toks[i : ref.first]) + " " + ref.text, None, toks[i].start, i)
        return ref if ref and ref.kind == "name" else None
    nominal = _description_subject(toks, i, b)
    if nominal:
        return nominal
    ref = phrase_after(toks, i, b)
    return ref if ref and ref.kind == "name" else None


VERBISH = frozenset(
    "is are was were has have had will would can could should may might must do does did".split()
)


def _verbish(t: Token) -> bool:
    return t.low in VERBISH or t.low in CUE_FORMS or t.low.endswith("ed")


def _description_subject(toks: list[Token], i: int, b: int) -> SpeakerRef | None:
    """ "Small groups of protesters chanted", "Trump supporters shouted": a capitalised word opens a
    description (a plural noun follows, then "of" or a verb), not a name."""
    e = _run_forward(toks, i, b)
    if e + 2 >= b or is_possessive(toks[e]):
        return None
    noun, after = toks[e + 1], toks[e + 2]
    if not (noun.is_word and not noun.is_cap and noun.low.endswith("s") and len(noun.low) > 3):
        return None
    if noun.low in CUE_FORMS or noun.low in NOMINAL_STOP or noun.low in VERBISH:
        return None
    if not (after.low in {"of", "who"} or _verbish(after)):
        return None
    j = e + 2
    if after.low == "of":
        j += 1
        while (
            j < b
            and toks[j].is_word
            and not _verbish(toks[j])
            and toks[j].low not in NOMINAL_STOP
            and j - i < 8
        ):
            j += 1
    words = toks[i:j]
    return SpeakerRef("nominal", " ".join(w.text for w in words), None, words[0].start, i)
