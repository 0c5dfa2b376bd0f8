"""Sentence units: the atoms the selector scores, merges and joins into passages.

Sentences are the natural unit (a fact is usually one sentence, and quoting a
sentence verbatim keeps the briefing traceable); each unit remembers its
document, paragraph and character offsets so that adjacent sentences can later
be joined into a passage by slicing the original paragraph, never by rewriting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from briefing.model import Document
from briefing.select.tokenize import Token, pack_flags, tokens, unpack
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

    @property
    def joined_keys(self) -> str:
        """The tokens' keys separated by single spaces (as the store keeps them: no splitting)."""
        if self._packed is not None:
            return self._packed[0]
        return " ".join(t.key for t in self.tokens)

    @property
    def flags(self) -> str:
        """The tokens' flags, one digit each (`tokenize.pack`), without unpacking packed tokens."""
        if self._packed is not None:
            return self._packed[1]
        return pack_flags(self.tokens)

    def __len__(self) -> int:
        """The number of tokens."""
        return len(self._packed[1]) if self._packed is not None else len(self.tokens)

    def __repr__(self) -> str:
        return f"Unit(doc={self.doc}, para={self.para}, sent={self.sent}, text={self.text!r})"


def joined_keys(units: Sequence[Unit]) -> list[str]:
    """Return each unit's `Unit.joined_keys`; for units read from the store (nearly all of a large
    corpus's) without a Python step per unit, since the index asks this of every unit it reads."""
    packed = list(map(_PACKED, units))
    if None in packed:
        return [u.joined_keys for u in units]
    return list(map(_KEYS, packed))


_PACKED = attrgetter("_packed")
_KEYS = itemgetter(0)


# para, sent, start, end, text, then the tokens
TokenRow = tuple[int, int, int, int, str, tuple[Token, ...]]
# a unit as the corpus store keeps it: para, sent, start, end, its text when it is not exactly
# paragraph[start:end] (else None), and its tokens packed as (keys, flags) (`tokenize.pack`)
StoredRow = Sequence[Any]


@dataclass
class _Primed:
    """The units of one document made ahead of `build_units`, by the corpus store."""

    doc: Document
    stored: Sequence[StoredRow] | None = None  # as the store gave them back
    keep: Callable[[list[Unit]], None] | None = None  # told the units made from `stored`
    built: list[Unit] | None = None  # made for an earlier theme of the build


# by document identity; build_units uses them instead of splitting and tokenising again
_PRIMED: dict[int, _Primed] = {}


def document_units(doc: Document) -> list[TokenRow]:
    """Return the sentence units of one document (what `build_units` computes per document)."""
    rows: list[TokenRow] = []
    for p, para in enumerate(doc.paragraphs):
        for s, span in enumerate(split_sentences(para)):
            toks = tuple(tokens(span.text))
            if toks:
                rows.append((p, s, span.start, span.end, span.text, toks))
    return rows


def prime_stored_units(
    doc: Document, rows: Sequence[StoredRow], keep: Callable[[list[Unit]], None] | None = None
) -> None:
    """Register the units of `doc` as the corpus store gave them back: they are made into `Unit`s
    directly, if a theme selects from `doc` at all, with no row built in between; `keep` is
    given the units made, for `prime_built_units` in a later theme."""
    _PRIMED[id(doc)] = _Primed(doc, stored=rows, keep=keep)


def prime_built_units(doc: Document, units: list[Unit]) -> None:
    """Register the units an earlier theme's `build_units` made for `doc`: the next list they are
    part of renumbers their document (`Unit.doc`), so they must no longer be in use."""
    _PRIMED[id(doc)] = _Primed(doc, built=units)


def forget_units(doc: Document) -> None:
    """Drop what was registered for `doc` (read, but never selected from)."""
    _PRIMED.pop(id(doc), None)


def build_units(docs: Sequence[Document]) -> list[Unit]:
    """Return every sentence of every document, in reading order."""
    units: list[Unit] = []
    for d, doc in enumerate(docs):
        hit = _PRIMED.pop(id(doc), None)
        if hit is not None and hit.doc is doc and hit.built is not None:
            for u in hit.built:
                u.doc = d
            units.extend(hit.built)
        elif hit is not None and hit.doc is doc and hit.stored is not None:
            paras = doc.paragraphs
            made = [
                Unit(d, p, s, start, end, paras[p][start:end] if own is None else own, None, (keys, flags))
                for p, s, start, end, own, keys, flags in hit.stored
            ]
            if hit.keep is not None:
                hit.keep(made)
            units.extend(made)
        else:
            rows = document_units(doc)
            units.extend(Unit(d, p, s, start, end, text, toks) for p, s, start, end, text, toks in rows)
    return units
