"""The domain types every stage shares, in one package that imports nothing else of ours.

- `document`: what a reader produces (`Document`).
- `theme`: what the user asks for (`Theme`, `Person`, `OutputSettings`).
- `briefing`: the Briefing model, the one contract between selection and the writers.

Stages import their types from here, never from `briefing.config`, so the extractors and the
selector can be used (and tested) without a config file.
"""

from briefing.model.briefing import (
    SCHEMA_VERSION,
    Briefing,
    EditionInfo,
    Event,
    Passage,
    Quote,
    SchemaMismatch,
    Source,
    Statement,
    SummaryPoint,
    ThemeRef,
    from_dict,
    plain_values,
    to_dict,
)
from briefing.model.document import Document
from briefing.model.theme import FORMATS, OutputSettings, Person, Theme

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "Briefing",
    "Document",
    "EditionInfo",
    "Event",
    "OutputSettings",
    "Passage",
    "Person",
    "Quote",
    "SchemaMismatch",
    "Source",
    "Statement",
    "SummaryPoint",
    "Theme",
    "ThemeRef",
    "from_dict",
    "plain_values",
    "to_dict",
]
