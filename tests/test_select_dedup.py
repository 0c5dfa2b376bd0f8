"""One fact reported by several sources is one passage; the budget goes to different sub-topics."""

from __future__ import annotations

from briefing.select import select_passages
from briefing.select.mmr import mmr, tfidf
from tests.select_helpers import FILLER, doc, settings, theme


def test_a_fact_reported_by_two_sources_is_one_passage_citing_both_in_the_fuller_wording():
    short = "Japan agreed to lift the ban on Korean seafood imports next month."
    full = (
        "Japan agreed on Tuesday to lift the ban on Korean seafood imports from eight prefectures next month."
    )
    docs = [doc("a", short), doc("b", full), *[doc(f"f{i}", x) for i, x in enumerate(FILLER)]]
    got = select_passages(docs, theme(terms=["seafood"]), (), settings())
    assert len(got) == 1
    assert got[0].text == full
    assert got[0].doc_ids == ("b", "a")


def test_a_reworded_report_is_merged_but_a_different_fact_is_not():
    docs = [
        doc("a", "Seoul and Tokyo agreed to run joint DNA tests on the remains of the miners."),
        doc("b", "Seoul and Tokyo have agreed to run joint DNA tests on remains of the drowned miners."),
        doc("c", "Seoul and Tokyo also agreed to expand their currency swap line."),
    ]
    got = select_passages(docs, theme(phrases=["Seoul and Tokyo"]), (), settings())
    cited = sorted(s.doc_ids for s in got)
    assert cited == [("b", "a"), ("c",)]


def test_five_rewordings_of_the_top_hit_do_not_fill_the_budget():
    rewordings = [
        "The CPTPP accession talks between Seoul and the CPTPP members opened in Tokyo.",
        "CPTPP members and Seoul opened CPTPP accession negotiations in Tokyo this week.",
        "In Tokyo, Seoul began its CPTPP accession negotiations with the CPTPP members.",
        "Seoul's CPTPP accession negotiations with CPTPP member states started in Tokyo.",
        "Accession negotiations on the CPTPP began in Tokyo between Seoul and CPTPP members.",
    ]
    others = [
        "The CPTPP members want Seoul to open its rice market first.",
        "Farmers' unions protested against the CPTPP outside parliament.",
    ]
    docs = [doc(f"r{i}", x) for i, x in enumerate(rewordings)] + [
        doc(f"o{i}", x) for i, x in enumerate(others)
    ]
    got = select_passages(docs, theme(terms=["CPTPP", "accession"]), (), settings(max_passages=3))
    assert len(got) == 3
    assert sum(s.text in rewordings for s in got) == 1
    assert {s.text for s in got} >= set(others)


def test_mmr_prefers_a_less_relevant_new_topic_to_a_near_copy_of_the_best():
    words = [
        "ban seafood import fukushima prefectures".split(),
        "ban seafood import fukushima prefectures lifted".split(),
        "rice market opening farmers".split(),
    ]
    vectors = [tfidf(w, lambda _: 1.0) for w in words]
    assert mmr([1.0, 0.95, 0.6], vectors, 2) == [0, 2]
