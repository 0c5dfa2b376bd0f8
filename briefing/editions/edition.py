"""The two calls the build makes per theme: diff against the previous edition, then save.

Kept apart from the orchestrator so that `build.py` only has to say *when* (after
assembling, before rendering; after rendering) and this package decides *how*.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from briefing.editions.atomic import write_edition
from briefing.editions.diff import mark_new
from briefing.editions.layout import (
    MANIFEST,
    MODEL,
    edition_dir,
    file_name,
    load_edition_briefing,
    previous_edition,
    read_manifest,
)
from briefing.editions.manifest import DELIVERIES, build_manifest, dumps
from briefing.model import Briefing, to_dict


def diff_against_previous(out_dir: Path, current: Briefing, edition_date: str) -> Briefing:
    """Return `current` marked against the newest edition before `edition_date` (if any).

    Call it before rendering: the writers show "What's new" from the flags set here.
    """
    prev_date = previous_edition(out_dir, current.theme.id, edition_date)
    previous = load_edition_briefing(edition_dir(out_dir, current.theme.id, prev_date)) if prev_date else None
    return mark_new(current, previous, edition_date=edition_date, previous_date=prev_date)


def save_edition(
    out_dir: Path,
    briefing: Briefing,
    *,
    edition_date: str,
    outputs: Mapping[str, tuple[str, bytes]],
    seeds_dir: Path | None,
    config_path: Path | None,
) -> Path:
    """Write the rendered formats, the model and the manifest as one edition; return its dir.

    `outputs` maps a format name to `(suffix, bytes)` as the writers produce them.  Files are
    named `<theme>-briefing-<date>.<suffix>`.
    """
    theme_id = briefing.theme.id
    names = {fmt: file_name(theme_id, edition_date, suffix) for fmt, (suffix, _) in outputs.items()}
    files: dict[str, bytes] = {names[fmt]: data for fmt, (_, data) in outputs.items()}
    files[MODEL] = dumps(to_dict(briefing))
    manifest = build_manifest(
        briefing,
        edition_date=edition_date,
        formats=names,
        rendered=files,
        seeds_dir=seeds_dir,
        config_path=config_path,
    )
    kept = _deliveries(edition_dir(out_dir, theme_id, edition_date))
    if kept:
        manifest[DELIVERIES] = kept
    files[MANIFEST] = dumps(manifest)
    return write_edition(out_dir, theme_id, edition_date, files)


def _deliveries(directory: Path) -> dict | None:
    """Return who already received the edition being rebuilt (so a rebuild never re-sends it)."""
    try:
        kept = read_manifest(directory).get(DELIVERIES)
    except (OSError, ValueError, AttributeError):
        return None
    return kept if isinstance(kept, dict) else None
