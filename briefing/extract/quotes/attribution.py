"""Decide, for each quoted span, whether it is a quotation and who said it.

Order of evidence, nearest first: a reporting verb right after the closing
mark ("…,” Lee said / said Lee), one before it in the same sentence ("Lee
said: “…”", "Lee called it a “…”", "according to officials, “…”"); for a
full quotation with none, the speaker of the previous quotation in the
paragraph, the subject of a reporting verb earlier in the paragraph, or the
last speaker of the previous paragraph (newswire runs a quote over several
paragraphs). A fragment with no speaker of its own is a scare quote, a
coined term or a title, and is dropped, as are quoted words the text itself
uses unquoted elsewhere (a term, not somebody's words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.extract.quotes.acts import SPEECH_NOUNS, words_owner
from briefing.extract.quotes.constructions import on
from briefing.extract.quotes.cues import is_cue, is_verb_form
from briefing.extract.quotes.forward import phrase_after, sentence_subject
from briefing.extract.quotes.lexicon import (
    CUE_FORMS,
    DETERMINERS,
    NAMING_LEMMAS,
    NOMINAL_STOP,
    SPEECH_LEMMAS,
)
from briefing.extract.quotes.namewords import CONNECTORS
from briefing.extract.quotes.paragraph import token_index
from briefing.extract.quotes.speaker import QUOTE_MARKS, SpeakerRef, subject_before
from briefing.extract.quotes.tokens import (
    Token,
    is_abbrev_dot,
    is_possessive,
)

WEAK_LEMMAS = frozenset(
    {"think", "believe", "feel", "hope", "want", "continue", "begin", "fire", "signal", "worry", "go"}
)
PARTICLES = frozenset({"back", "on", "out", "in"})


def _closes_clause(toks: list[Token], c: int, end: int) -> bool:
    """ "“…,” Smith continued." / "… Smith went on.": a verb with nothing after it but its particle."""
    k = c + 1
    while k < end and toks[k].low in PARTICLES:
        k += 1
    return k >= end or toks[k].text in {".", ",", ";", "!", "?"}


PARTICIPLE = SpeakerRef("participle", "", None, 0, 0)  # "…, saying “…”": the sentence's own subject speaks


DASHES = frozenset({"―", "—", "–", "-"})


def _name_end(toks: list[Token], k: int, end: int) -> int:
    while k < end and ((toks[k].is_word and toks[k].is_cap) or is_abbrev_dot(toks, k)):
        k += 1
    return k


def _of_phrase(toks: list[Token], i: int, first: int) -> bool:
    """The speaker phrase starts at i and its name at `first` (the name before "of the …" was taken)."""
    return first == i or (
        toks[i].is_cap and all(t.is_word or is_abbrev_dot(toks, n + i) for n, t in enumerate(toks[i:first]))
    )


def attribution_after(toks: list[Token], close: int, hi: int) -> SpeakerRef | None:
    """ "…,” said Lee" / "…,” Lee said" / "…,” the ministry said in a statement"."""
    i = token_index(toks, close + 1)
    end = token_index(toks, hi)
    if i < end and toks[i].text in DASHES and i + 1 < end and toks[i + 1].is_cap and on("byline-dash"):
        ref = phrase_after(toks, i + 1, end)  # "“…” ― Pamela Padilla (@pam) May 2": a byline after the quote
        if ref and ref.kind == "name" and ref.first == i + 1:
            return ref
    while i < end and toks[i].text in {",", "—", "–", "-", "?", "!"}:
        i += 1
    if i < end and toks[i].low == "as" and on("as-calls"):  # "“Crooked Jane,” as Smith calls her"
        i += 1
    if i >= end or toks[i].text in QUOTE_MARKS:
        return None
    if toks[i].low == "according" and i + 1 < end and toks[i + 1].low == "to" and on("according-after"):
        return phrase_after(toks, i + 2, end)  # "“…,” according to a statement from the campaign"
    if is_cue(toks, i):
        lemma = CUE_FORMS[toks[i].low]
        if lemma in WEAK_LEMMAS or lemma in NAMING_LEMMAS or toks[i].low.endswith("ing"):
            return None  # "“…,” calling the summit “…”" is a participle clause, not "said Smith"
        ref = phrase_after(toks, i + 1, end)
        if ref and _starts_clause(toks, ref, end):
            return None  # "who called him “…,” said the bill was dead": "said" opens a clause, no speaker follows
        return ref
    for c in range(i + 1, min(end, i + 26)):
        if toks[c].text in QUOTE_MARKS or (toks[c].text in ".;:" and not is_abbrev_dot(toks, c)):
            break
        if is_cue(toks, c) and (CUE_FORMS[toks[c].low] not in WEAK_LEMMAS or _closes_clause(toks, c, end)):
            if on("next-quote-verb") and _introduces_next_quote(toks, c, end):
                break  # "While Jones called it “…,” Smith praised it as “…”": Smith's verb governs his own quote
            ref = subject_before(toks, c, i)
            between = toks[i : ref.first] if ref else []
            if on("charge-relative") and any(t.low in SPEECH_NOUNS for t in between):
                break  # "“…,” a charge Kaine denied": a relative clause on the charge, not an attribution
            if ref and ref.kind == "name" and _of_phrase(toks, i, ref.first):
                return ref  # "…,” Mr. Morgan of the Sierra Club said" (resolved to Morgan above)
            if ref and all(t.is_word and not is_verb_form(t) and t.low not in NOMINAL_STOP for t in between):
                return ref  # "…,” Tulsa police Chief Chuck Jordan said"
            words = [t for t in between if t.text != ","]
            if (
                ref
                and ref.kind == "name"
                and on("role-appositive-after")
                and len(words) == len(between) - 1
                and between[0].text != ","
                and any(is_possessive(t) or t.low in DETERMINERS for t in words)
                and len(words) <= 6
                and all(t.is_word and not is_verb_form(t) and t.low not in NOMINAL_STOP for t in words)
            ):
                return ref  # "…,” Clinton’s press secretary, Brian Fallon, said", "…,” Scott’s niece, state Del. …"
            break
    return None


ISSUE_VERBS = frozenset("issued released posted sent published put wrote gave made delivered tweeted".split())
MESSAGES = frozenset(
    "statement statements tweet tweets post posts letter message messages release video ad".split()
)


def _issuer(toks: list[Token], ref: SpeakerRef, a: int) -> SpeakerRef | None:
    """ "the committee issued a statement calling it “…”": who issued the message speaks through it."""
    head = ref.text.split()[-1].lower()
    verb = ref.first - 1
    if verb > a and head in MESSAGES and toks[verb].low in ISSUE_VERBS | {"out"}:
        if toks[verb].low == "out" and verb - 1 > a:  # "put out a statement"
            verb -= 1
        return subject_before(toks, verb, a)
    return None


PREPOSITIONS = frozenset("on to in at for with from of about".split())


def _introduces_next_quote(toks: list[Token], c: int, end: int) -> bool:
    """The verb after a quote takes an object and then a quote of its own ("praised it as “…”")."""
    if c + 1 >= end or not toks[c + 1].is_word or CUE_FORMS[toks[c].low] not in NAMING_LEMMAS:
        return False
    for k in range(c + 1, min(end, c + 7)):
        if toks[k].text in QUOTE_MARKS:
            return toks[k - 1].low not in PREPOSITIONS  # not "said on “Meet the Press”"
        if (toks[k].text in ".;:" and not is_abbrev_dot(toks, k)) or toks[k].low in AUX_WORDS:
            return False  # "the “loopholes” he cited are “…”": the verb ends a relative clause
    return False


def _starts_clause(toks: list[Token], ref: SpeakerRef, end: int) -> bool:
    """The phrase after a verb is followed by a finite verb: the subject of a reported clause."""
    k = ref.first
    while k < end and toks[k].is_word and toks[k].low not in AUX_WORDS:
        k += 1
    return k < end and toks[k].low in AUX_WORDS


AUX_WORDS = frozenset(
    "is are was were will would has have had could should can may might must does did".split()
)


def attribution_before(
    toks: list[Token],
    lo: int,
    open_: int,
    partial: bool,
    other_person: Callable[[SpeakerRef, SpeakerRef], bool] | None = None,
) -> SpeakerRef | None:
    """The reporting verb nearest before the opening mark in the same sentence, and its subject."""
    a = token_index(toks, lo)
    b = token_index(toks, open_)
    cues = [c for c in range(b - 1, a - 1, -1) if is_cue(toks, c)]
    for k in range(b - 2, a - 1, -1) if on("according-before") else ():
        if toks[k].low == "according" and toks[k + 1].low == "to":
            ref = phrase_after(toks, k + 2, b)
            if ref:
                return ref
        if toks[k].low == "per":
            ref = phrase_after(toks, k + 1, b)
            if ref:
                return ref
    if b - a > 2 and toks[a].is_cap and toks[a].low in CUE_FORMS and toks[b - 1].text in {":", ","} and on(
        "inverted-said"
    ):
        ref = phrase_after(toks, a + 1, b)  # "Said Ellis: “…”"
        if ref and ref.kind == "name":
            return ref
    owner = _claim_owner(toks, a, b) if on("claim-owner") else None
    if owner:
        return owner
    found: list[SpeakerRef] = []
    participle = False
    for n, c in enumerate(cues):
        lemma = CUE_FORMS[toks[c].low]
        right_before = c + 2 == b and toks[c + 1].text in {",", ":"}  # "Limbaugh continued: “…”"
        if not partial and (lemma not in SPEECH_LEMMAS or lemma in WEAK_LEMMAS) and not right_before:
            continue
        if (
            n == 0
            and toks[c].low.endswith("ing")
            and c > a
            and toks[c - 1].low in {",", "by", "after", "while"}
            and on("participle-subject")
        ):
            # "…, calling it “…”", "… responded by calling it “…”": the main clause's subject speaks
            main = sentence_subject(toks, a, c)
            if main:
                return main
            participle = True
            continue
        ref = subject_before(toks, c, a)
        owner = words_owner(toks, c, a) if ref and ref.kind == "nominal" and on("words-owner") else None
        if owner is not None and n == 0:
            return owner  # "Hale criticised Jones's remarks describing the plan as “…”": Jones speaks
        if ref and ref.kind == "nominal" and toks[c].low.endswith("ing") and on("message-author"):
            # "Trump unleashed a series of tweets saying …": the tweets' author, the sentence's subject, speaks
            main = sentence_subject(toks, a, c)
            if main is None or main.kind != "name":
                main = _issuer(toks, ref, a)
            ref = main if main and main.kind in ("name", "nominal") else ref
        if ref is None and c + 1 < b and lemma not in NAMING_LEMMAS:  # not "called CNN “…”": CNN is named
            after = phrase_after(toks, c + 1, b)
            if after and after.kind == "name" and _ends_before(toks, after, b):
                ref = after
        if ref:
            found.append(ref)
    if not found:
        return PARTICIPLE if participle else None
    nearest = found[0]
    # "Ryan said the spate of shootings demands that …", "Trump said he thought that …": an embedded
    # clause's subject does not speak; the main clause's named subject does.
    rank = {"name": 0, "joint": 0, "nominal": 1, "pronoun": 2}
    for ref in found[1:] if on("main-over-embedded") else ():
        if nearest.kind == "pronoun" and other_person is not None and on("pronoun-gender") and other_person(nearest, ref):
            return nearest  # "Trump said Clinton lied when she called him “…”": she is not Trump
        if rank[ref.kind] < rank[nearest.kind] and ref.kind != "nominal":
            return ref
        if nearest.kind == "pronoun" and ref.kind == "nominal":
            return ref
    return nearest


# Words that may link a speech noun to its quoted content: "claim that there have been “…”", "vow of “…”".
CLAIM_LINKS = frozenset(
    "that of about there was were is are had has have been would will be the a an to".split()
)


COPULAS = frozenset({"was", "were", "is", "are"})


def _claim_owner(toks: list[Token], a: int, b: int) -> SpeakerRef | None:
    """ "Trump’s claim that there have been “…”": the owner of a speech noun right before the quote speaks."""
    for k in range(b - 1, max(a, b - 6) - 1, -1):
        if toks[k].low in SPEECH_NOUNS and k > a and is_possessive(toks[k - 1]) and toks[k - 1].is_cap:
            between = [t for t in toks[k + 1 : b] if t.text not in {":", ","}]  # "Trump’s response: “…”"
            if between and between[0].low in COPULAS and any(is_cue(toks, c) for c in range(a, k - 1)):
                return None  # "Clinton said Trump’s remarks were “disgusting”": the judge speaks, not Trump
            if all(t.low in CLAIM_LINKS for t in between) and len(between) <= 4:
                name = re.sub(r"[’']s?$", "", toks[k - 1].text)
                return SpeakerRef("name", name, None, toks[k - 1].start, k - 1)
    return None


def _ends_before(toks: list[Token], ref: SpeakerRef, b: int) -> bool:
    """An inverted speaker ("said Lee:") stands right before the quote, followed only by , or :."""
    k = ref.first
    while k < b and (
        (toks[k].is_word and (toks[k].is_cap or toks[k].low in CONNECTORS)) or toks[k].text == "."
    ):
        k += 1
    return all(t.text in {",", ":", "—", "–"} for t in toks[k:b])


def sentence_tail(toks: list[Token], close: int, hi: int) -> SpeakerRef | None:
    """ "A cashier who “…” is held accountable, Warren said.": an attribution closing the sentence."""
    a = token_index(toks, close + 1)
    end = token_index(toks, hi)
    while end > a and not toks[end - 1].is_word:
        end -= 1
    comma = max((i for i in range(a, end) if toks[i].text in {",", "—", "–"}), default=None)
    if comma is None or end - comma > 9:
        return None
    return attribution_after(toks, toks[comma].start - 1, toks[end - 1].end) if end > comma + 1 else None


def previous_sentence_subject(toks: list[Token], lo: int, para_lo: int) -> SpeakerRef | None:
    """The subject of the last reporting verb in the paragraph before `lo` ("Lee said Monday that …. “…”")."""
    a = token_index(toks, para_lo)
    b = token_index(toks, lo)
    for c in range(b - 1, a - 1, -1):
        if is_cue(toks, c) and CUE_FORMS[toks[c].low] in SPEECH_LEMMAS and not toks[c].low.endswith("ing"):
            ref = subject_before(toks, c, a)
            if ref:
                return ref
            ref = phrase_after(toks, c + 1, b)
            if ref and ref.kind == "name":
                return ref
    return None
