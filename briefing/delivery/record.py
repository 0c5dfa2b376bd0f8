"""Who has received an edition: the `deliveries` record in the edition's manifest.

Recorded per recipient right after each attempt, by rewriting the manifest atomically
(temporary file, fsync, rename), so an interrupted run loses at most the record of the one
message in flight and a reader never sees a half-written manifest.  A recipient counts as
served only with status `sent`; a `failed` entry (with the server's reply) is retried by
the next run.  Recipients are recorded by a non-secret identity (`mailto:ann@example.org`,
`slack:BRIEFING_SLACK_WEBHOOK`), never by a webhook URL.

`latest/` holds a copy of the newest edition, so its manifest is updated too when it is a
copy of the same edition; the dated folder's manifest is the one `briefing send` reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.errors import OutputError
from briefing.output import LATEST, MANIFEST
from briefing.output.atomic_file import write_bytes_atomic
from briefing.output.manifest import DELIVERIES
from briefing.output.ownership import is_edition, read_manifest_safely
from briefing.prettyjson import pretty_json


@dataclass(frozen=True)
class Outcome:
    """How one delivery went: `reply` is the server's answer (or why there was none)."""

    ok: bool
    reply: str


def _records(manifest: dict[str, Any]) -> dict[str, Any]:
    """Return the manifest's delivery record, or an empty one when it is not a mapping.

    The manifest is a file on a shared drive that people and tools can edit; a record of the
    wrong shape means nobody is on record as served, so they are sent to (never a traceback).
    """
    records = manifest.get(DELIVERIES)
    return records if isinstance(records, dict) else {}


def _attempts(previous: dict[str, Any]) -> int:
    value = previous.get("attempts", 0)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def delivered(manifest: dict[str, Any]) -> set[str]:
    """Return the recipients this edition was already sent to."""
    return {
        r for r, rec in _records(manifest).items() if isinstance(rec, dict) and rec.get("status") == "sent"
    }


def record(
    edition_dir: Path, recipient: str, channel: str, outcome: Outcome, now: datetime | None = None
) -> None:
    """Add one attempt to the edition's manifest (and to `latest/`'s copy of it)."""
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    targets = [Path(edition_dir) / MANIFEST]
    latest = Path(edition_dir).parent / LATEST / MANIFEST
    for path in targets + [latest]:
        # only a folder briefing wrote (see editions.ownership) has its manifest rewritten
        manifest = read_manifest_safely(path.parent) if is_edition(path.parent) else None
        if manifest is None:
            if path in targets:
                raise OutputError(f"{path}: cannot read the edition's manifest to record a delivery")
            continue
        if path == latest and manifest.get("edition") != Path(edition_dir).name:
            continue
        records = manifest[DELIVERIES] = _records(manifest)
        found = records.get(recipient)
        previous: dict[str, Any] = found if isinstance(found, dict) else {}
        attempts = _attempts(previous) + 1 if previous.get("status") != "sent" else 1
        records[recipient] = {
            "channel": channel,
            "status": "sent" if outcome.ok else "failed",
            "at": stamp,
            "attempts": attempts,
            "reply": outcome.reply,
        }
        try:
            write_bytes_atomic(path, pretty_json(manifest))
        except OSError as exc:
            raise OutputError(f"{path}: cannot record the delivery ({exc.strerror})") from None


def describe(manifest: dict[str, Any]) -> str:
    """Return the delivery record as JSON text (for `--dry-run` and debugging)."""
    return json.dumps(_records(manifest), indent=2, sort_keys=True)
