"""Where editions live on disk and how their files are named.

One place decides the layout (`<out>/<theme>/<YYYY-MM-DD>/` plus `<out>/<theme>/latest/`)
so the builder, the "what's new" lookup and `briefing publish` can never disagree about it.
File names carry theme and date (`cptpp-briefing-2026-01-19.pdf`) because the PDFs are
forwarded by e-mail, where the folder they came from is lost.  In `latest/` the same files
have stable names without the date (`cptpp-briefing.pdf`), so a bookmarked or shared link to
the newest edition keeps working week after week; its manifest names them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from briefing.model import Briefing, SchemaMismatch, from_dict

LATEST = "latest"
MANIFEST = "manifest.json"
MODEL = "model.json"  # the Briefing as JSON (`to_dict`), kept so the next edition can diff against it
EDITION_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def file_name(theme_id: str, date: str, suffix: str) -> str:
    """Return the shareable file name of one format, e.g. `cptpp-briefing-2026-01-19.pdf`."""
    return f"{theme_id}-briefing-{date}.{suffix.lstrip('.')}"


def latest_file_name(theme_id: str, suffix: str) -> str:
    """Return the stable name of one format in `latest/`, e.g. `cptpp-briefing.pdf`."""
    return f"{theme_id}-briefing.{suffix.lstrip('.')}"


def latest_names(theme_id: str, manifest: dict) -> dict[str, str]:
    """Return {dated file name: stable name} for the format files an edition's manifest lists.

    Only names the build gave (`<theme>-briefing-<edition>.<suffix>`) are renamed; anything
    else keeps its name, so two files never land on one name."""
    date = str(manifest.get("edition") or "")
    formats = manifest.get("formats")
    out: dict[str, str] = {}
    for entry in formats.values() if isinstance(formats, dict) else ():
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str) or "." not in name:
            continue
        suffix = name.rsplit(".", 1)[1]
        if name == file_name(theme_id, date, suffix):
            out[name] = latest_file_name(theme_id, suffix)
    return out


def theme_dir(out_dir: Path, theme_id: str) -> Path:
    return Path(out_dir) / theme_id


def edition_dir(out_dir: Path, theme_id: str, date: str) -> Path:
    return theme_dir(out_dir, theme_id) / date


def latest_dir(out_dir: Path, theme_id: str) -> Path:
    return theme_dir(out_dir, theme_id) / LATEST


def edition_dates(out_dir: Path, theme_id: str) -> list[str]:
    """Return the dates of the complete editions of a theme, oldest first.

    An edition counts only when its manifest is present: the manifest is written last
    inside the temporary directory, so a directory without one is not a finished edition.
    """
    tdir = theme_dir(out_dir, theme_id)
    if not tdir.is_dir():
        return []
    return sorted(p.name for p in tdir.iterdir() if EDITION_DATE.match(p.name) and (p / MANIFEST).is_file())


def previous_edition(out_dir: Path, theme_id: str, date: str) -> str | None:
    """Return the date of the newest edition strictly before `date`, or None.

    Strictly before, so rebuilding an edition diffs against the same predecessor every
    time and a rebuild reproduces the same "what's new".
    """
    earlier = [d for d in edition_dates(out_dir, theme_id) if d < date]
    return earlier[-1] if earlier else None


def read_manifest(directory: Path) -> dict:
    """Return the manifest of an edition directory (OSError/ValueError when unreadable)."""
    return json.loads((Path(directory) / MANIFEST).read_text(encoding="utf-8"))


def load_edition_briefing(directory: Path) -> Briefing | None:
    """Return the Briefing an edition kept, or None when it is missing or from another schema.

    None rather than an error: an unreadable predecessor only means this edition cannot
    say what is new, which is no reason to fail the weekly build.  See `read_edition_briefing`
    for the reason it could not be read.
    """
    return read_edition_briefing(directory)[0]


def read_edition_briefing(directory: Path) -> tuple[Briefing | None, str | None]:
    """Return (the Briefing an edition kept, None) or (None, why it could not be read).

    A malformed, truncated or deeply nested `model.json` (RecursionError in the JSON
    parser) is a reason, not an exception.
    """
    path = Path(directory) / MODEL
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, f"{path} is missing"
    except (OSError, ValueError) as exc:
        return None, f"{path} is not readable JSON ({str(exc)[:120]})"
    except RecursionError:
        return None, f"{path} is nested too deeply to read"
    if not isinstance(raw, dict):
        return None, f"{path} does not hold a briefing"
    try:
        return from_dict(raw), None
    except SchemaMismatch as exc:
        return None, f"{path}: {exc}"
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None, f"{path} does not hold a briefing this version can read"
