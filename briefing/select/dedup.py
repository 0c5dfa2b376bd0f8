"""Near-duplicate sentences across sources: one passage citing every source that reports it.

Several outlets report the same fact, often reworded; a briefing should state it
once and cite them all, in the wording that says the most.  Two sentences are
near-duplicates when their content words overlap strongly (Jaccard), or when the
shorter one is almost wholly contained in the longer (then the longer is the more
complete report of the same fact).

Comparing every pair would grow with the square of the corpus, so exact copies
are folded by hash first and near-duplicates are found by prefix filtering (as in
set-similarity joins): with words in one global order, rarest first, two sets whose
Jaccard similarity reaches the threshold must share a word among the first
|x| - ceil(t|x|) + 1 of each.  Sentences are indexed under that prefix (a little
longer, so that most containment pairs are found too), and rare words make small blocks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

JACCARD = 0.6  # share of content words two rewordings of one fact have in common
CONTAINMENT = 0.85  # share of the shorter sentence found in the longer one
MIN_CONTAINED = 6  # below this many content words, containment alone proves nothing
PREFIX = 0.5  # share of a sentence's words (rarest first) it is indexed under; <= 1 - JACCARD suffices


@dataclass(frozen=True)
class Cluster:
    keep: int  # the item whose wording is kept (the most complete)
    members: tuple[int, ...]  # every item in the cluster, `keep` first


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two content-word sets report the same thing."""
    if not a or not b:
        return False
    inter = len(a & b)
    if inter / len(a | b) >= JACCARD:
        return True
    small = min(len(a), len(b))
    return small >= MIN_CONTAINED and inter / small >= CONTAINMENT


def cluster(
    items: Sequence[int],
    words: Callable[[int], frozenset[str]],
    rarity: Callable[[str], float],
    completeness: Callable[[int], tuple],
) -> list[Cluster]:
    """Group `items` into near-duplicate clusters.

    `words(i)` gives an item's content words, `rarity(w)` a word's IDF, and
    `completeness(i)` a sort key where larger means more complete wording.
    Items are returned grouped, each cluster keeping its most complete member first;
    clusters come in the order of their first item.
    """
    parent = {i: i for i in items}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    # 1. exact copies (same content words)
    first_of: dict[frozenset[str], int] = {}
    uniques = []
    for i in items:
        w = words(i)
        if w in first_of:
            union(first_of[w], i)
        else:
            first_of[w] = i
            uniques.append(i)
    # 2. near copies, compared only within blocks sharing one of their rarer words
    blocks: dict[str, list[int]] = {}
    for i in uniques:
        ordered = sorted(words(i), key=lambda w: (-rarity(w), w))
        for rare in ordered[: math.ceil(PREFIX * len(ordered)) + 1]:
            block = blocks.setdefault(rare, [])
            for j in block:
                if find(i) != find(j) and near_duplicate(words(i), words(j)):
                    union(i, j)
            block.append(i)
    groups: dict[int, list[int]] = {}
    for i in items:
        groups.setdefault(find(i), []).append(i)
    out = []
    for root in sorted(groups):
        members = groups[root]
        keep = max(members, key=lambda i: (completeness(i), -members.index(i)))
        out.append(Cluster(keep, (keep, *(m for m in members if m != keep))))
    return out
