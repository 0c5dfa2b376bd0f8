"""Read a user-named file only when it is a regular file, with a size bound, never blocking.

`Path.read_text` on a FIFO waits forever for a writer (while the build holds its lock), on a
directory it raises IsADirectoryError, and on `/dev/zero` it never ends.  Opening with
O_NONBLOCK and checking the open descriptor (not the name, which could be swapped between
a check and the open) closes all three.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path exists but is a directory, FIFO, device or socket."""


class FileTooLarge(OSError):
    """The file is larger than the caller's limit; `size` holds its size in bytes."""

    def __init__(self, path: Path, size: int, limit: int):
        super().__init__(f"{path}: {size} bytes, over the limit of {limit}")
        self.size, self.limit = size, limit


def kind(mode: int) -> str:
    """Return what a non-regular file is, in words, for messages."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path, max_bytes: int | None = None) -> bytes:
    """Return the bytes of `path`; NotRegularFile, FileTooLarge or another OSError otherwise."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(f"{path} is {kind(st.st_mode)}, not a file")
        if max_bytes is not None and st.st_size > max_bytes:
            raise FileTooLarge(path, st.st_size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(max_bytes + 1) if max_bytes is not None else fh.read()
        if max_bytes is not None and len(data) > max_bytes:  # grew after the stat
            raise FileTooLarge(path, len(data), max_bytes)
        return data
    finally:
        os.close(fd)


def read_regular_text(path: Path, max_bytes: int | None = None) -> str:
    """Return `path` decoded as UTF-8 (UnicodeDecodeError when it is not), read as `read_regular`."""
    return read_regular(path, max_bytes).decode("utf-8")


def describe_os_error(path: Path, exc: OSError) -> str:
    """Return a short message for a failed read: what the path is and what to do, no repr."""
    if isinstance(exc, NotRegularFile | FileTooLarge):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return f"{path}: not found"
    if isinstance(exc, IsADirectoryError):
        return f"{path} is a directory, not a file"
    if isinstance(exc, PermissionError):
        return f"{path}: permission denied"
    return f"{path}: cannot be read ({exc.strerror or exc})"
