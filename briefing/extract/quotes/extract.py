"""`extract_quotes`: walk a document's quotation marks and keep the quotations, each with its speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.config import Person
from briefing.documents import Document
from briefing.extract.quotes.attribution import (
    attribution_after,
    attribution_before,
    is_partial,
    is_term,
    mask,
    previous_sentence_subject,
    sentence_bounds,
)
from briefing.extract.quotes.lexicon import NAMING_PHRASES, ROLE_HEADS
from briefing.extract.quotes.marks import QuoteSpan, find_quote_spans
from briefing.extract.quotes.names import NameIndex, is_org
from briefing.extract.quotes.speaker import SpeakerRef
from briefing.extract.quotes.tokens import tokenize

JOINT = re.compile(r"^(?:the\s+)?(?:two|both)\s+\w+$|^the\s+(?:leaders|heads of state)$", re.IGNORECASE)
PEOPLE_PLURALS = frozenset({"leaders", "presidents", "ministers", "men", "women", "candidates", "heads"})


@dataclass(frozen=True)
class FoundQuote:
    """A direct quotation: `text` is exactly what stands between the marks; offsets index `doc.text`."""

    text: str
    speaker: str | None
    role: str | None
    partial: bool
    context: str  # the sentence(s) holding the quote, verbatim
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None


def paragraph_offsets(paragraphs: Sequence[str]) -> list[int]:
    """Offset of each paragraph in `Document.text` (paragraphs joined by a blank line)."""
    out, pos = [], 0
    for p in paragraphs:
        out.append(pos)
        pos += len(p) + 2
    return out


def resolve(ref: SpeakerRef, at: int, index: NameIndex) -> Speaker | None:
    """Turn a written speaker phrase into a canonical speaker with a role."""
    if ref.kind == "name":
        words = ref.text.split()
        if is_org(words):
            return Speaker(ref.text, None)
        name = index.canonical(ref.text, at)
        index.speakers.add(ref.text)
        return Speaker(name, index.role(name) or ref.title)
    if ref.kind == "joint":
        names = [index.canonical(part.strip(), at) for part in ref.text.split(" and ")]
        return Speaker(" and ".join(names), None)
    if ref.kind == "pronoun":
        name = index.last_person(at)
        return Speaker(name, index.role(name)) if name else None
    low = ref.text.lower()
    words = low.split()
    if JOINT.match(low) and words[-1] in PEOPLE_PLURALS:
        names = index.last_people(at, 2)
        if len(names) == 2:
            return Speaker(" and ".join(reversed(names)), None)
    head = words[-1].rstrip(".")
    if words[0] in {"the", "this"} and head in ROLE_HEADS and "of" not in words and len(words) <= 4:
        name = index.last_with_role(head, at)
        if name:
            return Speaker(name, index.role(name))
    return Speaker(ref.text, None)


def extract_quotes(doc: Document, people: Sequence[Person]) -> list[FoundQuote]:
    """Return the direct quotations of `doc` with speakers; scare quotes, terms and titles left out."""
    paragraphs = list(doc.paragraphs)
    text = doc.text
    offsets = paragraph_offsets(paragraphs)
    index = NameIndex(text, people)
    spans = find_quote_spans(paragraphs)
    by_para: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        by_para.setdefault(s.paragraph, []).append(s)
    out: list[FoundQuote] = []
    carried: Speaker | None = None  # last speaker of the previous paragraph
    for pi, para in enumerate(paragraphs):
        pspans = by_para.get(pi, [])
        masked = mask(para, pspans)
        toks = tokenize(masked)
        base = offsets[pi]
        lead = len(para) - len(para.lstrip())
        current: Speaker | None = None
        for s in pspans:
            lo, hi = sentence_bounds(masked, s.start, s.end)
            partial = is_partial(para, s, lo, toks)
            quoted = para[s.start : s.end]
            before = para[max(lo, s.start - 60) : max(lo, s.start - 1)]
            ref = attribution_after(toks, s.end, hi) if s.closed else None
            if ref is None:
                ref = attribution_before(toks, lo, s.start - 1, partial)
            speaker = resolve(ref, base + ref.start, index) if ref else None
            if speaker is None and not partial:
                speaker = current
                if speaker is None:
                    prev = previous_sentence_subject(toks, lo, 0)
                    speaker = resolve(prev, base + prev.start, index) if prev else None
                if speaker is None and (s.start <= lead + 1 or s.continues):
                    speaker = carried
            if speaker is None or NAMING_PHRASES.search(before):
                continue
            if partial and is_term(quoted, text, before):
                continue
            current = speaker
            out.append(
                FoundQuote(
                    text=quoted,
                    speaker=speaker.name,
                    role=speaker.role,
                    partial=partial,
                    context=para[lo:hi].strip(),
                    start=base + s.start,
                    end=base + s.end,
                )
            )
        if current is None:
            last = previous_sentence_subject(toks, len(para), 0)
            current = resolve(last, base + last.start, index) if last else None
        carried = current
    return out
