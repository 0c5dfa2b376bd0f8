"""Issue 16, items 3, 8, 9 and the config/sidecar part of 11: hostile YAML through the command line.

Every case must end in one message naming the file and, where there is one, the line, with
the documented exit code (2 for config.yaml, 3 for sources.yaml), and must change nothing.
"""

from __future__ import annotations

import os
import time

import pytest

from tests.safety_helpers import CONFIG, assert_clean_error, make_project, run_briefing, run_cli, snapshot

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


CONFIG_CASES = {
    "alias bomb": (BOMB + CONFIG, "config.yaml:1:", "aliases"),
    "deep nesting": ("themes: " + "[" * 20000 + "]" * 20000 + "\n", "config.yaml:1:", "nested more than 64"),
    "deep block nesting": (
        "themes:\n" + "".join("  " * i + "- \n" for i in range(1, 200)),
        "config.yaml:",
        "nested more than 64",
    ),
    "recursive alias": ("x: &x [*x]\n" + CONFIG, "config.yaml:1:", "refers to the node that contains it"),
    "duplicate themes": (
        CONFIG + "themes:\n  - id: other\n",
        "config.yaml:9:",
        "key 'themes' appears twice, on lines 1 and 9",
    ),
    "lone surrogate": (CONFIG.replace("title: Steel trade dispute", 'title: "bad \\ud800"'), "config.yaml:3:", "lone surrogate"),
    "impossible date": (CONFIG + "author: 2026-02-30\n", "config.yaml:9:", "'2026-02-30' is not a valid value"),
    "huge integer": (CONFIG.replace("formats: [json]", "max_events: " + "9" * 5000), "config.yaml:8:", "not a valid value"),
}


@pytest.mark.parametrize("case", sorted(CONFIG_CASES))
def test_hostile_config_is_one_clear_message(tmp_path, monkeypatch, capsys, case):
    text, where, what = CONFIG_CASES[case]
    project = make_project(tmp_path / "proj", text)
    monkeypatch.chdir(project)
    before = snapshot(tmp_path)
    started = time.monotonic()
    for command in (["build", "--quiet"], ["themes"], ["schedule", "--with", "cron"], ["publish"]):
        code, out, err = run_cli(command, capsys)
        assert_clean_error(code, err, 2, where, what)
        assert out == ""
    assert time.monotonic() - started < 30  # refused before anything grows
    assert snapshot(tmp_path) == before


SIDECAR_CASES = {
    "alias bomb": ("x.txt: {title: t}\n" + BOMB, "sources.yaml:", "aliases"),
    "impossible date": ("a.txt:\n  published: 2026-02-30\n", "sources.yaml:2:", "'2026-02-30' is not a valid value"),
    "duplicate file": (
        "a.txt: {title: One}\nb.txt: {title: Two}\na.txt: {title: Three}\n",
        "sources.yaml:3:",
        "key 'a.txt' appears twice, on lines 1 and 3",
    ),
    "lone surrogate": ('a.txt:\n  title: "x\\udfff"\n', "sources.yaml:2:", "lone surrogate"),
}


@pytest.mark.parametrize("case", sorted(SIDECAR_CASES))
def test_hostile_sidecar_is_one_clear_message(tmp_path, monkeypatch, capsys, case):
    text, where, what = SIDECAR_CASES[case]
    project = make_project(tmp_path / "proj")
    (project / "seeds" / "sources.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    before = snapshot(tmp_path, skip=("proj/out",))
    code, _, err = run_cli(["build", "--quiet"], capsys)
    assert_clean_error(code, err, 3, where, what)
    code, _, err = run_cli(["extract"], capsys)
    assert_clean_error(code, err, 3, where, what)
    assert snapshot(tmp_path, skip=("proj/out",)) == before


def test_config_that_is_a_directory_is_refused(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "proj")
    (project / "conf.d").mkdir()
    monkeypatch.chdir(project)
    for command in ("build", "themes", "extract"):
        code, _, err = run_cli([command, "--config", "conf.d"], capsys)
        assert_clean_error(code, err, 2, "conf.d is a directory", "--config FILE")


def test_sidecar_that_is_a_directory_is_refused(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "proj")
    (project / "seeds" / "sources.yaml").mkdir()
    monkeypatch.chdir(project)
    code, _, err = run_cli(["build", "--quiet"], capsys)
    assert_clean_error(code, err, 3, "sources.yaml is a directory")


def test_sidecar_that_is_a_fifo_does_not_hang_the_locked_build(tmp_path):
    project = make_project(tmp_path / "proj")
    os.mkfifo(project / "seeds" / "sources.yaml")
    proc = run_briefing(["build", "--date", "2026-01-19"], project, timeout=60)
    assert_clean_error(proc.returncode, proc.stderr, 3, "sources.yaml is a named pipe (FIFO)")
    assert not (project / "out" / ".briefing.output.lock").exists()  # the lock was released
    proc = run_briefing(["build", "--config", str(project / "seeds" / "sources.yaml")], project, timeout=60)
    assert_clean_error(proc.returncode, proc.stderr, 2, "named pipe")
