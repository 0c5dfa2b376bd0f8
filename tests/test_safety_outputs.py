"""Issue 16, items 4-6 and 10-12: the tool deletes or replaces only what it can prove it wrote,
and impossible dates, odd paths, broken predecessors and a full disk are one clear message.

The user's files are listed before and after every run (`snapshot`), so any deletion or
overwrite outside briefing's own editions fails the test.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from briefing.output import atomic_edition as atomic
from tests.safety_helpers import CONFIG, assert_clean_error, make_project, run_cli, snapshot

DAY = "2026-01-19"


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = make_project(tmp_path / "proj", CONFIG.replace("formats: [json]", "formats: [json, html]"))
    monkeypatch.chdir(root)
    return root


def build(capsys, *extra: str) -> tuple[int, str]:
    code, _, err = run_cli(["build", "--quiet", "--date", DAY, *extra], capsys)
    return code, err


# -- item 4: publish -----------------------------------------------------------------------------


def test_publish_into_a_folder_without_editions_changes_nothing(tmp_path, capsys):
    other = tmp_path / "other"
    for name in (".tmp-build", ".old-latest-1", "latest", ".tmp-2026-01-01-42"):
        (other / "theme" / name).mkdir(parents=True)
        (other / "theme" / name / "keep.txt").write_text("mine", encoding="utf-8")
    (other / "index.html").write_text("<p>my page</p>", encoding="utf-8")
    before = snapshot(tmp_path)
    code, out, err = run_cli(["publish", "--out", str(other)], capsys)
    assert_clean_error(code, err, 4, "no editions found")
    assert snapshot(tmp_path) == before  # not even a lock file was left


def test_publish_cleans_only_its_own_scratch_folders_and_keeps_a_users_index(project, capsys):
    code, err = build(capsys)
    assert code == 0, err
    tdir = project / "out" / "steel"
    for name in (".tmp-mine", ".old-notes", ".old-latest-77", ".tmp-2026-01-19-5"):
        (tdir / name).mkdir()
        (tdir / name / "keep.txt").write_text("mine", encoding="utf-8")
    (project / "out" / "index.html").write_text("<p>my own index</p>", encoding="utf-8")
    before = snapshot(project)
    code, _, err = run_cli(["publish"], capsys)
    assert_clean_error(code, err, 4, "index.html exists and was not written by `briefing publish`")
    assert snapshot(project) == before
    (project / "out" / "index.html").unlink()
    code, out, err = run_cli(["publish"], capsys)
    assert code == 0, err
    after = snapshot(project)
    # only briefing's own temporary folder went; .old-latest-77 holds no edition, so it stays
    gone = set(before) - set(after)
    assert gone == {"out/steel/.tmp-2026-01-19-5", "out/steel/.tmp-2026-01-19-5/keep.txt"}
    assert {k for k in before if before[k] != after.get(k)} == gone | {"out/index.html"}
    assert "briefing publish" in (project / "out" / "index.html").read_text(encoding="utf-8")
    code, _, err = run_cli(["publish"], capsys)  # our own index is replaced without complaint
    assert code == 0, err


def test_publish_skips_a_malformed_manifest_with_a_warning(project, capsys):
    code, err = build(capsys)
    assert code == 0, err
    code, err = build(capsys, "--date", "2026-01-26")
    assert code == 0, err
    (project / "out" / "steel" / DAY / "manifest.json").write_text("[" * 100000, encoding="utf-8")
    code, _, err = run_cli(["publish"], capsys)
    assert code == 0, err
    assert "Traceback" not in err and "manifest.json is malformed" in err
    index = (project / "out" / "index.html").read_text(encoding="utf-8")
    assert "2026-01-26" in index and f"steel/{DAY}/" not in index


# -- item 5: build never replaces a folder it did not write -------------------------------------


@pytest.mark.parametrize("name", [DAY, "latest"])
def test_build_leaves_a_users_folder_named_like_an_edition_alone(project, capsys, name):
    code, err = build(capsys, "--date", "2026-01-12")
    assert code == 0, err
    tdir = project / "out" / "steel"
    if name == "latest":
        for f in (tdir / "latest").iterdir():
            f.unlink()
    (tdir / name).mkdir(exist_ok=True)
    (tdir / name / "notes.txt").write_text("my notes", encoding="utf-8")
    (tdir / ".tmp-work").mkdir()
    (tdir / ".tmp-work" / "draft.txt").write_text("draft", encoding="utf-8")
    before = snapshot(project)
    code, err = build(capsys)
    assert_clean_error(code, err, 7, f"out/steel/{name} is a folder briefing did not write", "left alone")
    # the new edition may be written beside them; nothing that was there changed
    after = snapshot(project, skip=(f"out/steel/{DAY}",) if name == "latest" else ())
    assert after == {k: v for k, v in before.items() if name == DAY or not k.startswith(f"out/steel/{DAY}")}


def test_build_refuses_a_theme_folder_full_of_the_users_files(project, capsys):
    tdir = project / "out" / "steel"
    tdir.mkdir(parents=True)
    (tdir / "report.docx").write_bytes(b"mine")
    before = snapshot(project)
    code, err = build(capsys)
    assert_clean_error(code, err, 7, "out/steel holds files briefing did not write")
    # the corpus store (the tool's own cache of what it extracted) may be new; nothing else may change
    store = ("out/.store.sqlite", "out/.store.sqlite-wal", "out/.store.sqlite-shm")
    assert snapshot(project, skip=store) == before


# -- item 6: a partial rebuild keeps the other formats ------------------------------------------


def test_rebuilding_one_format_keeps_the_others_and_says_so(project, capsys):
    code, err = build(capsys)
    assert code == 0, err
    edition = project / "out" / "steel" / DAY
    first = snapshot(edition)
    code, _, err = run_cli(["build", "--date", DAY, "--format", "html"], capsys)
    assert code == 0, err
    assert "kept json from the earlier build" in err
    # latest/ names the same files without the date (a bookmark to the newest edition)
    for folder, name in ((edition, f"steel-briefing-{DAY}"), (project / "out" / "steel" / "latest", "steel-briefing")):
        files = snapshot(folder)
        assert files[f"{name}.json"] == first[f"steel-briefing-{DAY}.json"]
        assert f"{name}.html" in files
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert set(manifest["formats"]) == {"json", "html"}
        assert {e["file"] for e in manifest["formats"].values()} == {f"{name}.json", f"{name}.html"}


# -- item 10: out-of-range dates and windows -----------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--window", "999999d"], "too long a window"),
        (["--window", "9999999999d"], "too long a window"),
        (["--date", "2108-01-01"], "outside 1980-2107"),
        (["--date", "1979-12-31"], "outside 1980-2107"),
    ],
)
def test_out_of_range_dates_and_windows_are_usage_errors(project, capsys, argv, needle):
    before = snapshot(project)
    code, _, err = run_cli(["build", "--quiet", *argv], capsys)
    assert_clean_error(code, err, 2, needle)
    assert snapshot(project) == before


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b'{"doc": "d", "dct": "9999-12-31", "text": "It happened last year."}\n', "out of range"),
        (b'{"doc": "d", "dct": "0001-01-01", "text": "It happened a year ago."}\n', "out of range"),
        (b'{"doc": "d", "dct": "2026-01-05", "text": "ok"}\n{"doc": "e", "text": "caf\xe9"}\n', ":2: not valid UTF-8"),
    ],
)
def test_dates_command_reports_bad_lines(tmp_path, capsys, content, needle):
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    code, _, err = run_cli(["dates", str(path)], capsys)
    assert_clean_error(code, err, 3, needle)
    code, _, err = run_cli(["dates", str(tmp_path)], capsys)
    assert_clean_error(code, err, 3, "is a directory")


# -- item 11: odd things where files are expected ------------------------------------------------


def test_a_directory_at_the_lock_path_is_named_and_left_alone(project, capsys):
    (project / "out" / ".briefing.output.lock").mkdir(parents=True)
    before = snapshot(project)
    code, err = build(capsys)
    assert_clean_error(code, err, 4, ".briefing.output.lock is a directory, not briefing's lock file")
    assert snapshot(project) == before


@pytest.mark.parametrize("bad", ["[" * 100000, "{not json", '{"schema_version": 1, "sources": 7}', "[]"])
def test_an_unreadable_previous_model_is_skipped_with_a_warning(project, capsys, bad):
    code, err = build(capsys, "--date", "2026-01-12")
    assert code == 0, err
    model = project / "out" / "steel" / "2026-01-12" / "model.json"
    model.write_text(bad, encoding="utf-8")
    code, err = build(capsys, "--window", "7d")
    assert code == 0, err
    assert "Traceback" not in err and "cannot compare with the previous edition" in err
    assert (project / "out" / "steel" / DAY / "manifest.json").is_file()


# -- item 12: disk full --------------------------------------------------------------------------


def test_disk_full_names_the_folder_and_removes_the_temporary_one(project, capsys, monkeypatch):
    code, err = build(capsys, "--date", "2026-01-12")
    assert code == 0, err
    before = snapshot(project)
    real = atomic._write_file

    def full_after_some_bytes(path: Path, data: bytes) -> None:
        real(path, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(atomic, "_write_file", full_after_some_bytes)
    code, err = build(capsys)
    assert_clean_error(code, err, 7, "no space left on the device holding out/steel")
    assert len(err) < 600, err
    assert snapshot(project) == before  # no temporary folder left, the previous edition untouched
