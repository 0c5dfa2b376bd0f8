"""`ingested.yaml`: what `briefing ingest` saved into the corpus folder, one entry per page.

The tool owns this file (the user's corrections go in `sources.yaml`, which wins).  It is
how ingestion stays idempotent (an item is known by its URL and by its content hash) and
how the readers learn what the feed said about a saved page: item link, feed title,
published date, author.  It also proves which files the tool wrote, so it only ever
replaces those.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

import yaml

from briefing.errors import InputError
from briefing.output.atomic_file import write_bytes_atomic
from briefing.safeio import describe_os_error, read_regular_text
from briefing.safeyaml import load_yaml

INDEX = "ingested.yaml"
MAX_INDEX_BYTES = 16 << 20  # about 50,000 entries; anything larger is not an index this tool wrote
HEADER = (
    "# Written by `briefing ingest`: the pages it saved from feeds into this folder.\n"
    "# Do not edit; correct a page's metadata in sources.yaml instead (it takes precedence).\n"
)


@dataclass
class Item:
    file: str
    url: str
    sha256: str
    feed: str | None = None  # the feed's name or title: the publisher
    feed_url: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # the feed's theme hints
    stamp: str | None = None  # the entry's updated/published value when last fetched


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_index(folder: Path, warn: Any = None) -> dict[str, Item]:
    """Return {url: item}; an unreadable index is a warning and counts as empty (pages are re-fetched).

    The index sits in the corpus folder, which may be shared: it is read with the same limits
    as `sources.yaml` (size, aliases, depth, no FIFO), and an entry whose fields have the wrong
    types is skipped rather than trusted ("authors: Jane" would otherwise be four authors).
    """
    path = folder / INDEX
    if not path.is_file():
        return {}
    try:
        raw, _ = load_yaml(read_regular_text(path, MAX_INDEX_BYTES), path, InputError)
    except InputError as exc:
        _say(warn, f"{exc}; ingestion starts a new index")
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        why = describe_os_error(path, exc) if isinstance(exc, OSError) else f"{path}: not UTF-8"
        _say(warn, f"{why}; ingestion starts a new index")
        return {}
    entries = raw.get("items") if isinstance(raw, dict) else None
    items = [item for entry in entries or [] if (item := _item(entry)) is not None]
    if len(items) < len(entries or []) or (raw is not None and not isinstance(entries, list)):
        _say(warn, f"{path}: entries of the wrong shape were skipped; their pages will be fetched again")
    return {i.url: i for i in items}


_FIELDS = get_type_hints(Item)


def _item(entry: Any) -> Item | None:
    """Return the entry as an Item when every field it has is of the declared type."""
    if not isinstance(entry, dict):
        return None
    values = {k: v for k, v in entry.items() if k in _FIELDS}
    for name, value in values.items():
        kind = _FIELDS[name]
        if kind == list[str]:
            ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
        else:
            ok = isinstance(value, str) or (value is None and kind is not str)
        if not ok:
            return None
    try:
        return Item(**values)
    except TypeError:  # a required field missing
        return None


def _say(warn: Any, message: str) -> None:
    if warn:
        warn(message)


def save_index(folder: Path, items: dict[str, Item]) -> None:
    """Write the index, unless a file of that name exists that this tool did not write."""
    refuse_foreign_index(folder)
    entries = [asdict(i) for i in sorted(items.values(), key=lambda i: i.file)]
    text = HEADER + yaml.safe_dump({"items": entries}, allow_unicode=True, sort_keys=False)
    write_bytes_atomic(folder / INDEX, text.encode("utf-8"))


def refuse_foreign_index(folder: Path) -> None:
    """Raise InputError when the folder holds an index file this tool did not write.

    Checked before anything is fetched, so a refused run saves no page it could not record.
    """
    path = folder / INDEX
    if path.is_symlink() or (path.exists() and not (path.is_file() and _written_by_us(path))):
        raise InputError(
            f"{path} exists and was not written by `briefing ingest`; it was left alone. "
            "Move it out of the corpus folder, then run ingest again"
        )


def metadata_by_file(folder: Path, warn: Any = None) -> dict[str, dict[str, Any]]:
    """Return {file name: {title, authors, publisher, published, url}} for the readers."""
    out: dict[str, dict[str, Any]] = {}
    for item in load_index(folder, warn).values():
        values: dict[str, Any] = {"url": item.url}
        if item.title:
            values["title"] = item.title
        if item.authors:
            values["authors"] = tuple(item.authors)
        if item.feed:
            values["publisher"] = item.feed
        if item.published:
            values["published"] = item.published
        out[item.file] = values
    return out


def _written_by_us(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(HEADER.encode("utf-8"))) == HEADER.encode("utf-8")
    except OSError:
        return False
