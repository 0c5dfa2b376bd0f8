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
from briefing.sentences import split_sentences


@dataclass(frozen=True)
class Unit:
    doc: int  # index into the document list
    para: int  # paragraph index within the document
    sent: int  # sentence index within the paragraph
    start: int  # character offsets into the paragraph
    end: int
    text: str
    tokens: tuple[Token, ...]


def build_units(docs: Sequence[Document]) -> list[Unit]:
    """Return every sentence of every document, in reading order."""
    units = []
    for d, doc in enumerate(docs):
        for p, para in enumerate(doc.paragraphs):
            for s, span in enumerate(split_sentences(para)):
                toks = tuple(tokens(span.text))
                if toks:
                    units.append(Unit(d, p, s, span.start, span.end, span.text, toks))
    return units
