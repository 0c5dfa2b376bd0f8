"""Weekly editions end to end through `briefing build`: two editions a week apart with a
document added in between, a rebuild, a failed and a killed build, and the lock.

The corpus is three small hand-written articles about a fictional dispute, so what is
new in the second edition is known exactly.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.errors import OutputError
from briefing.output.lock import LOCK_NAME
from briefing.writers import WRITERS
from tests.latest_helpers import assert_latest_of

ARTICLES = {
    "a.txt": """\
Steel tariff talks resume in Geneva

By Ann Writer

Posted January. 8, 2026 10:01

Trade ministers from Norland and Southia met in Geneva on January 7 to discuss the steel tariff dispute that has strained trade between the two countries since last year.

"We will keep talking until the tariff dispute is settled," Norland Trade Minister Ann Lee told reporters after the meeting.

The two sides agreed to hold another round of tariff talks in February, according to officials.
""",
    "b.txt": """\
Southia weighs retaliatory tariffs on steel

By Bo Reporter

Posted January. 10, 2026 09:30

Southia's cabinet discussed retaliatory tariffs on Norland steel on January 9, officials said, as the trade dispute between the neighbours dragged on.

Economists warned that a tariff war would hurt exporters in both countries and disrupt steel supply chains.
""",
}

ADDED = (
    "c.txt",
    """\
Norland and Southia reach draft steel trade deal

By Cy Correspondent

Posted January. 16, 2026 14:00

Negotiators from Norland and Southia reached a draft deal on steel tariffs on January 15, ending months of trade tension.

"This draft deal shows that patient talks on tariffs work," Southia Trade Minister Bo Kim said at a news conference.

Under the draft, both countries would cut steel tariffs to 10 percent by March.
""",
)

CONFIG = """\
author: Test desk
people:
  - name: Ann Lee
    role: Trade Minister of Norland
    aliases: [Lee]
  - name: Bo Kim
    role: Trade Minister of Southia
    aliases: [Kim]
themes:
  - id: steel-trade
    title: Steel trade
    description: The steel tariff dispute between Norland and Southia.
    terms: [tariff, tariffs, steel, trade]
    phrases: [steel tariffs, trade deal]
"""

THEME = "steel-trade"
FORMATS = ("docx", "pdf", "html", "json")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "seeds" / name).write_text(text, encoding="utf-8")
    (tmp_path / "config.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def build_args(project: Path, day: str, *extra: str) -> list[str]:
    return [
        "build",
        "--config",
        str(project / "config.yaml"),
        "--seeds",
        str(project / "seeds"),
        "--out",
        str(project / "out"),
        "--date",
        day,
        "--quiet",
        *extra,
    ]


def build(project: Path, day: str, *extra: str) -> None:
    assert main(build_args(project, day, *extra)) == 0


def files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def model(project: Path, day: str) -> dict:
    path = project / "out" / THEME / day / f"{THEME}-briefing-{day}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_two_editions_a_week_apart_show_whats_new_manifest_and_latest(project):
    build(project, "2026-01-12")
    first = model(project, "2026-01-12")
    assert first["edition"]["previous"] is None
    assert not any(p["new"] for p in first["passages"] + first["events"] + first["quotes"])
    assert first["author"] == "Test desk"
    assert first["generated_at"].startswith("2026-01-12")

    (project / "seeds" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    build(project, "2026-01-19")
    out = project / "out" / THEME
    second = model(project, "2026-01-19")

    # What's new: exactly the added article's material is new; what was there before is not.
    by_id = {s["id"]: s["file"] for s in second["sources"]}
    assert second["edition"] == {
        "date": "2026-01-19",
        "previous": "2026-01-12",
        "sources_added": [s["id"] for s in second["sources"] if s["file"] == "c.txt"],
        "sources_removed": [],
    }
    new_passages = [p for p in second["passages"] if p["new"]]
    assert new_passages, "the added article's passages are marked new"
    for p in second["passages"]:
        assert p["new"] == all(by_id[s] == "c.txt" for s in p["sources"]), p
    for q in second["quotes"]:
        assert q["new"] == (by_id[q["source"]] == "c.txt"), q
    assert any(e["new"] and e["date"] == "2026-01-15" for e in second["events"])
    assert not any(e["new"] for e in second["events"] if e["date"] in ("2026-01-07", "2026-01-09"))

    html = (out / "2026-01-19" / f"{THEME}-briefing-2026-01-19.html").read_text(encoding="utf-8")
    assert "What\u2019s new" in html
    assert "What\u2019s new" not in (out / "2026-01-12" / f"{THEME}-briefing-2026-01-12.html").read_text()
    assert "Norland and Southia reach draft steel trade deal" in html

    # The manifest: sources with content hashes, counts, config hash, version, formats.
    manifest = json.loads((out / "2026-01-19" / "manifest.json").read_text())
    assert manifest["edition"] == "2026-01-19" and manifest["previous"] == "2026-01-12"
    sha = {s["file"]: s["sha256"] for s in manifest["sources"]}
    assert sha["c.txt"] == hashlib.sha256((project / "seeds" / "c.txt").read_bytes()).hexdigest()
    assert set(sha) == {"a.txt", "b.txt", "c.txt"}
    assert manifest["config"]["sha256"] == hashlib.sha256((project / "config.yaml").read_bytes()).hexdigest()
    assert manifest["counts"]["passages"] == len(second["passages"])
    assert manifest["counts"]["new_passages"] == len(new_passages)
    assert sorted(manifest["formats"]) == sorted(FORMATS)
    for fmt, entry in manifest["formats"].items():
        assert entry["file"] == f"{THEME}-briefing-2026-01-19.{fmt}"
        data = (out / "2026-01-19" / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]

    # latest/ is a real folder holding the newest edition, its formats under stable names
    assert_latest_of(out / "latest", out / "2026-01-19", THEME)
    assert (out / "latest" / f"{THEME}-briefing.pdf").read_bytes() == (
        out / "2026-01-19" / f"{THEME}-briefing-2026-01-19.pdf"
    ).read_bytes()
    assert sorted(p.name for p in out.iterdir()) == ["2026-01-12", "2026-01-19", "latest"]


def test_rebuilding_an_edition_with_a_date_reproduces_its_bytes(project):
    build(project, "2026-01-12")
    build(project, "2026-01-19")
    before = files(project / "out" / THEME / "2026-01-19")
    build(project, "2026-01-19")
    assert files(project / "out" / THEME / "2026-01-19") == before


class FailingWriter:
    suffix = ".html"

    @staticmethod
    def warm() -> None:
        pass

    @staticmethod
    def render(briefing) -> bytes:
        raise OutputError("HTML template broken")


def test_a_failed_build_keeps_the_previous_edition_and_latest(project, monkeypatch, capsys):
    build(project, "2026-01-12")
    out = project / "out" / THEME
    previous, latest = files(out / "2026-01-12"), files(out / "latest")
    (project / "seeds" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    monkeypatch.setitem(WRITERS, "html", FailingWriter)  # fails after the first format (json)

    assert main(build_args(project, "2026-01-19", "--format", "json,html")) != 0
    assert "HTML template broken" in capsys.readouterr().err
    assert files(out / "2026-01-12") == previous and files(out / "latest") == latest
    assert sorted(p.name for p in out.iterdir()) == ["2026-01-12", "latest"]


KILLED = textwrap.dedent(
    """
    import os, signal, sys
    from briefing.cli import main
    from briefing.writers import WRITERS

    class Killed:
        suffix = ".html"
        warm = staticmethod(lambda: None)
        @staticmethod
        def render(briefing):
            os.kill(os.getpid(), signal.SIGKILL)

    WRITERS["html"] = Killed
    sys.exit(main(sys.argv[1:]))
    """
)


def test_a_killed_build_keeps_the_previous_edition_and_its_lock_is_recovered(project):
    build(project, "2026-01-12")
    out = project / "out" / THEME
    previous = files(out / "2026-01-12")
    (project / "seeds" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")

    args = build_args(project, "2026-01-19", "--format", "json,html")
    proc = subprocess.run([sys.executable, "-c", KILLED, *args], capture_output=True, text=True)
    assert proc.returncode == -9
    assert files(out / "2026-01-12") == previous
    assert_latest_of(out / "latest", out / "2026-01-12", THEME)  # still the previous edition
    assert (project / "out" / LOCK_NAME).exists()  # left behind by the dead build

    proc = subprocess.run([sys.executable, "-m", "briefing.cli", *args], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "stale lock" in proc.stderr and "no longer running" in proc.stderr
    assert_latest_of(out / "latest", out / "2026-01-19", THEME)
    assert not (project / "out" / LOCK_NAME).exists()


def test_a_second_build_while_one_runs_is_refused_naming_the_lock(project, capsys):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from briefing.output.lock import BuildLock\n"
            "with BuildLock(sys.argv[1]):\n print('locked', flush=True); sys.stdin.readline()",
            str(project / "out"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(build_args(project, "2026-01-12")) == 5
        err = capsys.readouterr().err
        assert f"build locked: another briefing build is running (PID {holder.pid}" in err
        assert str(project / "out" / LOCK_NAME) in err
    finally:
        holder.communicate("\n", timeout=30)
    assert not (project / "out" / THEME).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--window", "7x"], "'7x' is not a window; use a number of days or weeks, e.g. 7d or 2w"),
        (["--since", "last week"], "'last week' is not a date; use YYYY-MM-DD"),
        (["--since", "2026-01-01", "--window", "7d"], "not allowed with argument"),
    ],
)
def test_bad_period_arguments_are_usage_errors(project, capsys, args, message):
    with pytest.raises(SystemExit) as info:
        main(build_args(project, "2026-01-19", *args))
    assert info.value.code == 2
    assert message in capsys.readouterr().err


def test_window_limits_the_period_and_keeps_older_material_as_background(project):
    (project / "seeds" / ADDED[0]).write_text(ADDED[1], encoding="utf-8")
    build(project, "2026-01-19", "--window", "5d", "--format", "json")
    m = model(project, "2026-01-19")
    assert (m["period_start"], m["period_end"]) == ("2026-01-14", "2026-01-19")
    files_by_id = {s["id"]: s["file"] for s in m["sources"]}
    assert m["passages"] and all(files_by_id[s] == "c.txt" for p in m["passages"] for s in p["sources"])
    assert any(e["date"] < "2026-01-14" for e in m["events"]), "older material is kept as background"
    for e in m["events"]:
        if e["date"] < "2026-01-14":
            assert e["background"], e
        elif len(e["date"]) == 10 and e["date"] <= "2026-01-19":
            assert not e["background"], e
