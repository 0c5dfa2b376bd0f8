"""The build's exit codes as a scheduled job sees them: 7 when some themes failed, 8 with --strict."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from briefing.cli import main

CONFIG = """\
output: {folder: out}
themes:
  - id: ports
    title: Port talks
    description: Harbour and port negotiations.
    terms: [port, harbour]
  - id: fishing
    title: Fishing quotas
    description: Fishing quotas and fleets.
    terms: [fishing, quota]
"""

DATED = """\
Port and fishing talks resume

Published: March 4, 2026

Negotiators met at the port on Tuesday to discuss fishing quotas and harbour fees.
"""

UNDATED = """\
Harbour fees rise

The port authority raised harbour fees for fishing boats, officials said.
"""


def run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(list(args))
    return code, err.getvalue()


def project(tmp_path: Path, *docs: str) -> list[str]:
    (tmp_path / "config.yaml").write_text(CONFIG, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(docs):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    return ["--config", str(tmp_path / "config.yaml"), "--corpus", str(corpus), "--out", str(tmp_path / "out")]


def test_a_warning_is_only_a_warning_without_strict(tmp_path):
    opts = project(tmp_path, DATED, UNDATED)
    code, err = run("build", *opts, "--format", "json", "--date", "2026-03-09", "--quiet")
    assert code == 0, err
    assert "warning: 1.txt" in err
    assert (tmp_path / "out" / "ports" / "latest").is_dir()


def test_strict_fails_at_the_first_warning_and_publishes_nothing(tmp_path):
    opts = project(tmp_path, DATED, UNDATED)
    code, err = run("build", *opts, "--format", "json", "--date", "2026-03-09", "--quiet", "--strict")
    assert code == 8, err
    assert "strict: 1.txt" in err and "--strict turns warnings into failure" in err
    assert not any((tmp_path / "out").glob("*/latest"))


def test_strict_passes_a_clean_corpus(tmp_path):
    opts = project(tmp_path, DATED)
    code, err = run("build", *opts, "--format", "json", "--date", "2026-03-09", "--quiet", "--strict")
    assert code == 0, err
    assert (tmp_path / "out" / "fishing" / "latest").is_dir()


def test_a_failed_theme_exits_7_and_the_other_themes_are_built(tmp_path):
    opts = project(tmp_path, DATED)
    mine = tmp_path / "out" / "ports" / "latest"
    mine.mkdir(parents=True)
    (mine / "my-notes.txt").write_text("not the tool's", encoding="utf-8")
    code, err = run("build", *opts, "--format", "json", "--date", "2026-03-09", "--quiet")
    assert code == 7, err
    assert "build incomplete: 1 theme(s) failed: ports:" in err
    assert (mine / "my-notes.txt").read_text(encoding="utf-8") == "not the tool's"
    assert (tmp_path / "out" / "fishing" / "latest").is_dir()
