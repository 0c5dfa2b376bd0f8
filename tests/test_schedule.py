"""`briefing schedule`: cron and systemd forms, and install/uninstall against fakes only.

Never the real user's crontab or unit directory: a fake `crontab` on PATH keeps its table
in a temp file, systemd units go to a temp dir (`--unit-dir` or XDG_CONFIG_HOME), and a
fake `systemctl` records what it was asked to do.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import cli, schedule
from briefing.config import Schedule
from briefing.errors import BriefingError
from briefing.schedule import cron

CONFIG = """\
schedule: {every: week, day: %(day)s, time: "%(time)s"}
themes:
  - id: trade
    title: Trade
    description: Trade talks.
    terms: [tariff]
"""

FAKE_CRONTAB = """#!/bin/sh
f="$FAKE_CRONTAB_FILE"
case "$1" in
  -l) [ -f "$f" ] || { echo "no crontab for tester" >&2; exit 1; }; cat "$f" ;;
  -r) [ -f "$f" ] || { echo "no crontab for tester" >&2; exit 1; }; rm "$f" ;;
  *) cat "$1" > "$f" ;;
esac
"""

FAKE_SYSTEMCTL = """#!/bin/sh
echo "$*" >> "$FAKE_SYSTEMCTL_LOG"
exit ${FAKE_SYSTEMCTL_RC:-0}
"""


def executable(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (with a space in its path, as on many laptops) as the working dir."""
    root = tmp_path / "my briefings"
    (root / "seeds").mkdir(parents=True)
    (root / "config.yaml").write_text(CONFIG % {"day": "friday", "time": "18:30"})
    monkeypatch.chdir(root)
    fakebin = tmp_path / "bin"
    fakebin.mkdir()
    executable(fakebin / "crontab", FAKE_CRONTAB)
    executable(fakebin / "systemctl", FAKE_SYSTEMCTL)
    monkeypatch.setenv("PATH", f"{fakebin}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_CRONTAB_FILE", str(tmp_path / "crontab.txt"))
    monkeypatch.setenv("FAKE_SYSTEMCTL_LOG", str(tmp_path / "systemctl.log"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("BRIEFING_CRONTAB", raising=False)
    monkeypatch.delenv("BRIEFING_SYSTEMD_DIR", raising=False)
    return root


def run(argv: list[str], capsys) -> tuple[int, str]:
    args = cli.build_parser().parse_args(["schedule", *argv])
    code = cli.COMMANDS["schedule"](args)
    return code, capsys.readouterr().out


def test_cron_line_runs_the_build_with_absolute_paths_and_logs(project, tmp_path, capsys):
    code, out = run(["--with", "cron"], capsys)
    assert code == 0
    line = out.splitlines()[-1]
    assert line.startswith("30 18 * * 5 ")  # Friday 18:30 from config.yaml
    exe = Path(sys.executable).absolute().parent / "briefing"
    assert str(exe) in line
    for path in ("config.yaml", "seeds", "output", "logs/briefing-schedule.log"):
        assert str(project / path) in line
    assert "%" not in line.replace("\\%", "")  # cron would cut the command at a bare %

    # Run the command part the way cron does (sh, \% -> %) with a stand-in executable that
    # fails the build when FAKE_RC says so: publish only follows a successful build.
    fake = executable(
        tmp_path / "fake-briefing",
        '#!/bin/sh\necho "args: $*"; [ "$1" = build ] && echo oops >&2; exit $FAKE_RC\n',
    )
    job = schedule.resolve_job("config.yaml", "seeds", None)
    job = schedule.Job(**{**job.__dict__, "executable": fake})
    command = schedule.cron_line(job).split(" ", 5)[5].replace("\\%", "%")
    log_file = project / "logs" / "briefing-schedule.log"
    subprocess.run(["sh", "-c", command], cwd="/", check=True, env={**os.environ, "FAKE_RC": "3"})
    log = log_file.read_text().splitlines()
    out = project / "output"
    assert log[1] == f"args: build --config {project / 'config.yaml'} --corpus {project / 'seeds'} --out {out}"
    assert log[2] == "oops"  # errors reach the log too
    assert log[-1].endswith("exit 3") and len(log) == 4  # no publish after a failed build
    log_file.unlink()
    subprocess.run(["sh", "-c", command], cwd="/", check=True, env={**os.environ, "FAKE_RC": "0"})
    log = log_file.read_text().splitlines()
    assert log[3] == f"args: publish --out {out}"
    assert log[-1].endswith("exit 0")


def test_systemd_units_are_a_persistent_timer_and_a_oneshot_service(project, capsys):
    code, out = run(["--with", "systemd"], capsys)
    assert code == 0
    units = schedule.systemd_units(schedule.resolve_job("config.yaml", "seeds", None))
    timer, service = units["briefing.timer"], units["briefing.service"]
    assert "OnCalendar=Fri *-*-* 18:30:00\n" in timer and "Persistent=true\n" in timer
    assert "WantedBy=timers.target" in timer
    exe = Path(sys.executable).absolute().parent / "briefing"
    assert f'ExecStart={exe} build --config "{project / "config.yaml"}"' in service
    assert f"WorkingDirectory={project}\n" in service
    assert f'ExecStart={exe} publish --out "{project / "output"}"\n' in service
    assert f"StandardError=append:{project / 'logs' / 'briefing-schedule.log'}\n" in service
    assert timer in out and service in out
    assert str(Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user" / "briefing.timer") in out


def test_daily_schedule_and_weekday_numbers():
    daily = Schedule(every="day", day="monday", time="06:05")
    assert schedule.on_calendar(daily) == "*-*-* 06:05:00"
    assert schedule.on_calendar(Schedule(day="sunday", time="23:00")) == "Sun *-*-* 23:00:00"
    job = schedule.Job(Path("/b"), Path("/w"), Path("/c"), Path("/s"), Path("/o"), Path("/l/x.log"), daily)
    assert schedule.cron_line(job).startswith("5 6 * * * ")


def test_cron_install_and_uninstall_touch_only_the_marked_block(project, tmp_path, capsys):
    table = tmp_path / "crontab.txt"
    original = "MAILTO=me@example.org\n# nightly backup\n5 4 * * * /usr/bin/backup --all\n"
    table.write_text(original)

    code, out = run(["--with", "cron", "--install"], capsys)
    assert code == 0 and "installed" in out
    installed = table.read_text()
    assert installed.startswith(original)
    assert installed.count("30 18 * * 5 ") == 1
    assert (project / "logs").is_dir()

    run(["--with", "cron", "--install"], capsys)  # reinstalling replaces, never duplicates
    assert table.read_text() == installed

    code, out = run(["--with", "cron", "--uninstall"], capsys)
    assert code == 0 and "removed" in out
    assert table.read_text() == original

    code, out = run(["--with", "cron", "--uninstall"], capsys)
    assert "nothing removed" in out and table.read_text() == original


def test_cron_uninstall_after_install_into_an_empty_crontab_leaves_no_crontab(project, tmp_path, capsys):
    run(["--with", "cron", "--install"], capsys)
    assert (tmp_path / "crontab.txt").exists()
    run(["--with", "cron", "--uninstall"], capsys)
    assert not (tmp_path / "crontab.txt").exists()


def test_broken_block_is_reported_not_guessed(project, tmp_path, capsys):
    begin, _ = cron._markers("briefing")
    (tmp_path / "crontab.txt").write_text(f"{begin}\n0 7 * * 1 something\n")
    with pytest.raises(BriefingError, match="not its end line"):
        run(["--with", "cron", "--uninstall"], capsys)


def test_systemd_install_into_a_unit_dir_and_uninstall_exactly_those_files(project, tmp_path, capsys):
    units = tmp_path / "units"
    units.mkdir()
    (units / "other.service").write_text("[Service]\nExecStart=/bin/true\n")
    code, out = run(["--with", "systemd", "--install", "--unit-dir", str(units)], capsys)
    assert code == 0 and "activate with: systemctl --user daemon-reload" in out
    assert sorted(p.name for p in units.iterdir()) == ["briefing.service", "briefing.timer", "other.service"]
    assert not (tmp_path / "systemctl.log").exists()  # an override dir is never activated

    code, out = run(["--with", "systemd", "--uninstall", "--unit-dir", str(units)], capsys)
    assert code == 0
    assert sorted(p.name for p in units.iterdir()) == ["other.service"]


def test_systemd_refuses_to_overwrite_or_remove_a_unit_it_did_not_write(project, tmp_path, capsys):
    units = tmp_path / "units"
    units.mkdir()
    (units / "briefing.timer").write_text("[Timer]\nOnCalendar=daily\n")
    with pytest.raises(BriefingError, match="not written by briefing"):
        run(["--with", "systemd", "--install", "--unit-dir", str(units)], capsys)
    with pytest.raises(BriefingError, match="not written by briefing"):
        run(["--with", "systemd", "--uninstall", "--unit-dir", str(units)], capsys)
    assert (units / "briefing.timer").read_text() == "[Timer]\nOnCalendar=daily\n"


def test_systemd_install_in_the_user_dir_enables_the_timer_and_uninstall_disables_it(
    project, tmp_path, capsys
):
    unit_dir = tmp_path / "xdg" / "systemd" / "user"
    code, out = run(["--with", "systemd", "--install"], capsys)
    assert code == 0 and "enabled briefing.timer" in out
    assert (unit_dir / "briefing.timer").is_file() and (unit_dir / "briefing.service").is_file()
    calls = (tmp_path / "systemctl.log").read_text().splitlines()
    assert calls == ["--user daemon-reload", "--user enable --now briefing.timer"]

    run(["--with", "systemd", "--uninstall"], capsys)
    assert not any(unit_dir.iterdir())
    calls = (tmp_path / "systemctl.log").read_text().splitlines()
    assert calls[2:] == ["--user disable --now briefing.timer", "--user daemon-reload"]


def test_systemctl_failure_is_an_error_that_says_how_to_activate(project, monkeypatch, capsys):
    monkeypatch.setenv("FAKE_SYSTEMCTL_RC", "1")
    with pytest.raises(BriefingError, match="timer is not active. Run: systemctl --user daemon-reload"):
        run(["--with", "systemd", "--install"], capsys)


def test_missing_crontab_command_is_a_clear_error(project, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_CRONTAB", "")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(BriefingError, match="`crontab` command was not found"):
        run(["--with", "cron", "--install"], capsys)


def test_window_is_passed_to_the_scheduled_build_and_checked_first(project, capsys):
    code, out = run(["--with", "cron", "--window", "7d"], capsys)
    assert code == 0 and f"--out {project / 'output'} --window 7d && " in out.replace("'", "")
    with pytest.raises(BriefingError, match="--window: 'weekly' is not a window"):
        run(["--with", "cron", "--window", "weekly"], capsys)


def test_briefing_schedule_command_prints_and_installs_through_the_cli(project, tmp_path, capsys):
    from briefing.cli import main

    assert main(["schedule", "--with", "cron"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("30 18 * * 5 cd ")
    assert main(["schedule", "--with", "systemd", "--install", "--unit-dir", str(tmp_path / "u")]) == 0
    assert (tmp_path / "u" / "briefing.timer").is_file()
    assert main(["schedule", "--with", "cron", "--config", "missing.yaml"]) == 2
    assert "config file not found" in capsys.readouterr().err
