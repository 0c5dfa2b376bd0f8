"""Benchmark the README's main job against the import floor, side by side in one run.

The import floor is what any Python tool rendering Word and PDF pays before doing anything:
starting Python and importing python-docx, reportlab's platypus, jinja2 and PyYAML. The main job
is `briefing build` on the bundled sample corpus, every theme, every format, into a fresh output
folder (so the corpus store starts empty, as on a new machine) with a fixed `--date`. Runs
alternate (floor, job, floor, job, ...) so a change in the machine's load hits both alike; the
script prints the median wall and CPU seconds of each and their ratio. The aim is a ratio of at
most 10.

    .venv/bin/python bench/bench_main_job.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = [sys.executable, "-c", "import docx, reportlab.platypus, jinja2, yaml"]


def timed(cmd: list[str]) -> tuple[float, float]:
    """Run `cmd`; return (wall seconds, CPU seconds of it and its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    floors: list[tuple[float, float]] = []
    jobs: list[tuple[float, float]] = []
    for _ in range(args.runs):
        floors.append(timed(FLOOR))
        with tempfile.TemporaryDirectory(prefix="briefing-main-job-") as out:
            job = [
                sys.executable,
                "-m",
                "briefing.cli",
                "build",
                "--quiet",
                "--date",
                "2026-11-29",
                f"--out={out}",
            ]
            jobs.append(timed(job))
    floor_wall, floor_cpu = (statistics.median(x) for x in zip(*floors, strict=True))
    job_wall, job_cpu = (statistics.median(x) for x in zip(*jobs, strict=True))
    print(f"runs: {args.runs} of each, alternating; medians (load {os.getloadavg()[0]:.1f})")
    print(f"{'':>12} {'wall s':>8} {'CPU s':>8}")
    print(f"{'import floor':>12} {floor_wall:>8.2f} {floor_cpu:>8.2f}")
    print(f"{'main job':>12} {job_wall:>8.2f} {job_cpu:>8.2f}")
    print(f"{'ratio':>12} {job_wall / floor_wall:>7.1f}× {job_cpu / floor_cpu:>7.1f}×  (target ≤ 10×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
