"""Floors for the HTML reader on the shared saved pages (../shared/bench/html), via bench/bench_html.py.

The pages stay in ../shared (publishers' copyright, evaluation only); when they are missing
this test fails with the path, it never skips.  Floors are the figures measured when the
reader landed; raise them when the reader improves, never lower them to pass.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"text_F1": 0.933, "title_acc": 0.938, "date_acc": 0.959, "author_acc": 0.860}


def _bench():
    spec = importlib.util.spec_from_file_location("bench_html", ROOT / "bench" / "bench_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_html_reader_meets_its_floors_on_the_dev_pages():
    bench = _bench()
    assert bench.PAGES.is_dir(), f"{bench.PAGES} not found: the HTML bench pages live in ../shared/bench/html"
    figures, out = bench.score(bench.reader_documents(bench.PAGES))
    assert "pages=121/121" in out, out
    for key, floor in FLOORS.items():
        assert figures[key] >= floor - 1e-9, f"{key} fell to {figures[key]} (floor {floor})\n{out}"
