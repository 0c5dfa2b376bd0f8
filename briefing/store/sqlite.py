"""The embedded store: one SQLite file (standard library), the default, no set-up.

Written in WAL mode and committed in batches, so a build killed halfway leaves a database that
SQLite itself rolls back to its last commit: the next build reuses every file committed and
extracts the rest. A store written by another schema version is rebuilt with a message, never
read with the wrong layout.

`store:` names a path, so it can name the wrong file.  The tool writes to (and may rebuild) only
a database it can tell is its own: a new or empty file, or an SQLite database holding no tables
but ours.  Anything else (a document, another program's database, a folder, a FIFO) is left
exactly as it was and the build stops with a message.  A file that starts as an SQLite database
but cannot be read (a store damaged by a crash or a full disk) is moved aside, never deleted, and
a new store is started.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import repeat
from pathlib import Path

from briefing.errors import OutputError
from briefing.store.base import SCHEMA_VERSION, Row

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    corpus TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    tool TEXT NOT NULL,
    meta TEXT NOT NULL,
    payload TEXT NOT NULL,
    words BLOB NOT NULL,
    stamp TEXT NOT NULL,
    UNIQUE (corpus, name)
);
-- what a build compares for every file (`keys`), in an index that holds it all: in the table the
-- stamp comes after the payload, and reading it followed each file's payload pages (80 -> 15 ms
-- for 10,000 files). Created on opening a store of this schema that lacks it.
CREATE INDEX IF NOT EXISTS sources_state ON sources (corpus, name, key, tool, stamp);
CREATE TABLE IF NOT EXISTS words (
    id INTEGER PRIMARY KEY,
    corpus TEXT NOT NULL,
    key TEXT NOT NULL,
    units INTEGER NOT NULL,
    UNIQUE (corpus, key)
);
CREATE TABLE IF NOT EXISTS postings (
    word INTEGER NOT NULL,
    source INTEGER NOT NULL,
    PRIMARY KEY (word, source)
) WITHOUT ROWID;
"""
_TABLES = ("postings", "words", "sources", "meta")
# tables of earlier schemas, dropped when such a store is rebuilt
_FORMER_TABLES = ("frequencies", "terms")
_OUR_TABLES = frozenset(_TABLES + _FORMER_TABLES)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CHUNK = 500  # names per IN (...) query, well under SQLite's parameter limit


class SqliteStore:
    def __init__(self, path: Path, warn: Callable[[str], None] = lambda _m: None) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self._known: dict[str, dict[str, int]] = {}  # corpus -> {word: id}, see `_word_ids`
        _refuse_unless_ours_by_kind(self.path)
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
            _refuse_foreign_tables(self.path, db)  # before anything is written, WAL mode included
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
        """Move a damaged store out of the way (never delete it) so a new one can start."""
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

    def reopen(self) -> SqliteStore:
        """Return the store on a new connection (see `Store.reopen`); the file is known to be ours
        and of this schema, so nothing is checked or created again."""
        other = object.__new__(SqliteStore)
        other.path, other.location = self.path, self.location
        other.db = sqlite3.connect(self.path, timeout=30)
        other._known = {}
        return other

    def keys(self, corpus: str) -> dict[str, tuple[str, str, str]]:
        rows = self.db.execute("SELECT name, key, tool, stamp FROM sources WHERE corpus = ?", (corpus,))
        return {name: (key, tool, stamp) for name, key, tool, stamp in rows}

    def load(self, corpus: str, names: Sequence[str]) -> dict[str, str]:
        return dict(
            self._in_chunks(
                "SELECT name, payload FROM sources WHERE corpus = ? AND name IN ({})", names, corpus
            )
        )

    def metas(self, corpus: str) -> dict[str, str]:
        return dict(self.db.execute("SELECT name, meta FROM sources WHERE corpus = ?", (corpus,)))

    def having_all(self, corpus: str, concepts: Sequence[Collection[str]]) -> set[str]:
        """Each concept is one join, from its rarest word's postings (the sentences counted per word
        stand in for its files) through a primary-key probe per other word: the files of a concept
        of common words ("state visit to China") are found without listing the files of "state"."""
        keys = sorted({k for concept in concepts for k in concept})
        words = {
            key: (word, units)
            for key, word, units in self._in_chunks(
                "SELECT key, id, units FROM words WHERE corpus = ? AND key IN ({})", keys, corpus
            )
        }
        names: set[str] = set()
        for concept in dict.fromkeys(frozenset(c) for c in concepts if c):
            if not concept <= words.keys():
                continue  # a word no file has: the concept is in none
            rarest, *others = sorted(concept, key=lambda k: (words[k][1], k))
            probes = "".join(
                f" JOIN postings p{i} ON p{i}.word = ? AND p{i}.source = p.source" for i in range(len(others))
            )
            rows = self.db.execute(
                f"SELECT s.name FROM postings p{probes} JOIN sources s ON s.id = p.source WHERE p.word = ?",
                (*(words[k][0] for k in others), words[rarest][0]),
            )
            names.update(name for (name,) in rows)
        return names

    def frequencies(self, corpus: str) -> dict[str, int]:
        return dict(self.db.execute("SELECT key, units FROM words WHERE corpus = ? AND units > 0", (corpus,)))

    def restamp(self, corpus: str, stamps: dict[str, str]) -> None:
        with self.db:
            self.db.executemany(
                "UPDATE sources SET stamp = ? WHERE corpus = ? AND name = ?",
                [(stamp, corpus, name) for name, stamp in sorted(stamps.items())],
            )

    def word_counts(self, corpus: str, names: Sequence[str]) -> dict[str, int]:
        by_id: dict[int, int] = {}
        add = by_id.get
        for (blob,) in self._in_chunks("SELECT words FROM sources WHERE corpus = ? AND name IN ({})", names, corpus):
            for word, n in zip(*_unpack_words(blob), strict=True):
                by_id[word] = add(word, 0) + n
        ids = [word for word, n in by_id.items() if n]
        return {
            key: by_id[word]
            for word, key in self._in_chunks("SELECT id, key FROM words WHERE id IN ({})", ids)
        }

    def save(self, corpus: str, rows: Iterable[Row]) -> None:
        """Store the rows with their postings. A word is a number: a posting is two integers, and
        the postings of a batch go in sorted, so a first build over a large archive spends its time
        extracting, not updating a B-tree of words (about 3x less work than word-text postings)."""
        rows = list(rows)
        try:
            with self.db:
                delta = self._forget(corpus, [r.name for r in rows])
                ids = self._word_ids(corpus, sorted({k for r in rows for k, _ in r.terms}))
                postings: list[tuple[int, int]] = []
                add = delta.get
                for r in rows:
                    word_ids = [ids[k] for k, _ in r.terms]
                    counts = [n for _, n in r.terms]
                    for word, n in zip(word_ids, counts, strict=True):
                        delta[word] = add(word, 0) + n
                    cur = self.db.execute(
                        "INSERT INTO sources (corpus, name, key, tool, meta, payload, words, stamp) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (corpus, r.name, r.key, r.tool, r.meta, r.payload, _pack_words(word_ids, counts), r.stamp),
                    )
                    source = cur.lastrowid
                    assert source is not None
                    postings.extend(zip(word_ids, repeat(source)))
                postings.sort()
                self.db.executemany("INSERT INTO postings (word, source) VALUES (?, ?)", postings)
                self._count(delta)
        except BaseException:
            self._known.pop(corpus, None)  # words it added were rolled back: their ids may be reused
            raise

    def _word_ids(self, corpus: str, keys: Sequence[str]) -> dict[str, int]:
        """Return the id of each word, adding the words this store has not seen.

        A word's id never changes while its row exists (rows of words are never deleted, only the
        tables dropped), so ids are remembered between batches: a first build's batches after the
        first bring few new words, and asking for the ids of all their words again took a fifth of
        the build process's time."""
        known = self._known.setdefault(corpus, {})
        new = [k for k in keys if k not in known]
        if new:
            self.db.executemany(
                "INSERT INTO words (corpus, key, units) VALUES (?, ?, 0) ON CONFLICT (corpus, key) DO NOTHING",
                [(corpus, k) for k in new],
            )
            known.update(
                self._in_chunks("SELECT key, id FROM words WHERE corpus = ? AND key IN ({})", new, corpus)
            )
        return known

    def _in_chunks(self, query: str, values: Sequence[str | int], *before: str):
        """Yield the rows of `query` (its `IN ({})` filled with `values`, `before` bound ahead of
        them), a chunk of values at a time: SQLite limits the parameters of one statement."""
        for i in range(0, len(values), _CHUNK):
            part = list(values[i : i + _CHUNK])
            yield from self.db.execute(query.format(",".join("?" * len(part))), (*before, *part))

    def _forget(self, corpus: str, names: Sequence[str]) -> dict[int, int]:
        """Delete the rows of `names` with their postings; return the change to the word counts,
        by word id."""
        found = list(
            self._in_chunks("SELECT id, words FROM sources WHERE corpus = ? AND name IN ({})", names, corpus)
        )
        by_id: dict[int, int] = {}
        gone = []
        for sid, blob in found:
            word_ids, counts = _unpack_words(blob)
            for word, n in zip(word_ids, counts, strict=True):
                by_id[word] = by_id.get(word, 0) - n
                gone.append((word, sid))
        self.db.executemany("DELETE FROM postings WHERE word = ? AND source = ?", sorted(gone))
        self.db.executemany("DELETE FROM sources WHERE id = ?", [(sid,) for sid, _ in found])
        return by_id

    def _count(self, delta: dict[int, int]) -> None:
        """Apply changes to the corpus's word counts, by word id."""
        self.db.executemany(
            "UPDATE words SET units = units + ? WHERE id = ?", [(n, i) for i, n in sorted(delta.items()) if n]
        )

    def remove(self, corpus: str, names: Sequence[str]) -> None:
        with self.db:
            self._count(self._forget(corpus, names))

    def drop(self) -> None:
        self._known.clear()
        with self.db:
            for table in _TABLES + _FORMER_TABLES:
                self.db.execute(f"DROP TABLE IF EXISTS {table}")

    def close(self) -> None:
        self.db.close()


def _pack_words(word_ids: Sequence[int], counts: Sequence[int]) -> bytes:
    """A file's (word id, sentences containing it) pairs as stored beside it (`sources.words`), so
    forgetting the file needs no index of postings by file."""
    words = array("q", bytes(16 * len(word_ids)))
    words[0::2], words[1::2] = array("q", word_ids), array("q", counts)
    return words.tobytes()


def _unpack_words(blob: bytes) -> tuple[array, array]:
    """The word ids and sentence counts `_pack_words` stored."""
    words = array("q")
    words.frombytes(blob)
    return words[0::2], words[1::2]


def _refuse_unless_ours_by_kind(path: Path) -> None:
    """Refuse a `store:` path that names something other than a new file or an SQLite database."""
    if not path.exists() and not path.is_symlink():
        return
    if path.is_symlink() and not path.exists():
        raise OutputError(
            f"{path}: the corpus store is a link to nothing; fix the link or point store: elsewhere"
        )
    if not path.is_file():
        raise OutputError(
            f"{path}: the corpus store must be a file, and this is not a regular file; it was left alone. "
            "Point store: at a file path, or set store: none"
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise OutputError(f"{path}: cannot read the corpus store ({exc.strerror})") from None
    if head and head != _SQLITE_MAGIC:
        raise OutputError(
            f"{path}: not a corpus store (it is not an SQLite database); it was left alone. "
            "Point store: at another file, or set store: none"
        )


def _refuse_foreign_tables(path: Path, db: sqlite3.Connection) -> None:
    """Refuse an SQLite database that holds tables briefing did not create: it is someone else's."""
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    foreign = sorted(n for n in names if n not in _OUR_TABLES and not n.startswith("sqlite_"))
    if foreign:
        db.close()
        raise OutputError(
            f"{path}: an SQLite database that briefing did not write (it holds {', '.join(foreign[:5])}); "
            "it was left alone. Point store: at another file, or set store: none"
        )
