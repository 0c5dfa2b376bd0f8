"""The reporter's words of a paragraph: quotations masked out, sentences split around them.

Attribution rules must look only at what the reporter wrote ("…,” Lee said), never at the
quoted words, and must know which sentence a quotation sits in; both are computed once per
paragraph here, however many quotations ask (asking per quote made long paragraphs quadratic).
"""

from __future__ import annotations

import bisect
import functools
import re

from briefing.extract.quotes.lexicon import CUE_FORMS
from briefing.extract.quotes.marks import QuoteSpan
from briefing.extract.quotes.speaker import QUOTE_MARKS
from briefing.extract.quotes.tokens import Token, is_abbrev_dot, is_party_state, tokenize
from briefing.text.abbreviations import ABBREVIATIONS
from briefing.text.sentences import Span, split_sentences

# A finite verb or a subject pronoun: a quotation holding one is a clause of the speaker's own.
FINITE = re.compile(
    r"\b(?:is|are|was|were|am|be|will|would|can|could|should|must|may|might|shall|has|have|had|do|does|did|"
    r"[a-z]+’(?:s|re|ll|ve|d)|[a-z]+'(?:s|re|ll|ve|d)|I|we|you|they|he|she|it)\b"
)


def mask(paragraph: str, spans: list[QuoteSpan], blank: bool = False) -> str:
    """Blank the words inside quotes (keeping final punctuation and the marks) so rules see only the reporter.

    With `blank`, quoted text becomes spaces entirely (for name scanning and term counting).
    """
    chars = list(paragraph)
    for s in spans:
        for i in range(s.start, s.end):
            if blank:
                chars[i] = " "
            elif not (i >= s.end - 2 and chars[i] in ".?!,") and not chars[i].isspace():
                chars[i] = "x" if chars[i].isalnum() else " "
    for s in spans:  # single marks ('…', ‘…’) read as double ones, so the rules see one convention
        if s.start > 0 and chars[s.start - 1] in "‘'":
            chars[s.start - 1] = '"'
        if s.closed and s.end < len(chars) and chars[s.end] in "’'":
            chars[s.end] = '"'
    if blank:
        return "".join(chars)
    # keep the quoted text's first letter's case: sentence splitting looks at it
    for s in spans:
        if s.start < len(paragraph) and paragraph[s.start].isupper():
            chars[s.start] = "X"
    return "".join(chars)


_QUOTE_START = re.compile(r"(?<=[A-Za-z0-9][.!?])\s+(?=[“\"][A-Z])")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]\.$")  # "John F. “Jack” Kennedy": an initial ends no sentence


def _split_before_quotes(masked: str, spans: list[Span]) -> list[Span]:
    """Also end a sentence at "… since 1970s. “This …": a full stop, then a quote opening with a capital."""
    out: list[Span] = []
    for s in spans:
        start = s.start
        for m in _QUOTE_START.finditer(masked, s.start, s.end):
            word = re.search(r"(\w+)[.!?]$", masked[start : m.start()])
            if word and word.group(1).lower() in ABBREVIATIONS or _INITIAL.search(masked[start : m.start()]):
                continue
            out.append(Span(start, m.start(), masked[start : m.start()]))
            start = m.end()
        out.append(Span(start, s.end, masked[start : s.end]))
    return out


def sentence_spans(masked: str) -> list[Span]:
    """The shared splitter's sentences, re-joined where a split fell after a title ("said Del. Stacey …")."""
    return list(_sentences(masked)[0])


@functools.lru_cache(maxsize=8)
def _sentences(masked: str) -> tuple[tuple[Span, ...], list[int], list[int]]:
    """Split a paragraph once, however many quotes ask about it: (spans, their starts, their ends).

    Every quote of a paragraph asks for its sentence; splitting the paragraph again for each
    made a long paragraph quadratic (a 100 KB line took minutes).
    """
    out: list[Span] = []
    for s in _split_before_quotes(masked, split_sentences(masked)):
        if out:
            toks = _last_tokens(out[-1].text)
            label = len(toks) > 1 and is_party_state(toks[-2]) and s.text[:1] in QUOTE_MARKS  # "R-S.C. “…"
            if toks and is_abbrev_dot(toks, len(toks) - 1) and s.text[:1].isupper() and not label:
                prev = out.pop()
                s = Span(prev.start, s.end, masked[prev.start : s.end])
        out.append(s)
    return tuple(out), [s.start for s in out], [s.end for s in out]


def _last_tokens(text: str) -> list[Token]:
    """The tokens of the last two words (runs without white space) of `text`, for the test above:
    it reads only the last two tokens, whether there are two and whether they touch, and every
    word holds a token, so it reads the same here as in all the tokens. Tokenising every
    sentence whole was a third of the quote finder's tokenising."""
    return tokenize(" ".join(text.rsplit(None, 2)[-2:]))


def sentence_bounds(masked: str, start: int, end: int) -> tuple[int, int]:
    """Paragraph offsets of the sentence(s) that hold [start, end)."""
    _, starts, ends = _sentences(masked)
    i = bisect.bisect_right(ends, start)  # sentences ending at or before `start`
    j = bisect.bisect_left(starts, end)  # the first sentence starting at or after `end`
    return (ends[i - 1] if i else 0), (starts[j] if j < len(starts) else len(masked))


def is_partial(paragraph: str, span: QuoteSpan, sent_lo: int, toks: list[Token]) -> bool:
    """A fragment inside the reporter's sentence, not a full sentence or clause of the speaker's."""
    text = paragraph[span.start : span.end]
    first = next((c for c in text if c.isalpha()), "")
    before = paragraph[sent_lo : span.start - 1].rstrip()
    if not before or before[-1] in ",:;—–(" or span.continues:
        return bool(first) and first.islower() and not FINITE.search(text)
    prev_word = re.search(r"(\w+)\W*$", before)
    pw = prev_word.group(1).lower() if prev_word else ""
    if first.isupper() and (pw in CUE_FORMS or pw == "that"):
        return False
    if pw in ("that", "saying") and FINITE.search(text) and len(text.split()) >= 4:
        return False
    return True


def token_index(toks: list[Token], offset: int) -> int:
    """Index of the first token starting at or after `offset` (tokens are in text order)."""
    return bisect.bisect_left(toks, offset, key=_start)


def _start(t: Token) -> int:
    return t.start
