"""How build time grows with input size: one ever longer line, and ever more small files.

Prints, per size, the seconds spent reading, extracting (events, quotes, statements),
assembling one theme and rendering it as JSON and HTML, and the growth exponent against
the previous size (1.0 = linear, 2.0 = quadratic).  The text is generated here from a few
ordinary news sentences of our own (dates, quotes, titles, abbreviations), so it exercises
the sentence splitter, the date tagger and the quote finder the way real articles do.

    .venv/bin/python bench/bench_growth.py [--line-kb 10,30,100,300,1000] [--files 100,300,1000]

Heavy: the default run takes a few minutes on one core; run it sparingly.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.assemble import build_briefing  # noqa: E402
from briefing.build import render_all  # noqa: E402
from briefing.config import load_config  # noqa: E402
from briefing.extraction import extract_corpus  # noqa: E402
from briefing.readers import read_corpus  # noqa: E402

SENTENCES = (
    "Trade ministers from the Pacific Rim met in Auckland on Jan. 14, 2026, to discuss tariffs.",
    "Sen. Maria Lopez (D-Calif.) said the U.S. would not join the pact before March.",
    '"We will keep talking until the deal is done," Lopez told reporters on Tuesday.',
    "The council voted 7-2 on Feb. 3 to delay the port expansion by two years.",
    "Dr. Alan Smith, the chief economist at Northbank Inc., expects growth of 2.5% next year.",
    "No. 10 Downing St. confirmed that the prime minister would visit Ottawa next week.",
    "Officials in Seoul and Tokyo agreed to hold another round of talks in April.",
    "The agreement, signed in 2018, cut tariffs on 95% of goods traded among its members.",
    'Critics called the move "a step backwards" and urged lawmakers to reject it.',
    "Exports rose 4 percent in the first quarter, according to figures released on Monday.",
)

CONFIG = """\
themes:
  - id: trade
    title: Pacific trade
    description: Trade talks, tariffs and the pact among Pacific Rim economies.
    terms: [trade, tariffs, pact, exports, agreement]
output:
  formats: [json, html]
"""


def text_of(n_bytes: int, offset: int = 0) -> str:
    """Return about `n_bytes` of generated sentences joined by spaces (one line, no newline)."""
    parts, size, i = [], 0, offset
    while size < n_bytes:
        s = SENTENCES[i % len(SENTENCES)]
        parts.append(s)
        size += len(s) + 1
        i += 1
    return " ".join(parts)


def article(title: str, body: str, day: int) -> str:
    return f"{title}\n\nBy Jane Doe\n\nJanuary {1 + day % 28}, 2026\n\n{body}\n"


def run_once(seeds: Path, config_path: Path) -> dict[str, float]:
    """Time each stage of a build of `seeds` (one theme, JSON and HTML)."""
    config = load_config(config_path)
    times: dict[str, float] = {}
    t = time.perf_counter()
    docs = read_corpus(seeds)
    times["read"] = time.perf_counter() - t
    t = time.perf_counter()
    extraction = extract_corpus(docs, config.people)
    times["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    briefing = build_briefing(extraction, config.themes[0], config, generated_at="2026-01-19T00:00:00+00:00")
    times["assemble"] = time.perf_counter() - t
    t = time.perf_counter()
    render_all(briefing, ["json", "html"])
    times["render"] = time.perf_counter() - t
    times["total"] = sum(times.values())
    return times


def report(label: str, sizes: list[int], unit: str, make: object) -> None:
    print(f"\n{label}")
    print(f"{unit:>10} {'read':>8} {'extract':>8} {'assemble':>9} {'render':>8} {'total':>8} {'growth':>7}")
    prev: tuple[int, float] | None = None
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            seeds = Path(tmp) / "seeds"
            seeds.mkdir()
            config_path = Path(tmp) / "config.yaml"
            config_path.write_text(CONFIG, encoding="utf-8")
            make(seeds, n)  # type: ignore[operator]
            times = run_once(seeds, config_path)
        growth = ""
        if prev and prev[1] > 0.05:
            growth = f"{math.log(times['total'] / prev[1]) / math.log(n / prev[0]):.2f}"
        print(
            f"{n:>10} {times['read']:>8.2f} {times['extract']:>8.2f} {times['assemble']:>9.2f} "
            f"{times['render']:>8.2f} {times['total']:>8.2f} {growth:>7}",
            flush=True,
        )
        prev = (n, times["total"])


def one_long_line(seeds: Path, kb: int) -> None:
    (seeds / "long.txt").write_text(article("Pacific Trade Talks Resume", text_of(kb * 1024), 0), "utf-8")


def many_files(seeds: Path, count: int) -> None:
    for i in range(count):
        body = text_of(1500, offset=i)
        (seeds / f"a{i:05d}.txt").write_text(article(f"Trade Report Number {i}", body, i), "utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--line-kb", default="10,30,100,300,1000", help="sizes of the one-line document, in KB")
    ap.add_argument("--files", default="100,300,1000", help="numbers of 1.5 KB files")
    args = ap.parse_args()
    line_sizes = [int(x) for x in args.line_kb.split(",") if x]
    file_counts = [int(x) for x in args.files.split(",") if x]
    if line_sizes:
        report("one document, one long line (seconds)", line_sizes, "KB", one_long_line)
    if file_counts:
        report("many small files, 1.5 KB each (seconds)", file_counts, "files", many_files)


if __name__ == "__main__":
    main()
