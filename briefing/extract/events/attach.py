"""Which clause or phrase a date modifies: the sentence's main statement, or a unit inside it.

"Lee will visit Japan on Jan 13, his second visit since taking office in June 2025": June 2025
dates "since taking office", not the visit. A timeline row that showed the whole sentence under
June 2025 would say the visit happened then. So each date is attached to the smallest unit of
English grammar that it governs and that a reader can take as a statement of its own:

- an adjunct or subordinate clause opened by a subordinator or an event preposition
  ("since taking office in June 2025", "despite the court's 2014 ruling that ...",
  "Because ... were submerged in the 1942 mine collapse", "following the 2011 disaster");
- a relative clause with its antecedent ("Korean laborers who died in a 1942 incident");
- a participial phrase after a comma ("the Constitution, last amended in 1987",
  ", building on talks during the G20 in November");
- the complement clause of a reporting verb ("sources confirm the summit will take place
  around Jan 13-14", "officials said the talks would resume in March");
- when the clause's statement is already dated by a leading date ("Jan 9, 2026 – ..."), a later
  date dates only the phrase it sits in.

The unit is a contiguous slice of the source, so a row stays verbatim. A date that meets none of
these governs the main statement, and the row may show its whole clause.
"""

from __future__ import annotations

import re

from briefing.extract.timex.dateline import match_dateline

from .grammar import (
    ABSOLUTE,
    ADVERBS,
    FINITE,
    IRREGULAR_PARTICIPLES,
    NOT_NOUN,
    PREPOSITIONS,
    RELATIVES,
    REPORTING,
    SUBORDINATORS,
    opens_predicate,
)
from .relatives import (
    antecedent,
    participle_opener,
    reduced_relative,
    relative_closed,
    relative_closed_by,
)
from .words import Token, tokens

_MEASURE_BEFORE = re.compile(
    r"(?:\b(?:days?|weeks?|months?|years?|hours?|shortly|soon|just|only|long|right|immediately)\s+)$",
    re.IGNORECASE,
)
_COORDINATION_AFTER = re.compile(  # used with match(text, pos): anchored at pos
    r"\s+(?:and|or|but|as\s+well\s+as)\s+(?:the|a|an|his|her|its|their|our|this|that|these|those|"
    r"[A-Z]|\w+['’]s\b)"
)
_RIGHT_STOP = re.compile(r",|;|:|\[|\s[-–—]\s|—|–\s|\.\s*$")
_STAMP_HEAD = re.compile(r"\s*[-–—:|]\s*")  # used with match(text, pos)


def stamp_end(text: str, clause_start: int, clause_end: int, first_start: int, first_end: int) -> int:
    """Where a clause's statement begins after a leading date stamp ("Jan 12, 2026 – Lee ...") or
    a dateline ("TOKYO, March 3 (Kyodo) -- ..."), or `clause_start` when the clause has none.
    A row never repeats its own date stamp."""
    line = match_dateline(text, clause_start, clause_end)
    if line is not None:
        return line.end
    if text[clause_start:first_start].strip():
        return clause_start
    m = _STAMP_HEAD.match(text, first_end, clause_end)
    return m.end() if m else clause_start


def _verb_form(word: str) -> bool:
    """A finite or past form that cannot open a reporting verb's complement ("launched", "was")."""
    w = word.lower()
    return w in FINITE or (w.endswith("ed") and len(w) > 4) or w in IRREGULAR_PARTICIPLES


def _first(a: int | None, b: int) -> int:
    """`a` unless it is None (an offset of 0 is a real start)."""
    return b if a is None else a


def reporting_aside_at(text: str, lo: int, t_start: int) -> bool:
    """Whether text[lo:t_start] is a reporting aside before a date (", his office said Tuesday")."""
    return _reporting_aside(tokens(text, lo, t_start))


def _reporting_aside(after: list[Token]) -> bool:
    """Whether the words after a comma, up to the date, are a reporting aside: a short subject and a
    reporting verb (", his office said", ", the ministry announced on")."""
    words = [t for t in after if t.low not in ("on", "late", "early")]
    return (
        2 <= len(words) <= 5
        and words[-1].low in REPORTING
        and words[-1].low.endswith(("ed", "id", "ld"))
        and all(re.match(r"[\w’'‑-]+$", t.text) and t.low not in FINITE for t in words)
    )


def _predicate_follows(text: str, t_end: int, clause_end: int) -> bool:
    """Whether a main verb follows the date before the next comma ("... in 2011 | was never ...")."""
    stop = _right_end(text, t_end, t_end, clause_end)
    return _predicate_end(text, t_end, stop) < stop


def _predicate_end(text: str, t_end: int, hi: int) -> int:
    """End of a noun-with-relative unit whose date is at t_end, before the main verb that follows
    ("the inquiry ordered in 1953 | had never been published")."""
    previous = text[max(0, t_end - 20) : t_end].split()[-1:] or [""]
    prev = previous[0]
    for tok in tokens(text, t_end, hi):
        if opens_predicate(prev, tok.text):
            return tok.start
        prev = tok.text
    return hi


def _right_end(text: str, t_start: int, t_end: int, clause_end: int) -> int:
    end = t_end
    if t_start > 0 and text[t_start - 1] == "(":
        close = text.find(")", t_end, clause_end)
        if close != -1:
            end = close + 1
    pos = end
    while pos < clause_end:
        m = _RIGHT_STOP.search(text, pos, clause_end)
        stop = m.start() if m else clause_end
        coord = None
        for c in re.finditer(r"\s+(?:and|or|but|as\s+well\s+as)\s", text[pos:stop]):
            if _COORDINATION_AFTER.match(text, pos + c.start()):
                coord = pos + c.start()
                break
        if coord is not None:
            return coord
        if m and m.group() == "," and re.match(r",\s*\d", text[m.start() : m.start() + 3]):
            pos = m.end()  # "Jan. 13, 2026" inside what follows
            continue
        return stop
    return clause_end


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:–—-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:.–—-"):
        hi -= 1
    return lo, hi


_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?i:the|a|an|its|his|her|their|our|this|that)|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s)\s+$"
)


def _premodifier(text: str, body_start: int, t_start: int, t_end: int) -> int | None:
    """Start of the noun phrase a date premodifies ("a 1942 mine collapse", "the Court's 2014
    ruling", "the March 1 accord"), which the date then dates, not the clause; else None."""
    m = _DETERMINER_BEFORE.search(text, max(body_start, t_start - 60), t_start)
    if not m or not re.match(r"\s+[a-z]", text[t_end : t_end + 3]):
        return None
    if re.match(
        r"\s+(?:and|or|to|in|on|at|of|for|with|by|from|as|when|after|before|is|was|were|are)\b", text[t_end:]
    ):
        return None
    return m.start()


def _noun_end(text: str, t_end: int, clause_end: int) -> int:
    """End of the nouns that follow a premodifying date ("1945 air raid"), at most four words,
    before a verb-like word, a preposition or punctuation."""
    end = t_end
    for n, m in enumerate(re.finditer(r"\s+([A-Za-z][\w-]*)", text[t_end:clause_end])):
        w = m.group(1)
        if n >= 4 or m.start() != (end - t_end) or w.lower() in NOT_NOUN or w.lower() in PREPOSITIONS:
            break
        if w.lower() in FINITE or w.lower() in RELATIVES or (w.endswith("ed") and n > 0):
            break
        end = t_end + m.end()
    return end


# an absolute phrase without "with": a noun phrase and a non-finite predicate after a comma
# (", the first units due to open in 2029", ", the rest expected by March"); an appositive has no
# predicate (", the first overhaul since 1998") and a clause has a finite verb (", the plant was ...")
_ABSOLUTE_NP = re.compile(
    r",\s+(?:the|a|an|its|their|his|her|our|some|all|most|both|each|many|several)\s+"
    r"(?:(?!(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\b)[\w’'‑-]+\s+){0,5}?"
    r"(?:due|expected|set|scheduled|slated|poised|likely|planned|to\s+be)\b",
    re.IGNORECASE,
)


def absolute_start(text: str, lo: int, hi: int) -> int | None:
    """Offset of the comma before an absolute phrase (", with ... ") in text[lo:hi], or None: the
    main statement's row ends there when the phrase carries a date of its own."""
    m = re.search(r",\s+(?:with|without)\s", text[lo:hi], re.IGNORECASE)
    n = _ABSOLUTE_NP.search(text, lo, hi)
    found = [x.start() + (lo if x is m else 0) for x in (m, n) if x is not None]
    return min(found) if found else None


def phrase_end(text: str, start: int, clause_end: int) -> int:
    """End of the phrase that begins at `start` (before a comma, a coordinated noun phrase ...)."""
    return _trim(text, start, _right_end(text, start, start, clause_end))[1]


def attached_unit(
    text: str,
    body_start: int,
    clause_end: int,
    t_start: int,
    t_end: int,
    dated_elsewhere: bool,
    names_a_thing: bool = False,
    other_ends: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:
    """(start, end) of the unit the date at text[t_start:t_end] governs, or None when it dates the
    clause's main statement.

    `body_start` is where the clause's statement begins (after any leading date stamp);
    `dated_elsewhere` is True when the statement already has its own leading date, so this date
    cannot be the statement's. `names_a_thing` is True for a bare year or a date a name carries
    ("the March 1 accord signed in 2019"): premodifying a noun, it dates that noun phrase only.
    """
    if t_start <= body_start or not text[body_start:t_start].strip(" \t,(–—-"):
        return None  # the date heads the clause: it dates the statement
    toks = tokens(text, body_start, t_start)
    start: int | None = None
    widen = True
    predicate = False  # the unit is a noun with its relative clause: it ends where the main verb starts
    i = len(toks) - 1
    while i >= 0:
        w = toks[i]
        low = w.low
        if low in ("and", "or") and i > 0 and toks[i - 1].end in other_ends and i + 1 < len(toks):
            # "in October and the G20 Summit in November": the second conjunct, not the first
            start, widen = toks[i + 1].start, False
            break
        if (
            rr := reduced_relative(toks, i, body_start, _predicate_follows(text, t_end, clause_end))
        ) is not None:
            start, predicate = rr, True  # "in the accord signed in Tallinn on March 3"
            break
        if low in SUBORDINATORS:
            if low in ("after", "before") and _MEASURE_BEFORE.search(text[body_start : w.start]):
                start = toks[i + 1].start if i + 1 < len(toks) else None  # "six days after X": X
            else:
                start = w.start
            break
        if low in RELATIVES and relative_closed(toks, i):
            i -= 1  # "miners who died in 1952 gathered on Sunday": the date is past the relative
            continue
        if low in RELATIVES:
            predicate = True
            if low == "that" and any(t.low in REPORTING for t in toks[max(0, i - 4) : i]):
                start = toks[i + 1].start if i + 1 < len(toks) else None  # "said on Monday that X"
            else:
                start = _first(antecedent(text, toks, i), w.start)
            break
        if (
            low in REPORTING
            and w.text.islower()
            and i + 1 < len(toks)
            and not (low.endswith("s") and _verb_form(toks[i + 1].text))
        ):
            # "the three states launched ...": a reporting verb is followed by its complement,
            # never straight by another verb, so "states", "reports", "claims" there are nouns
            rest = toks[i + 1 :]
            if rest and rest[0].low == "that":
                rest = rest[1:]
                finite = True
            else:
                finite = any(r.low in FINITE or r.low.endswith("ed") for r in rest)
            if finite and rest:
                start = rest[0].start
                break
        if w.text in (";",) or w.text.strip() in ("–", "—", "-") or w.text == ":":
            break
        if w.text == ",":
            after = toks[i + 1 :]
            if after and (after[0].low in ABSOLUTE or _ABSOLUTE_NP.match(text, w.start)):
                start = after[
                    0
                ].start  # ", with the first units due to open in 2029", ", the first units due in 2029"
                break
            if _reporting_aside(after):
                start = after[0].start  # ", his office said Tuesday": the saying has its own date
                break
            k = participle_opener(after)
            if k is not None and relative_closed_by(toks, i):
                break  # "The striker, who joined in 2021, scored on Sunday": the main verb, not a participle
            if k is not None:
                lead = after[k]
                start = lead.start
                if (
                    lead.text.lower().endswith("ed")
                    or lead.low in ADVERBS
                    or lead.low in IRREGULAR_PARTICIPLES
                ):
                    predicate = True
                    start = _first(
                        antecedent(text, toks, i), start
                    )  # "the Constitution, last amended in 1987"
            break
        i -= 1
    if start is not None and widen:
        # widen to a participial phrase that opens the comma-segment ("building on talks during ...")
        j = i - 1
        while j >= 0 and toks[j].text not in (",", ";", ":") and toks[j].text.strip() not in ("–", "—"):
            if toks[j].low in RELATIVES or toks[j].low in REPORTING or toks[j].low in FINITE:
                j = -2
                break
            j -= 1
        if j >= 0 and toks[j].text == ",":
            after = toks[j + 1 :]
            if after and participle_opener(after) == 0 and after[0].text[-3:].lower() == "ing":
                start = after[0].start
    elif names_a_thing and (np := _premodifier(text, body_start, t_start, t_end)) is not None:
        if text[body_start:np].strip():
            start = np  # "honours the March 1 accord signed in 2019"
        else:
            # a year in the subject dates the subject, not what it did later:
            # "A 1945 air raid destroyed the district" -> "A 1945 air raid"
            lo, hi = np, _noun_end(text, t_end, clause_end)
            return (lo, hi) if hi > t_end else None
    elif dated_elsewhere:
        start = body_start
    if start is None:
        return None
    hi = _right_end(text, t_start, t_end, clause_end)
    if predicate:
        hi = _predicate_end(text, t_end, hi)
    lo, hi = _trim(text, start, hi)
    if hi - lo < 6 or t_start < lo or t_end > hi + 1:
        return None
    return lo, hi
