"""Find the speaker phrase next to a reporting verb: "Trump said", "said the senator", "according to X".

Works on the tokens of one paragraph whose quotations are blanked out (only
the marks stay), so a phrase never reaches into quoted words. The result says
how the speaker is written (a name with its title, a pronoun, a description
such as "the Japanese side", or two people "Lee and Takaichi"); resolving it
to a canonical name is the attribution step's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.quotes.constructions import on
from briefing.extract.quotes.cues import is_verb_form
from briefing.extract.quotes.lexicon import (
    CUE_FORMS,
    DETERMINERS,
    NOMINAL_STOP,
    ORG_WORDS,
    ROLE_HEADS,
    TITLE_OBJECTS,
)
from briefing.extract.quotes.mentions import is_org, role_text, title_cut
from briefing.extract.quotes.namewords import CONNECTORS, DESCRIPTORS, OPENERS
from briefing.extract.quotes.sources import head_before
from briefing.extract.quotes.tokens import Token, is_abbrev_dot, is_party_state, is_possessive, join_tokens
from briefing.text.abbreviations import HONORIFICS
from briefing.text.calendar import FULL_WEEKDAY_WORDS, MONTH_WORDS

QUOTE_MARKS = frozenset('"“”«»„')
SKIP = frozenset(
    """
    also has have had was were is are would will later then once previously recently repeatedly again further
    first often never even just simply finally earlier separately similarly not did does do could might may
    should must can already still himself herself themselves itself reportedly privately publicly been being
    has since subsequently eventually immediately quickly flatly directly famously ultimately now yesterday long
    today tonight last night morning afternoon evening this week month year on
    """.split()
) | FULL_WEEKDAY_WORDS
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_CONTRACTED = re.compile(r"^(he|she|they|we|i|it)[’'](?:s|re|ve|d|ll|m)$")


def pronoun_of(tok: Token) -> str | None:
    """ "he", or "he" for "He’s"; None when the token is no subject pronoun."""
    low = tok.low
    if low in PRONOUNS and low != "you":
        return low
    m = _CONTRACTED.match(low)
    return m.group(1) if m else None


NOUN_BLOCK = frozenset({"who", "which", "that", "what", "where", "when", "there", "it", "this"})


@dataclass(frozen=True)
class SpeakerRef:
    """A speaker as the text writes it."""

    kind: str  # "name", "pronoun", "nominal" or "joint"
    text: str  # the name part, the pronoun, the description, or "A and B"
    title: str | None  # title or appositive role written with a name
    start: int  # paragraph offset of the phrase
    first: int  # index of the phrase's first token


TIME_WORDS = MONTH_WORDS | FULL_WEEKDAY_WORDS | frozenset({"today", "tonight", "yesterday", "tomorrow"})
PLACE_PREPOSITIONS = frozenset(
    "through in on at across from into around near outside inside along over under onto toward towards".split()
)
PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be", "get", "got", "gets"})


def _run_back(toks: list[Token], k: int, lo: int) -> int:
    """First index of the capitalised name run ending at k."""
    j = k
    while j - 1 >= lo:
        p = toks[j - 1]
        if p.is_word and p.is_cap and not is_possessive(p):
            j -= 1
        elif p.text == "." and j - 2 >= lo and is_abbrev_dot(toks, j - 1):
            j -= 1
        elif p.low in CONNECTORS and j - 2 >= lo and toks[j - 2].is_cap:
            j -= 1
        elif _title_of(toks, j - 1, lo):  # "Secretary of State John Kerry", "Speaker of the House Paul Ryan"
            j -= 2 if p.low == "the" else 1
        else:
            break
    while j < k and (toks[j].text == "." or (toks[j].low in CONNECTORS and not is_abbrev_dot(toks, j + 1))):
        j += 1  # a name never opens with "de" or "." ("Del." is a title, though)
    return j


def _title_of(toks: list[Token], i: int, lo: int) -> bool:
    """toks[i] is the "of" (or "of the") inside a title: a capitalised role noun before it."""
    if toks[i].low == "the":
        i -= 1
    return (
        i - 1 >= lo
        and toks[i].low == "of"
        and toks[i - 1].is_cap
        and toks[i - 1].low.rstrip(".") in ROLE_HEADS
        and toks[i - 1].low.rstrip(".") not in HONORIFICS
    )


def split_of_title(title: list[str], name: list[Token]) -> tuple[list[str], list[Token]]:
    """Move "of State", "of the House", "of National Intelligence" from the name into the title."""
    if not title or len(name) < 3 or name[0].low != "of":
        return title, name
    title, name = [*title, name[0].text], name[1:]
    if name[0].low == "the":
        title, name = [*title, name[0].text], name[1:]
    if len(name) > 1 and name[0].is_cap:
        title, name = [*title, name[0].text], name[1:]
    while len(name) > 2 and name[0].low in TITLE_OBJECTS:
        title, name = [*title, name[0].text], name[1:]
    return title, name


def _with_dot(toks: list[Token], i: int) -> Token:
    """ "Sen" followed by its full stop becomes "Sen." so titles keep their abbreviation marks."""
    t = toks[i]
    if i + 1 < len(toks) and is_abbrev_dot(toks, i + 1):
        return Token(t.text + ".", t.start, t.end + 1)
    return t


def name_ref(toks: list[Token], j: int, k: int, lo: int) -> SpeakerRef | None:
    """Build a name reference from the capitalised run toks[j..k] plus any lower-case role before it."""
    words = [_with_dot(toks, i) for i in range(j, k + 1) if toks[i].text != "."]
    keep_the = words[0].low == "the" and any(w.low.rstrip(".") in ORG_WORDS for w in words[1:])
    while words and words[0].low in OPENERS and len(words) > 1 and not keep_the:
        words = words[1:]  # but "The Mainichi", "The New York Times" keep their article
    if not words:
        return None
    cut = title_cut([w.text for w in words])
    title_words, name_words = split_of_title([w.text for w in words[:cut]], words[cut:])
    # lower-case role words right before the run: "campaign spokesman Brian Fallon"
    r = j - 1
    lower: list[str] = []
    while (
        r >= lo
        and toks[r].is_word
        and not toks[r].is_cap
        and toks[r].low not in DETERMINERS
        and len(lower) < 5
    ):
        if toks[r].low in NOMINAL_STOP or toks[r].low in CUE_FORMS:
            break
        lower.insert(0, toks[r].text)
        r -= 1
    if lower and lower[-1].lower() in ROLE_HEADS:
        title_words = lower + title_words
    if name_words and all(w.low.rstrip(".") in TIME_WORDS or w.low in OPENERS for w in name_words):
        return None  # "said Tuesday", "After"
    while len(name_words) > 1 and name_words[0].low in DESCRIPTORS:
        if any(w.low.rstrip(".") in ORG_WORDS for w in name_words):
            break
        title_words, name_words = [*title_words, name_words[0].text], name_words[1:]
    if not name_words:
        if words[0].low in OPENERS or words[0].low in PRONOUNS:
            return None
        head = words[-1].low
        if head in ROLE_HEADS:  # "the President said": a description, resolved later
            return SpeakerRef("nominal", " ".join(w.text for w in words), None, words[0].start, j)
        return None
    span = [t for t in toks[j : k + 1] if t.start >= name_words[0].start]
    name = re.sub(r"[’']s$", "", join_tokens(span))
    title = role_text(title_words)
    return SpeakerRef("name", name, title or None, name_words[0].start, j)


def _nominal_back(toks: list[Token], k: int, lo: int) -> SpeakerRef | None:
    """A description ending at k: "the Japanese side", "White House officials", "a spokesman for the campaign"."""
    head = toks[k]
    if head.low in NOMINAL_STOP or head.low in NOUN_BLOCK or head.low in SKIP or head.text.isdigit():
        return None
    j = k
    pp_used = False
    while j - 1 >= lo and k - j < 7:
        p = toks[j - 1]
        if p.low in DETERMINERS or is_possessive(p):
            j -= 1
            if (
                not pp_used
                and j - 2 >= lo
                and toks[j - 1].low in {"for", "of", "at", "from", "with"}
                and toks[j - 2].is_word
                and toks[j - 2].low not in NOMINAL_STOP
            ):
                pp_used = True
                j -= 1
                continue
            if is_possessive(p) and j - 1 >= lo and toks[j - 1].is_cap:
                j = _run_back(toks, j - 1, lo)
            break
        if not p.is_word or p.low in NOMINAL_STOP or is_verb_form(p) or p.low in SKIP or p.low in PRONOUNS:
            break
        j -= 1
    words = toks[j : k + 1]
    if not any(w.low in DETERMINERS or is_possessive(w) for w in words) and not head.low.endswith("s"):
        return None  # a bare singular noun ("Japan agreed" is a name; "tension said" is noise)
    # "Protesters marching through the streets chanted": the phrase is the object of a preposition
    # inside a participle phrase; the subject stands before the participle
    if j - 2 >= lo and toks[j - 1].low in PLACE_PREPOSITIONS and toks[j - 2].low.endswith(("ing", "ed")):
        outer = _phrase_back(toks, j - 3, lo) if j - 3 >= lo else None
        if outer:
            return outer
    return SpeakerRef("nominal", " ".join(w.text for w in words), None, words[0].start, j)


def subject_before(toks: list[Token], cue: int, lo: int) -> SpeakerRef | None:
    """The subject phrase that ends right before the reporting verb at `cue` (not before index lo)."""
    k = cue - 1
    if k - 1 > lo and toks[k].low == "as" and toks[k - 1].low == "quoted":  # "Smith was quoted as saying"
        k -= 2
        while k >= lo and toks[k].low in SKIP:
            k -= 1
        return subject_before(toks, k + 1, lo) if k >= lo else None
    while k >= lo and (toks[k].low in SKIP or (toks[k].low.endswith("ly") and not toks[k].is_cap)):
        if toks[k].low in PASSIVE and toks[cue].low.endswith(("ed", "told", "asked", "written")):
            return None  # "he was told", "she was asked": the subject of a passive is not the speaker
        k -= 1
    if k >= lo and toks[k].text == ")":  # "Sen. Ted Cruz (R-Texas) said"
        m = k
        while m >= lo and toks[m].text != "(":
            m -= 1
        if m <= lo:
            return None
        k = m - 1
    if k > lo and is_abbrev_dot(toks, k) and toks[k - 1].is_cap:  # "Martin Luther King Jr. said"
        k -= 1
    if k >= lo and toks[k].low == "who":
        k -= 1
        if k >= lo and toks[k].text == ",":  # "Peter Morgan, a lawyer for the Sierra Club, who said"
            appositive = _appositive(toks, k, lo)
            if appositive is not None:
                return appositive
            k -= 1
        elif k >= lo and toks[k].is_word and not toks[k].is_cap:
            # "said Jane Helms, a scholar who has written …": the relative clause describes the named person
            role = _nominal_back(toks, k, lo)
            c = role.first - 1 if role else lo - 1
            if role and c - 1 >= lo and toks[c].text == "," and toks[c - 1].is_cap:
                named = _phrase_back(toks, c - 1, lo)
                if named is not None and named.kind == "name" and not is_org(named.text.split()):
                    return SpeakerRef("name", named.text, named.title or role.text, named.start, named.first)
    if k < lo:
        return None
    t = toks[k]
    pron = pronoun_of(t)
    if pron:
        return SpeakerRef("pronoun", pron, None, t.start, k)
    if t.text == ",":
        if toks[cue].low.endswith("ing"):
            return None  # ", highlighting …": a participle of the sentence's own subject
        return _appositive(toks, k, lo)
    if t.text in QUOTE_MARKS or not t.is_word:
        return None
    ref = _phrase_back(toks, k, lo)
    # "Mr. Morgan of the Sierra Club said", "Sen. Ann Roe of Ohio said": the person, not the place
    if ref is not None and ref.kind == "name":
        j = ref.first - 1
        if j >= lo and toks[j].low == "the":
            j -= 1
        link = toks[j].low if j - 1 >= lo else ""
        if link in {"of", "at", "with", "from"} and toks[j - 1].is_word and not is_possessive(toks[j - 1]):
            outer = _phrase_back(toks, j - 1, lo)
            if outer is not None and outer.kind == "name" and not is_org(outer.text.split()):
                return outer  # "Jonathan Gelles at Wertheim said": the person, not the firm
        if link == "of" and toks[j - 1].is_word and not is_possessive(toks[j - 1]):
            if outer is not None and outer.kind == "nominal":  # "the head of the Sierra Club said"
                text = join_tokens(toks[outer.first : k + 1])
                return SpeakerRef("nominal", text, None, outer.start, outer.first)
    if ref is not None and ref.kind in ("name", "nominal") and on("described-source"):
        return _described_source(toks, ref, k, lo) or ref
    return ref


def _described_source(toks: list[Token], ref: SpeakerRef, k: int, lo: int) -> SpeakerRef | None:
    """ "a spokesperson for the Finance Ministry said", "a source close to the minister said": the whole
    description speaks, not the institution or person it is tied to."""
    h = head_before(toks, ref.first, lo)
    if h is None:
        return None
    head = _nominal_back(toks, h, lo)
    first = head.first if head else h
    return SpeakerRef("nominal", join_tokens(toks[first : k + 1]), None, toks[first].start, first)


def _phrase_back(toks: list[Token], k: int, lo: int) -> SpeakerRef | None:
    if toks[k].text == ")":  # "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
        m = k
        while m > lo and toks[m].text != "(":
            m -= 1
        if m <= lo:
            return None
        k = m - 1
    t = toks[k]
    if t.is_cap and not is_possessive(t):
        j = _run_back(toks, k, lo)
        ref = name_ref(toks, j, k, lo)
        if ref and ref.kind == "name" and j - 2 >= lo and toks[j - 1].low == "and" and toks[j - 2].is_cap:
            j2 = _run_back(toks, j - 2, lo)
            other = name_ref(toks, j2, j - 2, lo)
            if other and other.kind == "name":
                return SpeakerRef("joint", f"{other.text} and {ref.text}", None, other.start, j2)
        if ref is None and t.low not in OPENERS:
            return None
        owner = j - 1
        if ref and ref.kind == "name" and owner >= lo and is_possessive(toks[owner]) and toks[owner].is_cap:
            if any(
                w.rstrip(".").lower() in ORG_WORDS for w in ref.text.split()
            ):  # "Japan’s Foreign Ministry"
                j2 = _run_back(toks, owner, lo) if owner > lo else owner
                return SpeakerRef("name", join_tokens(toks[j2 : k + 1]), ref.title, toks[j2].start, j2)
        return ref
    if t.is_word and not t.is_cap:
        return _nominal_back(toks, k, lo)
    return None


def _appositive(toks: list[Token], comma: int, lo: int) -> SpeakerRef | None:
    """ "Trump, the Republican nominee, said", "Scott Pruitt, the attorney general, one of …, said"
    or "South Korea’s ambassador, Lee Hyuk, said": the name among up to three comma-separated chunks."""
    right = comma
    for _ in range(3):
        c0 = right - 1
        while c0 >= lo and toks[c0].text != "," and right - c0 < 16:
            if toks[c0].text in QUOTE_MARKS or (toks[c0].text in ".;:" and not is_abbrev_dot(toks, c0)):
                return None
            c0 -= 1
        if c0 < lo or toks[c0].text != ",":
            return None
        label = [t for t in toks[c0 + 1 : right] if t.text != "."]
        if len(label) == 1 and is_party_state(label[0]):  # "Rep. Jason Chaffetz, R-Utah, said"
            named = _phrase_back(toks, c0 - 1, lo) if c0 - 1 >= lo else None
            if named is not None and named.kind == "name":
                return named
            right = c0
            continue
        inner = _phrase_back(toks, right - 1, c0 + 1) if right - 1 > c0 else None
        lead_in = toks[c0 + 1 : inner.first] if inner else []  # "…, state Del. Marcia Price, said"
        role_lead = all(
            t.is_word and not t.is_cap and not is_verb_form(t) and t.low not in NOMINAL_STOP | DETERMINERS
            for t in lead_in
        )
        if inner and inner.kind == "name" and role_lead and right == comma:
            role = join_tokens(toks[_clause_start(toks, c0, lo) : c0])
            return SpeakerRef("name", inner.text, inner.title or role or None, inner.start, inner.first)
        outer = _phrase_back(toks, c0 - 1, lo) if c0 - 1 >= lo else None
        lead = toks[_clause_start(toks, outer.first, lo) : outer.first] if outer else []
        if outer and outer.kind in ("name", "joint") and all(role_word(t) for t in lead):
            appos = join_tokens(toks[c0 + 1 : right])
            return SpeakerRef(outer.kind, outer.text, outer.title or appos, outer.start, outer.first)
        right = c0
    return None


def role_word(t: Token) -> bool:
    """A word that can stand in a title before a name ("Democratic nominee"), not a verb or clause word."""
    return t.is_word and t.low not in CUE_FORMS and t.low not in NOMINAL_STOP


def _clause_start(toks: list[Token], k: int, lo: int) -> int:
    j = k
    while j - 1 >= lo and toks[j - 1].text not in {",", ";", ":", "(", ")", "—", "–"} | QUOTE_MARKS:
        j -= 1
    return j
