"""The optional `sources.yaml` sidecar: metadata a user states by hand, overriding what the text gave.

Readers guess titles, bylines and dates from page text; the sidecar is how a user
corrects a guess or adds what the text never states (a URL), per file name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import InputError
from briefing.safeio import describe_os_error, read_regular_text
from briefing.safeyaml import load_yaml

MAX_SIDECAR_BYTES = 16 << 20  # metadata for tens of thousands of files
FIELDS = ("title", "authors", "publisher", "published", "url")


@dataclass(frozen=True)
class SidecarEntry:
    values: dict[str, Any]


def load_sidecar(path: Path) -> dict[str, SidecarEntry]:
    """Return {file name: entry}; raise InputError naming the line of any problem."""
    try:
        text = read_regular_text(path, MAX_SIDECAR_BYTES)
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{describe_os_error(path, exc)}; {path.name} must be a YAML file") from None
    raw, node = load_yaml(text, path, InputError)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise InputError(f"{path}:1: must map file names to {{title, authors, publisher, published, url}}")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if node is not None else {}
    problems, out = [], {}
    for name, entry in raw.items():
        where = f"{path}:{lines.get(name, 1)}: {name}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a mapping of {', '.join(FIELDS)}")
            continue
        values: dict[str, Any] = {}
        for key, value in entry.items():
            if key not in FIELDS:
                problems.append(f"{where}: unknown key '{key}' (allowed: {', '.join(FIELDS)})")
                continue
            if key == "authors":
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                    problems.append(f"{where}: authors must be a list of names")
                    continue
                value = tuple(value)
            elif key == "published":
                if isinstance(value, dt.datetime):
                    value = value.isoformat(timespec="minutes")
                elif isinstance(value, dt.date):
                    value = value.isoformat()
                elif not isinstance(value, str) or not _valid_iso(value):
                    problems.append(f"{where}: published must be an ISO date like 2026-01-14 (got {value!r})")
                    continue
            elif value is not None and not isinstance(value, str):
                problems.append(f"{where}: {key} must be a string")
                continue
            values[key] = value
        out[str(name)] = SidecarEntry(values)
    if problems:
        raise InputError("invalid sources sidecar:\n  " + "\n  ".join(problems))
    return out


def _valid_iso(value: str) -> bool:
    try:
        dt.datetime.fromisoformat(value)
        return True
    except ValueError:
        return False
