"""`extract_statements`: reported speech with a named source, placeholder until filled below."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.config import Person
from briefing.documents import Document


@dataclass(frozen=True)
class FoundStatement:
    """Reported speech: `text` is the reported content, verbatim; `start` indexes `doc.text`."""

    speaker: str
    role: str | None
    text: str
    context: str
    start: int


def extract_statements(doc: Document, people: Sequence[Person]) -> list[FoundStatement]:
    return []
