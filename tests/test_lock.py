"""The build lock: a live holder is refused with a clear message, stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing.errors import BuildLocked
from briefing.output.lock import LOCK_NAME, BuildLock

HOLDER = textwrap.dedent(
    """
    import sys
    from briefing.output.lock import BuildLock
    with BuildLock(sys.argv[1]):
        print("locked", flush=True)
        sys.stdin.readline()
    """
)


def write_lock(out: Path, pid: int, started: str = "2026-01-19T07:00:00+00:00") -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    record = {"pid": pid, "host": socket.gethostname(), "started": started, "token": "x"}
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def dead_pid() -> int:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(proc.stdout)


def test_lock_is_held_during_the_block_and_removed_after(tmp_path):
    with BuildLock(tmp_path / "out") as lock:
        record = json.loads(lock.path.read_text())
        assert record["pid"] == os.getpid()
    assert not (tmp_path / "out" / LOCK_NAME).exists()


def test_a_running_build_in_another_process_is_refused_with_its_pid_and_the_lock_file(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(BuildLocked) as info:
            BuildLock(out).acquire()
        message = str(info.value)
        assert f"PID {proc.pid}" in message
        assert str(out / LOCK_NAME) in message
        assert "another briefing build is running" in message
    finally:
        proc.communicate("\n", timeout=30)
    assert proc.returncode == 0
    with BuildLock(out) as lock:  # released by its holder: free again
        assert lock.recovered is None


def test_lock_of_a_dead_process_is_recovered(tmp_path):
    out = tmp_path / "out"
    pid = dead_pid()
    write_lock(out, pid)
    with BuildLock(out) as lock:
        assert json.loads(lock.path.read_text())["pid"] == os.getpid()
        assert f"process {pid} is no longer running" in lock.recovered


def test_lock_older_than_max_age_is_recovered_even_if_the_pid_exists(tmp_path):
    out = tmp_path / "out"
    path = write_lock(out, os.getppid())  # a live process, e.g. one that reused the PID
    old = time.time() - 7 * 3600
    os.utime(path, (old, old))
    with BuildLock(out) as lock:
        assert "older than 6 h" in lock.recovered


def test_empty_lock_file_is_respected_while_fresh_and_recovered_when_old(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    path = out / LOCK_NAME
    path.write_text("")
    with pytest.raises(BuildLocked, match="still being written"):
        BuildLock(out).acquire()
    old = time.time() - 120
    os.utime(path, (old, old))
    with BuildLock(out) as lock:
        assert "unreadable" in lock.recovered


def test_release_never_removes_a_lock_that_another_build_now_holds(tmp_path):
    out = tmp_path / "out"
    lock = BuildLock(out).acquire()
    write_lock(out, os.getppid())  # e.g. ours was judged stale and taken over
    lock.release()
    assert (out / LOCK_NAME).exists()
