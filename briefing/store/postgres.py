"""The shared store: the same per-file table in PostgreSQL, for an archive several machines build.

`store: postgresql://user@host/db` in config.yaml. The tool creates its own schema (`briefing`)
and tables, records the schema version and rebuilds them with a message when another version
wrote them. Extraction of new files is shared through the database itself: each build puts
the files it needs into `briefing.queue` and claims them a batch at a time with
`SELECT ... FOR UPDATE SKIP LOCKED`, so several machines building at once never extract the
same file twice; a build that dies releases its claim (PostgreSQL rolls its transaction back)
and another picks the files up. psycopg 3 is the driver (`pip install 'briefing[postgresql]'`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from briefing.errors import ConfigError, InputError
from briefing.store.base import SCHEMA_VERSION, Row, files_having_all

_SCHEMA = [
    "CREATE SCHEMA IF NOT EXISTS briefing",
    "CREATE TABLE IF NOT EXISTS briefing.meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE IF NOT EXISTS briefing.sources (
        id bigserial PRIMARY KEY, corpus text NOT NULL, name text NOT NULL, key text NOT NULL,
        tool text NOT NULL, meta text NOT NULL, payload text NOT NULL, stamp text NOT NULL,
        UNIQUE (corpus, name))""",
    """CREATE TABLE IF NOT EXISTS briefing.terms (
        key text NOT NULL, source bigint NOT NULL, units integer NOT NULL, PRIMARY KEY (key, source))""",
    "CREATE INDEX IF NOT EXISTS terms_source ON briefing.terms (source)",
    """CREATE TABLE IF NOT EXISTS briefing.frequencies (
        corpus text NOT NULL, key text NOT NULL, units bigint NOT NULL, PRIMARY KEY (corpus, key))""",
    """CREATE TABLE IF NOT EXISTS briefing.queue (
        corpus text NOT NULL, name text NOT NULL, key text NOT NULL, tool text NOT NULL,
        PRIMARY KEY (corpus, name))""",
]
_TABLES = ("queue", "frequencies", "terms", "sources", "meta")


def _redact(url: str) -> str:
    """Return the URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore:
    def __init__(self, url: str, warn: Callable[[str], None] = lambda _m: None) -> None:
        try:
            import psycopg  # noqa: F401  (a missing driver is a config error, named here)
        except ImportError:
            raise ConfigError(
                "store: a PostgreSQL store needs psycopg; install it with pip install 'briefing[postgresql]'"
            ) from None
        self.location = _redact(url)
        self._url = url
        self.conn: Any = self._connect()
        with self.conn.transaction():
            # one build at a time creates or migrates the schema
            self.conn.execute("SELECT pg_advisory_xact_lock(727172)")
            for stmt in _SCHEMA:
                self.conn.execute(stmt)
            row = self.conn.execute("SELECT value FROM briefing.meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row and row[0].isdigit() else (None if row is None else -1)
            if version is not None and version != SCHEMA_VERSION:
                warn(
                    f"store {self.location}: written by another version of briefing (schema {version}, "
                    f"this one uses {SCHEMA_VERSION}); rebuilding it"
                )
                for table in _TABLES:
                    self.conn.execute(f"DROP TABLE IF EXISTS briefing.{table}")
                for stmt in _SCHEMA:
                    self.conn.execute(stmt)
            self.conn.execute(
                "INSERT INTO briefing.meta VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    def _connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=15)
        except psycopg.Error as exc:
            raise InputError(f"store {self.location}: cannot connect ({str(exc).strip()})") from None

    def reopen(self) -> PostgresStore:
        """Return the store on a new connection, the schema already in place (see `Store.reopen`)."""
        other = object.__new__(PostgresStore)
        other.location, other._url = self.location, self._url
        other.conn = other._connect()
        return other

    def keys(self, corpus: str) -> dict[str, tuple[str, str, str]]:
        rows = self.conn.execute("SELECT name, key, tool, stamp FROM briefing.sources WHERE corpus = %s", (corpus,))
        return {name: (key, tool, stamp) for name, key, tool, stamp in rows}

    def load(self, corpus: str, names: Sequence[str]) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT name, payload FROM briefing.sources WHERE corpus = %s AND name = ANY(%s)",
            (corpus, list(names)),
        )
        return dict(rows)

    def metas(self, corpus: str) -> dict[str, str]:
        return dict(self.conn.execute("SELECT name, meta FROM briefing.sources WHERE corpus = %s", (corpus,)))

    def having_all(self, corpus: str, concepts: Sequence[Collection[str]]) -> set[str]:
        rows = self.conn.execute(
            "SELECT t.key, s.name FROM briefing.terms t JOIN briefing.sources s ON s.id = t.source "
            "WHERE t.key = ANY(%s) AND s.corpus = %s",
            (sorted({k for concept in concepts for k in concept}), corpus),
        )
        return files_having_all(concepts, rows)

    def frequencies(self, corpus: str) -> dict[str, int]:
        rows = self.conn.execute("SELECT key, units FROM briefing.frequencies WHERE corpus = %s", (corpus,))
        return {k: int(n) for k, n in rows}

    def restamp(self, corpus: str, stamps: dict[str, str]) -> None:
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.executemany(
                "UPDATE briefing.sources SET stamp = %s WHERE corpus = %s AND name = %s",
                [(stamp, corpus, name) for name, stamp in sorted(stamps.items())],
            )

    def word_counts(self, corpus: str, names: Sequence[str]) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT t.key, sum(t.units) FROM briefing.terms t JOIN briefing.sources s ON s.id = t.source "
            "WHERE s.corpus = %s AND s.name = ANY(%s) GROUP BY t.key HAVING sum(t.units) > 0",
            (corpus, list(names)),
        )
        return {key: int(n) for key, n in rows}

    def save(self, corpus: str, rows: Iterable[Row]) -> None:
        with self.conn.transaction():
            self._upsert(corpus, list(rows))

    def _upsert(self, corpus: str, rows: list[Row]) -> None:
        delta = self._forget(corpus, [r.name for r in rows])
        postings: list[tuple[str, int, int]] = []
        with self.conn.cursor() as cur:
            for r in rows:
                (sid,) = cur.execute(
                    "INSERT INTO briefing.sources (corpus, name, key, tool, meta, payload, stamp) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                    (corpus, r.name, r.key, r.tool, r.meta, r.payload, r.stamp),
                ).fetchone()
                postings.extend((k, sid, n) for k, n in r.terms)
                for k, n in r.terms:
                    delta[k] = delta.get(k, 0) + n
            # a file has a few hundred postings: one COPY per batch, not an INSERT per posting
            with cur.copy("COPY briefing.terms (key, source, units) FROM STDIN") as copy:
                for posting in postings:
                    copy.write_row(posting)
        self._count(corpus, delta)

    def _forget(self, corpus: str, names: Sequence[str]) -> dict[str, int]:
        """Delete the rows of `names` with their postings; return the change to the word counts."""
        delta: dict[str, int] = {}
        rows = self.conn.execute(
            "DELETE FROM briefing.sources WHERE corpus = %s AND name = ANY(%s) RETURNING id",
            (corpus, list(names)),
        ).fetchall()
        ids = [sid for (sid,) in rows]
        if ids:
            for k, n in self.conn.execute(
                "DELETE FROM briefing.terms WHERE source = ANY(%s) RETURNING key, units", (ids,)
            ):
                delta[k] = delta.get(k, 0) - n
        return delta

    def _count(self, corpus: str, delta: dict[str, int]) -> None:
        """Apply changes to the corpus's word counts, in key order (two builds storing at once take
        the row locks in the same order, so they never deadlock)."""
        changed = [(corpus, k, n) for k, n in sorted(delta.items()) if n]
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO briefing.frequencies (corpus, key, units) VALUES (%s, %s, %s) "
                "ON CONFLICT (corpus, key) DO UPDATE SET units = briefing.frequencies.units + excluded.units",
                changed,
            )
            gone = [k for k, n in delta.items() if n < 0]
            if gone:
                cur.execute(
                    "DELETE FROM briefing.frequencies WHERE corpus = %s AND key = ANY(%s) AND units <= 0",
                    (corpus, gone),
                )

    def remove(self, corpus: str, names: Sequence[str]) -> None:
        with self.conn.transaction():
            self._count(corpus, self._forget(corpus, names))

    # -- the work queue ---------------------------------------------------------------------

    def enqueue(self, corpus: str, items: Sequence[tuple[str, str, str]]) -> None:
        """Ask for (name, key, tool) to be extracted, unless a matching result is already stored."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO briefing.queue (corpus, name, key, tool) "
                "SELECT %(c)s, %(n)s, %(k)s, %(t)s WHERE NOT EXISTS (SELECT 1 FROM briefing.sources s "
                "WHERE s.corpus = %(c)s AND s.name = %(n)s AND s.key = %(k)s AND s.tool = %(t)s) "
                "ON CONFLICT (corpus, name) DO UPDATE SET key = excluded.key, tool = excluded.tool",
                [{"c": corpus, "n": n, "k": k, "t": t} for n, k, t in items],
            )

    @contextmanager
    def claim(self, corpus: str, names: Sequence[str], limit: int) -> Iterator[tuple[list[str], Callable]]:
        """Lock up to `limit` queued files of `names` nobody else holds; yield (names, done).

        The rows stay locked until `done(rows)` stores the results and removes them from the
        queue, in the same transaction; a file whose result another build stored meanwhile is
        dropped from the queue without being handed out again.
        """
        with self.conn.transaction():
            claimed = self.conn.execute(
                "SELECT q.name, q.key, q.tool, s.key, s.tool FROM briefing.queue q "
                "LEFT JOIN briefing.sources s ON s.corpus = q.corpus AND s.name = q.name "
                "WHERE q.corpus = %s AND q.name = ANY(%s) ORDER BY q.name "
                "FOR UPDATE OF q SKIP LOCKED LIMIT %s",
                (corpus, list(names), limit),
            ).fetchall()
            done_already = [r[0] for r in claimed if (r[1], r[2]) == (r[3], r[4])]
            todo = [r[0] for r in claimed if (r[1], r[2]) != (r[3], r[4])]
            if done_already:
                self.conn.execute(
                    "DELETE FROM briefing.queue WHERE corpus = %s AND name = ANY(%s)", (corpus, done_already)
                )

            def done(rows: Sequence[Row]) -> None:
                self._upsert(corpus, list(rows))
                self.conn.execute(
                    "DELETE FROM briefing.queue WHERE corpus = %s AND name = ANY(%s)",
                    (corpus, [r.name for r in rows]),
                )

            yield todo, done

    def queued(self, corpus: str, names: Sequence[str]) -> list[str]:
        """Return which of `names` are still queued (held by another build, or left by a dead one)."""
        rows = self.conn.execute(
            "SELECT name FROM briefing.queue WHERE corpus = %s AND name = ANY(%s)", (corpus, list(names))
        ).fetchall()
        return [r[0] for r in rows]

    def drop(self) -> None:
        with self.conn.transaction():
            for table in _TABLES:
                self.conn.execute(f"DROP TABLE IF EXISTS briefing.{table}")

    def close(self) -> None:
        self.conn.close()
