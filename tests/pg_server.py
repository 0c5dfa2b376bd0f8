"""A throwaway PostgreSQL server for the store tests: a fresh cluster in a temporary folder,
listening on 127.0.0.1 (and a unix socket in that folder) only, stopped and deleted afterwards.

Used by the test fixture (`start` / `stop`), and by `.ci/run` from the shell:

    python tests/pg_server.py start       # prints the cluster folder and the connection URL
    python tests/pg_server.py stop DIR

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user the
Debian package creates. A missing PostgreSQL is an error naming the package, never a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

DATABASE = "briefing_test"


def bin_dir() -> Path:
    """Return the folder with initdb/pg_ctl (Debian keeps them out of PATH, per major version)."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if not versions:
        raise RuntimeError(
            "PostgreSQL is not installed (no pg_ctl): install the Debian package 'postgresql' "
            "(bash .ci/run does) to run the PostgreSQL store tests"
        )
    return Path(versions[-1]).parent


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> tuple[Path, str]:
    """Create and start a cluster in a new temporary folder; return the folder and the server's URL.

    The folder is made directly in the system temporary directory, so that the server's user
    can reach it when we are root (pytest's own temporary folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    bins = bin_dir()

    def run(cmd: list[str]) -> None:
        proc = subprocess.run(_as_server_user(cmd), capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.strip() or proc.stdout.strip()}")

    run([str(bins / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=40"
    run(
        [
            str(bins / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "server.log"),
            "-w",
            "start",
        ]
    )
    (folder / "port").write_text(str(port))
    run([str(bins / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE])
    return folder, f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}"


def stop(folder: Path) -> None:
    data = Path(folder) / "data"
    if data.is_dir():
        subprocess.run(
            _as_server_user([str(bin_dir() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1] == "start":
        where, url = start()
        print(where, url)
    else:
        stop(Path(sys.argv[2]))
