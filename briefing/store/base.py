"""The store interface both backends implement: a narrow table of per-file extraction results.

One row per corpus file: which corpus folder it belongs to, its name, the key of its content
(bytes plus sidecar entry), the tool key it was extracted with (tool fingerprint plus people
registry), the payload (its articles with their events, quotes and statements, as JSON) and a
small meta record (dates, sentence and word counts, speakers, warnings). Beside it, postings:
for each word, the files containing it and in how many sentences, with the corpus-wide sentence
count of every word kept up to date as files are stored and removed. A theme then reads only the
files containing its words, and BM25 takes its document frequencies from the whole corpus.
The build compares keys and re-extracts only what changed; everything else about the corpus
(speaker unification, selection, the timeline) is computed over the whole corpus at build time,
so it can never go stale.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

SCHEMA_VERSION = 4


@dataclass(frozen=True)
class Row:
    name: str
    key: str  # content key (file bytes + sidecar entry)
    tool: str  # tool fingerprint + people registry fingerprint
    payload: str  # JSON, see `briefing.store.corpus`
    meta: str = "{}"  # JSON: the file's warnings and, per article, what every build needs of it
    # (key, sentences containing it) for every word of the file's texts: the postings a theme's
    # candidate files and the corpus's document frequencies come from
    terms: tuple[tuple[str, int], ...] = ()
    # the file's size, modification time and inode when its key was computed (`fingerprint.file_stamp`):
    # while they stay the same the next build takes the key as it is, without reading the file
    stamp: str = ""


class Store(Protocol):
    location: str  # shown in messages (path, or URL without password)

    def keys(self, corpus: str) -> dict[str, tuple[str, str, str]]:
        """Return {file name: (content key, tool key, stamp)} of every file stored for `corpus`."""
        ...

    def load(self, corpus: str, names: Sequence[str]) -> dict[str, str]:
        """Return {file name: payload} for the given names that are stored."""
        ...

    def metas(self, corpus: str) -> dict[str, str]:
        """Return {file name: meta} of every file stored for `corpus`."""
        ...

    def having_all(self, corpus: str, concepts: Sequence[Collection[str]]) -> set[str]:
        """Return the names of the files of `corpus` whose texts contain every key of at least one
        of `concepts` (from the postings of their keys: grouped by `files_having_all`, or joined)."""
        ...

    def frequencies(self, corpus: str) -> dict[str, int]:
        """Return {key: number of sentences containing it} over every file of `corpus`."""
        ...

    def restamp(self, corpus: str, stamps: dict[str, str]) -> None:
        """Record new stamps ({file name: stamp}) of files read again and found unchanged."""
        ...

    def word_counts(self, corpus: str, names: Sequence[str]) -> dict[str, int]:
        """Return {key: number of sentences containing it} over the named files of `corpus` (the
        counts of a build whose period leaves some files out)."""
        ...

    def save(self, corpus: str, rows: Iterable[Row]) -> None:
        """Insert or replace rows, committed together (a killed build keeps what was committed)."""
        ...

    def remove(self, corpus: str, names: Sequence[str]) -> None:
        """Forget files that are no longer in the corpus."""
        ...

    def drop(self) -> None:
        """Remove everything the tool stored (its own tables only)."""
        ...

    def reopen(self) -> Store:
        """Return the same store on a new connection, for a forked worker process: a connection
        must never be used on both sides of a fork (SQLite's and libpq's rules)."""
        ...

    def close(self) -> None: ...


def files_having_all(concepts: Sequence[Collection[str]], postings: Iterable[tuple[str, str]]) -> set[str]:
    """Return the files having every key of at least one concept, given (key, file) postings."""
    files_with: dict[str, set[str]] = {}
    for key, name in postings:
        files_with.setdefault(key, set()).add(name)
    out: set[str] = set()
    for concept in concepts:
        sets = sorted((files_with.get(k, set()) for k in concept), key=len)
        if not sets:
            continue
        found = set(sets[0])
        for other in sets[1:]:
            found &= other
            if not found:
                break
        out |= found
    return out
