"""A theme about a pair of countries (its terms write "Norland-Estavia") is not evidenced by one
of them paired with a third country ("Estavia-Vossia rivalry"), unless the sentence also names the
theme's other side; themes that write no pair are unchanged.  Articles written for this test."""

from __future__ import annotations

from briefing.select import select_passages
from briefing.select.pairs import sides
from briefing.select.query import build_query
from tests.select_helpers import FILLER, doc, settings, theme

PAIR_THEME = theme(terms=["Estavia", "Norland-Estavia", "Estavian"], phrases=["Norland-Estavia relations"])

ON = "Norland and Estavia signed a fisheries accord in Vardo on Monday."
OWN_PAIR = "The Norland-Estavia accord covers cod and herring quotas for five years."
OTHER_PAIR = "As the Vossia-Estavia rivalry spills into shipping lanes, insurers are raising their premiums."
OTHER_SIDE = "Norland's balancing act grows harder as Estavia-Vossia tension rises over the straits."
TRILATERAL = "Officials framed Vossia-Estavia-Norland ties as equally important to the old alliance."
PLAIN = "Estavia closed two ports to foreign trawlers after the storm."


def _texts(t, *paragraphs):
    corpus = [doc("a", *paragraphs), doc("f", *FILLER)]
    return [s.text for s in select_passages(corpus, t, (), settings())]


def test_the_theme_pair_named_only_inside_another_pair_is_no_evidence():
    texts = " ".join(_texts(PAIR_THEME, ON, FILLER[0], OTHER_PAIR, FILLER[1], OWN_PAIR, FILLER[2], PLAIN))
    assert OTHER_PAIR not in texts
    for kept in (ON, OWN_PAIR, PLAIN):
        assert kept in texts


def test_a_compound_or_sentence_that_names_the_other_side_still_counts():
    texts = " ".join(_texts(PAIR_THEME, OTHER_SIDE, FILLER[0], TRILATERAL))
    assert OTHER_SIDE in texts and TRILATERAL in texts


def test_a_theme_that_writes_no_pair_keeps_compounds_as_evidence():
    single = theme(terms=["Estavia", "Estavian"])
    assert sides(build_query(single)) == frozenset()
    assert OTHER_PAIR in " ".join(_texts(single, OTHER_PAIR, FILLER[0], PLAIN))
    assert sides(build_query(PAIR_THEME)) == {"norland", "estavia"}
