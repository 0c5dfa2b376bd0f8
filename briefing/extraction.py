"""Per-document extraction, computed once and shared by every theme of a build.

Extraction (events, quotes, statements) runs once per document; `CorpusExtraction` holds the
results in memory, and `Corpus` is what a theme is assembled from: that, or the corpus store's
`store.reading.StoredCorpus`, which gives each theme only the documents it can use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from briefing.extract.events import DocEvent, extract_events
from briefing.extract.quotes import (
    FoundQuote,
    FoundStatement,
    extract_quotes,
    extract_statements,
    unify_corpus,
)
from briefing.model import Document, Person
from briefing.select.bm25 import Stats
from briefing.select.tokenize import Token, tokens
from briefing.text.normalise import comparison_key


@dataclass
class CorpusExtraction:
    """Per-document extraction results, computed once and shared by every theme."""

    documents: list[Document]
    events: dict[str, list[DocEvent]] = field(default_factory=dict)
    quotes: dict[str, list[FoundQuote]] = field(default_factory=dict)
    statements: dict[str, list[FoundStatement]] = field(default_factory=dict)
    # per document, the distinct token keys of every text a theme tests (see `document_keys`);
    # filled by the corpus store (as stored: one string, keys separated by spaces, split only when
    # a theme asks), computed on first use otherwise
    keys: dict[str, tuple[str, ...] | str] = field(default_factory=dict)

    def add(
        self,
        doc: Document,
        events: list[DocEvent],
        quotes: list[FoundQuote],
        statements: list[FoundStatement],
        keys: tuple[str, ...] | str,
    ) -> None:
        """Add one article's stored extraction results (the store's readers build corpora this way)."""
        self.documents.append(doc)
        self.keys[doc.id] = keys
        self.events[doc.id], self.quotes[doc.id], self.statements[doc.id] = events, quotes, statements

    def doc_keys(self, doc: Document) -> Sequence[str]:
        hit = self.keys.get(doc.id)
        if hit is None:
            hit = self.keys[doc.id] = document_keys(
                doc, self.events.get(doc.id, ()), self.quotes.get(doc.id, ()), self.statements.get(doc.id, ())
            )
        if isinstance(hit, str):
            return hit.split(" ") if hit else ()
        return hit

    def dated(self) -> list[tuple[str, str | None]]:
        """Return (document id, date) of every document, in corpus order."""
        return [(d.id, d.date) for d in self.documents]

    def reading(
        self, concepts: Sequence[Collection[str]], interested: Collection[str], in_period: Collection[str]
    ) -> tuple[CorpusExtraction, Stats | None]:
        """Return what a theme reads: in memory, the whole corpus (`store.reading.StoredCorpus`
        gives only the documents containing the theme's words)."""
        return self, None

    def reconnect(self) -> None:
        """Nothing to do in a forked worker: the corpus is all in memory (see `Corpus.reconnect`)."""

    def reports(
        self, part: CorpusExtraction, days: Collection[tuple[str, str | None]]
    ) -> list[tuple[DocEvent, str]]:
        """Return every event of the corpus with its document, in corpus order: the timeline takes
        a plan's report from any document, whatever its subject (`days` narrows only what a
        corpus store reads)."""
        return [(e, d.id) for d in self.documents for e in self.events.get(d.id, [])]



def document_keys(
    doc: Document,
    events: Iterable[DocEvent],
    quotes: Iterable[FoundQuote],
    statements: Iterable[FoundStatement],
    units: Iterable[tuple[str, Iterable[Token]]] | None = None,
) -> tuple[str, ...]:
    """Return the distinct token keys of the document's title, paragraphs and captions and of
    every event, quote context and statement context extracted from it.

    A text can be on theme only if it contains the first key of one of the theme's concepts, so
    a theme whose keys this tuple lacks skips the document's items without tokenising them.

    `units` are the document's sentence units ((text, tokens), `select.units.document_units`)
    when the caller has them: a paragraph's words are exactly its sentences' words (only
    white space lies between sentences), so the paragraphs are not tokenised again, and an
    item whose text is one of those sentences adds nothing."""
    found: set[str] = set()
    done: set[str] = set()  # texts whose keys are in `found`
    for text, toks in units or ():
        found.update(t.key for t in toks)
        done.add(text)
    texts = list(doc.paragraphs) if units is None else []
    texts += [doc.title or "", *doc.captions]
    texts += [e.text for e in events]
    texts += [q.context for q in quotes]
    texts += [s.context for s in statements]
    for text in texts:
        if text not in done:
            done.add(text)
            found.update(t.key for t in tokens(text))
    return tuple(sorted(map(sys.intern, found)))


class Corpus(Protocol):
    """What a theme is built from: the corpus in memory (`CorpusExtraction`) or in the corpus store
    (`store.reading.StoredCorpus`)."""

    def dated(self) -> list[tuple[str, str | None]]: ...

    def reading(
        self, concepts: Sequence[Collection[str]], interested: Collection[str], in_period: Collection[str]
    ) -> tuple[CorpusExtraction, Stats | None]: ...

    def reports(
        self, part: CorpusExtraction, days: Collection[tuple[str, str | None]]
    ) -> list[tuple[DocEvent, str]]: ...

    def reconnect(self) -> None:
        """Called first in a forked worker process (`briefing.forked`): open anew whatever must
        not be shared across a fork (a database connection)."""
        ...


def extract_corpus(
    documents: Sequence[Document], people: Sequence[Person], warn=lambda _m: None
) -> CorpusExtraction:
    """Return events, quotes and statements for every document; a failing document is a warning."""
    result = CorpusExtraction(list(documents))
    for doc in documents:
        result.events[doc.id], result.quotes[doc.id], result.statements[doc.id] = extract_document(
            doc, people, warn
        )
    return unify(result)


def extract_document(
    doc: Document, people: Sequence[Person], warn=lambda _m: None
) -> tuple[list[DocEvent], list[FoundQuote], list[FoundStatement]]:
    """Return one document's events, quotes and statements (what the corpus store caches per document).

    Extraction is pure text processing: the only errors a document itself can cause are text too
    deeply structured for the stack (RecursionError) or too large for memory; those are a warning
    and the rest of the build goes on. Any other exception is a bug in briefing. A weekly build
    must still not lose every theme to one article, so it is reported as a bug, naming the file;
    with BRIEFING_DEBUG=1 (set by the test suite) it is raised with its traceback instead, so
    tests never pass over a bug as a warning.
    """
    try:
        return (
            _unique_events(extract_events(_with_captions(doc))),
            extract_quotes(doc, people),
            extract_statements(doc, people),
        )
    except (RecursionError, MemoryError) as exc:
        warn(
            f"{doc.id}: too large or too deeply nested to extract ({type(exc).__name__}); "
            "its events and quotes are left out; split the document or remove it from the corpus"
        )
    except Exception as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        warn(
            f"{doc.id}: internal error while extracting ({type(exc).__name__}: {exc}); its events and "
            "quotes are left out. This is a bug in briefing: please report it with this file"
        )
    return [], [], []


def unify(result: CorpusExtraction) -> CorpusExtraction:
    """Give each speaker one name across the corpus (a step over all documents, never cached per document)."""
    # each article resolves names on its own; "Kim" in one and "Kim Soo-hyun" in another are one speaker
    # (quotes and statements together, so a name stated only in reported speech counts too)
    result.quotes, result.statements = unify_corpus(result.quotes, result.statements)
    return result


def _with_captions(doc: Document) -> Document:
    """Return the document with its photo captions read as text again, for event extraction only:
    a caption can date something the body does not ("... during the G20 Summit last November"),
    while it must never be a passage, a quote or a summary point."""
    if not doc.captions:
        return doc
    from dataclasses import replace

    return replace(doc, paragraphs=doc.captions + doc.paragraphs)


def _unique_events(events: list[DocEvent]) -> list[DocEvent]:
    """Drop repeats of the same sentence and date within one document (captions repeat the lead)."""
    seen, out = set(), []
    for e in events:
        key = (e.date, e.end, comparison_key(e.text))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
