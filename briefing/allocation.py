"""Pausing the cyclic garbage collector while a build makes many objects that form no cycles.

Assembling a theme from a large corpus decodes thousands of stored articles into millions of small
objects (documents, events, quotes, sentence units) that live until the theme is done. CPython's
cyclic collector runs every few hundred allocations and, as the heap grows, walks every live
object again: at 10,000 documents that was about a third of the assembly time, and it freed
nothing, since these objects hold no cycles and reference counting frees them. The collector is
paused for such a block and set back as it was after it; its next run then collects whatever
cycles the block left, so memory stays bounded by one block's work.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Run the block with the cyclic collector paused (reference counting still frees everything
    that is not part of a cycle); the collector is enabled again after it if it was before."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def kept_from_cycle_collection() -> Iterator[None]:
    """Move every object alive now out of the cyclic collector's reach for the block (`gc.freeze`):
    objects made before it and kept throughout (an open corpus) are then never walked again, in
    this process or in processes it forks, whose copy-on-write pages the walk would touch. They
    are handed back to the collector after the block."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
