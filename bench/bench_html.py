"""Benchmark the HTML reader on the shared saved pages: body text, headline, date, authors, speed.

Runs `briefing extract` over ../shared/bench/html/pages (the way a user would) and scores
its output with ../shared/bench/score_html.py (the scorer is run, not copied).  With
`--readers-only` it reads the pages with the reader alone and prints the same figures
faster (tests/test_html_bench.py pins them as floors this way).  The last line is the
scorer's; before it, documents read per second.

    .venv/bin/python bench/bench_html.py [--pages DIR] [--gold FILE] [--readers-only]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
PAGES = SHARED / "html" / "pages"
GOLD = SHARED / "html" / "gold.jsonl"
SCORER = SHARED / "score_html.py"


def reader_documents(pages: Path) -> list[dict]:
    """Return the pages read by the reader registry, in the `briefing extract` shape (no quotes/events)."""
    sys.path.insert(0, str(ROOT))
    from briefing.readers import read_corpus

    return [
        {
            "id": d.id, "file": d.file, "title": d.title, "authors": list(d.authors), "publisher": d.publisher,
            "published": d.published, "published_inferred": d.published_inferred, "url": d.url,
            "format": d.format, "text": d.text,
        }
        for d in read_corpus(pages)
    ]


def cli_documents(pages: Path) -> list[dict]:
    """Return what `briefing extract --seeds PAGES` prints."""
    exe = Path(sys.executable).with_name("briefing")
    out = subprocess.run(
        [str(exe), "extract", "--seeds", str(pages), "--config", str(ROOT / "config.yaml")],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)["documents"]


def score(docs: list[dict], gold: Path = GOLD, errors: bool = False) -> tuple[dict[str, float], str]:
    """Return ({metric: value}, scorer output) for documents in the `briefing extract` shape."""
    for path in (gold, SCORER):
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: the HTML bench lives in ../shared/bench beside the repo")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump({"documents": docs}, fh, ensure_ascii=False)
    try:
        cmd = [sys.executable, str(SCORER), str(gold), fh.name] + (["--errors"] if errors else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(fh.name)
    last = out.strip().splitlines()[-1]
    figures = {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)(?:\s|$)", last)}
    return figures, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=PAGES)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--readers-only", action="store_true", help="read with the readers, skip quotes/events")
    ap.add_argument("--errors", action="store_true", help="print the scorer's list of misses")
    args = ap.parse_args()
    if not args.pages.is_dir():
        print(f"{args.pages}: not found; the pages live in ../shared/bench/html/pages", file=sys.stderr)
        return 2
    n_files = sum(1 for p in args.pages.iterdir() if p.suffix.lower() in (".html", ".htm"))
    start = time.perf_counter()
    docs = reader_documents(args.pages) if args.readers_only else cli_documents(args.pages)
    elapsed = time.perf_counter() - start
    _, out = score(docs, args.gold, args.errors)
    what = "reader" if args.readers_only else "briefing extract (reader + quotes + events)"
    print(f"{what}: {n_files} pages in {elapsed:.1f} s = {n_files / elapsed:.1f} documents/s")
    print(out.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
