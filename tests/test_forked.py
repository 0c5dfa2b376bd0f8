"""Themes assembled in forked worker processes: the same editions, warnings and failures, in the same
order, as a build that assembles them one after another; and a worker never uses the parent's
store connection."""

from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

import pytest

from briefing import build as build_mod
from briefing import forked
from briefing.config import load_config
from briefing.errors import BriefingError
from briefing.progress import Reporter
from tests.store_helpers import DATE, tree, write_config, write_corpus


def test_results_come_back_in_job_order_from_worker_processes() -> None:
    parent = os.getpid()
    results = list(forked.in_order(6, lambda i: (i, os.getpid()), 2))
    assert [i for i, _ in results] == list(range(6))
    assert all(pid != parent for _, pid in results)


def test_one_worker_runs_the_jobs_here() -> None:
    assert {pid for _, pid in forked.in_order(3, lambda i: (i, os.getpid()), 1)} == {os.getpid()}


def test_a_failing_job_raises_in_its_turn_after_the_results_before_it() -> None:
    def job(i: int) -> int:
        if i == 2:
            raise BriefingError(f"job {i} failed")
        return i

    seen: list[int] = []
    with pytest.raises(BriefingError, match="job 2 failed"):
        for value in forked.in_order(5, job, 2):
            seen.append(value)
    assert seen == [0, 1]


def _build(project: Path, reporter: Reporter, day: str = DATE) -> build_mod.BuildResult:
    config = load_config(project / "config.yaml")
    return build_mod.build_editions(
        config,
        project / "seeds",
        project / "out",
        [],
        None,
        reporter,
        edition_date=dt.date.fromisoformat(day),
    )


@pytest.mark.parametrize("store", ["sqlite", "none"])
def test_themes_built_in_workers_equal_themes_built_one_after_another(
    tmp_path: Path, monkeypatch, store: str
) -> None:
    trees = []
    for name, workers in (("one", 1), ("two", 2)):
        project = tmp_path / name
        write_corpus(project / "seeds", 10)
        write_config(project / "config.yaml", store=store)
        monkeypatch.setattr(build_mod, "_workers", lambda themes, articles, w=workers: min(themes, w))
        result = _build(project, Reporter(quiet=True))
        assert not result.failed
        trees.append(tree(project / "out", manifests=False))
    assert trees[0] == trees[1]
    assert {f"bridge/{DATE}/model.json", f"ferries/{DATE}/model.json"} <= trees[0].keys()
    # the open corpus was kept from the cyclic collector during the build only
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def test_the_postgresql_store_is_read_through_new_connections_in_workers(
    tmp_path: Path, monkeypatch, postgres_url: str
) -> None:
    from tests.store_helpers import empty_store

    trees = []
    for name, workers in (("one", 1), ("two", 2), ("again", 2)):
        project = tmp_path / name
        write_corpus(project / "seeds", 10)
        write_config(project / "config.yaml", store=postgres_url)
        if name == "one":
            empty_store(postgres_url, project)
        monkeypatch.setattr(build_mod, "_workers", lambda themes, articles, w=workers: min(themes, w))
        assert not _build(project, Reporter(quiet=True)).failed
        trees.append(tree(project / "out", manifests=False))
    # the parent's own connection still works after the workers are gone: the third build reads it
    assert trees[0] == trees[1] == trees[2]


def test_a_workers_warnings_are_shown_by_the_build_in_theme_order(tmp_path: Path, capsys) -> None:
    project = tmp_path
    write_corpus(project / "seeds", 6)
    write_config(project / "config.yaml", store="sqlite")
    assert not _build(project, Reporter(quiet=True), "2026-01-12").failed
    # the earlier edition's model cannot be read: each theme warns, and still builds
    for theme in ("bridge", "ferries"):
        (project / "out" / theme / "2026-01-12" / "model.json").write_text("{not json", encoding="utf-8")
    capsys.readouterr()
    result = _build(project, Reporter(quiet=True))
    assert not result.failed
    err = capsys.readouterr().err
    bridge = err.index("bridge: cannot compare with the previous edition")
    ferries = err.index("ferries: cannot compare with the previous edition")
    assert bridge < ferries


def test_a_large_corpus_assembles_its_themes_in_one_process_to_bound_memory() -> None:
    assert build_mod._workers(6, build_mod.PARALLEL_THEMES_UP_TO + 1) == 1
    assert build_mod._workers(1, 10) == 1
    assert build_mod._workers(6, 10) == min(2, os.cpu_count() or 1)


def test_jobs_a_dead_worker_left_are_run_here() -> None:
    parent = os.getpid()

    def job(i: int) -> tuple[int, bool]:
        if i == 1 and os.getpid() != parent:
            os._exit(1)  # a worker killed mid-job (out of memory, say)
        return i, os.getpid() == parent

    results = list(forked.in_order(4, job, 2))
    assert [i for i, _ in results] == [0, 1, 2, 3]
    assert results[1] == (1, True)  # run here after the worker died
