"""Write an edition so that a failed or killed build never leaves a half-written one behind.

An edition is assembled in a hidden temporary directory next to its final place and then
renamed into place; `latest/` is a full copy of the newest edition, replaced the same way,
with the formats under stable names (`cptpp-briefing.pdf`, see `layout.latest_names`) and
a manifest that names them.
A copy rather than a symlink because the output folder is meant to be put on shared drives
(SMB, cloud-synced folders) and opened on Windows, where symlinks are often not followed,
not permitted, or uploaded as the target's path.

POSIX cannot rename a directory over a non-empty one, so replacing is two renames: the old
directory steps aside as `.old-<name>-<pid>`, then the new one moves in.  If the process is
killed between the two, `recover()` (run by the next build before it writes anything, and by
`briefing publish`) moves the old directory back; it also removes temporary directories of
dead builds.  At every instant each of `<date>/` and `latest/` is therefore either absent for
that short moment or complete, never partial.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from briefing.output.layout import (
    EDITION_DATE,
    LATEST,
    MANIFEST,
    edition_dates,
    edition_dir,
    latest_dir,
    latest_names,
    theme_dir,
)
from briefing.prettyjson import pretty_json
from briefing.output.ownership import (
    check_replaceable,
    claim_theme_dir,
    is_edition,
    is_scratch,
    owns_theme_dir,
)
from briefing.errors import OutputError

TMP_PREFIX = ".tmp-"
OLD_PREFIX = ".old-"


def write_edition(out_dir: Path, theme_id: str, date: str, files: Mapping[str, bytes]) -> Path:
    """Write one edition's files atomically and refresh `latest/`; return the edition directory.

    `files` maps file names to their bytes and must include `manifest.json`, which is written
    last so that a directory holding a manifest is known to be complete.  `latest/` is only
    moved forward: rebuilding an older edition (a backfill) leaves `latest/` on the newest.
    Raises OutputError naming the path when the disk refuses.
    """
    if not EDITION_DATE.match(date):
        raise ValueError(f"edition date must be YYYY-MM-DD, got {date!r}")
    if MANIFEST not in files:
        raise ValueError("an edition needs a manifest.json")
    for name in files:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise ValueError(f"unsafe edition file name {name!r}")
    tdir = theme_dir(out_dir, theme_id)
    final = edition_dir(out_dir, theme_id, date)
    claim_theme_dir(tdir)
    check_replaceable(final)
    tmp = tdir / f"{TMP_PREFIX}{date}-{os.getpid()}"
    try:
        recover(tdir)
        _fresh_dir(tmp)
        for name in sorted(files, key=lambda n: n == MANIFEST):  # manifest last
            _write_file(tmp / name, files[name])
        _fsync_dir(tmp)
        _swap_into_place(tmp, final)
    except (OSError, shutil.Error) as exc:
        shutil.rmtree(tmp, ignore_errors=True)  # never leave a failed build's files behind
        raise OutputError(f"could not write edition {final}: {write_failure(exc, tdir)}") from None
    newest = edition_dates(out_dir, theme_id)
    if newest and newest[-1] == date:
        latest = latest_dir(out_dir, theme_id)
        try:
            check_replaceable(latest)
        except OutputError as exc:
            raise OutputError(f"edition {final} was written, but {exc}") from None
        try:
            _refresh_latest(final, latest)
        except (OSError, shutil.Error, ValueError) as exc:
            raise OutputError(
                f"edition {final} was written, but {latest} could not be replaced "
                f"({write_failure(exc, tdir)}); it still holds the previous edition"
            ) from None
    return final


def write_failure(exc: OSError | shutil.Error | ValueError, folder: Path) -> str:
    """Return a one-line reason for a failed write, naming the folder that ran out of space.

    `shutil.copytree` raises shutil.Error holding a list of (source, target, reason) for
    every file, whose repr ran to thousands of characters; only the first reason is shown.
    """
    if isinstance(exc, shutil.Error):
        first = exc.args[0][0] if exc.args and isinstance(exc.args[0], list) and exc.args[0] else None
        reason = str(first[2]) if first else str(exc)[:200]
        if "No space left" in reason:
            return f"no space left on the device holding {folder}; free some space and build again"
        return reason[:300]
    if not isinstance(exc, OSError):
        return f"the new edition's {MANIFEST} is unreadable ({str(exc)[:200]})"
    if exc.errno == errno.ENOSPC:
        return f"no space left on the device holding {folder}; free some space and build again"
    if exc.errno == errno.EDQUOT:
        return f"disk quota exceeded for {folder}; free some space and build again"
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def recover(tdir: Path) -> list[str]:
    """Undo what a killed build left in a theme directory; return what was done (for logs).

    Must only run while holding the build lock: it treats every temporary directory as
    belonging to a dead build.
    """
    actions: list[str] = []
    if not owns_theme_dir(tdir):
        return actions
    for entry in sorted(tdir.iterdir()):
        if not entry.name.startswith(OLD_PREFIX) or not is_scratch(entry) or not is_edition(entry):
            continue
        name = entry.name[len(OLD_PREFIX) :].rsplit("-", 1)[0]
        target = tdir / name
        if is_edition(target):
            shutil.rmtree(entry, ignore_errors=True)
            actions.append(f"removed leftover {entry.name}")
        elif not os.path.lexists(target):
            os.rename(entry, target)
            actions.append(f"restored {name}/ from an interrupted build")
    for entry in sorted(tdir.iterdir()):
        if entry.name.startswith(TMP_PREFIX) and is_scratch(entry) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            actions.append(f"removed unfinished {entry.name}")
    return actions


def _refresh_latest(source: Path, latest: Path) -> None:
    """Replace `latest/` with a copy of `source`, built beside it and renamed into place.

    The format files take their stable names and the copy's manifest names them, written
    last as in every edition (a folder with a manifest is complete)."""
    tmp = latest.parent / f"{TMP_PREFIX}{LATEST}-{os.getpid()}"
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        manifest = manifest if isinstance(manifest, dict) else {}
        renamed = latest_names(latest.parent.name, manifest)
        tmp.mkdir()
        for entry in sorted(source.iterdir()):
            if entry.name != MANIFEST:
                shutil.copy2(entry, tmp / renamed.get(entry.name, entry.name))
        if renamed:
            for entry in manifest["formats"].values():
                if isinstance(entry, dict) and entry.get("file") in renamed:
                    entry["file"] = renamed[entry["file"]]
            _write_file(tmp / MANIFEST, pretty_json(manifest))
        else:
            shutil.copy2(source / MANIFEST, tmp / MANIFEST)
        _fsync_dir(tmp)
        _swap_into_place(tmp, latest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap_into_place(new: Path, final: Path) -> None:
    if final.is_symlink():
        final.unlink()  # e.g. a `latest` symlink made by hand: replace it with the copy
    if not final.exists():
        os.rename(new, final)
        _fsync_dir(final.parent)
        return
    old = final.parent / f"{OLD_PREFIX}{final.name}-{os.getpid()}"
    if old.exists():
        shutil.rmtree(old)
    os.rename(final, old)
    try:
        os.rename(new, final)
    except OSError:
        os.rename(old, final)  # put the good one back at once rather than wait for recover()
        raise
    _fsync_dir(final.parent)
    shutil.rmtree(old, ignore_errors=True)


def _fresh_dir(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir()


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    """Flush a directory entry so a rename survives a power cut (no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
