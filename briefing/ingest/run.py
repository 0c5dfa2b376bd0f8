"""Fetch every configured feed, save each new or changed item's page into the corpus as `.html`.

Idempotent: an item already saved (same URL, or the same content under another URL) is
skipped; an item whose feed entry changed is fetched again and its file replaced only if
the text changed and the file is still the one this tool wrote.  A feed that is down or
malformed, or a page that fails, is a warning naming it; nothing already saved is lost.
Files are named by the tool (feed slug + URL hash), never by anything the feed says, and
are written only directly inside the corpus folder.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefing.errors import InputError
from briefing.ingest.fetch import MAX_BYTES, TIMEOUT, FetchError, fetch
from briefing.ingest.index import Item, load_index, refuse_foreign_index, save_index, sha256
from briefing.ingest.settings import Feed
from briefing.output.atomic_file import write_bytes_atomic

Warn = Callable[[str], None]
_SLUG = re.compile(r"[^a-z0-9]+")
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}\.html$")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (
            f"ingest: {len(self.added)} new, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed"
        )


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:40].strip("-") or "feed"


def file_name(feed_label: str, url: str) -> str:
    """Return the tool-chosen file name for an item: feed slug + hash of its URL (never the URL's path)."""
    return f"{_slug(feed_label)}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}.html"


def _inside(folder: Path, name: str) -> Path:
    """Return folder/name after proving it is a plain file name directly inside the folder."""
    if not _SAFE_NAME.match(name):
        raise InputError(f"refusing to write {name!r}: not a file name this tool makes")
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise InputError(f"refusing to write {path}: it resolves outside {folder}")
    return path


def _entry_date(entry: Any) -> str | None:
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not parsed:
        return None
    try:
        import datetime as dt

        return (
            dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
            .replace(tzinfo=None)
            .isoformat(timespec="minutes")
        )
    except (OverflowError, ValueError, TypeError):
        return None


def _is_html(data: bytes, content_type: str) -> bool:
    if "html" in content_type.lower():
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def ingest(
    feeds: tuple[Feed, ...] | list[Feed],
    folder: Path,
    warn: Warn,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> IngestReport:
    """Fetch the feeds and save their items' pages into `folder`; return what changed."""
    import feedparser  # type: ignore[import-untyped]

    if not folder.is_dir():
        raise InputError(f"{folder}: corpus folder not found; pass --seeds DIR (create it first)")
    report = IngestReport()
    refuse_foreign_index(folder)
    index = load_index(folder, warn)
    by_hash = {i.sha256: i for i in index.values()}
    for feed in feeds:
        try:
            got = fetch(feed.url, timeout=timeout, max_bytes=max_bytes)
        except FetchError as exc:
            warn(f"feed {feed.name or feed.url}: not fetched ({exc}); its saved pages are kept")
            report.failed += 1
            continue
        parsed = feedparser.parse(got.data)
        entries = list(parsed.get("entries") or [])
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            what = "no items taken" if not entries else f"{len(entries)} items read anyway"
            warn(f"feed {feed.name or feed.url}: malformed ({type(reason).__name__}: {reason}); {what}")
            if not entries:
                report.failed += 1
                continue
        label = (
            feed.name
            or str(parsed.get("feed", {}).get("title") or "")
            or urlsplit(feed.url).hostname
            or "feed"
        )
        for entry in entries:
            _ingest_entry(entry, feed, label, folder, index, by_hash, report, warn, timeout, max_bytes)
        save_index(folder, index)  # after each feed, so an interruption keeps what was saved
    return report


def _ingest_entry(
    entry: Any,
    feed: Feed,
    label: str,
    folder: Path,
    index: dict[str, Item],
    by_hash: dict[str, Item],
    report: IngestReport,
    warn: Warn,
    timeout: float,
    max_bytes: int,
) -> None:
    link = str(entry.get("link") or "").strip()
    if urlsplit(link).scheme not in ("http", "https"):
        if link:
            warn(f"feed {label}: item link {link!r} is not http(s); skipped")
        return
    # dict.get: feedparser's own get() maps a missing 'updated' to 'published' with a DeprecationWarning
    stamp = str(dict.get(entry, "updated") or dict.get(entry, "published") or "") or None
    known = index.get(link)
    if known is not None and known.stamp == stamp and (folder / known.file).is_file():
        report.unchanged += 1
        return
    try:
        page = fetch(link, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        warn(f"feed {label}: page not saved: {exc}")
        report.failed += 1
        return
    if not _is_html(page.data, page.content_type):
        warn(f"feed {label}: {link} is not an HTML page ({page.content_type or 'unknown type'}); skipped")
        report.failed += 1
        return
    digest = sha256(page.data)
    same = by_hash.get(digest)
    if same is not None and same.url != link:
        report.unchanged += 1  # the same page under another link (a re-post): one copy is enough
        return
    if known is not None and known.sha256 == digest:
        known.stamp = stamp
        report.unchanged += 1
        return
    name = known.file if known is not None else file_name(label, link)
    try:
        path = _inside(folder, name)
    except InputError as exc:
        warn(f"feed {label}: {exc}")
        report.failed += 1
        return
    if path.exists():
        on_disk = sha256(path.read_bytes()) if path.is_file() and not path.is_symlink() else None
        if known is None or on_disk != known.sha256:
            warn(
                f"feed {label}: {path} exists and is not the page this tool saved; left alone, {link} skipped"
            )
            report.failed += 1
            return
    write_bytes_atomic(path, page.data)
    authors = [str(a["name"]) for a in entry.get("authors") or [] if isinstance(a, dict) and a.get("name")]
    if not authors and entry.get("author"):
        authors = [str(entry.get("author"))]
    item = Item(
        file=name,
        url=link,
        sha256=digest,
        feed=label,
        feed_url=feed.url,
        title=str(entry.get("title") or "").strip() or None,
        published=_entry_date(entry),
        authors=authors,
        themes=list(feed.themes),
        stamp=stamp,
    )
    if known is not None:
        by_hash.pop(known.sha256, None)
        report.updated.append(name)
    else:
        report.added.append(name)
    index[link] = item
    by_hash[digest] = item
