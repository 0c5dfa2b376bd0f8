"""`extract_statements`: reported speech with a named source, for the "Who said what" section.

"National Security Adviser Wi Sung-lac stated that the two sides discussed …",
"According to officials, the plant will close", "The talks will resume, the
ministry said." The reported content is kept verbatim from the document; the
speaker is resolved exactly as for direct quotations. Sentences holding
quotation marks are left to `extract_quotes`, so one claim is not reported twice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.extract.quotes.cues import is_cue
from briefing.extract.quotes.extract import Speaker, resolve, units_of
from briefing.extract.quotes.forward import phrase_after
from briefing.extract.quotes.lexicon import CUE_FORMS, ORG_WORDS, ROLE_HEADS
from briefing.extract.quotes.marks import find_quote_spans
from briefing.extract.quotes.names import NameIndex
from briefing.extract.quotes.paragraph import sentence_spans, token_index
from briefing.extract.quotes.speaker import SpeakerRef, pronoun_of, role_word, subject_before
from briefing.extract.quotes.tokens import Token, tokenize
from briefing.model import Document, Person

# Verbs that report what someone asserted (stance verbs such as "called" or "framed" take no clause).
REPORTING = frozenset(
    """
    say tell write tweet post state note add stress emphasize emphasise indicate declare announce acknowledge
    admit explain reply respond recall suggest predict warn argue insist claim contend assert allege maintain
    remark comment observe conclude complain charge concede boast counter caution report reveal confirm deny
    reiterate affirm reaffirm assure pledge vow promise agree point
    """.split()
)
# Heads of descriptions that name a source ("the foreign ministry", "officials"), unlike "these gestures".
SOURCE_HEADS = frozenset(
    """
    officials sources analysts experts diplomats lawmakers spokesperson spokespeople ministry ministries office
    government side administration agency committee council party parties police military army court prosecutors
    embassy department presidency secretariat cabinet bureau commission union association statement report
    opposition spokesman spokeswoman
    """.split()
)


def _named(ref: SpeakerRef) -> bool:
    """A source a reader can name: a person, an institution, a role — not "the plan" or "these gestures"."""
    if ref.kind != "nominal":
        return True
    head = ref.text.split()[-1].lower()
    return head in SOURCE_HEADS or head.rstrip("s") in ROLE_HEADS or head.rstrip("s") in ORG_WORDS


MIN_WORDS = 4

# The words a statement needs one of: a form of a reporting verb, or the "according" of "according to".
_STATES = frozenset({form for form, lemma in CUE_FORMS.items() if lemma in REPORTING} | {"according"})


@dataclass(frozen=True)
class FoundStatement:
    """Reported speech: `text` is the reported content, verbatim; `start` indexes `doc.text`."""

    speaker: str
    role: str | None
    text: str
    context: str
    start: int


def _content(line: str, toks: list[Token], a: int, end: int) -> tuple[int, int] | None:
    """Offsets of the reported clause toks[a:end] in the line, without the closing full stop."""
    while a < end and toks[a].text in {",", ":"}:
        a += 1
    if a >= end:
        return None
    start, stop = toks[a].start, toks[end - 1].end
    text = line[start:stop].rstrip(" .")
    if len(text.split()) < MIN_WORDS:
        return None
    return start, start + len(text)


CLAUSE_TAKING = frozenset(
    """
    say write add state insist argue claim warn note stress emphasize emphasise acknowledge admit predict suggest
    explain indicate contend assert maintain concede reiterate confirm declare
    """.split()
)
FINITE_WORDS = frozenset(
    "is are was were will would has have had could should can may might must does did do".split()
)


def _after_cue(toks: list[Token], c: int, end: int) -> int | None:
    """Where the reported clause starts after the verb at c: after "that", or right after "said".

    "said the port would reopen and that …" starts right after "said": the later "that" opens the second
    of two coordinated clauses, both reported."""
    nxt = toks[c + 1] if c + 1 < end else None
    direct = bool(
        nxt
        and nxt.is_word
        and CUE_FORMS[toks[c].low] in CLAUSE_TAKING
        and (pronoun_of(nxt) or nxt.low in {"the", "a", "an", "there", "it"} or nxt.is_cap)
        and (
            CUE_FORMS[toks[c].low] in {"say", "write", "add", "state"}
            or any(t.low in FINITE_WORDS for t in toks[c + 2 : min(end, c + 10)])
        )
    )
    for k in range(c + 1, min(end, c + 9)):
        if toks[k].low == "that":
            if direct and toks[k - 1].low in {"and", "but", "or"}:
                return c + 1
            return k + 1
        if toks[k].text in {".", ";", "?", "!"}:
            return None
    return c + 1 if direct else None


def _statement(line: str, toks: list[Token], a: int, b: int) -> tuple[SpeakerRef, tuple[int, int]] | None:
    """The (speaker phrase, content offsets) of one sentence toks[a:b], if it reports speech."""
    end = b
    while end > a and toks[end - 1].text in {".", "!", "?"}:
        end -= 1
    if end - a > 2 and toks[a].low == "according" and toks[a + 1].low == "to":
        comma = next((k for k in range(a + 2, end) if toks[k].text == ","), None)
        ref = phrase_after(toks, a + 2, comma) if comma else None
        span = _content(line, toks, comma + 1, end) if comma else None
        return (ref, span) if ref and span else None
    for c in range(a, end):
        if not is_cue(toks, c) or CUE_FORMS[toks[c].low] not in REPORTING:
            continue
        ref = subject_before(toks, c, a)
        lead = toks[a : ref.first] if ref is not None else []
        if ref is not None and (all(role_word(t) for t in lead) or toks[ref.first - 1].text == ","):
            start = _after_cue(toks, c, end)
            span = _content(line, toks, start, end) if start is not None else None
            if span:
                return ref, span
        # "The talks will resume next week, the ministry said."
        comma = max((k for k in range(a, c) if toks[k].text == ","), default=None)
        if comma is not None and c + 3 >= end:
            ref = subject_before(toks, c, comma + 1) or phrase_after(toks, c + 1, end)
            span = _content(line, toks, a, comma)
            if ref and span:
                return ref, span
        break
    return None


# Words that join two clauses, each with its own speaker: "Lee stressed that …, while Takaichi said …".
CLAUSE_JOINERS = frozenset({"while", "whereas", "and", "but", "although", "though", "as", "yet"})


def clause_starts(toks: list[Token], a: int, b: int) -> list[int]:
    """Token indexes where a new clause with its own reporting verb and subject begins inside toks[a:b].

    A boundary is a comma or semicolon (optionally followed by "while", "but", "and" …) right before a
    subject phrase that a reporting verb follows: each side then holds one speaker's content.
    """
    starts = [a]
    for c in range(a + 1, b):
        if not is_cue(toks, c) or CUE_FORMS[toks[c].low] not in REPORTING:
            continue
        ref = subject_before(toks, c, starts[-1])
        if ref is None or ref.first <= starts[-1] + 1:
            continue
        p = ref.first - 1
        joiner = toks[p].low in CLAUSE_JOINERS
        if joiner:
            p -= 1
        subordinate = joiner and toks[p + 1].low in {"while", "whereas", "although", "though"}
        if p > starts[-1] and (toks[p].text == ";" or (toks[p].text == "," and joiner) or subordinate):
            starts.append(ref.first)
    return starts


# ", an unprecedented move that would …": the reporter's comment on the reported clause, not its content.
_COMMENT = re.compile(r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,4}?(?:move|step|decision|gesture|development|sign|shift)\b")


def _without_comment(line: str, start: int, end: int) -> int:
    m = _COMMENT.search(line, start, end)
    return m.start() if m else end


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of spans as sorted, disjoint intervals: (their starts, their ends)."""
    los: list[int] = []
    his: list[int] = []
    for lo, hi in sorted(spans):
        if his and lo <= his[-1]:
            his[-1] = max(his[-1], hi)
        else:
            los.append(lo)
            his.append(hi)
    return los, his


def _overlaps(marks: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps a quotation: bisection, as every sentence asks."""
    los, his = marks
    i = bisect.bisect_right(his, start)  # the first interval ending after `start`
    return i < len(los) and los[i] < end


def extract_statements(doc: Document, people: Sequence[Person]) -> list[FoundStatement]:
    """Return the reported statements of `doc` whose source can be named, one per clause and speaker."""
    index: NameIndex | None = None  # built when a statement needs a speaker resolved
    out: list[FoundStatement] = []
    units = units_of(doc)
    by_unit: dict[int, list[tuple[int, int]]] = {}
    for q in find_quote_spans([u[1] for u in units]):
        by_unit.setdefault(q.paragraph, []).append((q.start - 1, q.end + 1))
    for n, (base, line) in enumerate(units):
        toks = tokenize(line)
        if not any(t.text.lower() in _STATES for t in toks):
            continue  # no reporting verb and no "according to": no sentence of it reports speech
        marks = _merged(by_unit.get(n, []))
        for sent in sentence_spans(line):
            if _overlaps(marks, sent.start, sent.end) or "''" in sent.text or "``" in sent.text:
                continue  # quotations are `extract_quotes`'s, so one claim is not reported twice
            a = token_index(toks, sent.start)  # bisection: scanning from the start was quadratic
            b = token_index(toks, sent.end)
            starts = clause_starts(toks, a, b)
            for k, ca in enumerate(starts):
                cb = starts[k + 1] if k + 1 < len(starts) else b
                while k + 1 < len(starts) and cb - 1 > ca and (
                    toks[cb - 1].low in CLAUSE_JOINERS or toks[cb - 1].text in {",", ";"}
                ):
                    cb -= 1  # the next clause's ", while" belongs to neither
                found = _statement(line, toks, ca, cb)
                if not found:
                    continue
                ref, (start, end) = found
                if not _named(ref):
                    continue
                if index is None:
                    index = NameIndex(doc.text, people)
                speaker: Speaker | None = resolve(ref, base + ref.start, index)
                if speaker is None:
                    continue
                end = _without_comment(line, start, end)
                out.append(
                    FoundStatement(speaker.name, speaker.role, line[start:end], sent.text.strip(), base + start)
                )
    return out
