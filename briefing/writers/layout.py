"""The format-neutral layout of a briefing: which sections, in which order, saying what.

DOCX, PDF and HTML differ in how they draw things, not in what a reader is told.
`lay_out` turns a `Briefing` into plain, already-cleaned values (formatted dates,
citation numbers, grouped passages, speakers) once, so the three writers cannot
drift apart and each stays a thin drawing layer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.fit import needs_contents
from briefing.model import Briefing, Event, Passage, Quote
from briefing.writers.group_dates import dated_heading
from briefing.writers.source_list import SourceEntry, source_entry, source_title_of
from briefing.writers.text import (
    citation_numbers,
    clean,
    format_date,
    format_range,
    format_timestamp,
)

# Section titles, in reading order; writers use these for headings and bookmarks.
WHATS_NEW = "What\u2019s new"
SUMMARY = "Summary"
PASSAGES = "Key passages"
TIMELINE = "Timeline"
BACKGROUND = "Background"
QUOTES = "Quotes"
WHO_SAID_WHAT = "Who said what"
NOTES = "Notes"
SOURCES = "Sources"
CONTENTS = "Contents"

NO_PASSAGES = "No relevant passages were found for this theme in the sources read."
NO_SUMMARY = "No summary points: nothing in the sources was selected for this theme."
NO_EVENTS = "No dated events were found."
NO_QUOTES = "No direct quotations were found."
NO_SOURCES = "No sources were cited."
UNKNOWN_SPEAKER = "Unidentified speaker"
NEW_MARK = "NEW"
WHATS_NEW_LEAD = 5  # "What's new" leads with this many items; the rest are marked NEW in place
TIMELINE_HEADER = ("Date", "What", "Status", "Sources")


@dataclass(frozen=True)
class Cited:
    """A piece of source text with the numbers of the sources that state it."""

    text: str
    cites: tuple[int, ...]
    new: bool = False
    pages: tuple[tuple[int, int], ...] = ()  # (source number, page) for cited sources with pages (PDF)


@dataclass(frozen=True)
class NewItem:
    """One line of "What's new": which kind of item and what it says."""

    kind: str
    text: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class WhatsNew:
    previous: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    items: tuple[NewItem, ...]  # the most important new items, at most WHATS_NEW_LEAD
    more: int = 0  # further new items, marked NEW in their sections

    @property
    def more_text(self) -> str:
        """Return the pointer to the rest ("and 12 more new items, marked NEW below"), or ""."""
        if not self.more:
            return ""
        return f"and {self.more} more new item{'s' if self.more != 1 else ''}, marked {NEW_MARK} below"


@dataclass(frozen=True)
class TimelineRow:
    when: str
    text: str
    scheduled: bool
    cites: tuple[int, ...]
    other_dates: tuple[str, ...] = ()
    new: bool = False
    state: str = "happened"  # the model's status: happened | scheduled | unconfirmed
    reported: str = ""  # reader-facing date a plan was first reported (unconfirmed rows)
    context: str = ""  # the sentence the row's clause stands in, when the row is only part of it

    @property
    def status(self) -> str:
        """Return the status shown in the Status column: a plan whose date has passed with no
        report that it took place says so, rather than "Scheduled"."""
        if self.state == "unconfirmed":
            when = f" (reported {self.reported})" if self.reported else ""
            return f"Planned{when}; no later report"
        return "Scheduled" if self.scheduled else "Happened"


@dataclass(frozen=True)
class QuoteItem:
    text: str
    speaker: str
    role: str
    partial: bool
    context: str
    cites: tuple[int, ...]
    source_title: str
    date: str
    new: bool = False

    @property
    def attribution(self) -> str:
        """Return "Speaker, role" (or just the speaker) as printed after a quote."""
        return f"{self.speaker}, {self.role}" if self.role else self.speaker


@dataclass(frozen=True)
class Said:
    """One thing a speaker said: a verbatim quote (shown in quotation marks) or reported speech."""

    text: str
    quoted: bool
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str
    said: tuple[Said, ...]


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the table of contents: a section (level 0) or a passage group (level 1)."""

    level: int
    title: str
    anchor: str  # the HTML id of the heading


@dataclass(frozen=True)
class Layout:
    title: str
    description: str
    edition_date: str
    facts: tuple[tuple[str, str], ...]  # label/value pairs of the title block
    author: str
    subject: str
    keywords: tuple[str, ...]
    whats_new: WhatsNew | None
    summary: tuple[Cited, ...]
    passage_groups: tuple[tuple[str, tuple[Cited, ...]], ...]  # "" = no sub-heading
    timeline: tuple[TimelineRow, ...]
    background: tuple[TimelineRow, ...]
    quotes: tuple[QuoteItem, ...]
    speakers: tuple[Speaker, ...]
    notes: tuple[str, ...]
    sources: tuple[SourceEntry, ...]
    long: bool = False  # estimated longer than fit.CONTENTS_AFTER pages: open with a table of contents

    @property
    def contents(self) -> tuple[ContentsEntry, ...]:
        """Return the sections and passage groups in reading order, as the table of contents lists them."""
        out = [ContentsEntry(0, WHATS_NEW, "whats-new")] if self.whats_new else []
        out += [ContentsEntry(0, SUMMARY, "summary"), ContentsEntry(0, TIMELINE, "timeline")]
        if self.background:
            out.append(ContentsEntry(0, BACKGROUND, "background"))
        out.append(ContentsEntry(0, QUOTES, "quotes"))
        if self.speakers:
            out.append(ContentsEntry(0, WHO_SAID_WHAT, "who-said-what"))
        out.append(ContentsEntry(0, PASSAGES, "passages"))
        out += [ContentsEntry(1, name, group_anchor(i)) for i, (name, _) in enumerate(self.passage_groups, 1) if name]
        if self.notes:
            out.append(ContentsEntry(0, NOTES, "notes"))
        out.append(ContentsEntry(0, SOURCES, "sources"))
        return tuple(out)

    @property
    def footer(self) -> str:
        """Return the footer text (theme and edition date) that precedes "Page x of y"."""
        return f"{self.title} \u00b7 Edition of {self.edition_date}"


def lay_out(briefing: Briefing) -> Layout:
    """Return everything a writer draws, in reading order, cleaned and formatted.

    "New" only means something against a previous edition, so items are marked
    new only when there was one, whatever their flags say.
    """
    if not briefing.edition.previous:
        briefing = _without_new_flags(briefing)
    title = clean(briefing.theme.title) or clean(briefing.theme.id) or "Briefing"
    edition_day = briefing.edition.date or briefing.generated_at[:10]
    edition_date = format_date(edition_day)
    facts: list[tuple[str, str]] = [("Edition", edition_date)]
    facts.append(("Generated", format_timestamp(briefing.generated_at)))
    if briefing.period_start or briefing.period_end:
        start = format_date(briefing.period_start) or "\u2026"
        end = format_date(briefing.period_end) or "\u2026"
        period = f"{start} \u2013 {end}"
        facts.append(("Period covered", period))
    facts.append(("Sources", str(len(briefing.sources))))
    if briefing.author:
        facts.append(("Issued by", clean(briefing.author)))
    description = clean(briefing.theme.description)
    return Layout(
        title=title,
        description=description,
        edition_date=edition_date,
        facts=tuple(facts),
        author=clean(briefing.author) or "briefing",
        subject=description or f"Briefing: {title}",
        keywords=tuple(k for k in (title, clean(briefing.theme.id), "briefing", edition_day) if k),
        whats_new=_whats_new(briefing),
        summary=tuple(
            Cited(clean(p.text), citation_numbers(briefing, p.sources), p.new) for p in briefing.summary
        ),
        passage_groups=_passage_groups(briefing),
        timeline=tuple(_row(briefing, e) for e in briefing.events if not e.background),
        background=tuple(_row(briefing, e) for e in briefing.events if e.background),
        quotes=tuple(_quote(briefing, q) for q in briefing.quotes),
        speakers=_speakers(briefing),
        notes=tuple(n for n in (clean(n) for n in briefing.notes) if n),
        sources=tuple(source_entry(briefing, i, s) for i, s in enumerate(briefing.sources, 1)),
        long=needs_contents(briefing),
    )


def group_anchor(number: int) -> str:
    """Return the HTML id of the n-th passage group's heading (the contents link to it)."""
    return f"group-{number}"


def _without_new_flags(b: Briefing) -> Briefing:
    return replace(
        b,
        summary=tuple(replace(x, new=False) for x in b.summary),
        passages=tuple(replace(x, new=False) for x in b.passages),
        events=tuple(replace(x, new=False) for x in b.events),
        quotes=tuple(replace(x, new=False) for x in b.quotes),
        edition=replace(b.edition, sources_added=()),
    )


def _heading(label: str) -> str:
    """Return a group label as a heading: first letter capitalised, the rest as configured ("AI" stays)."""
    return label[:1].upper() + label[1:]


def _passage_groups(briefing: Briefing) -> tuple[tuple[str, tuple[Cited, ...]], ...]:
    """Group passages under their sub-topic, in order of first appearance.

    Ungrouped passages form one group without a heading when nothing is
    grouped, and an "Other passages" group when some are: a lone heading-less
    tail after named groups would read as part of the last group.
    """
    groups: dict[str, list[Cited]] = {}
    any_named = any(clean(p.group) for p in briefing.passages)
    cited: dict[str, set[str]] = {}
    for p in briefing.passages:
        cited.setdefault(_heading(clean(p.group)), set()).update(p.sources)
    for p in briefing.passages:
        name = _heading(clean(p.group))
        # an event's heading carries the dates the timeline gives it ("Nara summit, 13–14 Jan 2026")
        name = dated_heading(name, briefing.events, cited[name]) if name else ("Other passages" if any_named else "")
        groups.setdefault(name, []).append(
            Cited(clean(p.text), citation_numbers(briefing, p.sources), p.new, _pages(briefing, p))
        )
    if "Other passages" in groups and any_named:
        groups["Other passages"] = groups.pop("Other passages")  # keep the catch-all last
    return tuple((name, tuple(items)) for name, items in groups.items())


def _pages(briefing: Briefing, passage: Passage) -> tuple[tuple[int, int], ...]:
    """Return (source number, page) for each cited source the passage has a page in."""
    out = []
    for sid, page in zip(passage.sources, passage.pages, strict=False):
        if page is not None:
            try:
                out.append((briefing.source_number(sid), page))
            except KeyError:
                continue
    return tuple(sorted(out))


def _row(briefing: Briefing, event: Event) -> TimelineRow:
    return TimelineRow(
        when=format_range(event.date, event.end, short=True),
        text=clean(event.text),
        scheduled=event.status == "scheduled",
        cites=citation_numbers(briefing, event.sources),
        other_dates=tuple(format_date(d, short=True) for d in event.other_dates if d),
        new=event.new,
        state=event.status,
        reported=format_date(event.reported, short=True) if event.reported else "",
        context=clean(event.context),
    )


def _quote(briefing: Briefing, quote: Quote) -> QuoteItem:
    try:
        source = briefing.source(quote.source)
        source_title = source_title_of(source)
        published = source.published
    except KeyError:
        source_title, published = "", None
    return QuoteItem(
        text=clean(quote.text),
        speaker=clean(quote.speaker) or UNKNOWN_SPEAKER,
        role=clean(quote.role),
        partial=quote.partial,
        context=clean(quote.context) if quote.partial else "",
        cites=citation_numbers(briefing, (quote.source,)),
        source_title=source_title,
        date=_quote_date(quote, published),
        new=quote.new,
    )


def _quote_date(quote: Quote, published: str | None) -> str:
    """Return when the words were said ("said 7 January 2026") when the text states it, else the
    source's date marked as such, so a publication date is never read as the day of the words."""
    if quote.date_stated and quote.date:
        return f"said {format_date(quote.date)}"
    day = format_date(quote.date or published)
    return f"{day} (source date)" if day else ""


def _speakers(briefing: Briefing) -> tuple[Speaker, ...]:
    """Return quotes and statements grouped by speaker, most-cited speaker first.

    The role shown is the first one any item gives, so a speaker whose role is
    known from one article keeps it where another article omitted it.
    """
    order: list[str] = []
    roles: dict[str, str] = {}
    said: dict[str, list[Said]] = {}

    def add(speaker: str | None, role: str | None, item: Said) -> None:
        name = clean(speaker) or UNKNOWN_SPEAKER
        if name not in said:
            order.append(name)
            said[name] = []
        if clean(role) and not roles.get(name):
            roles[name] = clean(role)
        said[name].append(item)

    for q in briefing.quotes:
        add(q.speaker, q.role, Said(clean(q.text), True, citation_numbers(briefing, (q.source,))))
    for s in briefing.statements:
        add(s.speaker, s.role, Said(clean(s.text), False, citation_numbers(briefing, (s.source,))))
    # Known speakers before the unidentified bucket, then by how much they said.
    ranked = sorted(order, key=lambda n: (n == UNKNOWN_SPEAKER, -len(said[n]), order.index(n)))
    return tuple(Speaker(n, roles.get(n, ""), tuple(said[n])) for n in ranked)


def _whats_new(briefing: Briefing) -> WhatsNew | None:
    """Return the "What's new" content, or None for a first edition.

    `sources_added`/`sources_removed` may hold source ids or file names; an id
    of a current source is shown with its number and title, anything else as
    given (a removed source is no longer in the list to point to).
    """
    ed = briefing.edition
    if not ed.previous:
        return None

    def describe(ref: str) -> str:
        try:
            n = briefing.source_number(ref)
        except KeyError:
            return clean(ref)
        s = briefing.sources[n - 1]
        return f"[{n}] {source_title_of(s)}"

    # most important first: key points, then dated events in the period (newest first), quotes,
    # then passages by rank; only the first few lead, the rest are counted and marked NEW in place
    items: list[NewItem] = []
    for p in briefing.summary:
        if p.new:
            items.append(NewItem(SUMMARY, clean(p.text), citation_numbers(briefing, p.sources)))
    events = sorted((e for e in briefing.events if e.new), key=lambda e: (e.background, e.date), reverse=False)
    events = [e for e in events if not e.background][::-1] + [e for e in events if e.background]
    for e in events:
        when = format_range(e.date, e.end, short=True)
        items.append(NewItem("Event", f"{when}: {clean(e.text)}", citation_numbers(briefing, e.sources)))
    for q in briefing.quotes:
        if q.new:
            who = clean(q.speaker) or UNKNOWN_SPEAKER
            text = f"\u201c{clean(q.text)}\u201d \u2014 {who}"
            items.append(NewItem("Quote", text, citation_numbers(briefing, (q.source,))))
    for pa in sorted((x for x in briefing.passages if x.new), key=lambda x: -x.score):
        items.append(NewItem("Passage", clean(pa.text), citation_numbers(briefing, pa.sources)))
    return WhatsNew(
        previous=format_date(ed.previous),
        added=tuple(describe(r) for r in ed.sources_added),
        removed=tuple(describe(r) for r in ed.sources_removed),
        items=tuple(items[:WHATS_NEW_LEAD]),
        more=max(0, len(items) - WHATS_NEW_LEAD),
    )
