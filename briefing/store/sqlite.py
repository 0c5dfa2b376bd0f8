"""The embedded store: one SQLite file (standard library), the default, no set-up.

Written in WAL mode and committed in batches, so a build killed halfway leaves a database that
SQLite itself rolls back to its last commit: the next build reuses every file committed and
extracts the rest. A file that is not a database at all (truncated, overwritten) is moved aside
with a message and a new store is started; a store written by another schema version is rebuilt
with a message, never read with the wrong layout.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from briefing.errors import OutputError
from briefing.store.base import SCHEMA_VERSION, Row

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    corpus TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    tool TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (corpus, name)
);
"""
_CHUNK = 500  # names per IN (...) query, well under SQLite's parameter limit


class SqliteStore:
    def __init__(self, path: Path, warn: Callable[[str], None] = lambda _m: None) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            aside = self._aside()
            warn(f"{self.path}: not a usable store ({exc}); moved it to {aside.name} and starting a new one")
            self.db = self._open()
        version = self._version()
        if version is not None and version != SCHEMA_VERSION:
            warn(
                f"{self.path}: store written by another version of briefing (schema {version}, "
                f"this one uses {SCHEMA_VERSION}); rebuilding it"
            )
            self.drop()
            self.db.executescript(_SCHEMA)
        if version != SCHEMA_VERSION:
            with self.db:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            db.execute("SELECT count(*) FROM sources").fetchone()
        except sqlite3.OperationalError as exc:
            if "unable to open" in str(exc) or "readonly" in str(exc):
                raise OutputError(f"{self.path}: cannot open the corpus store ({exc})") from None
            raise sqlite3.DatabaseError(str(exc)) from None
        return db

    def _aside(self) -> Path:
        n = 1
        while (aside := self.path.with_name(f"{self.path.name}.unreadable-{n}")).exists():
            n += 1
        self.path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
        return aside

    def _version(self) -> int | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(row[0]) if row else None
        except ValueError:
            return -1

    def keys(self, corpus: str) -> dict[str, tuple[str, str]]:
        rows = self.db.execute("SELECT name, key, tool FROM sources WHERE corpus = ?", (corpus,))
        return {name: (key, tool) for name, key, tool in rows}

    def load(self, corpus: str, names: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(names), _CHUNK):
            part = list(names[i : i + _CHUNK])
            marks = ",".join("?" * len(part))
            rows = self.db.execute(
                f"SELECT name, payload FROM sources WHERE corpus = ? AND name IN ({marks})", (corpus, *part)
            )
            out.update(rows)
        return out

    def save(self, corpus: str, rows: Iterable[Row]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO sources (corpus, name, key, tool, payload) VALUES (?, ?, ?, ?, ?)",
                [(corpus, r.name, r.key, r.tool, r.payload) for r in rows],
            )

    def remove(self, corpus: str, names: Sequence[str]) -> None:
        with self.db:
            self.db.executemany(
                "DELETE FROM sources WHERE corpus = ? AND name = ?", [(corpus, n) for n in names]
            )

    def drop(self) -> None:
        with self.db:
            self.db.execute("DROP TABLE IF EXISTS sources")
            self.db.execute("DROP TABLE IF EXISTS meta")

    def close(self) -> None:
        self.db.close()
