"""The corpus store: per-file extraction results kept between builds, so a weekly build reads and
extracts only the files that are new or changed.

`open_store(spec, out_dir)` gives the backend the config names (`store:`): by default an SQLite
file in the output folder (`output/.store.sqlite`: a build writes only inside its output folder,
and the hidden name keeps it out of `briefing publish`'s index; it holds the corpus text, so
name another path with `store:` when the output folder is served to people who may not read the
sources), a path or `sqlite:///path`, or `postgresql://...` for a store shared by several machines.
`open_corpus` (in `corpus`) is the one function the build calls; its `everything()` gives the
corpus whole, in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing.errors import ConfigError
from briefing.paths import user_path
from briefing.store.base import Row, Store

__all__ = ["Row", "Store", "default_path", "open_store"]


def default_path(out_dir: Path) -> Path:
    """Return where the embedded store lives for an output folder."""
    return Path(out_dir) / ".store.sqlite"


def open_store(spec: str | None, out_dir: Path, warn: Callable[[str], None] = lambda _m: None) -> Store:
    """Open (creating or migrating as needed) the store `spec` names; None is the default SQLite file."""
    if spec is None or spec == "sqlite":
        from briefing.store.sqlite import SqliteStore

        return SqliteStore(default_path(out_dir), warn)
    if spec.startswith(("postgresql://", "postgres://")):
        from briefing.store.postgres import PostgresStore

        return PostgresStore(spec, warn)
    if spec.startswith("sqlite:///"):
        from briefing.store.sqlite import SqliteStore

        return SqliteStore(user_path(spec[len("sqlite://") :], "store"), warn)
    if "://" in spec:
        raise ConfigError(
            f"store: unsupported store {spec!r}; use a file path, sqlite:///PATH or postgresql://..."
        )
    from briefing.store.sqlite import SqliteStore

    return SqliteStore(user_path(spec, "store"), warn)
