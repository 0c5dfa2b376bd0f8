"""`extract_quotes`: walk a document's quotation marks and keep the quotations, each with its speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.extract.quotes.acts import act_performer, labels_next_noun
from briefing.extract.quotes.attribution import (
    PARTICIPLE,
    SPEECH_NOUNS,
    attribution_after,
    attribution_before,
    previous_sentence_subject,
    sentence_tail,
)
from briefing.extract.quotes.constructions import on
from briefing.extract.quotes.cues import is_cue
from briefing.extract.quotes.forward import sentence_subject
from briefing.extract.quotes.lexicon import CUE_FORMS, NAMING_LEMMAS, NAMING_PHRASES, ROLE_HEADS
from briefing.extract.quotes.marks import QuoteSpan, find_quote_spans
from briefing.extract.quotes.mentions import is_org
from briefing.extract.quotes.names import NameIndex
from briefing.extract.quotes.namewords import NOT_NAME
from briefing.extract.quotes.paragraph import is_partial, mask, sentence_bounds, token_index
from briefing.extract.quotes.speaker import SpeakerRef
from briefing.extract.quotes.terms import is_term
from briefing.extract.quotes.tokens import Token, is_possessive, tokenize
from briefing.model import Document, Person

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
    """A resolved speaker: canonical name (or "A and B", or an institution) and the role to show with it."""

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
    if ref.kind == "pronoun" and ref.text == "it":
        org = index.last_org(at)
        return Speaker(org, None) if org else None
    if ref.kind == "pronoun" and ref.text in ("they", "we"):
        org = index.last_org(at, within=400)  # "the ministry … they said"; else a person speaking for a group
        if org:
            return Speaker(org, None)
    if ref.kind == "pronoun":
        person = index.last_person(at, {"he": "m", "she": "f"}.get(ref.text))
        return Speaker(person, index.role(person)) if person else None
    low = ref.text.lower()
    words = low.split()
    if JOINT.match(low) and words[-1] in PEOPLE_PLURALS:
        leaders = r"president|prime minister|premier|chancellor|leader|king|queen|chairman|head of state"
        names = index.last_people(at, 2, leaders if words[-1] in ("leaders", "presidents", "heads") else None)
        if len(names) == 2:
            return Speaker(" and ".join(reversed(names)), None)
    head = words[-1].rstrip(".")
    if words[0] in {"the", "this"} and head in ROLE_HEADS and "of" not in words and len(words) <= 4:
        holder = index.last_with_role(head, at)
        if holder:
            return Speaker(holder, index.role(holder))
    return Speaker(ref.text, None)


def _subject_speaker(
    toks: list[Token], lo: int, open_: int, index: NameIndex, base: int
) -> SpeakerRef | None:
    """The sentence's subject when it is a person ("Trump openly admires Putin as a “strong leader”")."""
    a, b = token_index(toks, lo), token_index(toks, open_)
    ref = sentence_subject(toks, a, b)
    if ref is None or ref.kind == "pronoun" and ref.text == "it":
        return None
    if ref.kind == "name":
        words = ref.text.split()
        if is_org(words) or all(w.lower() in NOT_NAME for w in words):
            return None
        if not index.names_person(ref.text, base + ref.start):
            return None  # "Check out “13th”", "Ironically, “…”": a capitalised word, not a person
    return ref


STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\W*")  # "(CROSSTALK.)", "[inaudible]"
TRANSCRIPT = re.compile(r"^([A-Z][A-Z.’'\- ]{1,40}[A-Z]):\s")


_NICKNAME = re.compile(r"(?<=[A-Za-z.] )[“\"][A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?[”\"](?= [A-Z])")


def _blank_nicknames(line: str) -> str:
    """ "Del. Marcia “Cia” Price", "Thomas “Tip” O’Neill": a nickname inside a name is no quote."""

    def blank(m: re.Match[str]) -> str:
        before = line[: m.start()].split()
        word = before[-1] if before else ""
        return " " * len(m.group(0)) if word[:1].isupper() else m.group(0)

    return _NICKNAME.sub(blank, line)


def units_of(doc: Document) -> list[tuple[int, str]]:
    """The document's lines with their offsets in `doc.text`: a line break inside a paragraph ends a quote."""
    out: list[tuple[int, str]] = []
    for base, para in zip(paragraph_offsets(doc.paragraphs), doc.paragraphs, strict=True):
        pos = 0
        for line in para.split("\n"):
            if line.strip():
                out.append((base + pos, line))
            pos += len(line) + 1
    return out


def extract_quotes(doc: Document, people: Sequence[Person]) -> list[FoundQuote]:
    """Return the direct quotations of `doc` with speakers; scare quotes, terms and titles left out."""
    units = units_of(doc)
    lines = [_blank_nicknames(u[1]) if on("nickname") else u[1] for u in units]
    spans = find_quote_spans(lines)
    if not spans:
        return []  # nothing below keeps anything but quotations (most articles quote no one)
    by_line: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        by_line.setdefault(s.paragraph, []).append(s)
    chars = list(doc.text)  # the reporter's words only: quoted text and nicknames blanked, offsets kept
    for (base, line), clean in zip(units, lines, strict=True):
        if clean == line:
            continue  # no nickname blanked: its spaces are the line's own
        for m in re.finditer(r" +", clean):
            chars[base + m.start() : base + m.end()] = " " * (m.end() - m.start())
    for s in spans:
        base = units[s.paragraph][0]
        chars[base + s.start : base + s.end] = " " * (s.end - s.start)
    reporter = "".join(chars)
    index = NameIndex(reporter, people)
    out: list[FoundQuote] = []
    carried: Speaker | None = None  # last speaker of the previous paragraph
    for li, (base, line) in enumerate(units):
        lspans = by_line.get(li, [])
        masked = mask(lines[li], lspans)
        toks = tokenize(masked)
        lead = len(line) - len(line.lstrip())
        current: Speaker | None = None
        last_end = 0  # where the previous kept quote of this line ends
        for s in lspans:
            lo, hi = sentence_bounds(masked, s.start, s.end)
            quoted = line[s.start : s.end]
            before = line[max(lo, s.start - 60) : max(lo, s.start - 1)]
            partial = is_partial(line, s, lo, toks)
            speaker = None
            if on("transcript"):  # "TRUMP: “You would be in jail.”"
                speaker = _transcript_speaker(quoted, index, base + s.start) or _transcript_speaker(
                    line[lo : s.start - 1].strip() + " ", index, base + lo, known=True
                )
            ref = None
            if speaker is None:
                ref = _find_ref(masked, toks, s, (lo, hi), partial, index, base, quoted)
                speaker = resolve(ref, base + ref.start, index) if ref else None
            if speaker is None and not partial:
                # who spoke last: a reporting verb since the previous quote ("Clinton disagreed. “…”"),
                # else the previous quote's speaker, else (at a paragraph's start) the previous paragraph's
                prev = previous_sentence_subject(toks, lo, last_end) if on("previous-speaker") else None
                speaker = resolve(prev, base + prev.start, index) if prev else None
                if speaker is None and on("previous-speaker"):
                    speaker = current
                if speaker is None and (s.start <= lead + 1 or s.continues) and on("paragraph-carry"):
                    speaker = carried
                if speaker is None and lo > last_end and on("paragraph-subject"):  # "Trump went on to attack Clinton. “She is …”"
                    p_lo = sentence_bounds(masked, lo - 2, lo - 1)[0]
                    subj = _subject_speaker(toks, max(p_lo, last_end), lo, index, base)
                    speaker = resolve(subj, base + subj.start, index) if subj else None
            if speaker is None or NAMING_PHRASES.search(before) or STAGE_DIRECTION.fullmatch(quoted):
                continue
            if (
                partial
                and on("reporter-term")
                and is_term(quoted, reporter, before, reported=_reported(toks, lo, s.start - 1))
            ):
                continue
            if (
                partial
                and on("noun-label")
                and labels_next_noun(quoted, line[s.end + 1 :], line[lo : s.start - 1])
                and not _in_reported_clause(toks, lo, s.start)
            ):
                continue  # "pursue “quiet” diplomacy": a label on the next noun, nobody's words
            current = speaker
            last_end = s.end + 1
            out.append(
                FoundQuote(
                    text=quoted,
                    speaker=speaker.name,
                    role=speaker.role,
                    partial=partial,
                    context=line[lo:hi].strip(),
                    start=base + s.start,
                    end=base + s.end,
                )
            )
        last = previous_sentence_subject(toks, len(line), last_end)
        if (
            last is None
            and on("paragraph-subject")
            and (current is None or masked.rstrip().endswith(":"))
            and len(masked.rstrip()) > last_end
        ):
            # "Smith had a message for voters:" or "Smith was blunt." then a paragraph that is the quote:
            # the subject of the last sentence speaks
            end = len(masked.rstrip()) - 1
            s_lo = max(sentence_bounds(masked, end - 1, end)[0], last_end)
            last = _subject_speaker(toks, s_lo, end, index, base)
        carried = resolve(last, base + last.start, index) if last else current
    return out


def _find_ref(
    masked: str,
    toks: list[Token],
    s: QuoteSpan,
    bounds: tuple[int, int],
    partial: bool,
    index: NameIndex,
    base: int,
    quoted: str,
) -> SpeakerRef | None:
    """The speaker phrase of one quote from its own sentence, nearest evidence first."""
    lo, hi = bounds
    ref = None
    if s.closed:
        hi_after = hi
        nxt = len(masked) - len(masked[s.end + 1 :].lstrip())
        ends = masked[: s.end].rstrip()[-1:]
        dash = nxt < len(masked) and masked[nxt] in "―—–"
        # "“…?” Trump said" and "“…” ― Lucia Ferrante": the splitter started a new sentence
        if nxt >= hi and nxt < len(masked) and (ends in "?!" or dash):
            hi_after = sentence_bounds(masked, nxt, nxt + 1)[1]
        ref = attribution_after(toks, s.end, hi_after)
    if ref is None:
        ref = attribution_before(
            toks, lo, s.start - 1, partial, lambda p, n: _other_person(p, n, index, base)
        )
        if ref is PARTICIPLE:
            ref = _subject_speaker(toks, lo, s.start - 1, index, base)
    if ref is None and partial and on("speech-act-noun"):  # "The embassy lodged a “formal complaint”"
        b = next((i for i, t in enumerate(toks) if t.start >= s.start - 1), len(toks))
        a = next((i for i, t in enumerate(toks) if t.start >= lo), len(toks))
        after = next((t for t in toks if t.start > s.end), None)
        ref = act_performer(toks, a, b, quoted, after)
    if ref is None and s.closed and on("sentence-tail"):
        ref = sentence_tail(toks, s.end, hi)
    colon = masked[lo : s.start - 1].rstrip().endswith(":")  # "Smith put it bluntly: “…”"
    if ref is None and (partial or colon) and on("colon-subject"):
        ref = _subject_speaker(toks, lo, s.start - 1, index, base)
    return ref if isinstance(ref, SpeakerRef) else None


def _reported(toks: list[Token], lo: int, open_: int) -> bool:
    """True when the nearest reporting verb before the quote reports words ("claimed that there were “…”"),
    False when it names or labels something ("describing the talks as “…”", "noting the “…” framework")."""
    a, b = token_index(toks, lo), token_index(toks, open_)
    for c in range(b - 1, a - 1, -1):
        if toks[c].low == "according" or (
            toks[c].low in SPEECH_NOUNS and c > a and is_possessive(toks[c - 1])
        ):
            return True
        if is_cue(toks, c):
            return CUE_FORMS[toks[c].low] not in NAMING_LEMMAS and not toks[c].low.endswith("ing")
    return False


def _in_reported_clause(toks: list[Token], lo: int, open_: int) -> bool:
    """True when the nearest reporting verb before the quote reports a clause ("said his refusal was a “…”
    issue", "arguing that he will bring a “…” approach"), not an action ("vowed to pursue “…” diplomacy")."""
    a = next((i for i, t in enumerate(toks) if t.start >= lo), len(toks))
    b = next((i for i, t in enumerate(toks) if t.start >= open_ - 1), len(toks))
    for c in range(b - 1, a - 1, -1):
        if toks[c].low == "according":
            return True
        if is_cue(toks, c):
            nxt = toks[c + 1].low if c + 1 < len(toks) else ""
            return CUE_FORMS[toks[c].low] not in NAMING_LEMMAS and nxt not in {"to", "for"}
    return False


def _other_person(pronoun: SpeakerRef, name: SpeakerRef, index: NameIndex, base: int) -> bool:
    """True when the pronoun's gender rules out the main clause's named subject as its referent."""
    if name.kind != "name":
        return False
    want = {"he": "m", "she": "f"}.get(pronoun.text)
    known = index.genders.get(index.canonical(name.text, base + name.start))
    return bool(want and known and want != known)


def _transcript_speaker(quoted: str, index: NameIndex, at: int, known: bool = False) -> Speaker | None:
    """ "PENCE: Well, look, …": a transcript line names its speaker in capitals before a colon.

    With `known`, the name must be a person the document names ("UPDATE:" is no speaker)."""
    m = TRANSCRIPT.match(quoted)
    if not m:
        return None
    written = m.group(1).title()
    name = index.canonical(written, at)
    if known and (name == written and not index.registry(written)):
        return None
    return Speaker(name, index.role(name))
