"""A theme built from the corpus store reads only the stored files containing its words, and gives
exactly the briefing it gives over the whole corpus in memory: the store's postings find the files,
its word counts (kept up to date as files are stored, changed and removed) rank them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from briefing.assemble import build_briefing
from briefing.config import load_config
from briefing.model.briefing import to_dict as briefing_to_dict
from briefing.select.match import theme_concepts
from briefing.select.units import build_units
from briefing.store import open_store
from briefing.store.corpus import open_corpus
from tests.store_helpers import build, load_everything, tree, write_config, write_corpus

GENERATED = "2026-01-19T07:00:00+00:00"


def orchard(i: int) -> str:
    """An article none of the test themes speaks to (no bridge, tolls, ferry or Anna Berg)."""
    return (
        f"Valley growers expect a large apple harvest, report {i}\n\n"
        f"Tuesday, March {3 + i}, 2025\n\n"
        f"Growers in the valley said on March {2 + i}, 2025 that orchard {i} will pick early this year.\n\n"
        f"\u201cThe blossom came two weeks early,\u201d grower Ida Sand said.\n"
    )


@pytest.fixture
def mixed(tmp_path: Path, store_spec: str) -> Path:  # noqa: F811
    seeds = write_corpus(tmp_path / "seeds", 6)
    for i in range(4):
        (seeds / f"orchard-{i}.txt").write_text(orchard(i), encoding="utf-8")
    write_config(tmp_path / "config.yaml", store=store_spec)
    return tmp_path


def _briefings(project: Path, read: list[str] | None = None, **period: str) -> tuple[dict, dict]:
    """Return ({theme: briefing dict} from the store, {theme: briefing dict} in memory), for the
    period given (`period_start`, `period_end`), if any."""
    config = load_config(project / "config.yaml")
    store = open_store(config.store, project / "out")
    try:
        extraction, _ = load_everything(project / "seeds", config.people, store, lambda _m: None, workers=1)
        corpus, _ = open_corpus(project / "seeds", config.people, store, lambda _m: None, workers=1)
        if read is not None:
            load = store.load

            def recording(c: str, names):
                read.extend(names)
                return load(c, names)

            store.load = recording  # type: ignore[method-assign]
        stored = {
            t.id: briefing_to_dict(build_briefing(corpus, t, config, generated_at=GENERATED, **period))
            for t in config.themes
        }
        memory = {
            t.id: briefing_to_dict(build_briefing(extraction, t, config, generated_at=GENERATED, **period))
            for t in config.themes
        }
    finally:
        store.close()
    return stored, memory


def test_a_theme_reads_only_the_files_with_its_words_and_gives_the_whole_corpus_briefing(mixed: Path) -> None:
    read: list[str] = []
    stored, memory = _briefings(mixed, read)
    assert stored == memory
    assert stored["bridge"]["passages"] and stored["ferries"]["events"]
    assert set(read) == {f"report-{i:03d}.txt" for i in range(6)}  # never an orchard article
    assert all("orchard" not in s["file"] for b in stored.values() for s in b["sources"])


def test_a_theme_reads_only_files_having_every_word_of_one_of_its_concepts(mixed: Path) -> None:
    # "harbour" signs the phrase "harbour bridge", but an article about the harbour without a bridge,
    # tolls or Anna Berg has no theme evidence anywhere: the bridge theme does not read it
    walk = "Harbour walk reopens\n\nMonday, March 2, 2025\n\nThe harbour walk reopened on March 1, 2025.\n"
    (mixed / "seeds" / "harbour-walk.txt").write_text(walk, encoding="utf-8")
    config = load_config(mixed / "config.yaml")
    bridge = next(t for t in config.themes if t.id == "bridge")
    assert theme_concepts(bridge, config.people) >= (frozenset({"bridge"}), frozenset({"toll"}))
    assert frozenset({"harbour", "bridge"}) in theme_concepts(bridge, config.people)
    read: list[str] = []
    stored, memory = _briefings(mixed, read)
    assert stored == memory
    assert "harbour-walk.txt" not in read
    assert all("harbour-walk" not in s["file"] for s in stored["bridge"]["sources"])


def test_word_counts_follow_files_stored_changed_and_removed(mixed: Path) -> None:
    seeds = mixed / "seeds"
    config = load_config(mixed / "config.yaml")
    assert build(mixed).returncode == 0
    (seeds / "orchard-1.txt").write_text(orchard(1).replace("apple", "pear bridge"), encoding="utf-8")
    (seeds / "report-002.txt").unlink()
    result = build(mixed)
    assert result.returncode == 0, result.stderr
    store = open_store(config.store, mixed / "out")
    try:
        extraction, _ = load_everything(seeds, config.people, store, lambda _m: None, workers=1)
        counts = store.frequencies(str(seeds.resolve()))
        with_bridge = store.having_all(str(seeds.resolve()), [{"bridge"}])
        with_pear_bridge = store.having_all(str(seeds.resolve()), [{"pear", "bridge"}])
        with_either = store.having_all(str(seeds.resolve()), [{"pear", "bridge"}, {"apple"}])
    finally:
        store.close()
    expected: Counter[str] = Counter()
    for unit in build_units(extraction.documents):
        expected.update({t.key for t in unit.tokens})
    assert counts == dict(expected)  # as counted from scratch over the corpus now in the folder
    assert "orchard-1.txt" in with_bridge and "report-002.txt" not in with_bridge
    assert "orchard-0.txt" not in with_bridge
    # a file is had by a concept only with all its keys
    assert with_pear_bridge == {"orchard-1.txt"}
    assert with_either >= {"orchard-0.txt", "orchard-1.txt"} and not any(
        n.startswith("report") for n in with_either
    )


def test_a_period_leaving_articles_out_gives_the_storeless_briefing(mixed: Path, tmp_path_factory) -> None:
    # the store's word counts cover every article; a shorter period ranks among fewer, in memory
    result = build(mixed, "--since", "2025-03-05")
    assert result.returncode == 0, result.stderr
    plain = tmp_path_factory.mktemp("plain")
    write_corpus(plain / "seeds", 6)
    for i in range(4):
        (plain / "seeds" / f"orchard-{i}.txt").write_text(orchard(i), encoding="utf-8")
    write_config(plain / "config.yaml", store="none")
    assert build(plain, "--since", "2025-03-05").returncode == 0
    assert tree(plain / "out", manifests=False) == tree(mixed / "out", manifests=False)
    data = json.loads(next((mixed / "out").rglob("bridge*.json")).read_text(encoding="utf-8"))
    assert data["period_start"] == "2025-03-05"


@pytest.mark.parametrize("start", ["2025-01-06", "2025-03-05"])
def test_a_period_reads_only_the_theme_files_and_ranks_by_the_periods_counts(mixed: Path, start: str) -> None:
    # a period's counts come from the stored counts of the files inside it (few: March), or from all
    # counts less those of the files outside it (few: the three January reports before the 6th)
    read: list[str] = []
    stored, memory = _briefings(mixed, read, period_start=start)
    assert stored == memory
    assert stored["bridge"]["period_start"] == start and stored["bridge"]["events"]
    assert read and not any(name.startswith("orchard") for name in read)


def test_a_newsletter_split_by_the_period_counts_only_its_articles_inside(mixed: Path) -> None:
    seeds = mixed / "seeds"
    (seeds / "news.txt").write_text(
        "Weekly\n"
        "Council Agrees on Bridge Tolls\nJane Doe\n"
        "The council agreed on Tuesday to new bridge tolls after long talks on the harbour bridge.\n"
        "Ferry Timetable Changes\nJohn Roe\n"
        "The ferry timetable changes next week while crews repair the old pier and the bridge.\n",
        encoding="utf-8",
    )
    config = load_config(mixed / "config.yaml")
    store = open_store(config.store, mixed / "out")
    try:
        extraction, _ = load_everything(seeds, config.people, store, lambda _m: None, workers=1)
        corpus, _ = open_corpus(seeds, config.people, store, lambda _m: None, workers=1)
        ids = [i for i, _ in corpus.dated()]
        assert {"news.txt", "news.txt#2"} <= set(ids)
        for period in ({i for i in ids if i != "news.txt#2"}, {"news.txt#2", "report-001.txt"}):
            _, stats = corpus.reading([{"bridge"}], set(), period)
            units = build_units(tuple(d for d in extraction.documents if d.id in period))
            words = Counter(key for u in units for key in {t.key for t in u.tokens})
            assert stats is not None
            assert (stats.units, stats.df) == (len(units), dict(words))
            assert stats.tokens == sum(len(u.tokens) for u in units)
    finally:
        store.close()


def test_the_timeline_finds_a_plans_report_in_an_article_the_theme_does_not_read(mixed: Path) -> None:
    # whether a plan took place does not depend on the theme: the store path reads, besides the
    # theme's files, every file reporting something that happened on one of the plans' days
    config = load_config(mixed / "config.yaml")
    store = open_store(config.store, mixed / "out")
    try:
        extraction, _ = load_everything(mixed / "seeds", config.people, store, lambda _m: None, workers=1)
        corpus, _ = open_corpus(mixed / "seeds", config.people, store, lambda _m: None, workers=1)
        bridge = next(t for t in config.themes if t.id == "bridge")
        part, _stats = corpus.reading(
            [{"bridge"}, {"toll"}], set(bridge.people), {i for i, _ in corpus.dated()}
        )
        assert not any(d.id.startswith("orchard") for d in part.documents)
        everything = extraction.reports(extraction, set())
        days = {
            (e.date, e.end)
            for e, doc_id in everything
            if doc_id.startswith("orchard") and e.status == "happened" and len(e.date) == 10
        }
        assert days  # the orchard articles report what growers said on a given day
        got = [(e, i) for e, i in corpus.reports(part, days) if (e.date, e.end) in days]
        assert got == [(e, i) for e, i in everything if (e.date, e.end) in days]
        assert any(i.startswith("orchard") for _, i in got)
    finally:
        store.close()


def test_a_theme_read_after_another_reuses_its_articles_and_gives_the_same_briefing(mixed: Path) -> None:
    # the next theme decodes only the files the last one did not read; the articles and sentence
    # units it takes over give exactly the briefing a fresh reading gives, in any order of themes
    config = load_config(mixed / "config.yaml")
    store = open_store(config.store, mixed / "out")
    try:
        open_corpus(mixed / "seeds", config.people, store, lambda _m: None, workers=1)

        def fresh(theme) -> dict:
            corpus, _ = open_corpus(mixed / "seeds", config.people, store, lambda _m: None, workers=1)
            return briefing_to_dict(build_briefing(corpus, theme, config, generated_at=GENERATED))

        expected = {t.id: fresh(t) for t in config.themes}
        corpus, _ = open_corpus(mixed / "seeds", config.people, store, lambda _m: None, workers=1)
        loaded: list[list[str]] = []
        load = store.load

        def recording(c: str, names):
            loaded[-1].extend(names)
            return load(c, names)

        store.load = recording  # type: ignore[method-assign]
        order = [*config.themes, *reversed(config.themes), config.themes[0], config.themes[0]]
        for theme in order:
            loaded.append([])
            assert (
                briefing_to_dict(build_briefing(corpus, theme, config, generated_at=GENERATED))
                == expected[theme.id]
            )
    finally:
        store.close()
    assert len(config.themes) >= 2 and loaded[0]  # the first theme read from the store
    assert not [n for n in loaded[-1] if n.startswith("report")]  # the same theme again: nothing decoded
