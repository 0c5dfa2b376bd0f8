"""Assemble one theme's `Briefing` from the corpus: the only place selection meets extraction.

Extraction (events, quotes, statements) runs once per document and is shared by all
themes (`briefing.extraction`); each theme then keeps what speaks to it and every kept
item is tied to a numbered source, so writers can cite without knowing about files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing import model
from briefing.allocation import without_cycle_collection
from briefing.config import Config
from briefing.extract.events import DocEvent
from briefing.extract.quotes import (
    FoundQuote,
)
from briefing.extraction import Corpus
from briefing.model import Document, Theme
from briefing.output.period import corpus_period
from briefing.quotedate import said_on
from briefing.select import Selected, select_passages, summarize, theme_filter
from briefing.select.grouping import group_passages
from briefing.select.match import theme_concepts
from briefing.select.near import near_test, normalised
from briefing.select.standalone import is_stale
from briefing.text.normalise import comparison_key
from briefing.timeline import build_timeline

NO_MATERIAL = "No relevant material was found for this theme in the {n} document(s) read."


def build_briefing(
    corpus: Corpus,
    theme: Theme,
    config: Config,
    *,
    generated_at: str,
    period_start: str | None = None,
    period_end: str | None = None,
) -> model.Briefing:
    """Return the Briefing for one theme. Only material dated in the period leads; older is background.

    A theme's reading of a large corpus is millions of small objects without cycles: they are made
    with the cyclic collector paused (`allocation`)."""
    with without_cycle_collection():
        return _build_briefing(
            corpus, theme, config, generated_at=generated_at, period_start=period_start, period_end=period_end
        )


def _build_briefing(
    corpus: Corpus,
    theme: Theme,
    config: Config,
    *,
    generated_at: str,
    period_start: str | None,
    period_end: str | None,
) -> model.Briefing:
    articles = corpus.dated()
    default_start, default_end = corpus_period([date for _, date in articles if date])
    period_start = period_start or default_start
    period_end = period_end or default_end
    in_period_ids = {
        doc_id
        for doc_id, date in articles
        if not date or (not period_start or date >= period_start) and (not period_end or date <= period_end)
    }
    settings = config.output
    people = config.people
    concepts = theme_concepts(theme, people)
    interested = set(theme.people)
    # only documents containing every word of one of the theme's concepts (or quoting one of its
    # people) can give it anything; a corpus store reads just those, ranked with the counts of
    # every article in the period
    extraction, stats = corpus.reading(concepts, interested, in_period_ids)
    docs = extraction.documents
    in_period = [d for d in docs if d.id in in_period_ids]

    on_theme = theme_filter(theme, people)
    query_keys = frozenset(t.key for c in (*on_theme.query.concepts, *on_theme.query.exclude) for t in c.pattern)
    present: dict[str, frozenset[str]] = {}
    by_stored: dict[str, frozenset[str]] = {}

    def keys_of(doc: Document) -> frozenset[str]:
        """The keys of the theme's concepts and excluded terms that the document has (its keys are
        split once per theme, for the selector's postings and for the test of its items; copies
        of an article, whose keys are stored as the same string, once for all of them)."""
        hit = present.get(doc.id)
        if hit is None:
            stored = extraction.keys.get(doc.id)
            if isinstance(stored, str):
                hit = by_stored.get(stored)
                if hit is None:
                    hit = by_stored[stored] = query_keys.intersection(extraction.doc_keys(doc))
            else:
                hit = query_keys.intersection(extraction.doc_keys(doc))
            present[doc.id] = hit
        return hit

    doc_keys = (lambda d: keys_of(in_period[d])) if stats is not None else None
    selected: list[Selected] = group_passages(
        select_passages(in_period, theme, people, settings, stats, doc_keys=doc_keys)
    )
    doc_date = {d.id: d.date for d in docs}

    def stale(text: str, doc_ids: Sequence[str]) -> bool:
        # a forecast is stale once the newest source reporting it is well before the edition
        newest = max((doc_date.get(i) or "" for i in doc_ids), default="") or None
        return is_stale(text, newest, generated_at)

    points: list[Selected] = summarize(selected, settings.summary_points, stale) if selected else []
    # a passage's own on-theme sentences (not the context it was joined with) also count
    key_text = [comparison_key(k.text) for s in selected for k in s.key] or [comparison_key(s.text) for s in selected]
    near = near_test(key_text)

    tests: dict[str, Callable[[str], bool] | None] = {}
    decided: dict[tuple[bool, frozenset[str]], Callable[[str], bool] | None] = {}

    def test_of(doc: Document) -> Callable[[str], bool] | None:
        """The theme's test for this document's items; None when the theme does not read it: it has
        not every word of any of the theme's concepts and no quote from one of its people."""
        if doc.id in tests:
            return tests[doc.id]
        words = keys_of(doc)  # the concepts' keys are among the query keys
        quoting = any(q.speaker in interested for q in extraction.quotes.get(doc.id, ()))
        if (quoting, words) in decided:  # documents with the same theme words
            test = decided[quoting, words]
        else:
            test = on_theme.within(words) if quoting or any(c <= words for c in concepts) else None
            decided[quoting, words] = test
        tests[doc.id] = test
        return test

    verdicts: dict[tuple[str, Callable[[str], bool]], bool] = {}

    def relevant(sentence: str, test: Callable[[str], bool]) -> bool:
        # on theme by its own evidence, or part of / containing one of the passages' own on-theme
        # sentences; either way only in a document the theme reads (one with a `test`). Asked once
        # per text and test: copies of an article (wire stories, republished pieces) and an item
        # that is both a quote's and a statement's context repeat texts, and documents with the
        # same theme words share one test (`ThemeTest.within`)
        verdict = verdicts.get((sentence, test))
        if verdict is None:
            verdict = verdicts[sentence, test] = test(sentence) or near(normalised(sentence))
        return verdict

    by_id = {d.id: d for d in docs}
    cited: dict[str, None] = {}  # doc ids in first-cited order

    def cite(doc_ids: Sequence[str]) -> tuple[str, ...]:
        for i in doc_ids:
            cited.setdefault(i, None)
        return tuple(doc_ids)

    passages = [
        model.Passage(s.text, cite(s.doc_ids), round(float(s.score), 4), s.group, pages=s.pages)
        for s in selected
    ]
    summary = [model.SummaryPoint(s.text, cite(s.doc_ids)) for s in points]

    event_items: list[tuple[DocEvent, str]] = []
    for d in docs:
        test = test_of(d)
        if test is not None:
            event_items.extend((e, d.id) for e in extraction.events.get(d.id, ()) if relevant(e.text, test))
    for _, doc_id in event_items:
        cite([doc_id])
    reports = corpus.reports(extraction, {(e.date, e.end) for e, _ in event_items})
    events = build_timeline(
        event_items, period_start, period_end, settings.max_events, as_of=generated_at[:10], reports=reports
    )
    for entry in events:
        cite(entry.sources)  # a source that reports a plan took place, on another subject

    kept: list[tuple[FoundQuote, Document]] = []
    for d in docs:
        test = test_of(d)
        for q in extraction.quotes.get(d.id, ()):
            if (q.speaker in interested) or (test is not None and relevant(q.context, test)):
                kept.append((q, d))
    quotes: list[model.Quote] = []
    for q, d in kept[: settings.max_quotes]:  # a quote's date is looked for only if it is shown
        said = said_on(q.context, d.date)  # a separate step after attribution
        quotes.append(
            model.Quote(
                q.text,
                q.speaker,
                q.role,
                q.partial,
                d.id,
                q.context,
                said or d.date,
                date_stated=said is not None,
            )
        )
    for quote in quotes:
        cite([quote.source])
    statements: list[model.Statement] = []
    for d in docs:
        test = test_of(d)
        if test is not None:
            statements.extend(
                model.Statement(s.speaker, s.role, s.text, d.id)
                for s in extraction.statements.get(d.id, ())
                if relevant(s.context, test)
            )
    for statement in statements:
        cite([statement.source])

    # number sources by date then file so the list reads chronologically
    ordered = sorted(cited, key=lambda i: (by_id[i].date or "9999", by_id[i].id))
    sid = {doc_id: f"S{n}" for n, doc_id in enumerate(ordered, 1)}

    def remap(ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(sid[i] for i in ids))

    sources = tuple(_source(sid[i], by_id[i]) for i in ordered)
    notes = []
    if not selected:
        notes.append(NO_MATERIAL.format(n=len(articles)))
    return model.Briefing(
        theme=model.ThemeRef(theme.id, theme.title, theme.description),
        generated_at=generated_at,
        period_start=period_start,
        period_end=period_end,
        sources=sources,
        summary=tuple(model.SummaryPoint(p.text, remap(p.sources)) for p in summary),
        passages=tuple(_remap_passage(p, sid) for p in passages),
        events=tuple(_remap_event(e, remap) for e in events),
        quotes=tuple(
            model.Quote(
                q.text,
                q.speaker,
                q.role,
                q.partial,
                sid[q.source],
                q.context,
                q.date,
                date_stated=q.date_stated,
            )
            for q in quotes
        ),
        statements=tuple(model.Statement(s.speaker, s.role, s.text, sid[s.source]) for s in statements),
        notes=tuple(notes),
        author=config.author,
    )


def _remap_passage(p: model.Passage, sid: dict[str, str]) -> model.Passage:
    """Return the passage citing source ids, each with its page; no pages at all when none has one."""
    pages = dict(zip(p.sources, p.pages, strict=False))
    ids = tuple(dict.fromkeys(p.sources))
    known = tuple(pages.get(i) for i in ids)
    return model.Passage(
        p.text, tuple(sid[i] for i in ids), p.score, p.group, pages=known if any(x is not None for x in known) else ()
    )


def _remap_event(e: model.Event, remap) -> model.Event:
    from dataclasses import replace

    return replace(e, sources=remap(e.sources))


def _source(source_id: str, doc: Document) -> model.Source:
    return model.Source(
        id=source_id,
        file=doc.file,
        title=doc.title,
        authors=doc.authors,
        publisher=doc.publisher,
        published=doc.published,
        published_inferred=doc.published_inferred,
        url=doc.url,
    )
