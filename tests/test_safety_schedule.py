"""Issue 16, item 1 (scheduler injection) and item 7 (`~` and `$VAR` the same everywhere).

The printed crontab line and systemd units are parsed back the way cron and systemd read
them: exactly one job line, only the directives we write, and every path arriving intact.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.safety_helpers import assert_clean_error, make_project, run_cli, snapshot

ALLOWED_SERVICE_KEYS = {
    "Description",
    "Type",
    "WorkingDirectory",
    "ExecStart",
    "StandardOutput",
    "StandardError",
}
ALLOWED_TIMER_KEYS = {"Description", "OnCalendar", "Persistent", "Unit", "WantedBy"}


def cron_job_line(out: str) -> str:
    lines = [line for line in out.splitlines() if line.strip() and not line.startswith("#")]
    assert len(lines) == 1, out  # one job, nothing smuggled onto a line of its own
    return lines[0]


def cron_argv(line: str) -> list[str]:
    """Undo cron's `%` escaping and split the shell command as sh would tokenise it."""
    fields = line.split(" ", 5)
    assert len(fields) == 6
    command = fields[5]
    assert "%" not in command.replace("\\%", "")  # an unescaped % would cut the command short
    return shlex.split(command.replace("\\%", "%"))


def parse_units(out: str) -> dict[str, list[tuple[str, str]]]:
    units: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] = []
    for line in out.splitlines():
        if line.startswith("### "):
            current = units.setdefault(Path(line[4:]).name, [])
            continue
        if not line.strip() or line.startswith("#") or line.startswith("["):
            continue
        key, sep, value = line.partition("=")
        assert sep, f"not a directive: {line!r}"
        current.append((key, value))
    return units


def systemd_unescape(value: str) -> str:
    return value.replace("%%", "%")


def exec_argv(value: str) -> list[str]:
    return shlex.split(value.replace("$$", "$").replace("%%", "%"))


@pytest.mark.parametrize("where", ["workdir", "config", "seeds", "out"])
@pytest.mark.parametrize("control", ["\n", "\r", "\x1b"])
def test_schedule_refuses_a_path_with_a_control_character(tmp_path, monkeypatch, capsys, where, control):
    project = make_project(tmp_path / ("wd" + control + "x" if where == "workdir" else "proj"))
    monkeypatch.chdir(project)
    argv = ["schedule", "--with", "cron"]
    if where == "config":
        bad = project / f"c{control}ExecStartPre=evil.yaml"
        bad.write_text((project / "config.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        argv += ["--config", str(bad)]
    elif where == "seeds":
        bad = project / f"s{control}* * * * * evil"
        (project / "seeds").rename(bad)
        argv += ["--seeds", str(bad)]
    elif where == "out":
        argv += ["--out", f"o{control}* * * * * touch /tmp/pwned"]
    before = snapshot(tmp_path)
    for backend in ("cron", "systemd"):
        argv[2] = backend
        code, out, err = run_cli([*argv, "--unit-dir", str(tmp_path / "units")] if backend == "systemd" else argv, capsys)
        assert_clean_error(code, err, 1, "control character")
        assert out == ""
    assert snapshot(tmp_path) == before


WEIRD = "my briefings 100% $HOME 'quoted' \"double\" back\\slash ;&|"


def test_cron_line_keeps_every_path_intact_through_cron_and_sh(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / WEIRD)
    monkeypatch.chdir(project)
    code, out, err = run_cli(["schedule", "--with", "cron", "--out", "out %d 50%"], capsys)
    assert code == 0, err
    argv = cron_argv(cron_job_line(out))
    assert argv[:2] == ["cd", str(project)]
    build = argv.index("build")
    assert argv[build + 1 : build + 7] == [
        "--config",
        str(project / "config.yaml"),
        "--corpus",
        str(project / "seeds"),
        "--out",
        str(project / "out %d 50%"),
    ]


def test_systemd_units_hold_only_our_directives_and_every_path_intact(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / WEIRD)
    monkeypatch.chdir(project)
    code, out, err = run_cli(
        ["schedule", "--with", "systemd", "--unit-dir", str(tmp_path / "u"), "--out", "o %h x"], capsys
    )
    assert code == 0, err
    units = parse_units(out)
    service, timer = units["briefing.service"], units["briefing.timer"]
    assert {k for k, _ in service} <= ALLOWED_SERVICE_KEYS
    assert {k for k, _ in timer} <= ALLOWED_TIMER_KEYS
    values = dict(service)
    assert systemd_unescape(values["WorkingDirectory"]) == str(project)
    log = str(project / "logs" / "briefing-schedule.log")
    assert systemd_unescape(values["StandardOutput"]) == f"append:{log}"
    build = exec_argv(service[[k for k, _ in service].index("ExecStart")][1])
    assert build[build.index("--out") + 1] == str(project / "o %h x")
    assert build[build.index("--corpus") + 1] == str(project / "seeds")


def test_home_and_variables_expand_the_same_in_build_and_schedule(tmp_path, monkeypatch, capsys):
    """Item 7: `output.folder: ~/briefings` is the same folder for a manual and a scheduled build."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("BRIEF_ROOT", str(tmp_path / "elsewhere"))
    config = (
        Path(__file__).parent.joinpath("safety_helpers.py").read_text(encoding="utf-8").split('CONFIG = """\\\n')[1]
    )
    config = config.split('"""')[0].replace("folder: out", "folder: ~/briefings")
    project = make_project(tmp_path / "proj", config)
    monkeypatch.chdir(project)
    code, _, err = run_cli(["build", "--date", "2026-01-19", "--quiet"], capsys)
    assert code == 0, err
    assert (home / "briefings" / "steel" / "2026-01-19" / "manifest.json").is_file()
    assert not (project / "~").exists()
    code, out, err = run_cli(["schedule", "--with", "cron"], capsys)
    assert code == 0, err
    argv = cron_argv(cron_job_line(out))
    assert argv[argv.index("--out") + 1] == str(home / "briefings")
    # environment variables, given as an option, expand the same way in both commands
    code, _, err = run_cli(["build", "--date", "2026-01-19", "--quiet", "--out", "$BRIEF_ROOT/b"], capsys)
    assert code == 0, err
    assert (tmp_path / "elsewhere" / "b" / "steel" / "latest").is_dir()
    code, out, _ = run_cli(["schedule", "--with", "cron", "--out", "$BRIEF_ROOT/b"], capsys)
    argv = cron_argv(cron_job_line(out))
    assert argv[argv.index("--out") + 1] == str(tmp_path / "elsewhere" / "b")


def test_an_unset_variable_is_an_error_not_a_folder_named_after_it(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "proj")
    monkeypatch.chdir(project)
    monkeypatch.delenv("NO_SUCH_VAR_16", raising=False)
    before = snapshot(tmp_path)
    code, _, err = run_cli(["build", "--quiet", "--out", "$NO_SUCH_VAR_16/x"], capsys)
    assert_clean_error(code, err, 2, "NO_SUCH_VAR_16", "not set")
    assert snapshot(tmp_path) == before
