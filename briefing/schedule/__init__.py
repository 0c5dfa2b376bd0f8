"""`briefing schedule`: the weekly build as a crontab line or a systemd user timer.

Printing is the default so a user can read exactly what would run before `--install`
adds it.  Every path in the job is absolute (the `briefing` executable of this very
environment, the config, seeds, output and working directory) because cron and systemd
start jobs with a bare environment in another directory.  Output goes to a log file, so a
failed Monday run leaves its reason somewhere a person can find it.

`--install` only touches what it owns: a marked block in the user's crontab, or unit files
carrying a "managed by" line; `--uninstall` removes exactly those and refuses to touch a
same-named file it did not write.  Tests point it elsewhere with `BRIEFING_CRONTAB` (the
crontab executable), `--unit-dir` / `BRIEFING_SYSTEMD_DIR` or `XDG_CONFIG_HOME`.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError
from briefing.schedule.cron import CRON_DAYS, cron_block, cron_line, install_cron, uninstall_cron
from briefing.schedule.job import MANAGED, Job, check_name, resolve_job, safe_path
from briefing.schedule.systemd import install_systemd, on_calendar, systemd_units, uninstall_systemd, unit_dir

__all__ = [
    "CRON_DAYS",
    "MANAGED",
    "Job",
    "cron_block",
    "cron_line",
    "default_backend",
    "on_calendar",
    "resolve_job",
    "run_schedule",
    "safe_path",
    "systemd_units",
    "unit_dir",
]


def default_backend() -> str:
    """systemd when it runs this machine (it catches up missed runs), else cron."""
    return "systemd" if Path("/run/systemd/system").is_dir() else "cron"


def run_schedule(
    action: str,
    backend: str | None,
    *,
    config: str,
    corpus: str,
    out: str | None,
    log: str | None,
    name: str,
    window: str | None,
    unit_dir_override: str | None,
) -> str:
    """Return what `briefing schedule` did (`install`, `uninstall`) or would install (`print`)."""
    backend = backend or default_backend()
    if action == "uninstall":
        check_name(name)
        return uninstall_cron(name) if backend == "cron" else uninstall_systemd(name, unit_dir_override)
    job = resolve_job(config, corpus, out, log=log, name=name, window=window)
    if action == "install":
        return install_cron(job) if backend == "cron" else install_systemd(job, unit_dir_override)
    if action != "print":
        raise BriefingError(f"unknown schedule action {action!r}")
    if backend == "cron":
        return f"# build the briefings {job.when()} (local time); add with `crontab -e` or --install\n{cron_line(job)}"
    directory, _ = unit_dir(unit_dir_override)
    return "\n".join(f"### {directory / fname}\n{text}" for fname, text in systemd_units(job).items())
