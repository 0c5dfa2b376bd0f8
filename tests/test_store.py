"""The corpus store: incremental builds give exactly what a full build gives, and stale results are
never used (changed file, changed people registry, new tool version, removed file, old schema,
killed build)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefing import build as build_mod
from briefing.config import load_config
from briefing.progress import Reporter
from briefing.store import corpus as store_corpus
from briefing.store import default_path, open_store
from briefing.store.codec import encode
from tests.store_helpers import (
    DATE,
    article,
    build,
    empty_store,
    load_everything,
    tree,
    write_config,
    write_corpus,
)


def _load(project: Path, warnings: list[str] | None = None, **kw):
    config = load_config(project / "config.yaml")
    warn = (warnings if warnings is not None else []).append
    store = open_store(config.store, project / "out", warn)
    try:
        return load_everything(project / "seeds", config.people, store, warn, **kw)
    finally:
        store.close()


@pytest.fixture
def project(tmp_path: Path, store_spec: str) -> Path:
    write_corpus(tmp_path / "seeds", 12)
    write_config(tmp_path / "config.yaml", store=store_spec)
    return tmp_path


def test_cached_rebuilt_and_storeless_briefings_are_byte_identical(project: Path, tmp_path_factory) -> None:
    first = build(project)
    assert first.returncode == 0, first.stderr
    uncached = tree(project / "out")
    assert any(name.endswith(".json") for name in uncached)
    again = build(project)
    assert again.returncode == 0, again.stderr
    assert tree(project / "out") == uncached
    rebuilt = build(project, "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert tree(project / "out") == uncached
    # and a build without any store at all
    plain = tmp_path_factory.mktemp("plain")
    write_corpus(plain / "seeds", 12)
    write_config(plain / "config.yaml", store="none")
    assert build(plain).returncode == 0
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
    assert build(project).returncode == 0
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
from briefing.store import corpus, postgres, sqlite
corpus.BATCH = corpus.COMMIT_EVERY = 3
calls = []

def kill():
    os.kill(os.getpid(), signal.SIGKILL)

{patch}
from briefing.cli import main
main()
"""
# Each kill happens after two batches of three files were committed, at two moments: before the
# third batch starts, and in the middle of its transaction (rows written or locked, no commit).
PATCHES = {
    ("sqlite", False): """
original = sqlite.SqliteStore.save
def save(self, name, rows):
    calls.append(1)
    if len(calls) == 3:
        kill()
    original(self, name, rows)
sqlite.SqliteStore.save = save
""",
    ("sqlite", True): """
original = sqlite.SqliteStore.save
def save(self, name, rows):
    calls.append(1)
    if len(calls) == 3:
        self.db.executemany(
            'INSERT OR REPLACE INTO sources (corpus, name, key, tool, meta, payload, words, stamp) VALUES (?, ?, ?, ?, ?, ?, zeroblob(0), "")',
            [(name, r.name, r.key, r.tool, r.meta, r.payload) for r in rows])
        self.db.execute("UPDATE words SET units = units + 1000 WHERE key = 'harbour'")
        kill()
    original(self, name, rows)
sqlite.SqliteStore.save = save
""",
    ("postgresql", False): """
original = postgres.PostgresStore.claim
def claim(self, *a, **k):
    calls.append(1)
    if len(calls) == 3:
        kill()
    return original(self, *a, **k)
postgres.PostgresStore.claim = claim
""",
    ("postgresql", True): """
original = corpus._extract
def extract(*a, **k):
    for item in original(*a, **k):
        calls.append(1)
        if len(calls) == 7:  # the third claim's rows are locked in an open transaction
            kill()
        yield item
corpus._extract = extract
""",
}


def _killed_build(project: Path, backend: str, inside: bool) -> None:
    code = textwrap.dedent(KILLER).format(date=DATE, patch=PATCHES[(backend, inside)])
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == -9, proc.stderr  # really killed, with SIGKILL, mid-build


@pytest.mark.parametrize("inside", [False, True], ids=["between-commits", "inside-a-transaction"])
def test_a_killed_build_leaves_a_store_the_next_build_uses(
    project: Path, store_spec: str, inside: bool, tmp_path_factory
) -> None:
    backend = "postgresql" if store_spec.startswith("postgresql") else "sqlite"
    _killed_build(project, backend, inside)
    warnings: list[str] = []
    _, stats = _load(project, warnings)
    assert stats.cached == 6 and stats.extracted == 6  # two batches of 3 were committed before the kill
    assert not [w for w in warnings if "store" in w], warnings
    assert build(project).returncode == 0
    fresh = tmp_path_factory.mktemp("fresh")
    write_corpus(fresh / "seeds", 12)
    write_config(fresh / "config.yaml", store="none")
    assert build(fresh).returncode == 0
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


def test_a_damaged_store_is_moved_aside_and_the_build_goes_on(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 3)
    write_config(tmp_path / "config.yaml")
    assert build(tmp_path).returncode == 0
    path = default_path(tmp_path / "out")
    for extra in ("-wal", "-shm"):  # a store whose last writes never reached the disk
        path.with_name(path.name + extra).unlink(missing_ok=True)
    damaged = path.read_bytes()[:100] + b"\xff" * 4000  # SQLite's header, then garbage
    path.write_bytes(damaged)
    proc = build(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "not a usable store" in proc.stderr and "Traceback" not in proc.stderr
    aside = path.with_name(path.name + ".unreadable-1")
    assert aside.read_bytes() == damaged  # kept, never deleted
    _, stats = _load(tmp_path)
    assert stats.cached == 3


def _user_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_store_path_naming_somebodys_file_leaves_it_alone(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 2)
    notes = tmp_path / "mine" / "notes.txt"
    notes.parent.mkdir()
    notes.write_bytes(b"my thesis notes, not a database" * 100)
    write_config(tmp_path / "config.yaml", store=str(notes))
    before = _user_files(tmp_path / "mine")
    proc = build(tmp_path)
    assert proc.returncode == 4, proc.stderr
    assert f"{notes}: not a corpus store" in proc.stderr and "left alone" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _user_files(tmp_path / "mine") == before  # not renamed, not written


def test_a_store_path_naming_another_programs_database_never_touches_its_tables(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 2)
    other = tmp_path / "mine" / "app.sqlite"
    other.parent.mkdir()
    db = sqlite3.connect(other)
    db.executescript("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema_version', '99');")
    db.executescript("CREATE TABLE invoices (id INTEGER, amount REAL); INSERT INTO invoices VALUES (1, 9.5);")
    db.commit()
    db.close()
    before = _user_files(tmp_path / "mine")
    write_config(tmp_path / "config.yaml", store=str(other))
    proc = build(tmp_path)
    assert proc.returncode == 4, proc.stderr
    assert "did not write (it holds invoices)" in proc.stderr and "left alone" in proc.stderr
    assert _user_files(tmp_path / "mine") == before  # its meta table was not dropped, nothing added


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_a_store_path_that_is_not_a_regular_file_is_refused_without_hanging(tmp_path: Path, kind: str) -> None:
    write_corpus(tmp_path / "seeds", 2)
    target = tmp_path / "odd"
    if kind == "directory":
        target.mkdir()
    else:
        os.mkfifo(target)
    write_config(tmp_path / "config.yaml", store=str(target))
    proc = build(tmp_path)
    assert proc.returncode == 4, proc.stderr
    assert "not a regular file; it was left alone" in proc.stderr
    assert (target.is_dir() if kind == "directory" else target.is_fifo())


def test_a_store_path_with_an_unset_variable_is_named_not_created_literally(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 2)
    write_config(tmp_path / "config.yaml", store="$BRIEFING_NO_SUCH_VAR/store.sqlite")
    proc = build(tmp_path)
    assert proc.returncode != 0 and "BRIEFING_NO_SUCH_VAR is not set" in proc.stderr
    assert not list(tmp_path.glob("$*"))


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


WORKER = """
import json, sys, time
from pathlib import Path
from briefing.config import load_config
from briefing.store import corpus, open_store
corpus.BATCH = 2
config = load_config("config.yaml")
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.01)
store = open_store(config.store, Path("out"))
_, stats = corpus.open_corpus(Path("seeds"), config.people, store, lambda m: None, workers=1)
print(json.dumps(stats.extracted_names))
"""


def test_two_builds_on_the_postgresql_store_never_extract_the_same_file_twice(
    tmp_path: Path, postgres_url: str
) -> None:
    write_corpus(tmp_path / "seeds", 24)
    write_config(tmp_path / "config.yaml", store=postgres_url)
    empty_store(postgres_url, tmp_path)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(go)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    go.touch()  # both start at once
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    first, second = (json.loads(o[0]) for o in outs)
    assert not set(first) & set(second)
    assert sorted(first + second) == [f"report-{i:03d}.txt" for i in range(24)]
    _, stats = _load(tmp_path)
    assert stats.cached == 24


def test_sqlite_and_postgresql_stores_give_identical_briefings(tmp_path: Path, postgres_url: str) -> None:
    trees = []
    for name, spec in (("lite", "sqlite"), ("pg", postgres_url)):
        project = tmp_path / name
        write_corpus(project / "seeds", 12)
        write_config(project / "config.yaml", store=spec)
        if spec == postgres_url:
            empty_store(spec, project)
        for _ in range(2):  # the uncached build, then the cached one
            proc = build(project)
            assert proc.returncode == 0, proc.stderr
            trees.append(tree(project / "out", manifests=False))
    assert trees[0] == trees[1] == trees[2] == trees[3]
    assert any(name.endswith("model.json") for name in trees[0])


def test_a_postgresql_store_of_another_schema_version_is_rebuilt_with_a_message(
    tmp_path: Path, postgres_url: str
) -> None:
    write_corpus(tmp_path / "seeds", 3)
    write_config(tmp_path / "config.yaml", store=postgres_url)
    empty_store(postgres_url, tmp_path)
    _load(tmp_path)
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("UPDATE briefing.meta SET value = '0' WHERE key = 'schema_version'")
    warnings: list[str] = []
    _, stats = _load(tmp_path, warnings)
    assert stats.extracted == 3
    assert any("another version of briefing" in w for w in warnings), warnings


def test_an_unreachable_postgresql_store_is_a_clear_error(tmp_path: Path) -> None:
    write_corpus(tmp_path / "seeds", 2)
    write_config(tmp_path / "config.yaml", store="postgresql://nobody:secret@127.0.0.1:1/none")
    proc = build(tmp_path)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "cannot connect" in proc.stderr and "secret" not in proc.stderr


def test_a_files_key_is_its_bytes_and_its_sources_yaml_entry(tmp_path: Path) -> None:
    import hashlib

    from briefing.store.fingerprint import source_key

    path = tmp_path / "a.txt"
    path.write_bytes(b"Some article text.\n")
    for entry in (None, {"title": "A title", "published": "2026-01-05"}):
        expected = hashlib.sha256(path.read_bytes())
        expected.update(json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False).encode())
        assert source_key(path, entry) == expected.hexdigest()
    assert source_key(path, None) != source_key(path, {})


def _age(folder: Path, seconds: float) -> None:
    """Give every file of `folder` a modification time `seconds` in the past."""
    when = time.time() - seconds
    for path in folder.iterdir():
        os.utime(path, (when, when))


def _counting_keys(monkeypatch) -> list[str]:
    read: list[str] = []
    original = store_corpus.source_key

    def counting(path, sidecar_values):
        read.append(path.name)
        return original(path, sidecar_values)

    monkeypatch.setattr(store_corpus, "source_key", counting)
    return read


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(project: Path, monkeypatch) -> None:
    seeds = project / "seeds"
    _age(seeds, 3600)
    _load(project)
    read = _counting_keys(monkeypatch)
    _, stats = _load(project)
    assert (stats.extracted, stats.cached) == (0, 12) and read == []  # size, time and inode unchanged
    (seeds / "report-004.txt").write_text(article(4).replace("fish market", "ice rink"), encoding="utf-8")
    os.utime(seeds / "report-004.txt", (time.time() - 1800, time.time() - 1800))
    result, stats = _load(project)
    assert (stats.extracted, stats.cached) == (1, 11) and read == ["report-004.txt"]
    assert "ice rink" in next(d for d in result.documents if d.id == "report-004.txt").text
    # a file written just now is read at every build until its time is safely past
    read.clear()
    (seeds / "report-006.txt").write_text(article(6), encoding="utf-8")  # the same bytes, a new time
    _, stats = _load(project)
    assert read == ["report-006.txt"] and stats.extracted == 0
    # once the times are past (here every file's, moved back), the next build reads the files once
    # more and keeps their stamps: the build after reads none
    _age(seeds, 3600)
    read.clear()
    _load(project)
    assert read == sorted(name for name in os.listdir(seeds) if name.endswith(".txt"))
    read.clear()
    _, stats = _load(project)
    assert read == [] and stats.extracted == 0
    # --rebuild reads every file
    read.clear()
    _load(project, rebuild=True)
    assert len(read) == 12


def test_a_changed_sources_yaml_entry_is_seen_without_the_file_changing(project: Path, monkeypatch) -> None:
    seeds = project / "seeds"
    _age(seeds, 3600)
    _load(project)
    (seeds / "sources.yaml").write_text(
        "report-002.txt:\n  title: Council report two\n  published: 2025-01-06\n", encoding="utf-8"
    )
    read = _counting_keys(monkeypatch)
    result, stats = _load(project)
    assert (stats.extracted, stats.cached) == (1, 11) and read == ["report-002.txt"]
    assert next(d for d in result.documents if d.id == "report-002.txt").title == "Council report two"


def test_words_of_a_rolled_back_batch_are_not_remembered_with_their_ids(tmp_path: Path) -> None:
    # word ids are remembered between batches; a batch that fails is rolled back with the words it
    # added, and SQLite may hand their ids to other words: the next batch must not reuse them
    from briefing.store.base import Row
    from briefing.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / "store.sqlite")
    terms = (("harbour", 1), ("pilot", 2))
    with pytest.raises(sqlite3.IntegrityError):
        store.save("/corpus", [Row("a.txt", "k", "t", None, "{}", terms, "s")])  # type: ignore[arg-type]
    store.save("/corpus", [Row("b.txt", "k", "t", "{}", "{}", (("anchor", 1), ("pilot", 1)), "s")])
    store.save("/corpus", [Row("c.txt", "k", "t", "{}", "{}", terms, "s")])
    assert store.having_all("/corpus", [{"harbour", "pilot"}]) == {"c.txt"}
    assert store.having_all("/corpus", [{"pilot"}]) == {"b.txt", "c.txt"}
    assert store.frequencies("/corpus") == {"anchor": 1, "harbour": 1, "pilot": 3}
    store.close()
