"""The two calls the build makes per theme: diff against the previous edition, then save.

Kept apart from the orchestrator so that `build.py` only has to say *when* (after
assembling, before rendering; after rendering) and this package decides *how*.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from briefing.output.atomic_edition import write_edition
from briefing.output.diff import mark_new
from briefing.output.layout import (
    MANIFEST,
    MODEL,
    edition_dir,
    file_name,
    previous_edition,
    read_edition_briefing,
)
from briefing.output.manifest import DELIVERIES, build_manifest
from briefing.prettyjson import pretty_json
from briefing.writers.json import render as model_json
from briefing.output.ownership import is_edition, read_manifest_safely
from briefing.model import Briefing, to_dict
from briefing.safeio import read_regular

Warn = Callable[[str], None]


def diff_against_previous(
    out_dir: Path, current: Briefing, edition_date: str, warn: Warn | None = None
) -> Briefing:
    """Return `current` marked against the newest edition before `edition_date` (if any).

    Call it before rendering: the writers show "What's new" from the flags set here.  A
    predecessor that cannot be read is skipped with a warning (the README promises it
    never fails the build); nothing is then marked new.
    """
    prev_date = previous_edition(out_dir, current.theme.id, edition_date)
    if not prev_date:
        return mark_new(current, None, edition_date=edition_date, previous_date=None)
    previous, why = read_edition_briefing(edition_dir(out_dir, current.theme.id, prev_date))
    if previous is not None:
        try:
            return mark_new(current, previous, edition_date=edition_date, previous_date=prev_date)
        except (AttributeError, TypeError, ValueError, KeyError):
            why = f"the {prev_date} edition's {MODEL} holds values of the wrong kind"
    if warn is not None:
        warn(f"{current.theme.id}: cannot compare with the previous edition ({why}); nothing is marked new")
    return mark_new(current, None, edition_date=edition_date, previous_date=prev_date)


def save_edition(
    out_dir: Path,
    briefing: Briefing,
    *,
    edition_date: str,
    outputs: Mapping[str, tuple[str, bytes]],
    seeds_dir: Path | None,
    config_path: Path | None,
    warn: Warn | None = None,
    source_hashes: dict[str, str | None] | None = None,
) -> Path:
    """Write the rendered formats, the model and the manifest as one edition; return its dir.

    `outputs` maps a format name to `(suffix, bytes)` as the writers produce them.  Files are
    named `<theme>-briefing-<date>.<suffix>`.  Rebuilding some formats of an edition that
    exists (`--format pdf`) keeps its other formats, listed in the new manifest, and says
    so through `warn`: before, the edition was replaced by the PDF alone.
    """
    theme_id = briefing.theme.id
    names = {fmt: file_name(theme_id, edition_date, suffix) for fmt, (suffix, _) in outputs.items()}
    files: dict[str, bytes] = {names[fmt]: data for fmt, (_, data) in outputs.items()}
    kept = _formats_to_keep(edition_dir(out_dir, theme_id, edition_date), names)
    for fmt, (name, data) in kept.items():
        names[fmt], files[name] = name, data
    if kept and warn is not None:
        warn(
            f"{theme_id} {edition_date}: kept {', '.join(sorted(kept))} from the earlier build of this edition "
            f"(not rebuilt); build with --format {','.join(sorted(names))} to refresh them"
        )
    files[MODEL] = model_json(briefing)  # the model as the JSON edition writes it
    manifest = build_manifest(
        briefing,
        edition_date=edition_date,
        formats=names,
        rendered=files,
        seeds_dir=seeds_dir,
        config_path=config_path,
        source_hashes=source_hashes,
    )
    delivered = _deliveries(edition_dir(out_dir, theme_id, edition_date))
    if delivered:
        manifest[DELIVERIES] = delivered
    files[MANIFEST] = pretty_json(manifest)
    return write_edition(out_dir, theme_id, edition_date, files)


def _deliveries(directory: Path) -> dict | None:
    """Return who already received the edition being rebuilt (so a rebuild never re-sends it)."""
    kept = (read_manifest_safely(directory) or {}).get(DELIVERIES)
    return kept if isinstance(kept, dict) else None


def _formats_to_keep(existing: Path, rebuilt: Mapping[str, str]) -> dict[str, tuple[str, bytes]]:
    """Return {format: (file name, bytes)} of the formats an existing edition has and this build lacks."""
    manifest = read_manifest_safely(existing) if is_edition(existing) else None
    formats = (manifest or {}).get("formats")
    if not isinstance(formats, dict):
        return {}
    kept: dict[str, tuple[str, bytes]] = {}
    for fmt, entry in formats.items():
        name = entry.get("file") if isinstance(entry, dict) else None
        if fmt in rebuilt or not isinstance(name, str) or name in (MODEL, MANIFEST):
            continue
        if not name or name.startswith(".") or "/" in name or "\\" in name:
            continue  # a manifest naming a path outside its folder is not followed
        try:
            kept[fmt] = (name, read_regular(existing / name))
        except OSError:
            continue
    return kept
