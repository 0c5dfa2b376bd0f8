"""What `latest/` holds, as the README documents it: the newest edition's files, the formats under
stable names without the date (`trade-briefing.pdf`), and a manifest that names those files."""

from __future__ import annotations

import json
import re
from pathlib import Path


def stable(theme: str, name: str) -> str:
    """Return a format file's name in latest/ (`trade-briefing-2026-01-19.pdf` -> `trade-briefing.pdf`)."""
    m = re.fullmatch(rf"{re.escape(theme)}-briefing-\d{{4}}-\d{{2}}-\d{{2}}\.(\w+)", name)
    return f"{theme}-briefing.{m[1]}" if m else name


def assert_latest_of(latest: Path, edition: Path, theme: str) -> None:
    """latest/ holds exactly `edition`'s files under their stable names, and a manifest saying so."""
    assert latest.is_dir() and not latest.is_symlink()
    want = {stable(theme, p.name): p.read_bytes() for p in edition.iterdir() if p.name != "manifest.json"}
    have = {p.name: p.read_bytes() for p in latest.iterdir() if p.name != "manifest.json"}
    assert have == want
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", n) for n in have), sorted(have)
    edition_manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    latest_manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    for entry in edition_manifest.get("formats", {}).values():
        entry["file"] = stable(theme, entry["file"])
    assert latest_manifest == edition_manifest
    for entry in latest_manifest.get("formats", {}).values():
        assert (latest / entry["file"]).is_file()
