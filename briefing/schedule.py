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

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.config import Schedule, load_config
from briefing.errors import BriefingError
from briefing.output.atomic_file import write_bytes_atomic
from briefing.output.period import parse_window
from briefing.paths import add_corpus_option, user_path
from briefing.text.calendar import WEEKDAY_NAMES
from briefing.text.controls import LINE_BREAKERS

CRON_DAYS = {day.lower(): n % 7 for n, day in enumerate(WEEKDAY_NAMES, start=1)}  # cron counts from Sunday = 0
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
    if not _NAME.match(name):
        raise BriefingError(f"--name {name!r}: use letters, digits, '.', '_' and '-' only")
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


# -- cron ---------------------------------------------------------------------------------------


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


# -- systemd ------------------------------------------------------------------------------------


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


# -- command line -------------------------------------------------------------------------------


def default_backend() -> str:
    """systemd when it runs this machine (it catches up missed runs), else cron."""
    return "systemd" if Path("/run/systemd/system").is_dir() else "cron"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `briefing schedule` to the CLI's subcommands."""
    s = sub.add_parser("schedule", help="print or install the weekly build as a cron job or systemd timer")
    s.add_argument(
        "--with", dest="backend", choices=("cron", "systemd"), help="default: systemd if running, else cron"
    )
    action = s.add_mutually_exclusive_group()
    action.add_argument("--install", action="store_true", help="install the job (marked, removable)")
    action.add_argument("--uninstall", action="store_true", help="remove exactly what --install added")
    s.add_argument("--config", default="config.yaml", metavar="FILE")
    add_corpus_option(s)
    s.add_argument("--out", metavar="DIR", help="output folder (default: config output.folder)")
    s.add_argument("--window", metavar="7d|2w", help="pass --window to each build (default: whole corpus)")
    s.add_argument("--log", metavar="FILE", help="log file (default: logs/<name>-schedule.log)")
    s.add_argument("--name", default="briefing", help="job/unit name, to keep several projects apart")
    s.add_argument(
        "--unit-dir", metavar="DIR", help="write systemd units here instead of ~/.config/systemd/user"
    )
    s.set_defaults(func=run)
    return s


def run(args: argparse.Namespace) -> int:
    """Run `briefing schedule` and print what was done or what would be installed."""
    backend = args.backend or default_backend()
    if args.uninstall:
        if not _NAME.match(args.name):
            raise BriefingError(f"--name {args.name!r}: use letters, digits, '.', '_' and '-' only")
        print(uninstall_cron(args.name) if backend == "cron" else uninstall_systemd(args.name, args.unit_dir))
        return 0
    job = resolve_job(args.config, args.corpus, args.out, log=args.log, name=args.name, window=args.window)
    if args.install:
        print(install_cron(job) if backend == "cron" else install_systemd(job, args.unit_dir))
        return 0
    if backend == "cron":
        print(f"# build the briefings {job.when()} (local time); add with `crontab -e` or --install")
        print(cron_line(job))
    else:
        directory, _ = unit_dir(args.unit_dir)
        for fname, text in systemd_units(job).items():
            print(f"### {directory / fname}\n{text}")
    return 0
