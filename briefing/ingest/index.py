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
from typing import Any

import yaml

from briefing.output.atomic_file import write_bytes_atomic

INDEX = "ingested.yaml"
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
    """Return {url: item}; an unreadable index is a warning and counts as empty (pages are re-fetched)."""
    path = folder / INDEX
    if not path.is_file():
        return {}
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items = [Item(**{k: v for k, v in entry.items() if k in Item.__dataclass_fields__})
                 for entry in raw.get("items", [])]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, TypeError) as exc:
        if warn:
            warn(f"{path}: unreadable ({type(exc).__name__}); ingestion starts a new index")
        return {}
    return {i.url: i for i in items if isinstance(i.url, str) and isinstance(i.file, str)}


def save_index(folder: Path, items: dict[str, Item]) -> None:
    entries = [asdict(i) for i in sorted(items.values(), key=lambda i: i.file)]
    text = HEADER + yaml.safe_dump({"items": entries}, allow_unicode=True, sort_keys=False)
    write_bytes_atomic(folder / INDEX, text.encode("utf-8"))


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
