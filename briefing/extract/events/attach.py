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
from dataclasses import dataclass

from briefing.extract.timex.dateline import match_dateline

_WORD = re.compile(r"[A-Za-z][\w'’‑-]*|\d[\w'’‑–.-]*|\s[-–—]\s|[—–]|[,;:()\[\]]")

# words that open a unit the date then sits in (lower case)
_SUBORDINATORS = {
    "since",
    "following",
    "despite",
    "amid",
    "amidst",
    "after",
    "before",
    "during",
    "including",
    "because",
    "although",
    "though",
    "while",
    "whereas",
    "until",
    "unlike",
    "when",
    "where",
    "once",
    "unless",
    "if",
    "whether",
    "ahead",
    "prior",
}
_RELATIVES = {"who", "whom", "whose", "which", "that"}
_REPORTING = {
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
    "confirm",
    "confirms",
    "confirmed",
    "announce",
    "announces",
    "announced",
    "reports",
    "reported",
    "notes",
    "noted",
    "add",
    "adds",
    "added",
    "states",
    "stated",
    "stresses",
    "stressed",
    "explain",
    "explains",
    "explained",
    "expect",
    "expects",
    "expected",
    "believe",
    "believes",
    "believed",
    "insist",
    "insists",
    "insisted",
    "claims",
    "claimed",
    "warn",
    "warns",
    "warned",
    "predict",
    "predicts",
    "predicted",
    "reveal",
    "reveals",
    "revealed",
    "argue",
    "argues",
    "argued",
    "recalls",
    "recalled",
    "suggest",
    "suggests",
    "suggested",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "indicate",
    "indicates",
    "indicated",
}
_FINITE = {
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "shall",
    "must",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "won't",
    "won’t",
    "’ll",
    "'ll",
}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "some",
    "many",
    "several",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "two",
    "three",
    "four",
    "five",
    "hundreds",
    "thousands",
    "dozens",
    "all",
    "most",
}
_PREPOSITIONS = {
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "into",
    "among",
    "about",
    "against",
    "between",
    "under",
    "over",
    "through",
    "and",
    "or",
    "given",
}
# "with"/"without" after a comma opens an absolute phrase ("..., with the first turbines due to
# connect in 2029"): a side statement of its own, whose date is not the main clause's
_ABSOLUTE = {"with", "without"}
_ADVERBS = {"last", "first", "recently", "newly", "later", "originally", "previously", "once", "since"}
_IRREGULAR_PARTICIPLES = {
    "held",
    "built",
    "made",
    "taken",
    "given",
    "known",
    "seen",
    "born",
    "led",
    "set",
    "signed",
    "begun",
    "written",
    "won",
    "lost",
    "struck",
    "hit",
    "sent",
    "brought",
    "found",
    "fought",
    "laid",
    "paid",
    "sold",
    "told",
    "kept",
    "left",
    "met",
    "put",
    "run",
    "shut",
    "spent",
    "thrown",
    "understood",
}
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


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str, lo: int, hi: int) -> list[Token]:
    return [Token(lo + m.start(), lo + m.end(), m.group()) for m in _WORD.finditer(text[lo:hi])]


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


def _participle(word: str) -> bool:
    w = word.lower()
    return (
        (w.endswith("ing") and len(w) > 5) or (w.endswith("ed") and len(w) > 4) or w in _IRREGULAR_PARTICIPLES
    )


def _participle_opener(toks: list[Token]) -> int | None:
    """Index in `toks` (the words right after a comma) of a participial phrase's first word."""
    i = 0
    while i < len(toks) and toks[i].low in _ADVERBS and i < 2:
        i += 1
    if i < len(toks) and toks[i].text[:1].islower() and _participle(toks[i].text):
        return 0
    return None


_PP_AFTER_PARTICIPLE = {
    "in",
    "on",
    "at",
    "by",
    "during",
    "last",
    "earlier",
    "from",
    "since",
    "after",
    "before",
}


def _reduced_relative(toks: list[Token], i: int, body_start: int) -> int | None:
    """Start of "the accord signed in Tallinn" when toks[i] is a past participle right after a
    noun phrase that a preposition or verb governs (so not the sentence's subject and verb:
    "Estonia signed an accord", "The minister arrived in Tokyo")."""
    w = toks[i]
    if not (w.low.endswith("ed") or w.low in _IRREGULAR_PARTICIPLES) or not w.text.islower():
        return None
    if i + 1 >= len(toks) or toks[i + 1].low not in _PP_AFTER_PARTICIPLE:
        return None
    for j in range(i - 1, max(-1, i - 5), -1):
        t = toks[j]
        if t.low in _DETERMINERS:
            if (
                j == 0
                or toks[j - 1].low not in _PREPOSITIONS | _REPORTING
                or toks[j - 1].low in ("and", "or")
            ):
                return None
            return t.start
        if not re.match(r"[\w’'‑-]+$", t.text) or t.low in _FINITE or t.low in _PREPOSITIONS:
            return None
    return None


def _verb_form(word: str) -> bool:
    """A finite or past form that cannot open a reporting verb's complement ("launched", "was")."""
    w = word.lower()
    return w in _FINITE or (w.endswith("ed") and len(w) > 4) or w in _IRREGULAR_PARTICIPLES


def _antecedent(text: str, toks: list[Token], at: int) -> int | None:
    """Start of the noun phrase right before toks[at] ("Korean laborers" in "of Korean laborers
    who ...", "the joint offshore wind grid tender that ..."), when a determiner or preposition
    closes it within seven words; else None."""
    j = at - 1
    while j >= 0 and at - j <= 7:
        w = toks[j]
        if w.low in _DETERMINERS:
            return w.start
        if w.low in _PREPOSITIONS or w.low in _RELATIVES or w.low in _SUBORDINATORS:
            return toks[j + 1].start if j + 1 < at else None
        if not re.match(r"[\w’'‑-]+$", w.text) or w.low in _FINITE or w.low in _REPORTING:
            return None
        j -= 1
    return None


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


_NOT_NOUN = {
    "still",
    "also",
    "now",
    "then",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "did",
    "does",
    "do",
    "remains",
    "left",
    "killed",
    "saw",
    "became",
    "led",
    "made",
    "took",
    "set",
}


def _noun_end(text: str, t_end: int, clause_end: int) -> int:
    """End of the nouns that follow a premodifying date ("1945 air raid"), at most four words,
    before a verb-like word, a preposition or punctuation."""
    end = t_end
    for n, m in enumerate(re.finditer(r"\s+([A-Za-z][\w-]*)", text[t_end:clause_end])):
        w = m.group(1)
        if n >= 4 or m.start() != (end - t_end) or w.lower() in _NOT_NOUN or w.lower() in _PREPOSITIONS:
            break
        if w.lower() in _FINITE or w.lower() in _RELATIVES or (w.endswith("ed") and n > 0):
            break
        end = t_end + m.end()
    return end


def absolute_start(text: str, lo: int, hi: int) -> int | None:
    """Offset of the comma before an absolute phrase (", with ... ") in text[lo:hi], or None: the
    main statement's row ends there when the phrase carries a date of its own."""
    m = re.search(r",\s+(?:with|without)\s", text[lo:hi], re.IGNORECASE)
    return lo + m.start() if m else None


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
    toks = _tokens(text, body_start, t_start)
    start: int | None = None
    widen = True
    i = len(toks) - 1
    while i >= 0:
        w = toks[i]
        low = w.low
        if low in ("and", "or") and i > 0 and toks[i - 1].end in other_ends and i + 1 < len(toks):
            # "in October and the G20 Summit in November": the second conjunct, not the first
            start, widen = toks[i + 1].start, False
            break
        if (rr := _reduced_relative(toks, i, body_start)) is not None:
            start = rr  # "in the accord signed in Tallinn on March 3"
            break
        if low in _SUBORDINATORS:
            if low in ("after", "before") and _MEASURE_BEFORE.search(text[body_start : w.start]):
                start = toks[i + 1].start if i + 1 < len(toks) else None  # "six days after X": X
            else:
                start = w.start
            break
        if low in _RELATIVES:
            if low == "that" and any(t.low in _REPORTING for t in toks[max(0, i - 4) : i]):
                start = toks[i + 1].start if i + 1 < len(toks) else None  # "said on Monday that X"
            else:
                start = _antecedent(text, toks, i) or w.start
            break
        if (
            low in _REPORTING
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
                finite = any(r.low in _FINITE or r.low.endswith("ed") for r in rest)
            if finite and rest:
                start = rest[0].start
                break
        if w.text in (";",) or w.text.strip() in ("–", "—", "-") or w.text == ":":
            break
        if w.text == ",":
            after = toks[i + 1 :]
            if after and after[0].low in _ABSOLUTE:
                start = after[0].start  # ", with the first units due to open in 2029"
                break
            k = _participle_opener(after)
            if k is not None:
                lead = after[k]
                start = lead.start
                if lead.text.lower().endswith("ed") or lead.low in _ADVERBS:
                    start = _antecedent(text, toks, i) or start  # "the Constitution, last amended in 1987"
            break
        i -= 1
    if start is not None and widen:
        # widen to a participial phrase that opens the comma-segment ("building on talks during ...")
        j = i - 1
        while j >= 0 and toks[j].text not in (",", ";", ":") and toks[j].text.strip() not in ("–", "—"):
            if toks[j].low in _RELATIVES or toks[j].low in _REPORTING or toks[j].low in _FINITE:
                j = -2
                break
            j -= 1
        if j >= 0 and toks[j].text == ",":
            after = toks[j + 1 :]
            if after and _participle_opener(after) == 0 and after[0].text[-3:].lower() == "ing":
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
    lo, hi = _trim(text, start, _right_end(text, t_start, t_end, clause_end))
    if hi - lo < 6 or t_start < lo or t_end > hi + 1:
        return None
    return lo, hi
