"""Benchmark the whole build at scale: first build, +1 document rebuild, peak memory, growth exponent.

A corpus of N documents is generated in a temporary folder from real news text read from
`../shared/bench` (TempEval-3 dev and PolNeAR dev articles; the test splits are never used) and
the sample corpus, replicated with distinct file names and distinct dates (each replica moves the
article's date by a few weeks, so relative dates in it move too). Nothing is copied into the
repository. For each size the script runs, as a user would, `briefing build --format json` over
all themes with a fixed `--date`:

  first        a build with an empty output folder (and an empty store, if there is one)
  incremental  the same build after one new document was added to the folder

and prints wall time, peak memory (proportional set size of the build and every worker process
it starts, summed, sampled every 200 ms), documents per second of the first build and the growth
exponent of time between consecutive sizes (log t2/t1 over log n2/n1; 1.0 is linear).

    .venv/bin/python bench/bench_scale.py [--sizes 100,1000,10000] [--store SPEC | --postgres] [--profile N]

The store is the default SQLite file in the output folder; `--store SPEC` names another (a
`postgresql://` URL, say; it must be empty of this corpus, as each size's corpus folder is new),
and `--postgres` starts a throwaway PostgreSQL server for the run (tests/pg_server.py: Debian's
`postgresql` package) and measures the store there.
`--profile N` builds a corpus of N documents once under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
EDITION = "2026-02-02"
SAMPLE_EVERY = 0.2  # seconds between memory samples
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise SystemExit(
            f"{path}: benchmark data not found (expected ../shared/bench next to the repository)"
        )
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def base_articles() -> list[tuple[str, str | None, dt.date | None, str]]:
    """Return (name, title, date, body) for every source article; seeds keep their own dated text."""
    out: list[tuple[str, str | None, dt.date | None, str]] = []
    for rec in _jsonl(BENCH / "te3" / "dev.jsonl"):
        out.append(
            (f"te3-{rec['doc']}", rec.get("title") or None, dt.date.fromisoformat(rec["dct"]), rec["text"])
        )
    for rec in _jsonl(BENCH / "quotes" / "polnear_dev.jsonl"):
        out.append(
            (f"pn-{rec['doc']}", rec.get("title") or None, dt.date.fromisoformat(rec["date"]), rec["text"])
        )
    seeds = SHARED_SEEDS if SHARED_SEEDS.is_dir() else ROOT / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        out.append((f"seed-{path.stem}", None, None, path.read_text(encoding="utf-8")))
    # interleave the sources so that every size mixes all three kinds of text
    out.sort(key=lambda a: (hash_order(a[0]), a[0]))
    return out


def hash_order(name: str) -> int:
    """A fixed pseudo-random order independent of PYTHONHASHSEED."""
    h = 0
    for ch in name:
        h = (h * 131 + ord(ch)) % 1_000_003
    return h


def _long_date(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}"


def article_text(base: tuple[str, str | None, dt.date | None, str], replica: int) -> str:
    """The file text of one replica: headline, a printed date moved by `replica` * 5 weeks, the body."""
    name, title, day, body = base
    if day is None:  # a sample-corpus file prints its own dates; replicas differ by name only
        return body
    moved = day + dt.timedelta(weeks=5 * replica)
    head = (title or body.split(".")[0][:90]).replace("\n", " ").strip()
    paragraphs = [p.strip() for p in body.replace("\r", "").split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0].rstrip(".") == title.rstrip("."):
        paragraphs = paragraphs[1:]  # PolNeAR repeats the headline as the first paragraph
    return "\n\n".join([head, _long_date(moved), *paragraphs]) + "\n"


def write_corpus(folder: Path, n: int, bases: list) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        base = bases[i % len(bases)]
        replica = i // len(bases)
        (folder / f"{i:05d}-{base[0][:40]}-r{replica}.txt").write_text(
            article_text(base, replica), encoding="utf-8"
        )


def add_one(folder: Path, n: int, bases: list) -> None:
    """Add the (n+1)-th document: a new replica, so a new name, date and content hash."""
    base = bases[n % len(bases)]
    replica = n // len(bases) + 1000
    (folder / f"{n:05d}-{base[0][:40]}-new.txt").write_text(article_text(base, replica), encoding="utf-8")


def _tree_memory(root: int) -> int:
    """Memory in bytes of a process and all its descendants: the sum of their proportional set
    sizes (PSS), so a page a forked worker shares with the build is counted once, not once per
    process as summed resident sizes would (the build forks its workers after reading the corpus)."""
    return sum(_pss(pid) for pid in _descendants(root))


def _descendants(root: int) -> list[int]:
    """The process and its descendants, from each thread's children list (no scan of /proc)."""
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                    todo.extend(int(child) for child in fh.read().split())
        except OSError:
            continue
    return out


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_build(seeds: Path, out: Path, config: Path, extra: list[str]) -> tuple[float, int, float]:
    """Run one `briefing build`; return (wall seconds, peak memory (PSS) of its process tree,
    CPU seconds of the build and its workers: on a shared machine, the figure load does not inflate)."""
    cmd = [
        sys.executable, "-m", "briefing.cli", "build", "--format", "json", "--quiet", "--date", EDITION,
        "--seeds", str(seeds), "--out", str(out), "--config", str(config), *extra,
    ]  # fmt: skip
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_memory(proc.pid))
            # reading a large process's smaps_rollup walks its page tables: every 20 ms took a
            # fifth of a core from the build it measured; a build's peak lasts seconds
            time.sleep(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{err.decode(errors='replace')[-3000:]}")
    return elapsed, peak, usage.ru_utime + usage.ru_stime


def _racy_seconds() -> float:
    sys.path.insert(0, str(ROOT))
    from briefing.store.fingerprint import RACY_SECONDS

    return RACY_SECONDS


def bench_config(tmp: Path, store: str | None) -> Path:
    """The repository's config, with the store pointed at `store` when one is given."""
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    if store:
        text += f"\nstore: {json.dumps(store)}\n"
    path = tmp / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def profile(n: int) -> None:
    import cProfile
    import pstats

    bases = base_articles()
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp_s:
        tmp = Path(tmp_s)
        write_corpus(tmp / "corpus", n, bases)
        sys.path.insert(0, str(ROOT))
        from briefing.cli import main

        prof = cProfile.Profile()
        prof.runcall(
            main,
            ["build", "--format", "json", "--quiet", "--date", EDITION, "--seeds", str(tmp / "corpus"),
             "--out", str(tmp / "out"), "--config", str(bench_config(tmp, None))],
        )  # fmt: skip
        pstats.Stats(prof).sort_stats("cumulative").print_stats(45)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    ap.add_argument("--profile", type=int, metavar="N", help="profile one first build of N documents instead")
    where = ap.add_mutually_exclusive_group()
    where.add_argument("--store", help="the store: spec (default: SQLite in the output folder)")
    where.add_argument(
        "--postgres", action="store_true", help="measure a throwaway PostgreSQL server's store"
    )
    args = ap.parse_args()
    if args.profile:
        profile(args.profile)
        return 0
    if not args.postgres:
        return measure(args.sizes, args.store)
    sys.path.insert(0, str(ROOT))
    from tests import pg_server

    folder, url = pg_server.start()
    try:
        return measure(args.sizes, url)
    finally:
        pg_server.stop(folder)


def measure(size_list: str, store: str | None) -> int:
    sizes = [int(s) for s in size_list.split(",") if s.strip()]
    bases = base_articles()
    print(f"source articles: {len(bases)} (TE3 dev, PolNeAR dev, sample corpus); edition date {EDITION}")
    print(f"store: {'PostgreSQL' if store and store.startswith('postgres') else 'SQLite'}")
    print(
        f"{'docs':>6} {'first s':>9} {'+1 doc s':>9} {'peak MB':>8} {'docs/s':>8} {'exponent':>9}"
        f" {'first cpu s':>12} {'+1 cpu s':>9} {'cpu exponent':>13}  (load {os.getloadavg()[0]:.1f})"
    )
    rows: list[tuple[int, float, float]] = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp_s:
            tmp = Path(tmp_s)
            config = bench_config(tmp, store)
            corpus, out = tmp / "corpus", tmp / "out"
            write_corpus(corpus, n, bases)
            # a file modified less than RACY_SECONDS (2 s) before a build is read again by the next one
            # (`store.fingerprint.file_stamp`), once; an archive is not written in the two seconds
            # before its first build, and the +1 figure is the weekly build's, not that one-off
            time.sleep(_racy_seconds())
            first, peak1, cpu1 = run_build(corpus, out, config, [])
            add_one(corpus, n, bases)
            again, peak2, cpu2 = run_build(corpus, out, config, [])
            shutil.rmtree(out, ignore_errors=True)
        exponent = cpu_exponent = ""
        if rows:
            n0, t0, c0 = rows[-1]
            exponent = f"{math.log(first / t0) / math.log(n / n0):.2f}"
            cpu_exponent = f"{math.log(cpu1 / c0) / math.log(n / n0):.2f}"
        rows.append((n, first, cpu1))
        peak = max(peak1, peak2) / 1e6
        print(
            f"{n:>6} {first:>9.1f} {again:>9.2f} {peak:>8.0f} {n / first:>8.1f} {exponent:>9}"
            f" {cpu1:>12.1f} {cpu2:>9.2f} {cpu_exponent:>13}  (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
