"""Shortcuts in per-document extraction, each against the plain way it replaced (kept here as the
reference): they must give exactly the same answers, on our own sentences and on generated text."""

from __future__ import annotations

import random

from briefing.assemble import document_keys
from briefing.extract.quotes import paragraph
from briefing.extract.quotes.speaker import QUOTE_MARKS
from briefing.extract.quotes.tokens import is_abbrev_dot, is_party_state, tokenize
from briefing.model import Document
from briefing.select.units import document_units
from briefing.text.sentences import Span, split_sentences

WORDS = (
    "Sen.", "Rep.", "Mr.", "U.S.", "J.", "R-S.C.", "(R-Ky.)", "said", "the", "plan", "It", "“We", "won.”",
    "Smith", "No.", "5", "Jan.", "ended.", "“Yes,”", "he", "—", "e.g.", "Inc.", "St.", "café", "ﬁnal",
    "Ｆull", "x\u0301", "\u00a0", "don’t", "it's", "A.", "?", "!", "...", "'", "\t", "2026.", "N.Y.",
)


def made_up(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice((" ", " ", "  ", "\u00a0", "")) for _ in range(n))


def reference_sentences(masked: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in paragraph._split_before_quotes(masked, split_sentences(masked)):
        if out:
            toks = tokenize(out[-1].text)
            label = len(toks) > 1 and is_party_state(toks[-2]) and s.text[:1] in QUOTE_MARKS
            if toks and is_abbrev_dot(toks, len(toks) - 1) and s.text[:1].isupper() and not label:
                prev = out.pop()
                s = Span(prev.start, s.end, masked[prev.start : s.end])
        out.append(s)
    return tuple(out)


def test_quote_sentences_read_only_the_last_words_and_split_the_same():
    rng = random.Random(3)
    for _ in range(4000):
        text = made_up(rng, rng.randint(1, 30))
        assert paragraph._sentences(text)[0] == reference_sentences(text), text


def reference_keys(doc: Document, texts: list[str]) -> tuple[str, ...]:
    from briefing.select.tokenize import tokens

    every = [doc.title or "", *doc.paragraphs, *doc.captions, *texts]
    return tuple(sorted({t.key for text in every for t in tokens(text)}))


def test_document_keys_from_sentence_units_are_those_of_the_paragraphs():
    rng = random.Random(4)
    for k in range(600):
        paragraphs = [made_up(rng, rng.randint(0, 25)) for _ in range(rng.randint(1, 4))]
        doc = Document(
            id=f"d{k}",
            file="made-up.txt",
            title=made_up(rng, 3),
            authors=(),
            publisher=None,
            published=None,
            published_inferred=False,
            url=None,
            paragraphs=tuple(paragraphs),
            captions=(made_up(rng, 4),),
        )
        units = [(row[4], row[5]) for row in document_units(doc)]
        assert document_keys(doc, [], [], [], units) == reference_keys(doc, []), paragraphs
        assert document_keys(doc, [], [], []) == reference_keys(doc, [])
