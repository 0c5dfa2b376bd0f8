"""The corpus store: incremental builds give exactly what a full build gives, and stale results are
never used (changed file, changed people registry, new tool version, removed file, old schema,
killed build)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing import build as build_mod
from briefing.config import load_config
from briefing.progress import Reporter
from briefing.store import corpus as store_corpus
from briefing.store import default_path, open_store
from briefing.store.codec import encode
from briefing.store.corpus import load_corpus
from tests.store_helpers import article, tree, write_config, write_corpus

DATE = "2026-01-19"


def _build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "briefing"
    return subprocess.run(
        [str(exe), "build", "--date", DATE, "--quiet", "--seeds", "seeds", "--out", "out", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _load(project: Path, warnings: list[str] | None = None, **kw):
    config = load_config(project / "config.yaml")
    warn = (warnings if warnings is not None else []).append
    store = open_store(config.store, project / "out", warn)
    try:
        return load_corpus(project / "seeds", config.people, store, warn, **kw)
    finally:
        store.close()


@pytest.fixture(params=["sqlite"])
def store_spec(request) -> str:
    return request.param


@pytest.fixture
def project(tmp_path: Path, store_spec: str) -> Path:
    write_corpus(tmp_path / "seeds", 12)
    write_config(tmp_path / "config.yaml", store=store_spec)
    return tmp_path


def test_cached_rebuilt_and_storeless_briefings_are_byte_identical(project: Path, tmp_path_factory) -> None:
    first = _build(project)
    assert first.returncode == 0, first.stderr
    uncached = tree(project / "out")
    assert any(name.endswith(".json") for name in uncached)
    again = _build(project)
    assert again.returncode == 0, again.stderr
    assert tree(project / "out") == uncached
    rebuilt = _build(project, "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert tree(project / "out") == uncached
    # and a build without any store at all
    plain = tmp_path_factory.mktemp("plain")
    write_corpus(plain / "seeds", 12)
    write_config(plain / "config.yaml", store="none")
    assert _build(plain).returncode == 0
    assert tree(plain / "out", manifests=False) == tree(project / "out", manifests=False)
    assert not (plain / "out" / ".store.sqlite").exists()


def test_only_new_or_changed_files_are_extracted_and_removed_ones_disappear(project: Path) -> None:
    result, stats = _load(project)
    assert (stats.extracted, stats.cached) == (12, 0)
    result, stats = _load(project)
    assert (stats.extracted, stats.cached) == (0, 12)
    (project / "seeds" / "report-003.txt").write_text(article(3).replace("fish market", "ice rink"), "utf-8")
    (project / "seeds" / "report-999.txt").write_text(article(99), encoding="utf-8")
    (project / "seeds" / "report-005.txt").unlink()
    result, stats = _load(project)
    assert (stats.extracted, stats.cached, stats.removed) == (2, 10, 1)
    ids = [d.id for d in result.documents]
    assert "report-005.txt" not in ids and "report-999.txt" in ids
    changed = next(d for d in result.documents if d.id == "report-003.txt")
    assert "ice rink" in changed.text
    # the build shows the same: the removed report is no longer a source, the new one is
    assert _build(project).returncode == 0
    model = json.loads((project / "out" / "bridge" / DATE / "model.json").read_text(encoding="utf-8"))
    files = {s["file"] for s in model["sources"]}
    assert "report-005.txt" not in files and "report-999.txt" in files


def test_a_changed_people_registry_invalidates_every_file(project: Path) -> None:
    _load(project)
    write_config(
        project / "config.yaml",
        store=load_config(project / "config.yaml").store,
        people_extra="  - name: Ola Dahl\n    role: Ferry captain\n",
    )
    _, stats = _load(project)
    assert (stats.extracted, stats.cached) == (12, 0)


def test_a_new_tool_version_invalidates_every_file(project: Path, monkeypatch) -> None:
    _load(project)
    monkeypatch.setattr(store_corpus, "tool_fingerprint", lambda: "9.9.9+changed-code")
    _, stats = _load(project)
    assert (stats.extracted, stats.cached) == (12, 0)
    monkeypatch.undo()
    _, stats = _load(project)  # back to the running code: its results were replaced, so extracted again
    assert stats.extracted == 12


def test_rebuild_ignores_the_store(project: Path) -> None:
    _load(project)
    _, stats = _load(project, rebuild=True)
    assert (stats.extracted, stats.cached) == (12, 0)


def test_parallel_extraction_gives_the_same_results_as_one_process(project: Path) -> None:
    one, _ = _load(project, rebuild=True, workers=1)
    two, stats = _load(project, rebuild=True, workers=2)
    assert stats.extracted == 12
    assert [d.id for d in one.documents] == [d.id for d in two.documents]
    assert encode(one.events) == encode(two.events)
    assert encode(one.quotes) == encode(two.quotes)
    assert encode(one.statements) == encode(two.statements)
    assert any(one.quotes.values()) and any(one.events.values())


KILLER = """
import os, signal, sys
sys.argv = ["briefing", "build", "--date", "{date}", "--quiet", "--seeds", "seeds", "--out", "out"]
from briefing.store import corpus
corpus.BATCH = 3
import briefing.store.{module} as backend
cls = getattr(backend, "{cls}")
original = cls.save
calls = []
def save(self, corpus_name, rows):
    rows = list(rows)
    calls.append(len(rows))
    if len(calls) == 3:
        {kill}
    original(self, corpus_name, rows)
cls.save = save
from briefing.cli import main
main()
"""


def _killed_build(project: Path, store_spec: str, kill: str) -> None:
    module, cls = (
        ("postgres", "PostgresStore") if store_spec.startswith("postgresql") else ("sqlite", "SqliteStore")
    )
    code = textwrap.dedent(KILLER).format(date=DATE, module=module, cls=cls, kill=kill)
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == -9, proc.stderr  # really killed, with SIGKILL, mid-build


UNCOMMITTED = {
    "sqlite": "self.db.executemany('INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)', "
    "[(corpus_name, r.name, r.key, r.tool, r.payload) for r in rows]); ",
    "postgresql": "self.conn.cursor().executemany('INSERT INTO sources VALUES (%s, %s, %s, %s, %s)', "
    "[(corpus_name, r.name, r.key, r.tool, r.payload) for r in rows]); ",
}


@pytest.mark.parametrize("inside", [False, True], ids=["between-commits", "inside-a-transaction"])
def test_a_killed_build_leaves_a_store_the_next_build_uses(
    project: Path, store_spec: str, inside: bool, tmp_path_factory
) -> None:
    backend = "postgresql" if store_spec.startswith("postgresql") else "sqlite"
    # in the middle of a transaction: rows written, the commit never reached
    kill = (UNCOMMITTED[backend] if inside else "") + "os.kill(os.getpid(), signal.SIGKILL)"
    _killed_build(project, store_spec, kill)
    warnings: list[str] = []
    _, stats = _load(project, warnings)
    assert stats.cached == 6 and stats.extracted == 6  # two batches of 3 were committed before the kill
    assert not [w for w in warnings if "store" in w], warnings
    assert _build(project).returncode == 0
    fresh = tmp_path_factory.mktemp("fresh")
    write_corpus(fresh / "seeds", 12)
    write_config(fresh / "config.yaml", store="none")
    assert _build(fresh).returncode == 0
    assert tree(project / "out", manifests=False) == tree(fresh / "out", manifests=False)


def test_a_store_of_another_schema_version_is_rebuilt_with_a_message(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 3)
    write_config(tmp_path / "config.yaml")
    _load(tmp_path)
    db = sqlite3.connect(default_path(tmp_path / "out"))
    with db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    db.close()
    warnings: list[str] = []
    _, stats = _load(tmp_path, warnings)
    assert stats.extracted == 3
    assert any("another version of briefing" in w and "rebuilding" in w for w in warnings), warnings
    _, stats = _load(tmp_path)
    assert stats.cached == 3


def test_an_unreadable_store_is_moved_aside_and_the_build_goes_on(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 3)
    write_config(tmp_path / "config.yaml")
    path = default_path(tmp_path / "out")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, but somebody's file" * 100)
    proc = _build(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "not a usable store" in proc.stderr and "Traceback" not in proc.stderr
    aside = path.with_name(path.name + ".unreadable-1")
    assert aside.read_bytes().startswith(b"this is not a database")  # kept, never deleted
    _, stats = _load(tmp_path)
    assert stats.cached == 3


def test_the_store_backs_run_build_too(project: Path) -> None:
    config = load_config(project / "config.yaml")
    result = build_mod.run_build(
        config,
        project / "seeds",
        project / "out",
        ["bridge"],
        ["json"],
        Reporter(quiet=True),
        edition_date=__import__("datetime").date(2026, 1, 19),
    )
    assert result.written and not result.failed
    _, stats = _load(project)
    assert stats.cached == 12
