"""The edition manifest: what an edition was built from, so it can be audited and diffed.

A reader of an archived edition can check which source files (by sha256), which config
(by sha256) and which tool version produced it, and `briefing publish` reads titles and
formats from it without re-parsing the briefings.  The manifest holds no wall-clock
timestamp of its own, so rebuilding an edition from the same inputs gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import briefing
from briefing.output.layout import MODEL
from briefing.model import Briefing

MANIFEST_VERSION = 1
DELIVERIES = "deliveries"  # who received the edition (written by `briefing send`, see delivery.record)


def sha256_file(path: Path) -> str | None:
    """Return the hex sha256 of a file's bytes, or None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def build_manifest(
    briefing_: Briefing,
    *,
    edition_date: str,
    formats: Mapping[str, str],
    rendered: Mapping[str, bytes],
    seeds_dir: Path | None,
    config_path: Path | None,
    source_hashes: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """Return the manifest of one edition.

    `formats` maps a format name to its file name in the edition and `rendered` maps file
    names to their bytes (so each output's sha256 is recorded too).  Sources are hashed from
    `seeds_dir / source.file`; a file that is gone is recorded with a null hash rather than
    failing the build. `source_hashes`, kept by a build across its themes, holds those already
    hashed (half the files a large build's themes cite are cited by another theme too).
    """
    hashes: dict[str, str | None] = {} if source_hashes is None else source_hashes
    sources = []
    for s in briefing_.sources:
        if s.file not in hashes:
            hashes[s.file] = sha256_file(Path(seeds_dir) / s.file) if seeds_dir is not None else None
        sources.append(
            {
                "id": s.id,
                "file": s.file,
                "title": s.title,
                "publisher": s.publisher,
                "published": s.published,
                "sha256": hashes[s.file],
            }
        )
    edition = briefing_.edition
    return {
        "manifest_version": MANIFEST_VERSION,
        "tool": "briefing",
        "tool_version": briefing.__version__,
        "theme": {"id": briefing_.theme.id, "title": briefing_.theme.title},
        "edition": edition_date,
        "previous": edition.previous,
        "generated_at": briefing_.generated_at,
        "period": {"start": briefing_.period_start, "end": briefing_.period_end},
        "author": briefing_.author,
        "config": {
            "file": config_path.name if config_path else None,
            "sha256": sha256_file(config_path) if config_path else None,
        },
        "formats": {
            fmt: {
                "file": name,
                "bytes": len(rendered[name]),
                "sha256": hashlib.sha256(rendered[name]).hexdigest(),
            }
            for fmt, name in sorted(formats.items())
        },
        "model": MODEL,
        "counts": _counts(briefing_),
        "sources": sources,
        "sources_added": list(edition.sources_added),
        "sources_removed": list(edition.sources_removed),
    }


def _counts(b: Briefing) -> dict[str, int]:
    return {
        "sources": len(b.sources),
        "summary": len(b.summary),
        "passages": len(b.passages),
        "events": len(b.events),
        "quotes": len(b.quotes),
        "new_summary": sum(p.new for p in b.summary),
        "new_passages": sum(p.new for p in b.passages),
        "new_events": sum(e.new for e in b.events),
        "new_quotes": sum(q.new for q in b.quotes),
    }
