"""The corpus as the store holds it: what every theme needs of every file, and the rest on demand.

A build over a large archive must not decode every stored article for every theme: each theme
reads only the files containing one of its concepts' words (the store's postings) or quoting a
person of interest, and ranks them with the sentence counts of the whole corpus (kept in the
store as files come and go), so its selection is the one it would make over every file. Speaker
names are unified with evidence from the whole corpus (every file's speakers are in its meta
record). A build whose period leaves some articles out reads the whole corpus once instead: its
word counts must then cover only the articles in the period.
"""

from __future__ import annotations

import typing
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.errors import InputError
from briefing.extract.events import DocEvent
from briefing.extract.quotes import FoundQuote, FoundStatement
from briefing.extract.quotes.corpus import Speakers, name_words, unify_document
from briefing.extraction import CorpusExtraction, unify
from briefing.model import Document
from briefing.select.bm25 import Stats
from briefing.select.units import Unit, forget_units, prime_built_units, prime_stored_units
from briefing.store.base import Store

CHUNK = 256  # files read from the store per query

# per article: its items, its keys (as stored) and its sentence units (as stored)
Decoded = list[tuple[Document, list, list, list, str, list]]


@dataclass
class _Read:
    """One article as a theme read it (speakers unified) with the sentence units the selector made
    of it: kept while the next theme is read, which then decodes only the files this one did not
    read (consecutive themes share about two files in five of a general news corpus)."""

    doc: Document
    events: list[DocEvent]
    quotes: list[FoundQuote]
    statements: list[FoundStatement]
    keys: str
    units: list[Unit] | None = None

    def keep(self, units: list[Unit]) -> None:
        self.units = units


class StoredCorpus:
    def __init__(
        self,
        store: Store,
        corpus: str,
        names: Sequence[str],
        records: dict[str, list[dict[str, Any]]],
        decode_file: Callable[[str], Decoded],
    ) -> None:
        self.store = store
        self.corpus = corpus
        self.names = list(names)
        self.entries = [(name, m) for name in self.names for m in records[name]]
        self.speakers = Speakers((s, r) for _, m in self.entries for s, r in m["speakers"])
        # name word -> the files quoting a speaker with that word in their name (a theme reads
        # the files quoting its people; one index per build, not a pass over every file per theme)
        self._quoting: dict[str, set[str]] = {}
        for name, m in self.entries:
            for speaker in m["quoted"]:
                for w in name_words(speaker):
                    self._quoting.setdefault(w, set()).add(name)
        # (day, end) -> the articles reporting something that happened then, in corpus order
        self._on_day: dict[tuple[str, str | None], list[int]] = {}
        for i, (_, m) in enumerate(self.entries):
            for day in m["days"]:
                self._on_day.setdefault((day[0], day[1]), []).append(i)
        self._decode = decode_file
        self._kept: dict[str, list[_Read]] = {}  # the last theme's reading, by file
        self._every_frequency: dict[str, int] | None = None
        self._period_stats: tuple[frozenset[str], Stats] | None = None
        self._everything: CorpusExtraction | None = None
        self._inherited: Store | None = None
        self._at: dict[str, list[int]] | None = None
        # per build, not per theme: (article id, date) of every article
        self._dated: list[tuple[str, str | None]] | None = None

    def reconnect(self) -> None:
        """Read through a new connection from now on: called first in a forked worker
        (`briefing.forked`). The inherited store is kept, never closed or used, so the parent's
        connection is left exactly as it was."""
        self._inherited = self.store
        self.store = self.store.reopen()

    def dated(self) -> list[tuple[str, str | None]]:
        """Return (article id, date) of every article, in corpus order (a new list each time)."""
        if self._dated is None:
            self._dated = [(m["id"], m["date"]) for _, m in self.entries]
        return list(self._dated)

    def reading(
        self, concepts: Sequence[Collection[str]], interested: Collection[str], in_period: Collection[str]
    ) -> tuple[CorpusExtraction, Stats | None]:
        """Return the articles a theme must read, with the corpus's counts to rank them by.

        `concepts` are the keys of each of the theme's concepts (`select.match.theme_concepts`): an
        article is read when it has all those of one concept. `interested` are the theme's people,
        `in_period` the ids of the articles the selection ranks."""
        names = self.store.having_all(self.corpus, concepts)
        words = {w for person in interested for w in name_words(person)}
        # a quote is kept for its speaker after unification; the short name it had before
        # is a word of the full one, so these files include every such quote's
        for w in words:
            names |= self._quoting.get(w, set())
        part = CorpusExtraction([])
        for read in self._reading([n for n in self.names if n in names]):
            part.add(read.doc, read.events, read.quotes, read.statements, read.keys)
        return part, self._stats(frozenset(in_period))

    def _stats(self, period: frozenset[str]) -> Stats:
        """The counts the selection ranks against: those of the articles in the period, the only ones
        it ranks (every article, unless `--since`/`--window` leave some out). Worked out once per
        build: every theme asks with the same period."""
        if self._period_stats is not None and self._period_stats[0] == period:
            return self._period_stats[1]
        inside = [m for _, m in self.entries if m["id"] in period]
        if len(inside) == len(self.entries):
            df = self._frequencies()
        else:
            df = self._period_frequencies(period)
        stats = Stats(units=sum(m["units"] for m in inside), tokens=sum(m["tokens"] for m in inside), df=df)
        self._period_stats = (period, stats)
        return stats

    def _frequencies(self) -> dict[str, int]:
        if self._every_frequency is None:
            self._every_frequency = self.store.frequencies(self.corpus)
        return self._every_frequency

    def _period_frequencies(self, period: frozenset[str]) -> dict[str, int]:
        """{key: sentences containing it} over the articles in `period`, from the stored per-file
        counts of the smaller side: the files inside it, or all counts less the files outside it
        (a weekly window over a long archive reads the counts of a week's files, not of all).
        A file whose articles fall on both sides (a newsletter) is counted from its sentences."""
        sides: dict[str, list[bool]] = {}
        for name, m in self.entries:
            sides.setdefault(name, []).append(m["id"] in period)
        inside = [name for name, seen in sides.items() if all(seen)]
        outside = [name for name, seen in sides.items() if not any(seen)]
        both = [name for name, seen in sides.items() if any(seen) and not all(seen)]
        counts: Counter[str]
        if len(inside) <= len(outside):
            counts = Counter(self.store.word_counts(self.corpus, inside))
            counts.update(self._sentence_counts(both, period, True))
        else:
            counts = Counter(self._frequencies())
            counts.subtract(self.store.word_counts(self.corpus, outside))
            counts.subtract(self._sentence_counts(both, period, False))
        return {key: n for key, n in counts.items() if n > 0}

    def _sentence_counts(self, names: Sequence[str], period: frozenset[str], inside: bool) -> Counter[str]:
        """{key: sentences containing it} over the articles of `names` inside (or outside) `period`,
        from their stored sentence units (keys packed one string a sentence)."""
        counts: Counter[str] = Counter()
        for doc, *_, units in self._read(names):
            if (doc.id in period) == inside:
                for unit in units:
                    if unit[5]:
                        counts.update(set(unit[5].split(" ")))
        return counts

    def reports(
        self, part: CorpusExtraction, days: Collection[tuple[str, str | None]]
    ) -> list[tuple[DocEvent, str]]:
        """Return, in corpus order, the events the timeline may take as reports of a plan on one
        of `days`: those of the articles in `part`, and those of any other article that reports
        something that happened on such a day (read from the store for this)."""
        have = {d.id for d in part.documents}
        found = sorted({i for day in set(days) for i in self._on_day.get(day, ())})
        others = list(dict.fromkeys(self.entries[i][0] for i in found if self.entries[i][1]["id"] not in have))
        extra = {doc.id: events for doc, events, *_ in self._read(others)}
        # only the articles read have events to give: they are taken in corpus order without
        # a step for every article of the corpus
        at = self._positions()
        out: list[tuple[DocEvent, str]] = []
        for i in sorted({i for doc_id in (*have, *extra) for i in at.get(doc_id, ())}):
            doc_id = self.entries[i][1]["id"]
            events = part.events.get(doc_id, []) if doc_id in have else extra.get(doc_id, [])
            out.extend((e, doc_id) for e in events)
        return out

    def _positions(self) -> dict[str, list[int]]:
        """Return {article id: its places in corpus order}, made on first use."""
        if self._at is None:
            self._at = {}
            for i, (_, m) in enumerate(self.entries):
                self._at.setdefault(m["id"], []).append(i)
        return self._at

    def everything(self) -> CorpusExtraction:
        """Return every article with its extraction results (read once per build)."""
        if self._everything is None:
            result = CorpusExtraction([])
            for doc, events, quotes, statements, keys, units in self._read(self.names):
                prime_stored_units(doc, units)
                result.add(doc, events, quotes, statements, keys)
            self._everything = unify(result)
        return self._everything

    def _reading(self, names: Sequence[str]) -> Iterator[_Read]:
        """Yield the articles of `names` (in corpus order) with their sentence units handed to the
        selector: those the last theme read as it kept them, the others decoded from the store.
        Only articles of `names` stay kept, so memory holds one theme's reading, as before."""
        wanted = set(names)
        for name, kept in list(self._kept.items()):
            if name not in wanted or any(r.units is None for r in kept):  # never selected from
                for r in kept:
                    forget_units(r.doc)
                del self._kept[name]
        for i in range(0, len(names), CHUNK):
            chunk = names[i : i + CHUNK]
            payloads = self._load([n for n in chunk if n not in self._kept])
            for name in chunk:
                reads = self._kept.get(name)
                if reads is None:
                    reads = self._kept[name] = []
                    for doc, events, quotes, statements, keys, units in self._decode(payloads[name]):
                        read = _Read(doc, events, *unify_document(self.speakers, quotes, statements), keys)
                        prime_stored_units(doc, units, read.keep)
                        reads.append(read)
                else:
                    for read in reads:
                        prime_built_units(read.doc, typing.cast(list[Unit], read.units))
                yield from reads

    def _read(self, names: Sequence[str]) -> Iterator[tuple[Document, list, list, list, str, list]]:
        for i in range(0, len(names), CHUNK):
            chunk = names[i : i + CHUNK]
            payloads = self._load(chunk)
            for name in chunk:
                yield from self._decode(payloads[name])

    def _load(self, names: Sequence[str]) -> dict[str, str]:
        payloads = self.store.load(self.corpus, names) if names else {}
        for name in names:
            if name not in payloads:
                raise InputError(
                    f"{name}: its stored extraction left the store {self.store.location} during the "
                    "build (another build replaced it); build again"
                )
        return payloads
