"""A small corpus and config of our own (never benchmark text) for the corpus-store tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing.store import open_store
from briefing.store.corpus import open_corpus

DATE = "2026-01-19"

CONFIG = """\
author: Test desk
output:
  folder: out
  formats: [json, html]
people:
  - name: Anna Berg
    role: Mayor of Northport
    aliases: [Berg, Mayor Berg]
  - name: Tomas Lind
    role: Harbour authority chief
    aliases: [Lind]
themes:
  - id: bridge
    title: Northport harbour bridge
    description: Building the new harbour bridge in Northport.
    terms: [bridge, tolls]
    phrases: [harbour bridge]
    people: [Anna Berg]
  - id: ferries
    title: Northport ferries
    description: Ferry services across the harbour.
    terms: [ferry, ferries]
"""

MONTHS = "January February March April May June July August September October November December".split()


def article(i: int) -> str:
    """Return the text of article `i`: a headline, a printed date and a few dated paragraphs."""
    day = 3 + (i % 20)
    month = MONTHS[(i // 20) % 12]
    return (
        f"Northport council report number {i} on the harbour\n\n"
        f"Monday, {month} {day}, 2025\n\n"
        f"The Northport council voted on {month} {day - 1}, 2025 to fund stage {i} of the harbour bridge, "
        f"with tolls of {i + 2} crowns for each car.\n\n"
        f"\u201cStage {i} keeps the bridge on schedule and the tolls low,\u201d Mayor Anna Berg said at the "
        f"council meeting.\n\n"
        f"Harbour authority chief Tomas Lind said the ferry timetable would change on {month} {day + 5}, 2025 "
        f"while crews work on pier {i}.\n\n"
        f"Residents of district {i} asked for a second ferry stop near the old fish market.\n"
    )


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"report-{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def write_config(path: Path, store: str | None = None, people_extra: str = "") -> Path:
    text = CONFIG
    if people_extra:
        text = text.replace("themes:\n", people_extra + "themes:\n", 1)
    if store is not None:
        text += f"store: {store}\n"
    path.write_text(text, encoding="utf-8")
    return path


def tree(folder: Path, manifests: bool = True) -> dict[str, bytes]:
    """Return {relative path: bytes} of every file under `folder` except the store and the lock.

    Without `manifests`, leave out the manifests (they hash the config file, which names the store)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".") and (manifests or p.name != "manifest.json")
    }


def build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run `briefing build` on `project` (seeds/ into out/, edition DATE) in a fresh process."""
    exe = Path(sys.executable).parent / "briefing"
    return subprocess.run(
        [str(exe), "build", "--date", DATE, "--quiet", "--seeds", "seeds", "--out", "out", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def empty_store(spec: str, folder: Path) -> None:
    """Start the store `spec` names from nothing (a PostgreSQL store outlives the test's folder)."""
    store = open_store(spec, folder)
    store.drop()
    store.close()


def load_everything(seeds: Path, people, store, warn, **kw):
    """Return (every article with its extraction results, load stats): the corpus a build opens
    from the store (`open_corpus`), whole and in memory, as the tests compare it."""
    corpus, stats = open_corpus(seeds, people, store, warn, **kw)
    return corpus.everything(), stats
