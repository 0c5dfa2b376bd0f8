"""Mark what is new since the previous edition ("What's new").

Items are compared by normalised text plus the sources that carry them, never by
position or source id: ids ("S3") are renumbered whenever a document is added, and the
same sentence may come back with other quotation marks, dashes, spacing or case.  A source
is identified across editions by its file name, plus its title when the file holds several
articles (a newsletter), see `source_keys`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from briefing.model import Briefing, EditionInfo, Source
from briefing.text.normalise import comparison_key

SourceKey = tuple[str, str]


def source_keys(sources: Iterable[Source]) -> dict[str, SourceKey]:
    """Return {source id: identity across editions}.

    A file holding one article is identified by its name alone, so a better title read
    from it by a newer version is not "removed and added"; the articles of a multi-article
    file are told apart by their titles.
    """
    sources = list(sources)
    counts: dict[str, int] = {}
    for s in sources:
        counts[s.file] = counts.get(s.file, 0) + 1
    return {s.id: (s.file, comparison_key(s.title or "") if counts[s.file] > 1 else "") for s in sources}


def source_label(source: Source) -> str:
    """Return how a source that is no longer cited is named in "What's new"."""
    parts = [source.title or source.file]
    details = ", ".join(p for p in (source.publisher, (source.published or "")[:10]) if p)
    if details:
        parts.append(f"({details})")
    return " ".join(parts)


def mark_new(
    current: Briefing,
    previous: Briefing | None,
    *,
    edition_date: str | None = None,
    previous_date: str | None = None,
) -> Briefing:
    """Return `current` with `new` flags and `EditionInfo` filled in against `previous`.

    With no previous edition nothing is flagged new (there is nothing to compare with) and
    `edition.previous` stays None, which tells the writers to leave out "What's new".

    An item is new unless the previous edition had an item of the same kind with the same
    normalised text (and, for events, the same date) cited by at least one of the same
    sources; a known item that merely gained a corroborating source is not new (the new
    source is listed under sources added instead).

    `EditionInfo.sources_added` holds ids of this briefing's sources (so writers can cite
    them by number); `sources_removed` holds display labels, since those sources are no
    longer in this briefing's source list.  Both follow source-list order.
    """
    date = edition_date or current.edition.date
    if previous is None:
        return replace(
            current,
            summary=tuple(replace(p, new=False) for p in current.summary),
            passages=tuple(replace(p, new=False) for p in current.passages),
            events=tuple(replace(e, new=False) for e in current.events),
            quotes=tuple(replace(q, new=False) for q in current.quotes),
            edition=EditionInfo(date=date),
        )
    cur_keys = source_keys(current.sources)
    prev_keys = source_keys(previous.sources)

    def keys(ids: Iterable[str], table: dict[str, SourceKey]) -> frozenset[SourceKey]:
        return frozenset(table[i] for i in ids if i in table)

    def seen(kind: str, items: Iterable[tuple[str, Iterable[str]]]) -> dict[tuple[str, str], list]:
        index: dict[tuple[str, str], list[frozenset[SourceKey]]] = {}
        for text, ids in items:
            index.setdefault((kind, text), []).append(keys(ids, prev_keys))
        return index

    def is_new(index: dict, kind: str, text: str, ids: Iterable[str]) -> bool:
        mine = keys(ids, cur_keys)
        for theirs in index.get((kind, text), []):
            if not mine or not theirs or mine & theirs:
                return False
        return True

    old_summary = seen("summary", ((comparison_key(p.text), p.sources) for p in previous.summary))
    old_passages = seen("passage", ((comparison_key(p.text), p.sources) for p in previous.passages))
    old_events = seen("event", ((_event_text(e), e.sources) for e in previous.events))
    old_quotes = seen("quote", ((comparison_key(q.text), (q.source,)) for q in previous.quotes))

    prev_set = set(prev_keys.values())
    cur_set = set(cur_keys.values())
    added = tuple(s.id for s in current.sources if cur_keys[s.id] not in prev_set)
    removed = tuple(source_label(s) for s in previous.sources if prev_keys[s.id] not in cur_set)

    return replace(
        current,
        summary=tuple(
            replace(p, new=is_new(old_summary, "summary", comparison_key(p.text), p.sources))
            for p in current.summary
        ),
        passages=tuple(
            replace(p, new=is_new(old_passages, "passage", comparison_key(p.text), p.sources))
            for p in current.passages
        ),
        events=tuple(
            replace(e, new=is_new(old_events, "event", _event_text(e), e.sources)) for e in current.events
        ),
        quotes=tuple(
            replace(q, new=is_new(old_quotes, "quote", comparison_key(q.text), (q.source,)))
            for q in current.quotes
        ),
        edition=EditionInfo(
            date=date,
            previous=previous_date or previous.edition.date,
            sources_added=added,
            sources_removed=removed,
        ),
    )


def _event_text(event) -> str:
    return f"{event.date}|{event.end or ''}|{comparison_key(event.text)}"
