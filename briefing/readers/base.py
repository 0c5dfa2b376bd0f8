"""What every reader returns: the documents found in one file, plus warnings for the user.

Kept apart from the readers so the registry and each format module share one shape
without importing one another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.model import Document


@dataclass(frozen=True)
class ReadResult:
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)


def split_paragraphs(text: str) -> list[str]:
    """Return the non-empty lines of extracted text, whitespace runs collapsed, as paragraphs."""
    out = []
    for line in text.split("\n"):
        s = " ".join(line.split())
        if s:
            out.append(s)
    return out


def authors_of(field: str | None, placeholders: frozenset[str]) -> tuple[str, ...]:
    """Split a document-metadata author field ("Jane Doe; John Roe", "A and B") into names.

    PDF and Word files carry one free-text author field, often a producer's placeholder
    ("Anonymous", "python-docx") rather than a person: those give no author at all.
    """
    if not field or field.casefold() in placeholders:
        return ()
    return tuple(a.strip() for a in re.split(r";|\band\b|,", field) if a.strip())
