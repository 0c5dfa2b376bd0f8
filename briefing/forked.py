"""Run independent jobs in forked worker processes and hand their results back in order.

A build's themes are independent of one another once the corpus is read: each selects, builds its
timeline and renders from the same extraction results. On a 2-core machine, assembling them one
after another leaves a core idle for most of a large build. The workers are forked after the
corpus is open, so they start with it in memory (shared, copy-on-write) instead of reading it
again, and nothing but the job's index goes to them. Results come back in job order, so the build
saves, warns and fails exactly as it would one job at a time, whichever worker finishes first.

A forked worker must never use a database connection it inherited (SQLite and PostgreSQL both
forbid it): `on_start` runs first in each worker to open its own (`StoredCorpus.reconnect`).
Workers leave with `os._exit` (multiprocessing's fork start), so an inherited connection is never
closed from the child either.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")

# The job of the pool being run. Set before the pool forks, so each worker inherits it: a closure
# over the open corpus cannot be pickled, and must not be (the point is not to copy the corpus).
_job: Callable[[int], Any] | None = None
_on_start: Callable[[], None] | None = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def in_order(
    count: int, job: Callable[[int], T], workers: int, on_start: Callable[[], None] | None = None
) -> Iterator[T]:
    """Yield job(0), job(1), ... job(count - 1), computed in up to `workers` forked processes.

    With one worker, one job or no fork (Windows) the jobs run here, one after another, with the
    same results. An exception a job raises is raised here when its turn comes; jobs after it
    that have not started are cancelled. If a worker dies, the jobs not yet done run here."""
    global _job, _on_start
    workers = min(workers, count)
    if workers <= 1 or not can_fork():
        for i in range(count):
            yield job(i)
        return
    if _job is not None:
        raise RuntimeError("forked.in_order does not nest")
    _job, _on_start = job, on_start
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start,
        initargs=(os.getpid(),),
    )
    done = 0
    try:
        futures: list[Future[T]] = [pool.submit(_run, i) for i in range(count)]
        try:
            for future in futures:
                result = future.result()
                done += 1
                yield result
        except BrokenProcessPool:
            # a worker died (the kernel's out-of-memory killer, say): the jobs it left are run
            # here, one after another, as a build without workers would run them
            pool.shutdown(wait=True, cancel_futures=True)
            for i in range(done, count):
                yield job(i)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _job = _on_start = None


def _run(i: int) -> Any:
    assert _job is not None
    return _job(i)


def _start(parent: int) -> None:
    watch_parent(parent)
    if _on_start is not None:
        _on_start()


def watch_parent(parent: int) -> None:
    """Make a worker exit when the build that started it is gone (killed with SIGKILL, say):
    an orphaned worker would otherwise wait for work forever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
