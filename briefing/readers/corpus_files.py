"""Which files of the corpus folder may be read: regular files that stay inside the folder.

A briefing is published, so whatever is read may end up in front of readers.  A symbolic link
in the seeds folder to `/etc/passwd`, a private file or `/proc/self/environ` must therefore not
be read silently, a FIFO would block the build forever, and a device may never end.  Every
reader registry enumerates the corpus through `corpus_files`, so these rules live in one place
whatever formats are read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from briefing.safeio import kind

Warn = Callable[[str], None]

# Size limits, documented in the README ("Safety").  A news article is 5-50 KB of text; a file
# with more than MAX_DOCUMENT_CHARS characters of text is an export of something else (a book,
# a log, a database dump) that would hold the build for minutes and bury the briefing in one
# source.  MAX_FILE_BYTES bounds any file before it is opened at all (PDF and DOCX files carry
# images, so their bytes say little about their text).  Both are skipped with a warning.
MAX_DOCUMENT_CHARS = 2_000_000
MAX_FILE_BYTES = 64 * 1024 * 1024


def too_long(path: Path | str, chars: int) -> str | None:
    """Return the warning for a document whose text is over the limit, else None."""
    if chars <= MAX_DOCUMENT_CHARS:
        return None
    return (
        f"{_printable(str(path))}: {chars / 1e6:.1f} million characters of text, over the per-document "
        f"limit of {MAX_DOCUMENT_CHARS / 1e6:g} million; split it into articles"
    )


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _printable(name: str) -> str:
    """Show a name that is not valid UTF-8 with its raw bytes escaped, so the warning can be printed."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def corpus_files(
    folder: Path, suffixes: Iterable[str], warn: Warn, *, follow_links: bool = False
) -> list[Path]:
    """Return the readable corpus files directly in `folder` whose names end in one of `suffixes`.

    Read are only regular files whose real location is inside `folder` (a link to another
    file of the corpus is fine).  Skipped, each with a warning naming it: links leaving the
    folder (unless `follow_links`, the `--follow-links` opt-in), dangling links and link
    loops, FIFOs, devices, sockets, directories named like documents, and names that are not
    valid UTF-8 (they could not be written into the JSON output or the manifest).
    """
    wanted = tuple(s.lower() for s in suffixes)
    root = os.path.realpath(folder)
    found: list[Path] = []
    with os.scandir(folder) as entries:
        names = sorted((e.name, e.is_symlink()) for e in entries)
    for name, is_link in names:
        if not name.lower().endswith(wanted) or name.startswith("."):
            continue
        path = Path(folder) / name
        shown = _printable(str(path))
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            warn(f"skipped: {shown}: the file name is not valid UTF-8; rename the file")
            continue
        try:
            st = os.stat(path)  # follows links: a dangling link or a loop fails here
        except OSError as exc:
            why = (
                "a link loop"
                if is_link and exc.errno == errno.ELOOP
                else "a dangling link"
                if is_link
                else exc.strerror
            )
            warn(f"skipped: {shown}: {why}; fix or remove it")
            continue
        if not stat.S_ISREG(st.st_mode):
            warn(f"skipped: {shown} is {kind(st.st_mode)}, not a document file")
            continue
        if st.st_size > MAX_FILE_BYTES:
            warn(
                f"skipped: {shown} is {st.st_size / 1048576:.0f} MB, over the limit of "
                f"{MAX_FILE_BYTES // 1048576} MB per file; split it into articles"
            )
            continue
        if is_link and not follow_links:
            target = os.path.realpath(path)
            if not _inside(target, root):
                warn(
                    f"skipped: {shown} is a link to {_printable(target)}, outside the corpus folder; "
                    "copy the file in, or pass --follow-links to read links"
                )
                continue
        found.append(path)
    return found
