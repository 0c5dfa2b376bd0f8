"""Evaluation gate (as trafilatura's eval_gate): scores on the sample corpus may only go up.

A floor is lowered only on purpose, in a commit that says why. The figures are
printed by `.venv/bin/python tests/eval_gate.py`.
"""

from __future__ import annotations

import pytest

from tests.eval_gate import measured_on, score_all

# Pinned 2026-11-21 at the figures first reached; raise them when scores improve.
# event_F1 re-pinned 2026-11-29 at 0.612: the shared scorer now requires an event's text to lie
# within the gold `span` (GUIDELINES.md, Events), so 0.959 was measured under a looser rule.
# event_F1 raised to 0.927 when dates were attached to the clause or phrase they govern (issue 14).
# event_F1 raised to 0.938 (measured 0.939): "this year" dating a named occurrence ("voiced support for
# the hosting of the ... Meeting this year") is an event (issue 14, session 2).
FLOORS = {
    "quote_F1": 1.0,
    "speaker_acc": 1.0,
    "event_F1": 0.938,
    "event_end_acc": 1.0,
    # lowered on purpose from 0.947: config.yaml's theme terms are now written from the themes'
    # descriptions, not picked to match gold anchors (Acheson, Chosei, "defensive perimeter")
    "passage_R_mean": 0.888,
    # raised from 0.949 (measured 0.958): a theme about a pair of countries is no longer evidenced
    # by one of its names paired with a third ("U.S.-China rivalry" for Korea-China relations)
    "passage_P_mean": 0.955,
}


# The gold, scorer and sample corpus the floors above were measured on (tests/eval_gate.measured_on).
MEASURED_ON = "7b97ecb7e8d8ea61"


def test_floors_were_measured_on_the_current_gold_and_corpus():
    assert measured_on() == MEASURED_ON, (
        "the gold, the scorer or the sample corpus changed since the floors were pinned: re-measure with "
        "`.venv/bin/python tests/eval_gate.py`, re-pin FLOORS and MEASURED_ON in a commit that says why"
    )


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return score_all(tmp_path_factory.mktemp("eval"))


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_score_does_not_drop_below_floor(figures, measure):
    assert figures[measure] >= FLOORS[measure], (
        f"{measure} fell to {figures[measure]:.3f} (floor {FLOORS[measure]:.3f}); details:\n{figures['_details']}"
    )
