"""A weekly build does not repeat the same read warnings for unchanged files: a file warns when it is
new or changed, and unchanged files' stored warnings are counted in one line.  --strict still fails on
them, naming the file, because the briefing is as degraded as when they were first raised."""

from __future__ import annotations

from pathlib import Path

from tests.store_helpers import article, build, write_config


def undated(i: int) -> str:
    """An article with no printed date whose events date it (the reader infers and warns)."""
    text = article(i)
    return "\n\n".join(part for part in text.split("\n\n") if not part.startswith("Monday,"))


def _project(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(3):
        (seeds / f"undated-{i}.txt").write_text(undated(i), encoding="utf-8")
    (seeds / "dated.txt").write_text(article(7), encoding="utf-8")
    write_config(tmp_path / "config.yaml")
    return tmp_path


def _inferred_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "no date printed; inferred" in line]


def test_unchanged_files_are_counted_once_and_a_changed_file_warns_again(tmp_path):
    project = _project(tmp_path)
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert sorted(line.split(":")[1].strip() for line in _inferred_lines(first.stderr)) == [
        f"undated-{i}.txt" for i in range(3)
    ]
    assert "unchanged" not in first.stderr

    second = build(project)
    assert second.returncode == 0, second.stderr
    assert _inferred_lines(second.stderr) == []
    summary = [line for line in second.stderr.splitlines() if "unchanged" in line]
    assert summary == [
        "warning: 3 unchanged documents have inferred dates "
        "(warned when first read; build with --rebuild or --strict to list them again)"
    ]

    changed = project / "seeds" / "undated-1.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe council meets again next month.\n")
    third = build(project)
    assert third.returncode == 0, third.stderr
    assert [line.split(":")[1].strip() for line in _inferred_lines(third.stderr)] == ["undated-1.txt"]
    assert "2 unchanged documents have inferred dates" in third.stderr

    again = build(project, "--rebuild")
    assert len(_inferred_lines(again.stderr)) == 3
    assert "unchanged" not in again.stderr


def test_strict_still_fails_on_an_unchanged_degraded_file_and_names_it(tmp_path):
    project = _project(tmp_path)
    assert build(project).returncode == 0
    strict = build(project, "--strict")
    assert strict.returncode == 8
    assert "undated-0.txt: no date printed; inferred" in strict.stderr
    assert "--strict turns warnings into failure" in strict.stderr


def test_a_clean_corpus_rebuilds_without_any_warning(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "dated.txt").write_text(article(7), encoding="utf-8")
    write_config(tmp_path / "config.yaml")
    assert build(tmp_path).returncode == 0
    second = build(tmp_path, "--strict")
    assert second.returncode == 0, second.stderr
    assert "warning" not in second.stderr
