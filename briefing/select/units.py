"""Sentence units: the atoms the selector scores, merges and joins into passages.

Sentences are the natural unit (a fact is usually one sentence, and quoting a
sentence verbatim keeps the briefing traceable); each unit remembers its
document, paragraph and character offsets so that adjacent sentences can later
be joined into a passage by slicing the original paragraph, never by rewriting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefing.model import Document
from briefing.select.tokenize import Token, tokens, unpack
from briefing.text.sentences import split_sentences


class Unit:
    """One sentence: where it is (document index, paragraph, sentence, character offsets), its text
    and its tokens. Tokens read from the corpus store stay packed (`tokenize.pack`) until a step
    asks for them: most sentences of a large corpus are never matched, merged or compared."""

    __slots__ = ("doc", "para", "sent", "start", "end", "text", "_tokens", "_packed")

    def __init__(
        self,
        doc: int,
        para: int,
        sent: int,
        start: int,
        end: int,
        text: str,
        tokens: tuple[Token, ...] | None = None,
        packed: tuple[str, str] | None = None,
    ) -> None:
        self.doc = doc  # index into the document list
        self.para = para  # paragraph index within the document
        self.sent = sent  # sentence index within the paragraph
        self.start = start  # character offsets into the paragraph
        self.end = end
        self.text = text
        self._tokens = tokens
        self._packed = packed

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            assert self._packed is not None
            self._tokens = unpack(*self._packed)
        return self._tokens

    @property
    def keys(self) -> list[str]:
        """The tokens' keys, without unpacking packed tokens."""
        if self._packed is not None:
            return self._packed[0].split(" ")
        return [t.key for t in self.tokens]

    def __len__(self) -> int:
        """The number of tokens."""
        return len(self._packed[1]) if self._packed is not None else len(self.tokens)

    def __repr__(self) -> str:
        return f"Unit(doc={self.doc}, para={self.para}, sent={self.sent}, text={self.text!r})"


# para, sent, start, end, text, then the tokens: as a tuple, or packed (keys, flags) from the store
TokenRow = tuple[int, int, int, int, str, tuple[Token, ...]]
UnitRow = tuple[int, int, int, int, str, tuple[Token, ...] | tuple[str, str]]

# Sentence units computed ahead (by the corpus store, which keeps them with each document's
# extraction results), by document identity; build_units uses them instead of tokenising again.
_PRIMED: dict[int, tuple[Document, Sequence[UnitRow] | None, Sequence[StoredRow] | None]] = {}
# a unit as the corpus store keeps it: para, sent, start, end, its text when it is not exactly
# paragraph[start:end] (else None), and its tokens packed as (keys, flags) (`tokenize.pack`)
StoredRow = Sequence[Any]


def document_units(doc: Document) -> list[TokenRow]:
    """Return the sentence units of one document (what `build_units` computes per document)."""
    rows: list[TokenRow] = []
    for p, para in enumerate(doc.paragraphs):
        for s, span in enumerate(split_sentences(para)):
            toks = tuple(tokens(span.text))
            if toks:
                rows.append((p, s, span.start, span.end, span.text, toks))
    return rows


def prime_units(doc: Document, rows: Sequence[UnitRow]) -> None:
    """Register the units of `doc` computed earlier (exactly `document_units(doc)`)."""
    _PRIMED[id(doc)] = (doc, rows, None)


def prime_stored_units(doc: Document, rows: Sequence[StoredRow]) -> None:
    """Register the units of `doc` as the corpus store gave them back: they are made into `Unit`s
    directly, if a theme selects from `doc` at all, with no row built in between."""
    _PRIMED[id(doc)] = (doc, None, rows)


def forget_units(doc: Document) -> None:
    """Drop what was registered for `doc` (read for its events only, never selected from)."""
    _PRIMED.pop(id(doc), None)


def build_units(docs: Sequence[Document]) -> list[Unit]:
    """Return every sentence of every document, in reading order."""
    units = []
    for d, doc in enumerate(docs):
        hit = _PRIMED.pop(id(doc), None)
        if hit is not None and hit[0] is doc and hit[2] is not None:
            paras = doc.paragraphs
            for p, s, start, end, own, keys, flags in hit[2]:
                text = paras[p][start:end] if own is None else own
                units.append(Unit(d, p, s, start, end, text, packed=(keys, flags)))
            continue
        rows = hit[1] if hit is not None and hit[0] is doc and hit[1] is not None else document_units(doc)
        for p, s, start, end, text, toks in rows:
            if toks and isinstance(toks[0], str):
                units.append(Unit(d, p, s, start, end, text, packed=toks))  # type: ignore[arg-type]
            else:
                units.append(Unit(d, p, s, start, end, text, tokens=toks))  # type: ignore[arg-type]
    return units
