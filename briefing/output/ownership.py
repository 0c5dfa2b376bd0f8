"""What in the output folder briefing may delete or replace: only what it can prove it wrote.

The output folder is the user's: it may sit in their home directory, hold their own
notes, or be `/` by mistake.  So a folder is only replaced or cleaned up when it carries
proof of origin:

- an edition (`<date>/`, `latest/`, or one stepped aside as `.old-...`) holds a
  `manifest.json` whose `"tool"` is `"briefing"` (the manifest is written last, see `atomic`);
- a theme folder holds at least one such edition, or nothing but briefing's own
  temporary folders (a first build that was killed);
- a temporary folder is named exactly as briefing names them (`.tmp-<date|latest>-<pid>`,
  `.old-<date|latest>-<pid>`) and sits in a theme folder briefing owns.

Anything else is left alone and named in the message, never deleted.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from briefing.output.layout import LATEST, MANIFEST
from briefing.errors import OutputError
from briefing.safeio import read_regular

_MAX_MANIFEST_BYTES = 8 << 20
_SCRATCH = re.compile(r"^\.(tmp|old)-(\d{4}-\d{2}-\d{2}|" + LATEST + r")-\d+$")
_EDITION_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2}|" + LATEST + r")$")


def read_manifest_safely(directory: Path) -> dict | None:
    """Return an edition's manifest as a dict, or None when it is missing, unreadable or malformed.

    Bounded in size, never blocking on a FIFO, and a manifest nested too deeply to parse is
    treated as malformed rather than raising RecursionError.
    """
    try:
        data = json.loads(read_regular(Path(directory) / MANIFEST, _MAX_MANIFEST_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def is_edition(path: Path) -> bool:
    """True for a real directory (not a link) holding a manifest written by briefing."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISDIR(st.st_mode):
        return False
    manifest = read_manifest_safely(path)
    return manifest is not None and manifest.get("tool") == "briefing"


def owns_theme_dir(tdir: Path) -> bool:
    """True when `tdir` is a real directory holding an edition, or only briefing's scratch folders."""
    try:
        if not stat.S_ISDIR(os.lstat(tdir).st_mode):
            return False
        entries = list(tdir.iterdir())
    except OSError:
        return False
    if any(_EDITION_NAME.match(p.name) and is_edition(p) for p in entries):
        return True
    return bool(entries) and all(is_scratch(p) for p in entries)


def claim_theme_dir(tdir: Path) -> None:
    """Create the theme folder, or check an existing one is ours or empty.

    Raises OutputError when the folder exists and holds files briefing did not write,
    so one theme is skipped with a message instead of writing among the user's files.
    """
    try:
        if os.path.lexists(tdir) and not tdir.is_dir():
            raise OutputError(f"{tdir} exists and is not a folder; move it away or build into another --out")
        tdir.mkdir(parents=True, exist_ok=True)
        if not owns_theme_dir(tdir) and any(tdir.iterdir()):
            raise OutputError(
                f"{tdir} holds files briefing did not write; they were left alone. "
                "Move them away or build into another --out"
            )
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{tdir}: cannot create the theme folder ({exc.strerror or exc})") from None


def check_replaceable(target: Path) -> None:
    """Raise OutputError unless `target` is absent, a link, or an edition briefing wrote."""
    if not os.path.lexists(target) or os.path.islink(target) or is_edition(target):
        return
    what = "folder" if target.is_dir() else "file"
    raise OutputError(
        f"{target} is a {what} briefing did not write (it has no briefing manifest.json); it was left "
        "alone. Move it away or build into another --out"
    )


def is_scratch(entry: Path) -> bool:
    """True for a temporary or stepped-aside folder named the way briefing names them."""
    return bool(_SCRATCH.match(entry.name))
