"""The extractive summary: 3-7 key points taken verbatim from the selected passages.

A key point should be central (many selected passages say something close to it,
so it is what the material is about) and the points together should cover the
material (no two saying the same thing).  Centrality is LexRank-style degree
centrality over TF-IDF cosine similarity between the passages' sentences, mixed
with the passage's own relevance; coverage comes from MMR with a strict
redundancy cut.  A very long sentence is trimmed to its most central clause
(a verbatim slice at a semicolon or dash), so a point stays a single statement.

Every point must also read on its own (`standalone`): a sentence that opens with
"However," or "He added", names its subject only as "the summit", or forecasts an
event that has passed by the edition's date is never a point; another one is chosen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.select.mmr import cosine, tfidf
from briefing.select.passages import LONG_WORDS, clauses
from briefing.select.pipeline import Selected
from briefing.select.standalone import standalone
from briefing.select.tokenize import content_keys
from briefing.text.sentences import split_sentences

MAX_POINTS = 7
MIN_WORDS = 6  # a headline fragment is not a key point
SAME_POINT = 0.45  # cosine at which two points say the same thing
LAMBDA = 0.6  # weight of centrality against novelty
SAME_GROUP = 0.3  # a sub-topic already covered counts as this much overlap (coverage over depth)


@dataclass(frozen=True)
class _Candidate:
    text: str
    doc_ids: tuple[str, ...]
    relevance: float
    group: str | None
    forms: tuple[str, ...]  # the verbatim forms of it that stand alone: itself, or clauses of it


def summarize(
    selected: Sequence[Selected], n: int, stale: Callable[[str, tuple[str, ...]], bool] | None = None
) -> list[Selected]:
    """Return up to `n` (at most 7) key points, most central first; fewer if the material is thin.

    `stale(text, doc_ids)` says a sentence speaks of something to come that has passed by the
    edition's date (see `standalone.is_stale`); such a sentence is never a point.
    """
    n = min(n, MAX_POINTS)
    if n <= 0 or not selected:
        return []
    top = max(s.score for s in selected) or 1.0
    cands: list[_Candidate] = []
    for s in selected:
        # a passage's own theme sentences, not the context that came with them ("This reflects ...")
        # cited by the sources of that very sentence, not of the whole passage
        whole = [x.text for x in split_sentences(s.text)]
        sentences = [(k.text, k.doc_ids) for k in s.key] or [(x, s.doc_ids) for x in whole]
        for key, doc_ids in sentences:
            text = _sentence_of(key, whole)
            if len(text.split()) < MIN_WORDS:
                continue
            forms = _forms(text, key)
            if stale is not None:
                forms = tuple(f for f in forms if not stale(f, doc_ids))
            if forms:
                cands.append(_Candidate(text, doc_ids, s.score / top, s.group, forms))
    if not cands:
        return []
    bags = [content_keys(c.text) for c in cands]
    df: dict[str, int] = {}
    for bag in bags:
        for w in set(bag):
            df[w] = df.get(w, 0) + 1
    n_docs = len(bags)

    def idf(w: str) -> float:
        return math.log(1.0 + n_docs / df.get(w, 1))

    vecs = [tfidf(bag, idf) for bag in bags]
    degree = [sum(cosine(v, u) for j, u in enumerate(vecs) if j != i) for i, v in enumerate(vecs)]
    top_degree = max(degree) or 1.0
    # corroboration by several sources is itself a sign of a key point
    central = [
        0.5 * degree[i] / top_degree + 0.4 * c.relevance + 0.1 * min(len(c.doc_ids), 3) / 3
        for i, c in enumerate(cands)
    ]

    def overlap(i: int, chosen: list[int]) -> float:
        sim = max((cosine(vecs[i], vecs[j]) for j in chosen), default=0.0)
        same = cands[i].group is not None and any(cands[j].group == cands[i].group for j in chosen)
        return max(sim, SAME_GROUP) if same else sim

    chosen: list[int] = []
    left = set(range(len(cands)))
    while left and len(chosen) < n:
        best = max(
            left,
            key=lambda i: (
                LAMBDA * central[i] - (1 - LAMBDA) * overlap(i, chosen),
                -i,
            ),
        )
        left.discard(best)
        if any(cosine(vecs[best], vecs[j]) >= SAME_POINT for j in chosen):
            continue
        chosen.append(best)
    centroid: dict[str, float] = {}
    for v in vecs:
        for w, x in v.items():
            centroid[w] = centroid.get(w, 0.0) + x
    out = []
    for i in chosen:
        c = cands[i]
        # the standalone form closest to what the material as a whole is about
        text = max(c.forms, key=lambda f: (cosine(tfidf(content_keys(f), idf), centroid), -c.forms.index(f)))
        out.append(Selected(text, c.doc_ids, round(central[i], 4), None))
    return out


def _sentence_of(clause: str, sentences: Sequence[str]) -> str:
    """Return the whole sentence a key clause was cut from (so it can be tried whole first)."""
    return next((x for x in sentences if clause in x), clause)


def _forms(sentence: str, key: str) -> tuple[str, ...]:
    """Return the standalone verbatim forms of a sentence: itself when short enough, else the
    clause that carries the theme (`key`), trimmed of a leading connective; () when neither stands."""
    if len(sentence.split()) <= LONG_WORDS:
        parts = [sentence]
    else:
        cut = clauses(sentence, MIN_WORDS)
        parts = cut if key == sentence else [key] + [c for c in cut if key in c]
    forms = [f for f in (standalone(p) for p in parts) if f and len(f.split()) <= LONG_WORDS]
    return tuple(dict.fromkeys(forms))
