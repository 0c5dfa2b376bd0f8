"""Benchmark the temporal tagger on TempEval-3 (dev and platinum) against dateparser's search_dates.

Prints the official-style figures from `score_timex.py` (DATE value F1, all-types value F1,
relaxed and strict F1) and throughput for our tagger and for dateparser (`dateparser`: ISO day
values, as the library returns them; `dp-period`: values cut to the period dateparser reports, its
best showing). The dev split is the default and the only one to develop on; platinum (the TE3 test
set) needs `--final` and is run once per issue, for the figure in its note, never to choose between
changes. The data is read from ../shared/bench (relative to the repository root) or the folder
given as the first argument; it is never copied.

    .venv/bin/python bench/bench_timex.py [BENCH_DIR] [--no-dateparser]   # dev
    .venv/bin/python bench/bench_timex.py --final                          # platinum, once
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.extract.timex import batch  # noqa: E402


def ours(gold: Path) -> tuple[str, float, int, int]:
    text = gold.read_text(encoding="utf-8")
    docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    out = io.StringIO()
    t0 = time.perf_counter()
    batch.run(io.StringIO(text), out)
    return out.getvalue(), time.perf_counter() - t0, len(docs), sum(len(d["text"]) for d in docs)


def dateparser_run(gold: Path, granular: bool = False) -> tuple[str, float, int, int]:
    """search_dates with RELATIVE_BASE = DCT, languages ["en"], every hit typed DATE.

    Values are the ISO day of the returned datetime, or with `granular` truncated to the period
    dateparser reports for the phrase (year -> YYYY, month -> YYYY-MM, week -> YYYY-Www).
    """
    import datetime as dt

    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    t0 = time.perf_counter()
    for d in docs:
        base = dt.datetime.fromisoformat(d["dct"][:10])
        settings = {"RELATIVE_BASE": base}
        found = search_dates(d["text"], languages=["en"], settings=settings) or []
        parser = DateDataParser(languages=["en"], settings=settings) if granular else None
        timexes, pos = [], 0
        for s, value in found:
            i = d["text"].find(s, pos)
            if i < 0:
                continue
            pos = i + len(s)
            iso = value.date().isoformat()
            if parser is not None:
                period = (parser.get_date_data(s).period or "day") if parser else "day"
                if period == "year":
                    iso = iso[:4]
                elif period == "month":
                    iso = iso[:7]
                elif period == "week":
                    y, w, _ = value.isocalendar()
                    iso = f"{y}-W{w:02d}"
            timexes.append({"start": i, "end": i + len(s), "type": "DATE", "value": iso})
        lines.append(json.dumps({"doc": d["doc"], "timexes": timexes}))
    elapsed = time.perf_counter() - t0
    return "\n".join(lines) + "\n", elapsed, len(docs), sum(len(d["text"]) for d in docs)


def score(scorer: Path, gold: Path, pred: str) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        fh.write(pred)
    res: dict[str, float] = {}
    for label, extra in (("DATE", ["--types", "DATE"]), ("ALL", [])):
        proc = subprocess.run(
            [sys.executable, str(scorer), str(gold), fh.name, "--json", *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        m = rows[-1]
        res[f"{label}_value_F1"] = 100 * m["value_f1"]
        if label == "ALL":
            res["relaxed_F1"] = 100 * m["relaxed"][2]
            res["strict_F1"] = 100 * m["strict"][2]
    Path(fh.name).unlink()
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bench_dir", nargs="?", default=str(ROOT.parent / "shared" / "bench"))
    ap.add_argument("--final", action="store_true", help="score TE3 platinum (once per issue, for the note)")
    ap.add_argument("--no-dateparser", action="store_true")
    args = ap.parse_args()
    bench = Path(args.bench_dir)
    scorer = bench / "score_timex.py"
    systems = [("briefing", ours)]
    if not args.no_dateparser:
        systems += [("dateparser", dateparser_run), ("dp-period", lambda g: dateparser_run(g, granular=True))]
    print(
        f"{'set':9} {'system':11} {'DATE vF1':>8} {'ALL vF1':>8} {'relaxF1':>8} {'strictF1':>8} {'docs/s':>8} {'chars/s':>9}"
    )
    for name in ("platinum",) if args.final else ("dev",):
        gold = bench / "te3" / f"{name}.jsonl"
        for label, fn in systems:
            pred, secs, ndocs, nchars = fn(gold)
            s = score(scorer, gold, pred)
            print(
                f"{name:9} {label:11} {s['DATE_value_F1']:8.2f} {s['ALL_value_F1']:8.2f} {s['relaxed_F1']:8.2f} "
                f"{s['strict_F1']:8.2f} {ndocs / secs:8.1f} {nchars / secs:9.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
