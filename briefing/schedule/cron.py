"""The job as a marked block in the user's crontab: written, replaced and removed only by us.

`%` is special in crontab (it starts stdin), so every `%` is escaped; everything else is
quoted for the shell with `shlex`.  `BRIEFING_CRONTAB` names another crontab executable (tests).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile

from briefing.errors import BriefingError
from briefing.schedule.job import MANAGED, Job
from briefing.text.calendar import WEEKDAY_NAMES

CRON_DAYS = {day.lower(): n % 7 for n, day in enumerate(WEEKDAY_NAMES, start=1)}  # cron counts from Sunday = 0


def cron_line(job: Job) -> str:
    """Return the crontab entry: time fields, then a shell command logging to `job.log`.

    The build is followed, only if it succeeded, by `briefing publish` so the shared
    index lists the new edition, and then, when `delivery:` is configured, by `briefing send`.  `%` is special in crontab (it starts stdin), so every `%` is escaped.
    """
    hour, minute = (int(x) for x in job.schedule.time.split(":"))
    dow = "*" if job.schedule.every == "day" else str(CRON_DAYS[job.schedule.day])
    q = shlex.quote
    stamp = "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    # ingest first when feeds are configured; its failure never stops the build of what is saved
    ingest = f"{shlex.join(job.ingest_argv())}; " if job.ingest else ""
    command = (
        f"cd {q(str(job.workdir))} && mkdir -p {q(str(job.log.parent))} && "
        f'{{ echo "== {stamp} start"; {ingest}{" && ".join(shlex.join(step) for step in job.steps())}; '
        f'rc=$?; echo "== {stamp} exit $rc"; }} '
        f">> {q(str(job.log))} 2>&1"
    )
    return f"{minute} {hour} * * {dow} {command.replace('%', chr(92) + '%')}"


def _markers(name: str) -> tuple[str, str]:
    return (f"# >>> briefing schedule: {name} >>> {MANAGED}", f"# <<< briefing schedule: {name} <<<")


def cron_block(job: Job) -> str:
    begin, end = _markers(job.name)
    return (
        f"{begin}\n# {job.name}: build the briefings {job.when()}; log: {job.log}\n{cron_line(job)}\n{end}\n"
    )


def remove_cron_block(table: str, name: str) -> tuple[str, bool]:
    """Return the table without our block for `name`, and whether there was one."""
    begin, end = _markers(name)
    lines = table.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.rstrip("\n") == begin]
    if not starts:
        return table, False
    i = starts[0]
    ends = [j for j in range(i + 1, len(lines)) if lines[j].rstrip("\n") == end]
    if not ends:
        raise BriefingError(
            f"your crontab has the start of the '{name}' block but not its end line; "
            "fix it with `crontab -e` (remove the lines between the '# >>> briefing schedule' markers)"
        )
    return "".join(lines[:i] + lines[ends[0] + 1 :]), True


def _crontab_command() -> str:
    cmd = os.environ.get("BRIEFING_CRONTAB") or shutil.which("crontab")
    if not cmd:
        raise BriefingError("the `crontab` command was not found; install cron, or use --with systemd")
    return cmd


def read_crontab() -> str:
    proc = subprocess.run([_crontab_command(), "-l"], capture_output=True, text=True)
    if proc.returncode != 0:
        if "no crontab" in proc.stderr.lower():
            return ""
        raise BriefingError(f"`crontab -l` failed: {proc.stderr.strip() or proc.returncode}")
    return proc.stdout


def write_crontab(table: str) -> None:
    """Replace the user's crontab with `table` (via a file, which every crontab accepts)."""
    cmd = _crontab_command()
    if not table.strip():
        proc = subprocess.run([cmd, "-r"], capture_output=True, text=True)
        if proc.returncode != 0 and "no crontab" not in proc.stderr.lower():
            raise BriefingError(f"`crontab -r` failed: {proc.stderr.strip() or proc.returncode}")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".crontab", delete=False, encoding="utf-8") as fh:
        fh.write(table if table.endswith("\n") else table + "\n")
    try:
        proc = subprocess.run([cmd, fh.name], capture_output=True, text=True)
    finally:
        os.unlink(fh.name)
    if proc.returncode != 0:
        raise BriefingError(f"`crontab` refused the new table: {proc.stderr.strip() or proc.returncode}")


def install_cron(job: Job) -> str:
    table, replaced = remove_cron_block(read_crontab(), job.name)
    if table and not table.endswith("\n"):
        table += "\n"
    write_crontab(table + cron_block(job))
    job.log.parent.mkdir(parents=True, exist_ok=True)
    verb = "replaced" if replaced else "installed"
    return (
        f"{verb} the '{job.name}' job in your crontab: build {job.when()} (cron uses local time)\n"
        f"{cron_line(job)}\nlog: {job.log}\nremove it with: briefing schedule --with cron --uninstall"
        + (f" --name {job.name}" if job.name != "briefing" else "")
    )


def uninstall_cron(name: str) -> str:
    table, found = remove_cron_block(read_crontab(), name)
    if not found:
        return f"no '{name}' job in your crontab; nothing removed"
    write_crontab(table)
    return f"removed the '{name}' job from your crontab (other entries untouched)"


