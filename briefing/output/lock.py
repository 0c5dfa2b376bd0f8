"""A lock file so two builds (a scheduled one and a manual one, say) never write at once.

The lock lives in the output folder, because that is what two builds would fight over,
and holds the PID, host and start time of its owner so the refusal can say who holds it.
A lock is stale, and taken over, when its process is gone (same host) or it is older than
`max_age` (a crashed build on another machine sharing the folder cannot be probed).
"""

from __future__ import annotations

import json
import os
import socket
import stat
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from briefing.errors import BuildLocked, OutputError
from briefing.safeio import kind, read_regular

LOCK_NAME = ".briefing.output.lock"
DEFAULT_MAX_AGE = 6 * 3600.0  # seconds; a weekly build of a few hundred articles takes minutes
_UNREADABLE_GRACE = 60.0  # seconds a lock may stay empty while its owner is still writing it


class BuildLock:
    """Context manager holding `<out>/.briefing.output.lock` for the duration of a build.

    >>> with BuildLock(out_dir):
    ...     build()

    Raises BuildLocked naming the lock file and its holder when a live build holds it.
    """

    def __init__(self, out_dir: Path, *, max_age: float = DEFAULT_MAX_AGE, command: str = "build"):
        self.path = Path(out_dir) / LOCK_NAME
        self.max_age = max_age
        self.command = command
        self.recovered: str | None = None  # description of a stale lock that was taken over
        self._token: str | None = None

    def acquire(self) -> BuildLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"{self.path.parent}: cannot create the output folder ({exc.strerror})"
            ) from None
        try:
            mode = os.lstat(self.path).st_mode
        except OSError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            raise OutputError(
                f"{self.path} is {kind(mode) if not stat.S_ISLNK(mode) else 'a symbolic link'}, not briefing's "
                "lock file; it was left alone. Remove or rename it, then build again"
            )
        for _ in range(3):
            if self._try_create():
                return self
            holder = _read(self.path)
            stale = self._stale_reason(holder)
            if stale is None:
                raise BuildLocked(self._refusal(holder))
            self._take_over(holder, stale)
        raise BuildLocked(self._refusal(_read(self.path)))

    def release(self) -> None:
        """Remove the lock if it is still ours (never someone else's that replaced it)."""
        if self._token is None:
            return
        holder = _read(self.path)
        if holder and holder.get("token") == self._token:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
        self._token = None

    def __enter__(self) -> BuildLock:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    # -- internals ------------------------------------------------------------------------------

    def _try_create(self) -> bool:
        token = f"{socket.gethostname()}:{os.getpid()}:{time.time_ns()}"
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "command": self.command,
            "token": token,
        }
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot create the lock file ({exc.strerror})") from None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(record, fh)
            fh.flush()
            os.fsync(fh.fileno())
        self._token = token
        return True

    def _stale_reason(self, holder: dict | None) -> str | None:
        """Return why the current lock is stale, or None when its holder may still be running."""
        try:
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return "gone"  # released between our attempts; just retry
        if holder is None:
            return "unreadable lock file" if age > _UNREADABLE_GRACE else None
        if age > self.max_age:
            return f"older than {self.max_age / 3600:g} h"
        if holder.get("host") == socket.gethostname() and not _pid_alive(holder.get("pid")):
            return f"process {holder.get('pid')} is no longer running"
        return None

    def _take_over(self, holder: dict | None, reason: str) -> None:
        """Remove a stale lock, unless another build replaced it since we read it."""
        if reason == "gone":
            return
        aside = self.path.with_name(f"{LOCK_NAME}.stale-{os.getpid()}")
        try:
            os.rename(self.path, aside)  # atomic: of two builds recovering, one wins
        except FileNotFoundError:
            return
        if _read(aside) != holder:  # we moved a fresh lock: put it back if the name is still free
            try:
                os.link(aside, self.path)
            except OSError:
                pass
        else:
            self.recovered = f"removed a stale lock ({reason}): {_describe(holder)}"
        aside.unlink(missing_ok=True)

    def _refusal(self, holder: dict | None) -> str:
        who = _describe(holder) if holder else "a build whose lock file is still being written"
        return (
            f"another briefing build is running ({who}); lock file {self.path}. "
            "Wait for it to finish; if no build is running, delete the lock file."
        )


def _describe(holder: dict | None) -> str:
    if not holder:
        return "unknown holder"
    return f"PID {holder.get('pid')} on {holder.get('host')}, started {holder.get('started')}"


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(read_regular(path, 1 << 16).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _pid_alive(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    if os.name == "nt":
        return True  # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; rely on max_age there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return True  # cannot tell (e.g. Windows quirks): assume alive, rely on max_age
    return True
