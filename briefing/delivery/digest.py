"""What a delivery says about one edition, independent of e-mail or chat.

The digest is read from a finished edition (its manifest and `model.json`, found through
`briefing.output`, never by guessing file names), so it always describes exactly the
files that were built, and an attachment is only sent when its bytes still match the
sha256 the manifest recorded for it.

"What's new" leads with the most important new items: new summary points (the selector's
own ranking), then new passages by score, then new events (most recent first), then new
quotes.  A first edition has nothing to compare with, so everything in it counts as new.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from briefing.delivery.errors import DeliveryError
from briefing.delivery.settings import Delivery
from briefing.model import Briefing
from briefing.output import edition_dates, edition_dir, load_edition_briefing
from briefing.output.ownership import is_edition, read_manifest_safely
from briefing.text.normalise import comparison_key
from briefing.writers.layout import UNKNOWN_SPEAKER, lay_out
from briefing.writers.source_list import SourceEntry
from briefing.writers.text import citation_numbers, clean, format_date, format_range

TOP_ITEMS = 5  # in the e-mail; a chat notice shows CHAT_ITEMS
CHAT_ITEMS = 3
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LINK_LABELS = {"pdf": "PDF", "docx": "Word", "html": "Web page"}


@dataclass(frozen=True)
class Cite:
    number: int
    href: str  # the source's URL when it is safe to link, else ""


@dataclass(frozen=True)
class Item:
    kind: str  # "Summary", "Passage", "Event", "Quote"
    text: str
    cites: tuple[Cite, ...]
    new: bool = False
    core: str = ""  # the source sentence alone, normalised: how repeats across kinds are spotted


@dataclass(frozen=True)
class SourceLine:
    number: int
    title: str
    details: str  # "publisher, 14 January 2026"
    href: str


@dataclass(frozen=True)
class Link:
    label: str
    href: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class Digest:
    theme_id: str
    title: str
    description: str
    edition: str  # ISO date of the edition
    edition_display: str  # "19 January 2026"
    previous_display: str  # "" for a first edition
    new_count: int  # every new item, of which `top` shows the first few
    top: tuple[Item, ...]
    summary: tuple[Item, ...]  # the summary points not already in `top`
    summary_heading: str
    sources: tuple[SourceLine, ...]  # the sources cited in `top` and `summary`, by number
    links: tuple[Link, ...]  # the published files, when a publish URL is configured
    attachments: tuple[Attachment, ...]

    @property
    def first(self) -> bool:
        return not self.previous_display

    @property
    def subject(self) -> str:
        return f"{self.title} briefing \u2014 edition of {self.edition_display}"

    def chat_items(self) -> tuple[Item, ...]:
        return self.top[:CHAT_ITEMS]

    @property
    def main_link(self) -> str:
        """Return the link a chat notice points to: the PDF, else the first published file."""
        for link in self.links:
            if link.label == LINK_LABELS["pdf"]:
                return link.href
        return self.links[0].href if self.links else ""


@dataclass(frozen=True)
class Edition:
    """A theme's newest complete edition as found on disk."""

    theme_id: str
    date: str
    directory: Path
    manifest: dict
    briefing: Briefing


def latest_edition(out_dir: Path, theme_id: str) -> Edition | None:
    """Return the newest complete edition of a theme (one with a manifest), or None if there is none."""
    dates = edition_dates(out_dir, theme_id)
    if not dates:
        return None
    directory = edition_dir(out_dir, theme_id, dates[-1])
    manifest = read_manifest_safely(directory) if is_edition(directory) else None
    if manifest is None:
        raise DeliveryError(
            f"{directory}: no readable manifest.json written by briefing; rebuild the edition"
        )
    briefing = load_edition_briefing(directory)
    if briefing is None:
        raise DeliveryError(
            f"{directory}: the edition's model.json is missing or unreadable; rebuild the edition"
        )
    return Edition(theme_id, dates[-1], directory, manifest, briefing)


def _citer(b: Briefing, entries: tuple[SourceEntry, ...]):
    """Return a function turning source ids into citations linked to the source's URL (when safe)."""
    hrefs = {e.number: e.href for e in entries}

    def cites(ids: tuple[str, ...] | list[str]) -> tuple[Cite, ...]:
        return tuple(Cite(n, hrefs.get(n, "")) for n in citation_numbers(b, tuple(ids)))

    return cites


def ranked_new_items(b: Briefing) -> list[Item]:
    """Return the edition's new items, most important first (everything, for a first edition)."""
    first = not b.edition.previous
    cites = _citer(b, lay_out(b).sources)

    items = [
        Item("Summary", clean(p.text), cites(p.sources), True, comparison_key(p.text))
        for p in b.summary
        if first or p.new
    ]
    passages = [p for p in b.passages if first or p.new]
    items += [
        Item("Passage", clean(p.text), cites(p.sources), True, comparison_key(p.text))
        for p in sorted(passages, key=lambda p: -p.score)
    ]
    events = [e for e in b.events if (first or e.new) and not e.background]
    items += [
        Item(
            "Event",
            f"{format_range(e.date, e.end, short=True)}: {clean(e.text)}",
            cites(e.sources),
            True,
            comparison_key(e.text),
        )
        for e in sorted(events, key=lambda e: e.date, reverse=True)
    ]
    items += [
        Item(
            "Quote",
            f"\u201c{clean(q.text)}\u201d \u2014 {clean(q.speaker) or UNKNOWN_SPEAKER}",
            cites((q.source,)),
            True,
            comparison_key(q.text),
        )
        for q in b.quotes
        if first or q.new
    ]
    return _distinct([i for i in items if i.core])


def build_digest(edition: Edition, settings: Delivery) -> Digest:
    """Return the digest of `edition` with the files `settings.attach` asks for read and checked."""
    b = edition.briefing
    entries = lay_out(b).sources
    cites = _citer(b, entries)
    new = ranked_new_items(b)
    top = leading(new, TOP_ITEMS)
    shown = {item.core for item in top}
    points = [
        Item(
            "Summary", clean(p.text), cites(p.sources), bool(b.edition.previous) and p.new, comparison_key(p.text)
        )
        for p in b.summary
        if clean(p.text)
    ]
    # a point already listed under What's new is not repeated below it
    summary = tuple(p for p in points if p.core not in shown)
    cited = {c.number for item in (*top, *summary) for c in item.cites}
    sources = tuple(_source_line(e) for e in entries if e.number in cited)
    formats: dict = edition.manifest.get("formats") or {}
    return Digest(
        theme_id=edition.theme_id,
        title=clean(b.theme.title) or edition.theme_id,
        description=clean(b.theme.description),
        edition=edition.date,
        edition_display=format_date(edition.date),
        previous_display=format_date(b.edition.previous) if b.edition.previous else "",
        new_count=len(new),
        top=tuple(top),
        summary=summary,
        summary_heading="Also in the summary" if len(summary) < len(points) else "Summary",
        sources=sources,
        links=_links(edition, formats, settings.publish_url),
        attachments=_attachments(edition, formats, settings.attach),
    )


def leading(items: list[Item], n: int, per_source: int = 2) -> list[Item]:
    """Return the first `n` items, taking at most `per_source` from any one source while others wait.

    One long new article can carry a dozen high-scoring passages; a reader is better served
    by the top items of several sources.  The order of the ranking is kept, and when too few
    sources are new the remaining places are filled in ranking order.
    """
    picked: list[Item] = []
    count: dict[int, int] = {}
    for item in items:
        first = item.cites[0].number if item.cites else 0
        if len(picked) < n and (not first or count.get(first, 0) < per_source):
            picked.append(item)
            count[first] = count.get(first, 0) + 1
    for item in items:
        if len(picked) >= n:
            break
        if item not in picked:
            picked.append(item)
    return sorted(picked, key=items.index)


def _distinct(items: list[Item]) -> list[Item]:
    """Drop an item that repeats, or is part of, one ranked higher.

    A summary point is usually also a passage, its sentence an event and its quotation a
    quote; a reader should see the news once, in its highest-ranked form.  Quadratic in
    the number of new items, which the output limits (max_passages, max_events, ...) bound.
    """
    out: list[Item] = []
    for item in items:
        if not any(
            f" {item.core} " in f" {kept.core} " or f" {kept.core} " in f" {item.core} " for kept in out
        ):
            out.append(item)
    return out


def _source_line(e: SourceEntry) -> SourceLine:
    return SourceLine(e.number, e.title, ", ".join(x for x in (e.publisher, e.date) if x), e.href)


def _links(edition: Edition, formats: dict, publish_url: str | None) -> tuple[Link, ...]:
    if not publish_url:
        return ()
    links = []
    for fmt in ("pdf", "docx", "html"):
        name = (formats.get(fmt) or {}).get("file")
        if name and (edition.directory / name).is_file():
            path = "/".join(quote(p) for p in (edition.theme_id, edition.date, name))
            links.append(Link(LINK_LABELS[fmt], publish_url + path))
    links.append(Link("All editions", publish_url + "index.html"))
    return tuple(links)


def _attachments(edition: Edition, formats: dict, attach: str) -> tuple[Attachment, ...]:
    wanted = {"pdf": ("pdf",), "docx": ("docx",), "both": ("pdf", "docx"), "link": ()}[attach]
    out = []
    for fmt in wanted:
        entry = formats.get(fmt) or {}
        name = entry.get("file")
        if not name:
            raise DeliveryError(
                f"edition {edition.directory} has no {fmt.upper()} to attach; add {fmt} to output.formats "
                f"or change delivery.attach"
            )
        path = edition.directory / name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DeliveryError(f"{path}: cannot read the file to attach ({exc.strerror})") from None
        if entry.get("sha256") and hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise DeliveryError(
                f"{path} does not match the sha256 its manifest recorded (changed since the build?); "
                "rebuild the edition before sending it"
            )
        out.append(Attachment(name, MEDIA_TYPES[fmt], data))
    return tuple(out)
