"""Selection on the sample corpus: the issue's targets, the baseline beaten, and traceability.

Scored with the shared scorer's own code (../shared/eval/score.py) against the gold
anchors; fails (never skips) where that folder is not beside the repository.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from briefing.config import load_config
from briefing.readers import read_corpus
from briefing.select import select_passages, summarize
from briefing.select.dedup import near_duplicate
from briefing.select.pipeline import select_with_query
from briefing.select.query import plain_query
from briefing.select.tokenize import content_keys
from tests.eval_gate import GOLD, ROOT, load_scorer


@pytest.fixture(scope="module")
def corpus():
    if not GOLD.exists():
        pytest.fail(f"gold folder {GOLD} not found: ../shared/eval must lie beside the repository")
    return load_config(ROOT / "config.yaml"), read_corpus(ROOT / "seeds")


def _score(scorer, theme_id: str, texts: list[str]) -> tuple[float, float]:
    with contextlib.redirect_stdout(io.StringIO()):
        res = scorer.score_theme(GOLD, theme_id, {"passages": [{"text": t} for t in texts]})
    return res["passage_R"], res["passage_P"]


def test_mean_recall_and_precision_meet_the_targets_and_beat_plain_bm25(corpus):
    config, docs = corpus
    scorer = load_scorer()
    ours, base = [], []
    for theme in config.themes:
        got = select_passages(docs, theme, config.people, config.output)
        ours.append(_score(scorer, theme.id, [s.text for s in got]))
        plain = select_with_query(
            docs, plain_query(theme), config.output.max_passages, gate=0.0, diverse=False, context=False
        )
        base.append(_score(scorer, theme.id, [s.text for s in plain]))
    n = len(config.themes)
    recall, precision = sum(r for r, _ in ours) / n, sum(p for _, p in ours) / n
    base_recall, base_precision = sum(r for r, _ in base) / n, sum(p for _, p in base) / n
    # measured with theme terms written from each theme's description, as a user would write them
    # (recall 0.889; it was 0.947 with terms picked to match gold anchors, which issue 11 removed)
    assert recall >= 0.88 and precision >= 0.85, (recall, precision)
    assert recall > base_recall and precision > base_precision


def test_every_passage_and_point_is_verbatim_cited_and_distinct(corpus):
    config, docs = corpus
    by_id = {d.id: d for d in docs}
    for theme in config.themes:
        got = select_passages(docs, theme, config.people, config.output)
        assert 0 < len(got) <= config.output.max_passages
        for s in got:
            assert all(i in by_id for i in s.doc_ids) and len(set(s.doc_ids)) == len(s.doc_ids)
            assert any(s.text in p for p in by_id[s.doc_ids[0]].paragraphs)
        bags = [frozenset(content_keys(s.text)) for s in got]
        assert not any(near_duplicate(a, b) for k, a in enumerate(bags) for b in bags[k + 1 :])
        points = summarize(got, config.output.summary_points)
        assert 3 <= len(points) <= 7
        for p in points:
            assert any(p.text in s.text and set(p.doc_ids) <= set(s.doc_ids) for s in got)
            assert any(p.text in para for para in by_id[p.doc_ids[0]].paragraphs)
