"""The job as a systemd user service and timer, with `Persistent=true` so missed runs catch up.

Unit files carry a "managed by" line; only files with it are replaced or removed.  Every
setting is quoted for its own syntax (specifiers `%`, `$` in ExecStart=, spaces).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from briefing.config import Schedule
from briefing.errors import BriefingError
from briefing.output.atomic_file import write_bytes_atomic
from briefing.schedule.job import MANAGED, Job


def _unit_escape(text: str) -> str:
    """Escape systemd specifiers (`%h`, `%n`...), which systemd expands in every setting."""
    return text.replace("%", "%%")


def _unit_path(path: Path) -> str:
    """Return a path for a path-valued setting (WorkingDirectory=, StandardOutput=append:).

    These take the rest of the line literally apart from specifiers; a trailing backslash
    would continue the line, so it is refused like control characters.
    """
    text = str(path)
    if text.endswith("\\") or text != text.strip():
        raise BriefingError(
            f"{text!r} ends with a backslash or blank, which systemd would read differently; rename it"
        )
    return _unit_escape(text)


def _exec_quote(arg: str) -> str:
    """Quote one ExecStart argument the way systemd parses it (and escape `%` and `$`)."""
    arg = _unit_escape(arg).replace("$", "$$")
    if re.search(r'[\s"\'\\;]', arg) or not arg:
        arg = '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return arg


def on_calendar(schedule: Schedule) -> str:
    day = "" if schedule.every == "day" else schedule.day[:3].capitalize() + " "
    hour, minute = (int(x) for x in schedule.time.split(":"))
    return f"{day}*-*-* {hour:02d}:{minute:02d}:00"


def systemd_units(job: Job) -> dict[str, str]:
    """Return {file name: content} for the service and its timer."""
    log = _unit_path(job.log)
    service = (
        f"# {MANAGED}\n"
        "[Unit]\n"
        f"Description=Build the briefings ({job.name}) {job.when()}\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"WorkingDirectory={_unit_path(job.workdir)}\n"
        # '-': a failed ingest (feeds down) never stops the build of what is already saved
        + (f"ExecStart=-{' '.join(_exec_quote(a) for a in job.ingest_argv())}\n" if job.ingest else "")
        # a oneshot service stops at the first ExecStart that fails: no send after a failed build
        + "".join(f"ExecStart={' '.join(_exec_quote(a) for a in step)}\n" for step in job.steps())
        + f"StandardOutput=append:{log}\n"
        f"StandardError=append:{log}\n"
    )
    timer = (
        f"# {MANAGED}\n"
        "[Unit]\n"
        f"Description=Build the briefings ({job.name}) {job.when()}\n\n"
        "[Timer]\n"
        f"OnCalendar={on_calendar(job.schedule)}\n"
        "Persistent=true\n"
        f"Unit={job.name}.service\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{job.name}.service": service, f"{job.name}.timer": timer}


def unit_dir(override: str | Path | None = None) -> tuple[Path, bool]:
    """Return (directory for user units, whether it is the real one systemd reads).

    With `--unit-dir` or BRIEFING_SYSTEMD_DIR the files are only written there (systemctl is
    not called); otherwise `$XDG_CONFIG_HOME/systemd/user` (default `~/.config/...`).
    """
    explicit = override or os.environ.get("BRIEFING_SYSTEMD_DIR")
    if explicit:
        return Path(explicit).expanduser().absolute(), False
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user", True


def _systemctl(*args: str) -> subprocess.CompletedProcess[str] | None:
    exe = shutil.which("systemctl")
    if exe is None:
        return None
    return subprocess.run([exe, "--user", *args], capture_output=True, text=True)


def install_systemd(job: Job, override: str | Path | None = None) -> str:
    directory, live = unit_dir(override)
    units = systemd_units(job)
    for fname in units:
        path = directory / fname
        if path.exists() and MANAGED not in path.read_text(encoding="utf-8", errors="replace"):
            raise BriefingError(f"{path} exists and was not written by briefing; choose another --name")
    directory.mkdir(parents=True, exist_ok=True)
    for fname, text in units.items():
        write_bytes_atomic(directory / fname, text.encode("utf-8"))
    job.log.parent.mkdir(parents=True, exist_ok=True)
    timer = f"{job.name}.timer"
    lines = [f"wrote {directory / f'{job.name}.service'} and {directory / timer}: build {job.when()}"]
    lines.append(f"log: {job.log}")
    activate = f"systemctl --user daemon-reload && systemctl --user enable --now {timer}"
    if not live:
        lines.append(f"activate with: {activate}")
        return "\n".join(lines)
    for step in (("daemon-reload",), ("enable", "--now", timer)):
        proc = _systemctl(*step)
        if proc is None or proc.returncode != 0:
            why = (
                "systemctl not found" if proc is None else (proc.stderr.strip() or f"exit {proc.returncode}")
            )
            raise BriefingError(
                f"unit files written to {directory}, but `systemctl --user {' '.join(step)}` failed ({why}); "
                f"the timer is not active. Run: {activate}"
            )
    lines.append(f"enabled {timer}; see `systemctl --user list-timers {timer}`")
    return "\n".join(lines)


def uninstall_systemd(name: str, override: str | Path | None = None) -> str:
    directory, live = unit_dir(override)
    paths = [directory / f"{name}.timer", directory / f"{name}.service"]
    ours = []
    for path in paths:
        if not path.exists():
            continue
        if MANAGED not in path.read_text(encoding="utf-8", errors="replace"):
            raise BriefingError(f"{path} was not written by briefing; not removing it")
        ours.append(path)
    if not ours:
        return f"no '{name}' units in {directory}; nothing removed"
    notes = []
    if live:
        proc = _systemctl("disable", "--now", f"{name}.timer")
        if proc is None or proc.returncode != 0:
            notes.append(
                f"note: could not disable {name}.timer with systemctl; it goes once the files are gone"
            )
    for path in ours:
        path.unlink()
    if live:
        _systemctl("daemon-reload")
    return "\n".join([f"removed {', '.join(str(p) for p in ours)}", *notes])


