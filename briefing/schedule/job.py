"""The scheduled job: every path it runs with, made absolute and checked, and its commands in order.

cron and systemd start jobs with a bare environment in another directory, so the job records
the `briefing` executable of this very environment and absolute config, corpus, output and
log paths.  A path holding a control character is refused here, before any format quotes it.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.config import Schedule, load_config
from briefing.errors import BriefingError
from briefing.output.period import parse_window
from briefing.paths import user_path
from briefing.text.controls import LINE_BREAKERS

MANAGED = "Managed by `briefing schedule --install`; remove with `briefing schedule --uninstall`."
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Job:
    """Everything a scheduled build needs, with absolute paths."""

    executable: Path
    workdir: Path
    config: Path
    seeds: Path
    out: Path
    log: Path
    schedule: Schedule
    name: str = "briefing"
    window: str | None = None  # passed to `briefing build --window`, e.g. "7d"
    deliver: bool = False  # config has a `delivery:` section: `briefing send` runs last
    ingest: bool = False  # feeds are configured: `briefing ingest` runs before each build

    def ingest_argv(self) -> list[str]:
        """Fetch the configured feeds into the corpus (`briefing ingest`); a down feed only warns."""
        return [str(self.executable), "ingest", "--config", str(self.config), "--corpus", str(self.seeds)]

    def argv(self) -> list[str]:
        window = ["--window", self.window] if self.window else []
        return [
            str(self.executable),
            "build",
            "--config",
            str(self.config),
            "--corpus",
            str(self.seeds),
            "--out",
            str(self.out),
            *window,
        ]

    def publish_argv(self) -> list[str]:
        """Refresh the shared index after a successful build (`briefing publish`)."""
        return [str(self.executable), "publish", "--out", str(self.out)]

    def send_argv(self) -> list[str]:
        """Deliver the new editions (`briefing send`), only after build and publish succeeded."""
        return [str(self.executable), "send", "--config", str(self.config), "--out", str(self.out)]

    def steps(self) -> list[list[str]]:
        """Return the commands of one run, in order; each runs only if the one before succeeded."""
        return [self.argv(), self.publish_argv(), *([self.send_argv()] if self.deliver else [])]

    def when(self) -> str:
        """Return the schedule in words, e.g. "every Monday at 07:00"."""
        if self.schedule.every == "day":
            return f"every day at {self.schedule.time}"
        return f"every {self.schedule.day.capitalize()} at {self.schedule.time}"


def check_name(name: str) -> str:
    """Return the job name, or refuse one that could not be a file name and a cron marker."""
    if not _NAME.match(name):
        raise BriefingError(f"--name {name!r}: use letters, digits, '.', '_' and '-' only")
    return name


def briefing_executable() -> Path:
    """Return the `briefing` console script of the running interpreter's environment.

    Looked up next to `sys.executable` first (not resolving symlinks, which would leave the
    virtualenv), so the job runs the same installation the user is running now.
    """
    bindir = Path(sys.executable).absolute().parent
    for name in ("briefing", "briefing.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("briefing")
    if found:
        return Path(found).absolute()
    raise BriefingError(
        f"cannot find the `briefing` command next to {sys.executable}; "
        "install the package in this environment (pip install -e .) and run `briefing schedule` from it"
    )


def safe_path(path: Path, what: str) -> Path:
    """Return `path`, or refuse it when it holds a control character (a newline above all).

    A newline in a path would end the crontab line or the unit-file line it is written on,
    and whatever follows would be read as a new cron job or a new directive
    (`ExecStartPre=...`).  No quoting survives that, so such paths are refused outright;
    everything else is quoted for each format (`%`, `$`, spaces, quotes, backslashes).
    """
    text = str(path)
    bad = LINE_BREAKERS.search(text)
    if bad:
        raise BriefingError(
            f"{what} {text!r} contains a control character ({bad.group(0)!r}); a scheduled job cannot "
            "run from such a path safely. Rename the folder or pass another path"
        )
    return path


def resolve_job(
    config_path: str | Path,
    seeds: str | Path,
    out: str | Path | None,
    *,
    log: str | Path | None = None,
    workdir: Path | None = None,
    name: str = "briefing",
    window: str | None = None,
) -> Job:
    """Load the config and return the job with every path made absolute against `workdir`."""
    workdir = (workdir or Path.cwd()).absolute()
    check_name(name)
    if window is not None:
        try:
            parse_window(window)
        except ValueError as exc:
            raise BriefingError(f"--window: {exc}") from None
        window = window.strip().lower()

    def absolute(p: str | Path, what: str) -> Path:
        p = user_path(p, what)
        return safe_path(p if p.is_absolute() else workdir / p, what)

    safe_path(workdir, "the working directory")
    config_file = absolute(config_path, "--config")
    config = load_config(config_file)
    seeds_dir = absolute(seeds, "--corpus")
    if not seeds_dir.is_dir():
        raise BriefingError(f"{seeds_dir}: corpus folder not found; pass --corpus DIR")
    out_dir = absolute(out or config.output.folder, "--out" if out else "output.folder")
    return Job(
        executable=safe_path(briefing_executable(), "the briefing executable"),
        workdir=workdir,
        config=config_file,
        seeds=seeds_dir,
        out=out_dir,
        log=absolute(log, "--log") if log else workdir / "logs" / f"{name}-schedule.log",
        schedule=config.schedule,
        name=name,
        window=window,
        deliver=bool(config.delivery),
        ingest=bool(config.feeds),
    )


