"""Sentence units: the atoms the selector scores, merges and joins into passages.

Sentences are the natural unit (a fact is usually one sentence, and quoting a
sentence verbatim keeps the briefing traceable); each unit remembers its
document, paragraph and character offsets so that adjacent sentences can later
be joined into a passage by slicing the original paragraph, never by rewriting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.model import Document
from briefing.select.tokenize import Token, tokens
from briefing.text.sentences import split_sentences


@dataclass(frozen=True)
class Unit:
    doc: int  # index into the document list
    para: int  # paragraph index within the document
    sent: int  # sentence index within the paragraph
    start: int  # character offsets into the paragraph
    end: int
    text: str
    tokens: tuple[Token, ...]


UnitRow = tuple[int, int, int, int, str, tuple[Token, ...]]  # para, sent, start, end, text, tokens

# Sentence units computed ahead (by the corpus store, which keeps them with each document's
# extraction results), by document identity; build_units uses them instead of tokenising again.
_PRIMED: dict[int, tuple[Document, list[UnitRow]]] = {}


def document_units(doc: Document) -> list[UnitRow]:
    """Return the sentence units of one document (what `build_units` computes per document)."""
    rows: list[UnitRow] = []
    for p, para in enumerate(doc.paragraphs):
        for s, span in enumerate(split_sentences(para)):
            toks = tuple(tokens(span.text))
            if toks:
                rows.append((p, s, span.start, span.end, span.text, toks))
    return rows


def prime_units(doc: Document, rows: list[UnitRow]) -> None:
    """Register the units of `doc` computed earlier (exactly `document_units(doc)`)."""
    _PRIMED[id(doc)] = (doc, rows)


def build_units(docs: Sequence[Document]) -> list[Unit]:
    """Return every sentence of every document, in reading order."""
    units = []
    for d, doc in enumerate(docs):
        hit = _PRIMED.pop(id(doc), None)
        rows = hit[1] if hit is not None and hit[0] is doc else document_units(doc)
        for p, s, start, end, text, toks in rows:
            units.append(Unit(d, p, s, start, end, text, toks))
    return units
