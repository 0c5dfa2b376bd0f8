"""Maximal marginal relevance: cover the theme's sub-topics instead of rewording the top hit.

Ranking by relevance alone fills a briefing with the best-scoring fact told five
ways.  MMR picks, at each step, the candidate that best balances its own relevance
against its similarity to what is already chosen (Carbonell & Goldstein, 1998),
so a less central but different sub-topic gets in before a fifth rewording.
Similarity is the cosine of TF-IDF vectors over content words.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import repeat

LAMBDA = 0.7  # weight of relevance against novelty
REDUNDANT = 0.75  # a candidate this similar to a chosen one adds nothing and is dropped


Vector = dict[str, float]


def tfidf(words: Sequence[str], idf: Callable[[str], float]) -> Vector:
    """Return the unit-length TF-IDF vector of a bag of words."""
    counts = Counter(words)
    vec = {w: (1.0 + math.log(c)) * idf(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {w: v / norm for w, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """The dot product of two unit vectors, summed in the shorter one's order (without a Python
    step per word: grouping compares every leftover passage with every grouped one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(operator.mul, a.values(), map(b.get, a, repeat(0.0))))


def mmr(relevance: Sequence[float], vectors: Sequence[Vector], k: int, lam: float = LAMBDA) -> list[int]:
    """Return up to `k` indices chosen by MMR, in the order chosen.

    `relevance` need not be normalised; it is scaled to [0, 1] by its maximum.
    Candidates nearly identical to a chosen one are skipped even if the budget allows.
    """
    n = len(relevance)
    if n == 0 or k <= 0:
        return []
    top = max(relevance) or 1.0
    rel = [r / top for r in relevance]
    chosen: list[int] = []
    max_sim = [0.0] * n
    left = set(range(n))
    while left and len(chosen) < k:
        best = max(left, key=lambda i: (lam * rel[i] - (1 - lam) * max_sim[i], -i))
        left.discard(best)
        if max_sim[best] >= REDUNDANT:
            continue
        chosen.append(best)
        for i in left:
            s = cosine(vectors[i], vectors[best])
            if s > max_sim[i]:
                max_sim[i] = s
    return chosen
