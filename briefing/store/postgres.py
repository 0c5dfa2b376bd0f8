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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from briefing.errors import ConfigError, InputError
from briefing.store.base import SCHEMA_VERSION, Row

_SCHEMA = [
    "CREATE SCHEMA IF NOT EXISTS briefing",
    "CREATE TABLE IF NOT EXISTS briefing.meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE IF NOT EXISTS briefing.sources (
        corpus text NOT NULL, name text NOT NULL, key text NOT NULL, tool text NOT NULL,
        payload text NOT NULL, PRIMARY KEY (corpus, name))""",
    """CREATE TABLE IF NOT EXISTS briefing.queue (
        corpus text NOT NULL, name text NOT NULL, key text NOT NULL, tool text NOT NULL,
        PRIMARY KEY (corpus, name))""",
]


def _redact(url: str) -> str:
    """Return the URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore:
    def __init__(self, url: str, warn: Callable[[str], None] = lambda _m: None) -> None:
        try:
            import psycopg
        except ImportError:
            raise ConfigError(
                "store: a PostgreSQL store needs psycopg; install it with pip install 'briefing[postgresql]'"
            ) from None
        self.location = _redact(url)
        try:
            self.conn: Any = psycopg.connect(url, autocommit=True, connect_timeout=15)
        except psycopg.Error as exc:
            raise InputError(f"store {self.location}: cannot connect ({str(exc).strip()})") from None
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
                for table in ("queue", "sources", "meta"):
                    self.conn.execute(f"DROP TABLE IF EXISTS briefing.{table}")
                for stmt in _SCHEMA:
                    self.conn.execute(stmt)
            self.conn.execute(
                "INSERT INTO briefing.meta VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    def keys(self, corpus: str) -> dict[str, tuple[str, str]]:
        rows = self.conn.execute("SELECT name, key, tool FROM briefing.sources WHERE corpus = %s", (corpus,))
        return {name: (key, tool) for name, key, tool in rows}

    def load(self, corpus: str, names: Sequence[str]) -> dict[str, str]:
        rows = self.conn.execute(
            "SELECT name, payload FROM briefing.sources WHERE corpus = %s AND name = ANY(%s)",
            (corpus, list(names)),
        )
        return dict(rows)

    def save(self, corpus: str, rows: Iterable[Row]) -> None:
        with self.conn.transaction():
            self._upsert(corpus, list(rows))

    def _upsert(self, corpus: str, rows: list[Row]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO briefing.sources (corpus, name, key, tool, payload) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (corpus, name) DO UPDATE SET key = excluded.key, tool = excluded.tool, "
                "payload = excluded.payload",
                [(corpus, r.name, r.key, r.tool, r.payload) for r in rows],
            )

    def remove(self, corpus: str, names: Sequence[str]) -> None:
        with self.conn.transaction():
            self.conn.execute(
                "DELETE FROM briefing.sources WHERE corpus = %s AND name = ANY(%s)", (corpus, list(names))
            )

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
            for table in ("queue", "sources", "meta"):
                self.conn.execute(f"DROP TABLE IF EXISTS briefing.{table}")

    def close(self) -> None:
        self.conn.close()
