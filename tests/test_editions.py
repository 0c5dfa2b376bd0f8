"""Editions on disk: "what's new" marking, manifests, `latest/`, and builds killed midway."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

import briefing.output.atomic_edition as atomic
from briefing import __version__
from briefing.errors import OutputError
from briefing.model import Briefing, EditionInfo, Event, Passage, Quote, Source, SummaryPoint, ThemeRef
from briefing.output import (
    diff_against_previous,
    edition_dates,
    load_edition_briefing,
    mark_new,
    parse_window,
    previous_edition,
    read_manifest,
    recover,
    resolve_period,
    save_edition,
    write_edition,
)
from briefing.output.period import corpus_period, generated_at_for, parse_date
from briefing.writers import json as json_writer
from tests.latest_helpers import assert_latest_of

THEME = ThemeRef("trade", "Trade talks")


def src(sid: str, file: str, title: str, publisher: str = "Daily", published: str = "2026-01-10") -> Source:
    return Source(id=sid, file=file, title=title, publisher=publisher, published=published)


def briefing(sources, passages=(), events=(), quotes=(), summary=()) -> Briefing:
    return Briefing(
        theme=THEME,
        generated_at="2026-01-12T00:00:00+00:00",
        period_start=None,
        period_end=None,
        sources=tuple(sources),
        summary=tuple(summary),
        passages=tuple(passages),
        events=tuple(events),
        quotes=tuple(quotes),
    )


WEEK1 = briefing(
    [src("S1", "a.txt", "Ministers meet"), src("S2", "b.txt", "Tariff row")],
    passages=[
        Passage("The ministers agreed to resume talks on “market access”.", ("S1",), 2.0),
        Passage("Tariffs on steel were raised to 25 percent.", ("S2",), 1.5),
    ],
    events=[Event("2026-01-08", None, "Ministers met in Geneva.", ("S1",))],
    quotes=[Quote("We will keep talking", "Ann Lee", "Minister", False, "S1")],
    summary=[SummaryPoint("Talks resume.", ("S1",))],
)

# A week later: c.txt was added (so ids shifted), b.txt dropped out, a.txt's passage comes back
# with straight quotes and different spacing, and there is a new passage, event and quote.
WEEK2 = briefing(
    [src("S1", "c.txt", "Deal in sight"), src("S2", "a.txt", "Ministers meet")],
    passages=[
        Passage('The ministers agreed to resume  talks on "market access".', ("S2",), 2.0),
        Passage("Negotiators reported a draft deal on Friday.", ("S1",), 1.8),
    ],
    events=[
        Event("2026-01-08", None, "Ministers met in Geneva.", ("S2", "S1")),
        Event("2026-01-16", None, "Negotiators reported a draft deal.", ("S1",)),
    ],
    quotes=[
        Quote("We will keep talking", "Ann Lee", "Minister", False, "S2"),
        Quote("A deal is within reach", "Bo Kim", None, False, "S1"),
    ],
    summary=[SummaryPoint("Talks resume.", ("S2",)), SummaryPoint("Draft deal reported.", ("S1",))],
)


# -- what's new ---------------------------------------------------------------------------------


def test_first_edition_marks_nothing_new_and_has_no_previous():
    marked = mark_new(WEEK1, None, edition_date="2026-01-12")
    assert marked.edition == EditionInfo(date="2026-01-12")
    assert not any(p.new for p in marked.passages + marked.events + marked.quotes + marked.summary)


def test_second_edition_marks_only_new_items_despite_renumbered_sources_and_typography():
    marked = mark_new(WEEK2, WEEK1, edition_date="2026-01-19", previous_date="2026-01-12")
    assert [p.new for p in marked.passages] == [False, True]
    assert [e.new for e in marked.events] == [False, True]
    assert [q.new for q in marked.quotes] == [False, True]
    assert [s.new for s in marked.summary] == [False, True]
    assert marked.edition.date == "2026-01-19"
    assert marked.edition.previous == "2026-01-12"
    assert marked.edition.sources_added == ("S1",)  # c.txt, by its id in this edition
    assert marked.edition.sources_removed == ("Tariff row (Daily, 2026-01-10)",)


def test_same_words_from_an_unrelated_source_or_on_another_date_are_new():
    cur = briefing(
        [src("S1", "x.txt", "Other paper"), src("S2", "a.txt", "Ministers meet")],
        passages=[Passage("Tariffs on steel were raised to 25 percent.", ("S1",), 1.0)],
        events=[Event("2026-01-09", None, "Ministers met in Geneva.", ("S2",))],
    )
    marked = mark_new(cur, WEEK1, edition_date="2026-01-19", previous_date="2026-01-12")
    assert marked.passages[0].new  # b.txt said it last week; x.txt saying it is news
    assert marked.events[0].new  # the date changed


# -- periods and dates --------------------------------------------------------------------------


def test_window_and_period_parsing():
    assert parse_window("7d") == timedelta(days=7)
    assert parse_window("2w") == timedelta(days=14)
    for bad in ("7", "0d", "7m", "a week", ""):
        with pytest.raises(ValueError, match="7d or 2w|at least 1 day"):
            parse_window(bad)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("19/01/2026")
    d = date(2026, 1, 19)
    assert resolve_period(d, window=timedelta(days=7)) == ("2026-01-12", "2026-01-19")
    assert resolve_period(d, since=date(2026, 1, 1)) == ("2026-01-01", "2026-01-19")
    assert resolve_period(d) == (None, None)
    with pytest.raises(ValueError, match="not both"):
        resolve_period(d, since=date(2026, 1, 1), window=timedelta(days=7))
    with pytest.raises(ValueError, match="after the edition date"):
        resolve_period(d, since=date(2026, 2, 1))
    assert generated_at_for(d) == "2026-01-19T00:00:00+00:00"


# -- saving editions ----------------------------------------------------------------------------


def outputs(label: str) -> dict[str, tuple[str, bytes]]:
    return {"pdf": ("pdf", f"%PDF {label}".encode()), "html": ("html", f"<p>{label}</p>".encode())}


def save(out: Path, seeds: Path, config: Path, b: Briefing, day: str, label: str) -> Path:
    marked = diff_against_previous(out, b, day)
    return save_edition(
        out, marked, edition_date=day, outputs=outputs(label), seeds_dir=seeds, config_path=config
    )


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path, Path]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (seeds / name).write_text(f"article {name}\n", encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text("themes: []\n", encoding="utf-8")
    return tmp_path / "output", seeds, config


def test_two_editions_give_dated_dirs_latest_manifest_and_whats_new(inputs):
    out, seeds, config = inputs
    first = save(out, seeds, config, WEEK1, "2026-01-12", "one")
    second = save(out, seeds, config, WEEK2, "2026-01-19", "two")

    assert edition_dates(out, "trade") == ["2026-01-12", "2026-01-19"]
    assert sorted(p.name for p in second.iterdir()) == [
        "manifest.json",
        "model.json",
        "trade-briefing-2026-01-19.html",
        "trade-briefing-2026-01-19.pdf",
    ]
    assert (first / "trade-briefing-2026-01-12.pdf").read_bytes() == b"%PDF one"
    # latest/: the newest edition under stable names, so a bookmarked link keeps working
    latest = out / "trade" / "latest"
    assert sorted(p.name for p in latest.iterdir()) == [
        "manifest.json",
        "model.json",
        "trade-briefing.html",
        "trade-briefing.pdf",
    ]
    assert (latest / "trade-briefing.pdf").read_bytes() == b"%PDF two"
    assert read_manifest(latest)["formats"]["pdf"]["file"] == "trade-briefing.pdf"
    assert_latest_of(latest, second, "trade")

    m = read_manifest(second)
    assert m["edition"] == "2026-01-19" and m["previous"] == "2026-01-12"
    assert m["counts"]["passages"] == 2 and m["counts"]["new_passages"] == 1
    assert m["counts"]["new_events"] == 1 and m["counts"]["new_quotes"] == 1
    assert {s["file"]: s["sha256"] for s in m["sources"]} == {
        "c.txt": hashlib.sha256(b"article c.txt\n").hexdigest(),
        "a.txt": hashlib.sha256(b"article a.txt\n").hexdigest(),
    }
    assert m["config"]["sha256"] == hashlib.sha256(b"themes: []\n").hexdigest()
    assert m["formats"]["pdf"]["file"] == "trade-briefing-2026-01-19.pdf"
    assert m["sources_added"] == ["S1"] and m["sources_removed"] == ["Tariff row (Daily, 2026-01-10)"]
    assert m["tool_version"] == __version__

    kept = load_edition_briefing(second)
    assert kept is not None and [p.new for p in kept.passages] == [False, True]


def test_rebuilding_an_edition_is_byte_identical_and_diffs_against_the_same_predecessor(inputs):
    out, seeds, config = inputs
    save(out, seeds, config, WEEK1, "2026-01-12", "one")
    second = save(out, seeds, config, WEEK2, "2026-01-19", "two")
    before = {p.name: p.read_bytes() for p in second.iterdir()}
    save(out, seeds, config, WEEK2, "2026-01-19", "two")
    assert {p.name: p.read_bytes() for p in second.iterdir()} == before
    assert previous_edition(out, "trade", "2026-01-19") == "2026-01-12"


def test_backfilling_an_older_edition_leaves_latest_on_the_newest(inputs):
    out, seeds, config = inputs
    save(out, seeds, config, WEEK2, "2026-01-19", "two")
    save(out, seeds, config, WEEK1, "2026-01-12", "one")
    assert (out / "trade" / "latest" / "trade-briefing.pdf").read_bytes() == b"%PDF two"


def test_unwritable_output_is_an_output_error_naming_the_path(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    with pytest.raises(OutputError, match=str(blocker)):
        write_edition(blocker, "trade", "2026-01-12", {"manifest.json": b'{"tool": "briefing"}'})


# -- killed builds ------------------------------------------------------------------------------

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import briefing.output.atomic_edition as atomic

    out, what, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    calls = {"n": 0}

    def die_on_nth(real):
        def wrapper(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == n:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return wrapper

    if what == "rename":
        atomic.os.rename = die_on_nth(os.rename)
    else:
        atomic._write_file = die_on_nth(atomic._write_file)
    files = {"trade-briefing-%s.pdf" % sys.argv[4]: b"%PDF new", "manifest.json": b'{"tool": "briefing"}'}
    atomic.write_edition(out, "trade", sys.argv[4], files)
    """
)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def run_killed(out: Path, what: str, n: int, day: str) -> int:
    return subprocess.run([sys.executable, "-c", KILLER, str(out), what, str(n), day]).returncode


@pytest.mark.parametrize(
    ("what", "n", "day"),
    [("write", 1, "2026-01-19"), ("write", 2, "2026-01-19")]
    + [("rename", n, "2026-01-19") for n in (1, 2, 3)]  # new edition: final, latest aside, latest in
    + [("rename", n, "2026-01-12") for n in (1, 2, 3, 4)],  # rebuild of the newest edition
)
def test_build_killed_at_any_step_leaves_a_complete_edition_and_latest(tmp_path, what, n, day):
    out = tmp_path / "out"
    write_edition(
        out, "trade", "2026-01-12", {"trade-briefing-2026-01-12.pdf": b"%PDF old", "manifest.json": b'{"tool": "briefing"}'}
    )
    old = snapshot(out / "trade" / "2026-01-12")

    assert run_killed(out, what, n, day) == -9

    tdir = out / "trade"
    if day != "2026-01-12" or what == "write":
        assert snapshot(tdir / "2026-01-12") == old  # the previous edition was never touched
    for name in ("2026-01-12", "2026-01-19", "latest"):
        if (tdir / name).exists():  # whatever is in place is complete: never a partial directory
            assert "manifest.json" in snapshot(tdir / name)

    recover(tdir)  # what the next build does first
    assert not [p.name for p in tdir.iterdir() if p.name.startswith(".")]
    finished = [snapshot(tdir / day)] if (tdir / day).exists() else []
    assert snapshot(tdir / "latest") in [old, *finished]
    assert snapshot(tdir / "2026-01-12")["trade-briefing-2026-01-12.pdf"] in (b"%PDF old", b"%PDF new")
    assert set(os.listdir(tdir)) <= {"2026-01-12", "2026-01-19", "latest"}
    json.loads(snapshot(tdir / "latest")["manifest.json"])


def test_a_retitled_single_article_file_is_the_same_source_but_newsletter_articles_are_not():
    prev = briefing(
        [
            src("S1", "a.txt", "Old title"),
            src("S2", "news.txt", "Item one"),
            src("S3", "news.txt", "Item two"),
        ],
        passages=[Passage("Same words.", ("S1",), 1.0)],
    )
    cur = briefing(
        [
            src("S1", "a.txt", "Better title"),
            src("S2", "news.txt", "Item one"),
            src("S3", "news.txt", "Item 3"),
        ],
        passages=[Passage("Same words.", ("S1",), 1.0)],
    )
    marked = mark_new(cur, prev, edition_date="2026-01-19", previous_date="2026-01-12")
    assert not marked.passages[0].new
    assert marked.edition.sources_added == ("S3",)
    assert marked.edition.sources_removed == ("Item two (Daily, 2026-01-10)",)


def test_when_latest_cannot_be_replaced_the_error_says_the_edition_exists_and_latest_is_unchanged(
    tmp_path, monkeypatch
):
    out = tmp_path / "out"
    write_edition(out, "trade", "2026-01-12", {"a.pdf": b"old", "manifest.json": b'{"tool": "briefing"}'})

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.shutil, "copy2", refuse)
    with pytest.raises(OutputError, match="was written, but .*latest could not be replaced"):
        write_edition(out, "trade", "2026-01-19", {"b.pdf": b"new", "manifest.json": b'{"tool": "briefing"}'})
    assert (out / "trade" / "2026-01-19" / "b.pdf").read_bytes() == b"new"
    assert (out / "trade" / "latest" / "a.pdf").read_bytes() == b"old"


def test_a_refused_rename_puts_the_previous_edition_straight_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_edition(out, "trade", "2026-01-12", {"a.pdf": b"old", "manifest.json": b'{"tool": "briefing"}'})

    real = os.rename

    def flaky(src, dst):
        if Path(src).name.startswith(".tmp-2026-01-12"):
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "rename", flaky)
    with pytest.raises(OutputError, match="could not write edition"):
        write_edition(out, "trade", "2026-01-12", {"a.pdf": b"new", "manifest.json": b'{"tool": "briefing"}'})
    assert (out / "trade" / "2026-01-12" / "a.pdf").read_bytes() == b"old"


def test_the_default_period_starts_a_week_before_the_first_source() -> None:
    # an event the day before the first article is that article's news, not history
    assert corpus_period(["2026-01-07", "2026-01-23", "2026-01-12T18:32:08"]) == ("2025-12-31", "2026-01-23")
    assert corpus_period([]) == (None, None)


def test_model_json_is_the_json_edition_byte_for_byte(inputs):
    # both are the model serialised the same way (`prettyjson`): a tool may read either
    out, seeds, config = inputs
    marked = diff_against_previous(out, WEEK2, "2026-01-19")
    with_json = {**outputs("two"), "json": ("json", json_writer.render(marked))}
    built = save_edition(
        out, marked, edition_date="2026-01-19", outputs=with_json, seeds_dir=seeds, config_path=config
    )
    assert (built / "model.json").read_bytes() == (built / "trade-briefing-2026-01-19.json").read_bytes()
    assert load_edition_briefing(built) == marked
