"""`briefing ingest` against a real HTTP server on 127.0.0.1: new, unchanged, updated, and every failure."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import yaml

from briefing.cli import main
from briefing.ingest.run import ingest
from briefing.ingest.settings import Feed
from briefing.readers import read_corpus
from tests.feed_server import FeedServer, page, rss


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """The test server is on 127.0.0.1: a proxy configured in the environment must not be used."""
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


DATE1 = "Tue, 13 May 2025 09:30:00 GMT"
DATE2 = "Wed, 14 May 2025 10:00:00 GMT"


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def run(feeds, folder, **kw):
    warnings: list[str] = []
    report = ingest(feeds, folder, warnings.append, timeout=1.0, max_bytes=100_000, **kw)
    return report, warnings


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ingest_saves_new_pages_skips_known_updates_changed_and_survives_failures(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mine.txt").write_text("My own notes stay untouched.\n")
    outside_before = files(tmp_path)
    with FeedServer() as srv:
        srv.pages["/a1"] = page("Eastport Approves Plan to Dredge Northern Channel")
        srv.pages["/a2"] = page("Ferry Operators Welcome the Dredging Decision")
        srv.pages["/a2-copy"] = srv.pages["/a2"]
        items = [
            ("/a1", "Dredging approved", DATE1),
            ("/a2", "Ferries", DATE1),
            ("/a2-copy", "Ferries again", DATE1),
            ("/missing", "Gone", DATE1),
            ("/slow", "Slow", DATE1),
            ("/loop", "Loop", DATE1),
            ("/big", "Huge", DATE1),
            ("/ftp", "Elsewhere", DATE1),
        ]
        srv.pages["/feed.xml"] = rss(srv.base, items)
        srv.pages["/bad.xml"] = b"<rss><channel><title>Broken</title><item><link>"
        feeds = [
            Feed(url=f"{srv.base}/feed.xml", name=None, themes=("trade",)),
            Feed(url=f"{srv.base}/bad.xml", name="Broken Feed"),
            Feed(url=f"http://127.0.0.1:{closed_port()}/rss", name="Down Feed"),
        ]
        report, warnings = run(feeds, corpus)
        assert len(report.added) == 2 and report.updated == []
        saved = [f for f in files(corpus) if f.endswith(".html")]
        assert sorted(saved) == sorted(report.added)
        assert all(f.startswith("eastport-ledger-") for f in saved)
        text = "\n".join(warnings)
        for needle in (
            "HTTP 404",
            "no response within",
            "redirect loop",
            "byte limit",
            "non-http(s)",
            "Broken Feed",
            "Down Feed",
        ):
            assert needle in text, f"{needle!r} not warned:\n{text}"
        assert all(ua.startswith("briefing/") for ua in srv.user_agents)
        assert files(tmp_path) == outside_before  # nothing written beside the corpus folder
        assert (corpus / "mine.txt").read_text() == "My own notes stay untouched.\n"

        # the readers take the feed's link as the URL and its title as the publisher
        docs = {d.file: d for d in read_corpus(corpus)}
        index = yaml.safe_load((corpus / "ingested.yaml").read_text())["items"]
        a1 = next(i for i in index if i["url"].endswith("/a1"))
        assert docs[a1["file"]].url == f"{srv.base}/a1"
        assert docs[a1["file"]].title == "Eastport Approves Plan to Dredge Northern Channel"
        assert a1["themes"] == ["trade"]

        # run again: nothing new, nothing duplicated, pages not fetched again
        srv.requests.clear()
        report, _ = run(feeds[:1], corpus)
        assert report.added == [] and report.updated == [] and files(corpus).count(a1["file"]) == 1
        assert "/a1" not in srv.requests and "/a2" not in srv.requests

        # the item is re-published with changed text: its file is updated, not duplicated
        srv.pages["/a1"] = page(
            "Eastport Approves Plan to Dredge Northern Channel", "Correction: the vote was 7-2."
        )
        items[0] = ("/a1", "Dredging approved (corrected)", DATE2)
        srv.pages["/feed.xml"] = rss(srv.base, items)
        report, _ = run(feeds[:1], corpus)
        assert report.updated == [a1["file"]] and report.added == []
        assert "Correction: the vote was 7-2." in (corpus / a1["file"]).read_text()
        assert len([f for f in files(corpus) if f.endswith(".html")]) == 2


def test_a_file_the_tool_did_not_write_is_never_replaced(tmp_path):
    with FeedServer() as srv:
        srv.pages["/a1"] = page("Eastport Approves Plan to Dredge Northern Channel")
        srv.pages["/feed.xml"] = rss(srv.base, [("/a1", "A", DATE1)])
        feeds = [Feed(url=f"{srv.base}/feed.xml")]
        report, _ = run(feeds, tmp_path)
        name = report.added[0]
        (tmp_path / name).write_text("edited by the user")
        srv.pages["/a1"] = page("Eastport Approves Plan to Dredge Northern Channel", "changed")
        srv.pages["/feed.xml"] = rss(srv.base, [("/a1", "A", DATE2)])
        report, warnings = run(feeds, tmp_path)
        assert (tmp_path / name).read_text() == "edited by the user"
        assert any("not the page this tool saved" in w for w in warnings)


def test_ingest_command_and_extract_show_the_feed_link(tmp_path, capsys):
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    with FeedServer() as srv:
        srv.pages["/a1"] = page("Eastport Approves Plan to Dredge Northern Channel")
        srv.pages["/feed.xml"] = rss(srv.base, [("/a1", "A", DATE1)])
        cfg = tmp_path / "config.yaml"
        cfg.write_text(
            "themes:\n  - id: harbour\n    title: Harbour\n    description: Port works.\n    terms: [dredging]\n"
            f"feeds:\n  - url: {srv.base}/feed.xml\n    name: Ledger\n    themes: [harbour]\n"
            f"  - url: http://127.0.0.1:{closed_port()}/down.xml\n"
        )
        assert main(["ingest", "--config", str(cfg), "--seeds", str(corpus)]) == 0
        err = capsys.readouterr().err
        assert "1 new" in err and "down.xml" in err
        assert main(["extract", "--config", str(cfg), "--seeds", str(corpus)]) == 0
        doc = json.loads(capsys.readouterr().out)["documents"][0]
        assert doc["url"] == f"{srv.base}/a1" and doc["format"] == "html"


def test_feeds_config_is_validated(tmp_path):
    from briefing.config import load_config
    from briefing.errors import ConfigError

    cfg = tmp_path / "config.yaml"
    cfg.write_text(
        "themes:\n  - id: harbour\n    title: Harbour\n    description: x\n    terms: [dredging]\n"
        "feeds:\n  - url: ftp://example.org/feed\n  - url: https://example.org/rss\n    themes: [nope]\n"
    )
    try:
        load_config(cfg)
    except ConfigError as exc:
        message = str(exc)
    else:
        raise AssertionError("invalid feeds accepted")
    assert "feeds[0].url" in message and "http(s)" in message and "unknown theme 'nope'" in message


def test_schedule_runs_ingest_before_build_only_when_feeds_are_configured(tmp_path, monkeypatch):
    import os
    import subprocess

    from briefing import schedule

    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    base = "themes:\n  - id: harbour\n    title: Harbour\n    description: x\n    terms: [dredging]\n"
    (tmp_path / "config.yaml").write_text(base)
    assert " ingest --config" not in schedule.cron_line(schedule.resolve_job("config.yaml", "seeds", None))
    (tmp_path / "config.yaml").write_text(base + "feeds:\n  - url: https://example.org/rss.xml\n")
    job = schedule.resolve_job("config.yaml", "seeds", None)
    service = schedule.systemd_units(job)["briefing.service"]
    assert service.index("ExecStart=-") < service.index(
        " build "
    )  # '-': a failed ingest never stops the build
    fake = tmp_path / "fake-briefing"
    fake.write_text('#!/bin/sh\necho "args: $1"; [ "$1" = ingest ] && exit 1; exit 0\n')
    fake.chmod(0o755)
    job = schedule.Job(**{**job.__dict__, "executable": fake})
    command = schedule.cron_line(job).split(" ", 5)[5].replace("\\%", "%")
    subprocess.run(["sh", "-c", command], cwd="/", check=True, env=dict(os.environ))
    log = (tmp_path / "logs" / "briefing-schedule.log").read_text().splitlines()
    assert [ln for ln in log if ln.startswith("args:")] == ["args: ingest", "args: build", "args: publish"]


def test_a_hostile_or_hand_edited_index_never_hangs_or_misreads_a_build(tmp_path, capsys):
    # The corpus folder may be shared: its ingest index is read with the limits of sources.yaml.
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Harbour Fees Rise\n\nThe port raised its fees on 3 March 2026.\n", "utf-8")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (seeds / "ingested.yaml").write_text(bomb, encoding="utf-8")
    warnings: list[str] = []
    docs = read_corpus(seeds, warnings.append)
    assert [d.file for d in docs] == ["a.txt"]
    assert any("ingested.yaml" in w and "new index" in w for w in warnings), warnings

    # A string where a list belongs is skipped, not read as one author per letter.
    (seeds / "ingested.yaml").write_text(
        yaml.safe_dump(
            {"items": [{"file": "a.txt", "url": "https://example.org/a", "sha256": "0", "authors": "Jane"}]}
        ),
        encoding="utf-8",
    )
    warnings.clear()
    (doc,) = read_corpus(seeds, warnings.append)
    assert doc.authors == () and doc.url is None
    assert any("wrong shape" in w for w in warnings), warnings


def test_an_index_file_the_tool_did_not_write_is_never_overwritten(tmp_path, capsys):
    own = "# my own list of links\n- https://example.org/x\n"
    (tmp_path / "ingested.yaml").write_text(own, encoding="utf-8")
    with FeedServer() as srv:
        srv.pages["/a1"] = page("Eastport Approves Plan to Dredge Northern Channel")
        srv.pages["/feed.xml"] = rss(srv.base, [("/a1", "A", DATE1)])
        code = main(["ingest", "--config", str(_config(tmp_path, srv)), "--corpus", str(tmp_path)])
    assert code != 0
    assert (
        "ingested.yaml exists and was not written by `briefing ingest`; it was left alone"
        in capsys.readouterr().err
    )
    assert (tmp_path / "ingested.yaml").read_text(encoding="utf-8") == own
    assert files(tmp_path) == ["ingested.yaml"]  # refused before fetching: no page saved unrecorded


def _config(tmp_path: Path, srv: FeedServer) -> Path:
    path = tmp_path.parent / f"{tmp_path.name}-config.yaml"
    path.write_text(
        "themes:\n  - {id: t, title: T, description: D, terms: [harbour]}\n"
        f"feeds:\n  - url: {srv.base}/feed.xml\n",
        encoding="utf-8",
    )
    return path
