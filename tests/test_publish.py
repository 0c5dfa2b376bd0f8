"""`briefing publish`: the index lists every edition newest first and every link resolves.

The index is opened in headless Chromium (Debian's `chromium` package), so what is checked
is the DOM a browser builds, not the template text.  A missing Chromium fails the test with
the command that installs it; it is never skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefing.errors import BuildLocked, OutputError
from briefing.model import Briefing, Passage, Source, ThemeRef
from briefing.output import diff_against_previous, save_edition
from briefing.output.lock import BuildLock
from briefing.output.publish import publish


def chromium() -> str:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    pytest.fail(
        "headless Chromium is required to check the publish index: "
        "run `sudo apt-get update && sudo apt-get install -y chromium` (or set CHROMIUM=/path/to/chrome)"
    )


def dump_dom(page: Path, profile: Path) -> str:
    proc = subprocess.run(
        [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


class Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])
        if tag == "script":
            self.scripts += 1


def make(theme: ThemeRef, files: list[str]) -> Briefing:
    sources = tuple(Source(f"S{i}", f, f"Article {f}") for i, f in enumerate(files, 1))
    return Briefing(
        theme=theme,
        generated_at="2026-01-01T00:00:00+00:00",
        period_start=None,
        period_end=None,
        sources=sources,
        passages=tuple(Passage(f"Text of {s.file}.", (s.id,), 1.0) for s in sources),
    )


def edition(out: Path, b: Briefing, day: str) -> None:
    marked = diff_against_previous(out, b, day)
    outputs = {
        "pdf": ("pdf", b"%PDF-1.4 " + day.encode()),
        "docx": ("docx", b"PK docx " + day.encode()),
        "html": ("html", b"<p>" + day.encode() + b"</p>"),
        "json": ("json", b"{}"),
    }
    save_edition(out, marked, edition_date=day, outputs=outputs, seeds_dir=None, config_path=None)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "shared drive" / "output"
    trade = ThemeRef("trade", "Trade <script>alert(1)</script> & tariffs")
    north = ThemeRef("north", "Arctic affairs")
    edition(out, make(trade, ["a.txt"]), "2026-01-05")
    edition(out, make(trade, ["a.txt", "b.txt"]), "2026-01-12")
    edition(out, make(trade, ["b.txt", "c.txt"]), "2026-01-19")
    edition(out, make(north, ["n.txt"]), "2026-01-19")
    return out


def test_index_in_chromium_lists_editions_newest_first_and_every_link_resolves(out, tmp_path):
    index = publish(out)
    assert index == out / "index.html"
    dom = dump_dom(index, tmp_path / "profile")
    parser = Anchors()
    parser.feed(dom)

    assert parser.scripts == 0  # the theme title was escaped, not executed
    assert "Trade &lt;script&gt;alert(1)&lt;/script&gt; &amp; tariffs" in dom
    files = [h for h in parser.hrefs if not h.startswith("#")]
    assert files, "no file links in the index"
    for href in files:
        parts = urlsplit(href)
        assert not parts.scheme and not parts.netloc and not href.startswith("/"), f"not relative: {href}"
        assert (index.parent / unquote(parts.path)).is_file(), f"broken link {href}"
    for href in (h for h in parser.hrefs if h.startswith("#")):
        assert f'id="{href[1:]}"' in dom

    trade_pdfs = [h for h in files if h.startswith("trade/") and h.endswith(".pdf")]
    assert trade_pdfs == [
        "trade/latest/trade-briefing.pdf",  # the address to bookmark: the newest, always
        "trade/2026-01-19/trade-briefing-2026-01-19.pdf",
        "trade/2026-01-12/trade-briefing-2026-01-12.pdf",
        "trade/2026-01-05/trade-briefing-2026-01-05.pdf",
    ]
    assert (out / "trade" / "latest" / "trade-briefing.pdf").read_bytes() == b"%PDF-1.4 2026-01-19"
    # four editions x (PDF, Word, web page, JSON, manifest), and each theme's latest/ formats
    assert len(files) == 4 * 5 + 2 * 4
    assert dom.index("Arctic affairs</h2>") < dom.index("&amp; tariffs</h2>")  # themes in title order
    assert "1 source added; 1 removed" in dom  # 2026-01-19 vs 2026-01-12


def test_a_deleted_file_is_not_linked_and_unfinished_builds_are_ignored(out, tmp_path):
    (out / "trade" / "2026-01-12" / "trade-briefing-2026-01-12.docx").unlink()
    (out / "trade" / "2026-01-26").mkdir()  # no manifest: not a finished edition
    parser = Anchors()
    parser.feed(publish(out).read_text())
    assert "trade/2026-01-12/trade-briefing-2026-01-12.docx" not in parser.hrefs
    assert not [h for h in parser.hrefs if "2026-01-26" in h]
    assert len([h for h in parser.hrefs if not h.startswith("#")]) == 4 * 5 - 1 + 2 * 4


def test_publish_waits_for_no_build_and_explains_an_empty_folder(out, tmp_path):
    with BuildLock(out), pytest.raises(BuildLocked):
        publish(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(OutputError, match="no editions found"):
        publish(empty)
    with pytest.raises(OutputError, match="not found"):
        publish(tmp_path / "missing")


def test_briefing_publish_command_writes_the_index_and_prints_its_path(out, capsys):
    from briefing.cli import main

    assert main(["publish", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out / "index.html")
    assert main(["publish", "--out", str(out.parent / "nowhere")]) == 4
    assert "output error:" in capsys.readouterr().err
