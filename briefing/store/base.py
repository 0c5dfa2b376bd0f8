"""The store interface both backends implement: a narrow table of per-file extraction results.

One row per corpus file: which corpus folder it belongs to, its name, the key of its content
(bytes plus sidecar entry), the tool key it was extracted with (tool fingerprint plus people
registry), and the payload (its articles with their events, quotes and statements, as JSON).
The build compares keys and re-extracts only what changed; everything else about the corpus
(speaker unification, selection, the timeline) is computed over the whole corpus at build time,
so it can never go stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Row:
    name: str
    key: str  # content key (file bytes + sidecar entry)
    tool: str  # tool fingerprint + people registry fingerprint
    payload: str  # JSON, see `briefing.store.corpus`


class Store(Protocol):
    location: str  # shown in messages (path, or URL without password)

    def keys(self, corpus: str) -> dict[str, tuple[str, str]]:
        """Return {file name: (content key, tool key)} of every file stored for `corpus`."""
        ...

    def load(self, corpus: str, names: Sequence[str]) -> dict[str, str]:
        """Return {file name: payload} for the given names that are stored."""
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

    def close(self) -> None: ...
