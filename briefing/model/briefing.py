"""The Briefing model: the one contract between selection/extraction and the writers.

Every writer receives a `Briefing` and nothing else, so a new output format never
needs to know about config files, readers or the selector.  The JSON form carries
`schema_version` so an archived edition can be re-rendered later without the
sources (and a mismatch is refused rather than misread).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ThemeRef:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Source:
    """One cited article. `id` is what passages, events and quotes cite ("S1", "S2", ...)."""

    id: str
    file: str
    title: str | None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None  # ISO date or datetime, the document's own date
    published_inferred: bool = False
    url: str | None = None


@dataclass(frozen=True)
class SummaryPoint:
    text: str
    sources: tuple[str, ...]
    new: bool = False


@dataclass(frozen=True)
class Passage:
    text: str
    sources: tuple[str, ...]
    score: float
    group: str | None = None  # sub-topic heading the writers group passages under
    new: bool = False
    # page of the passage in each cited source, aligned with `sources`; None for a source
    # without pages (.txt, HTML ...). Empty in JSON written before pages were recorded.
    pages: tuple[int | None, ...] = ()

    def page(self, source_id: str) -> int | None:
        """Return the page this passage is on in one cited source, or None when it has none."""
        for sid, page in zip(self.sources, self.pages, strict=False):
            if sid == source_id:
                return page
        return None


@dataclass(frozen=True)
class Event:
    """One timeline entry; the same event reported by several sources is one entry."""

    date: str  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None
    text: str
    sources: tuple[str, ...]
    status: str = "happened"  # "happened" | "scheduled" | "unconfirmed" (planned, date passed, no later report)
    background: bool = False  # outside the briefing's period (history)
    other_dates: tuple[str, ...] = ()  # conflicting dates other sources give for this event
    new: bool = False
    context: str = ""  # the sentence `text` stands in, when `text` is only the clause or phrase dated
    reported: str | None = None  # for a planned event: the date of the earliest source reporting the plan


@dataclass(frozen=True)
class Quote:
    text: str  # verbatim, without the quotation marks
    speaker: str | None
    role: str | None
    partial: bool
    source: str  # source id
    context: str = ""  # the sentence the quote stands in
    date: str | None = None  # when the words were said if `date_stated`, else the citing source's date
    date_stated: bool = False  # the text states when the words were said ("said on Jan 13")
    new: bool = False


@dataclass(frozen=True)
class Statement:
    """Reported speech with a named source ("Wi stated that ...")."""

    speaker: str
    role: str | None
    text: str
    source: str


@dataclass(frozen=True)
class EditionInfo:
    """What changed since the previous edition; empty when there was none."""

    date: str | None = None
    previous: str | None = None
    sources_added: tuple[str, ...] = ()
    sources_removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    theme: ThemeRef
    generated_at: str  # ISO datetime
    period_start: str | None
    period_end: str | None
    sources: tuple[Source, ...]
    summary: tuple[SummaryPoint, ...] = ()
    passages: tuple[Passage, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "No relevant material was found for this theme."
    edition: EditionInfo = field(default_factory=EditionInfo)
    author: str | None = None  # who the briefing is issued by (config), for document metadata

    def source(self, source_id: str) -> Source:
        """Return the source with this id (KeyError when the model is inconsistent)."""
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def source_number(self, source_id: str) -> int:
        """Return the 1-based position of a source in the numbered source list."""
        for i, s in enumerate(self.sources, 1):
            if s.id == source_id:
                return i
        raise KeyError(source_id)


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """Return the JSON form documented in the README (tuples become lists)."""
    data = plain_values(briefing)
    summary_points = data.pop("summary")
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    out.update(data)
    out["summary"] = [p["text"] for p in summary_points]
    out["summary_points"] = summary_points
    return out


def plain_values(value: Any) -> Any:
    """The JSON-ready form of a dataclass, or of a list, tuple or dict of them: `dataclasses.asdict`
    with every tuple made a list, in one walk. asdict deep-copies each value it meets, which made
    writing a large briefing's JSON twice as slow; the model (and the extraction results the
    corpus store keeps) hold only dataclasses, tuples, lists, dicts and immutable scalars, so
    nothing needs copying."""
    names = _FIELD_NAMES.get(type(value))
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: plain_values(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [plain_values(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_values(v) for k, v in value.items()}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class SchemaMismatch(ValueError):
    """Raised when a JSON briefing was written by an incompatible version."""


def from_dict(data: dict[str, Any]) -> Briefing:
    """Rebuild a Briefing from its JSON form (the inverse of `to_dict`)."""
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SchemaMismatch(
            f"briefing JSON has schema_version {version!r}; this version reads {SCHEMA_VERSION}"
        )

    def build(cls: type, raw: dict[str, Any]) -> Any:
        kwargs = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            v = raw[f.name]
            kwargs[f.name] = tuple(v) if isinstance(v, list) else v
        return cls(**kwargs)

    return Briefing(
        theme=build(ThemeRef, data["theme"]),
        generated_at=data["generated_at"],
        period_start=data.get("period_start"),
        period_end=data.get("period_end"),
        sources=tuple(build(Source, s) for s in data.get("sources", [])),
        summary=tuple(build(SummaryPoint, p) for p in data.get("summary_points", [])),
        passages=tuple(build(Passage, p) for p in data.get("passages", [])),
        events=tuple(build(Event, e) for e in data.get("events", [])),
        quotes=tuple(build(Quote, q) for q in data.get("quotes", [])),
        statements=tuple(build(Statement, s) for s in data.get("statements", [])),
        notes=tuple(data.get("notes", [])),
        edition=build(EditionInfo, data.get("edition") or {}),
        author=data.get("author"),
    )
