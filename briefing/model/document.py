"""The reader's output: one article with its metadata and clean body paragraphs.

Every reader (text, HTML, PDF, DOCX, e-mail; see `briefing.readers.registry`) produces
`Document`s, so every extractor and the selector work on one shape whatever the input
format was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Document:
    id: str  # unique within a corpus: the file name, plus "#2", "#3"... for later articles of a split file
    file: str  # the file name the article came from (several articles may share it)
    title: str | None
    authors: tuple[str, ...]
    publisher: str | None
    published: str | None  # ISO date or datetime ("2026-01-12T18:32:08"); None when unknown
    published_inferred: bool
    url: str | None
    paragraphs: tuple[str, ...]  # body paragraphs, page furniture removed, verbatim otherwise
    format: str = "txt"  # the reader that read it ("txt", "html", "pdf", "docx", "eml")
    pages: tuple[int, ...] = ()  # PDF: the page each paragraph starts on, so a passage can cite "p. 4"
    # photo captions, verbatim, kept apart from the body: never passages or summary points
    captions: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Return the body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def date(self) -> str | None:
        """Return the document's own date as YYYY-MM-DD (the DCT for date normalisation)."""
        return self.published[:10] if self.published else None

    def page_of(self, paragraph: int) -> int | None:
        """Return the page number paragraph `paragraph` starts on, or None for unpaged formats."""
        return self.pages[paragraph] if paragraph < len(self.pages) else None

    def with_published(self, published: str | None, inferred: bool) -> Document:
        return replace(self, published=published, published_inferred=inferred)
