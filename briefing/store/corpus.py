"""Read and extract a corpus through the store: only new or changed files are processed.

Each corpus file is keyed by its bytes and its `sources.yaml` entry; a stored result is used
only when that key and the tool key (code fingerprint plus people registry) both match.
New files are read and extracted in worker processes (one per core by default); results are
put back in corpus order, so the outcome never depends on which worker finished first, and
are committed in batches, so a killed build keeps the work already committed. Files that left
the folder are removed from the store. Warnings a file raised when it was read are stored with
it. They are shown when the file is new or changed; for unchanged files one line counts them
("3 unchanged documents have inferred dates"), so a weekly log is not the same warnings again.
`repeat_warnings` (the build's --strict) shows them all again: the briefing is as degraded as
when they were first raised, and a strict run must keep saying so until the file is fixed.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.allocation import without_cycle_collection
from briefing.extract.events import DocEvent
from briefing.extract.quotes import FoundQuote, FoundStatement
from briefing.extract.timex import prepare as prepare_dates
from briefing.extraction import document_keys, extract_document
from briefing.forked import can_fork, watch_parent
from briefing.model import Document, Person
from briefing.readers import list_sources, read_source
from briefing.select.tokenize import pack
from briefing.select.units import document_units
from briefing.store.base import Row, Store
from briefing.store.codec import decode, dumps, loads
from briefing.store.earlier import earlier_warnings, replay
from briefing.store.fingerprint import file_stamp, people_fingerprint, source_key, tool_fingerprint
from briefing.store.reading import StoredCorpus

BATCH = 64  # files per claim from a shared store's work queue
# files per commit of a local build: each commit updates the word counts once, so fewer, larger
# commits cost less; a killed build loses at most this many files' extraction (a few seconds)
COMMIT_EVERY = 256
PARALLEL_FROM = 8  # fewer new files than this are extracted in this process (a pool costs more)

Warn = Callable[[str], None]


@dataclass(frozen=True)
class LoadStats:
    files: int
    cached: int
    extracted: int
    removed: int
    extracted_names: tuple[str, ...] = ()


def process_file(
    path: Path, sidecar_values: dict | None, people: Sequence[Person]
) -> tuple[str, str, tuple[tuple[str, int], ...]]:
    """Return what the store keeps of one file: its payload (its warnings and its articles with
    their extraction results), its meta record and its postings ((word, sentences with it))."""
    warnings: list[str] = []
    docs = read_source(path, sidecar_values, warnings.append)
    out: list[dict[str, Any]] = []
    metas: list[dict[str, Any]] = []
    present: set[str] = set()
    sentences: Counter[str] = Counter()
    for doc in docs:
        events, quotes, statements = extract_document(doc, people, warnings.append)
        units = []
        n_tokens = 0
        rows = document_units(doc)
        for para, sent, start, end, text, toks in rows:
            keys, flags = pack(toks)
            # the text is a slice of its paragraph; stored only if it were ever not
            own = None if doc.paragraphs[para][start:end] == text else text
            units.append([para, sent, start, end, own, keys, flags])
            n_tokens += len(toks)
            sentences.update({t.key for t in toks})
        doc_keys = document_keys(doc, events, quotes, statements, [(r[4], r[5]) for r in rows])
        present.update(doc_keys)
        said: list[FoundQuote | FoundStatement] = [*quotes, *statements]
        out.append(
            {
                "document": doc,
                "events": events,
                "quotes": quotes,
                "statements": statements,
                "units": units,
                "keys": " ".join(doc_keys),
            }
        )
        metas.append(
            {
                "id": doc.id,
                "date": doc.date,
                "units": len(units),
                "tokens": n_tokens,
                # (speaker, role) in the order speaker unification reads them; quoted speakers apart
                "speakers": [[i.speaker, i.role] for i in said if i.speaker],
                "quoted": sorted({q.speaker for q in quotes if q.speaker}),
                # days on which it reports something that happened: the timeline looks for such
                # reports of a theme's plans in every document, whatever its subject
                "days": sorted(
                    {(e.date, e.end) for e in events if e.status == "happened" and len(e.date) == 10},
                    key=lambda day: (day[0], day[1] or ""),
                ),
            }
        )
    present.update(sentences)
    terms = tuple((k, sentences.get(k, 0)) for k in sorted(present))
    return dumps({"warnings": warnings, "docs": out}), dumps({"warnings": warnings, "docs": metas}), terms


Extracted = tuple[str, str, tuple[tuple[str, int], ...]]  # payload, meta, terms


def _work(args: tuple[Path, dict | None, Sequence[Person]]) -> Extracted:
    return process_file(*args)


# document, events, quotes, statements, its keys (`document_keys`, one string as stored), and its
# sentence units as stored (`select.units.StoredRow`)
Article = tuple[Document, list, list, list, str, list]


def decode_file(payload: str) -> list[Article]:
    """Return the articles of one stored file (for `StoredCorpus`). Each article's sentence units
    are handed to the selector by whoever reads it for selection (`prime_stored_units`), so the
    unchanged corpus is not split and tokenised again; its keys stay one string until a theme asks
    for them. The file's warnings are in its meta record, replayed by `open_corpus`."""
    data = loads(payload)
    return [
        (
            decode(Document, d["document"]),
            [decode(DocEvent, e) for e in d["events"]],
            [decode(FoundQuote, q) for q in d["quotes"]],
            [decode(FoundStatement, s) for s in d["statements"]],
            d["keys"],
            d["units"],
        )
        for d in data["docs"]
    ]


def open_corpus(
    seeds_dir: Path,
    people: Sequence[Person],
    store: Store,
    warn: Warn,
    progress: Callable[[str], None] = lambda _m: None,
    *,
    rebuild: bool = False,
    workers: int | None = None,
    follow_links: bool = False,
    repeat_warnings: bool = False,
) -> tuple[StoredCorpus, LoadStats]:
    """Bring the store up to date with the corpus folder and return the corpus as stored: each theme
    then reads only the files containing its words (`StoredCorpus.reading`), not the whole archive.
    Read warnings are shown for new and changed files; those of unchanged files are counted
    in one line unless `repeat_warnings`."""
    files, metas, fresh, stats = _sync(
        seeds_dir,
        people,
        store,
        warn,
        progress,
        rebuild=rebuild,
        workers=workers,
        follow_links=follow_links,
    )
    records = {}
    earlier: list[list[str]] = []
    # every file's meta record and the corpus-wide indexes made from them: many small objects that
    # live for the whole build and form no cycles
    with without_cycle_collection():
        for path in files:
            record = loads(metas[path.name])
            replay(record["warnings"], path.name in fresh or repeat_warnings, warn, earlier)
            records[path.name] = record["docs"]
        corpus = StoredCorpus(store, str(Path(seeds_dir).resolve()), [p.name for p in files], records, decode_file)
    if earlier:
        warn(earlier_warnings(earlier))
    return corpus, stats


def _sync(
    seeds_dir: Path,
    people: Sequence[Person],
    store: Store,
    warn: Warn,
    progress: Callable[[str], None],
    *,
    rebuild: bool,
    workers: int | None,
    follow_links: bool,
) -> tuple[list[Path], dict[str, str], set[str], LoadStats]:
    """Extract what is new or changed, forget what is gone; return the files in corpus order,
    per file its stored meta record, and the names of the new
    or changed files."""
    files, sidecar = list_sources(seeds_dir, warn, follow_links=follow_links)
    corpus = str(Path(seeds_dir).resolve())
    tool = f"{tool_fingerprint()}/{people_fingerprint(people)}"
    stored = {} if rebuild else store.keys(corpus)
    keys: dict[str, str] = {}
    stamps: dict[str, str] = {}
    fresh: list[Path] = []
    restamp: dict[str, str] = {}
    now = time.time()
    for path in files:
        name = path.name
        try:
            stamps[name] = file_stamp(path, sidecar.get(name), now)
            before = stored.get(name)
            if stamps[name] and before is not None and before[2] == stamps[name]:
                keys[name] = before[0]  # unchanged since its key was computed: not read again
            else:
                keys[name] = source_key(path, sidecar.get(name))
        except OSError:
            keys[name] = stamps[name] = ""  # unreadable: processed again, and the reader names the problem
        if not keys[name] or stored.get(name, ())[:2] != (keys[name], tool):
            fresh.append(path)
        elif stamps[name] and stored[name][2] != stamps[name]:
            # read again and unchanged (its stamp was taken while it was being written, say):
            # its stamp now saves the next build from reading it
            restamp[name] = stamps[name]
    if restamp:
        store.restamp(corpus, restamp)
    fresh_names = {p.name for p in fresh}
    wanted = [p.name for p in files if p.name not in fresh_names]
    every = store.metas(corpus)
    records = {n: every[n] for n in wanted if n in every}
    for path in files:  # a row that vanished between the two queries is extracted again
        if path.name not in fresh_names and path.name not in records:
            fresh.append(path)
    order = {p.name: i for i, p in enumerate(files)}
    fresh.sort(key=lambda p: order[p.name])
    progress(f"extracting {len(fresh)} new or changed of {len(files)} files")
    if hasattr(store, "claim"):
        if rebuild:
            store.remove(corpus, [p.name for p in fresh])
        extracted = _extract_shared(store, corpus, fresh, keys, stamps, tool, sidecar, people, workers, progress)
        missing = [p.name for p in fresh if p.name not in records]
        every = store.metas(corpus)
        records.update({n: every[n] for n in missing if n in every})
    else:
        extracted = _extract_here(
            store, corpus, fresh, keys, stamps, tool, sidecar, people, workers, progress, records
        )
    gone = (
        [n for n in store.keys(corpus) if n not in keys] if rebuild else [n for n in stored if n not in keys]
    )
    if gone:
        store.remove(corpus, gone)
    stats = LoadStats(len(files), len(files) - len(fresh), len(extracted), len(gone), tuple(extracted))
    return files, records, {p.name for p in fresh}, stats


def _extract_here(
    store: Store,
    corpus: str,
    fresh: Sequence[Path],
    keys: dict[str, str],
    stamps: dict[str, str],
    tool: str,
    sidecar: dict,
    people: Sequence[Person],
    workers: int | None,
    progress: Callable[[str], None],
    records: dict[str, str],
) -> list[str]:
    """Extract every new file here, committing in batches; return the names extracted."""
    batch: list[Row] = []
    for name, (payload, file_meta, terms) in _extract(fresh, sidecar, people, workers, progress):
        records[name] = file_meta
        batch.append(Row(name, keys[name], tool, payload, file_meta, terms, stamps[name]))
        if len(batch) >= COMMIT_EVERY:
            store.save(corpus, batch)
            batch = []
    if batch:
        store.save(corpus, batch)
    return [p.name for p in fresh]


def _extract_shared(
    store: Any,
    corpus: str,
    fresh: Sequence[Path],
    keys: dict[str, str],
    stamps: dict[str, str],
    tool: str,
    sidecar: dict,
    people: Sequence[Person],
    workers: int | None,
    progress: Callable[[str], None],
) -> list[str]:
    """Extract new files through the store's work queue, shared with other builds; return the
    names this build extracted. Files another build holds are waited for, not extracted twice."""
    by_name = {p.name: p for p in fresh}
    store.enqueue(corpus, [(p.name, keys[p.name], tool) for p in fresh])
    extracted: list[str] = []
    pending = sorted(by_name)
    while pending:
        with store.claim(corpus, pending, BATCH) as (todo, done):
            if todo:
                rows = [
                    Row(name, keys[name], tool, payload, file_meta, terms, stamps[name])
                    for name, (payload, file_meta, terms) in _extract(
                        [by_name[n] for n in todo], sidecar, people, workers, progress
                    )
                ]
                done(rows)
                extracted.extend(todo)
        pending = store.queued(corpus, pending)
        if pending and not todo:
            progress(f"waiting for {len(pending)} files another build is extracting")
            time.sleep(0.5)
    return extracted


def _extract(
    fresh: Sequence[Path],
    sidecar: dict,
    people: Sequence[Person],
    workers: int | None,
    progress: Callable[[str], None],
):
    """Yield (file name, (payload, meta, terms)) for the new files, in corpus order, extracting in parallel."""
    jobs = [(path, sidecar.get(path.name), tuple(people)) for path in fresh]
    n = workers if workers is not None else min(2, os.cpu_count() or 1)
    if n <= 1 or len(jobs) < PARALLEL_FROM:
        for i, job in enumerate(jobs, 1):
            yield job[0].name, _work(job)
            progress(f"extracted {i}/{len(jobs)}")
        return
    fork = can_fork()
    if fork:
        prepare_dates()  # once here, not once in each worker
    context = multiprocessing.get_context("fork" if fork else None)
    with ProcessPoolExecutor(
        max_workers=n, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),)
    ) as pool:
        # map keeps submission order: the result never depends on which worker finished first
        for i, (job, extracted) in enumerate(zip(jobs, pool.map(_work, jobs, chunksize=4), strict=True), 1):
            yield job[0].name, extracted
            progress(f"extracted {i}/{len(jobs)}")
