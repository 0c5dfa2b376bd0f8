"""The list of sources a briefing cites: one numbered entry per article, safe to link.

Every writer prints the same entry for a source (headline or "Untitled article", authors,
publisher, date marked when inferred, a link only for a safe URL, the file), and "What's new"
names a source the same way, so the entry is made here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Briefing, Source
from briefing.writers.text import clean, format_date, source_anchor


@dataclass(frozen=True)
class SourceEntry:
    number: int
    anchor: str
    title: str
    authors: str
    publisher: str
    date: str
    url: str
    href: str  # the URL when it is safe to link (http, https, ftp, mailto), else ""
    file: str
    added: bool = False


UNTITLED = "Untitled article"


def source_title_of(source: Source) -> str:
    """Return the source's headline; an article printed without one is "Untitled article", not
    its file name (the file is listed on its own line, where a reader looks for it)."""
    return clean(source.title) or UNTITLED


def source_entry(briefing: Briefing, number: int, source: Source) -> SourceEntry:
    date = format_date(source.published)
    if date and source.published_inferred:
        date += " (inferred)"
    return SourceEntry(
        number=number,
        anchor=source_anchor(number),
        title=source_title_of(source),
        authors=", ".join(a for a in (clean(a) for a in source.authors) if a),
        publisher=clean(source.publisher),
        date=date,
        url=clean(source.url),
        href=_safe_href(clean(source.url)),
        file=clean(source.file),
        added=source.id in briefing.edition.sources_added,
    )


def _safe_href(url: str) -> str:
    """Return `url` when it may be a link target; a `javascript:` URL in a sidecar must not be."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    return url if scheme in ("http", "https", "ftp", "mailto") and " " not in url else ""
