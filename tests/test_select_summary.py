"""The summary: 3-7 verbatim key points with their sources, no two saying the same thing."""

from __future__ import annotations

from briefing.select import Selected, select_passages, summarize
from briefing.select.dedup import near_duplicate
from briefing.select.tokenize import content_keys
from tests.select_helpers import doc, settings, theme

MATERIAL = [
    Selected(
        "Lee and Takaichi agreed to run joint DNA tests on the remains of the 1942 mine victims. "
        "The tests will start in the spring.",
        ("a", "b"),
        9.0,
        "remains",
    ),
    Selected("Japan said it would explain the safety of its seafood with scientific evidence.", ("c",), 7.0),
    Selected(
        "Seoul wants to join the CPTPP, which needs the approval of every member including Japan.",
        ("a",),
        6.5,
    ),
    Selected("The leaders agreed to cooperate on artificial intelligence and supply chains.", ("d",), 6.0),
    Selected(
        "Lee and Takaichi agreed to run joint DNA tests on the remains of the mine victims.", ("e",), 5.5
    ),
    Selected("Takaichi hopes to raise bilateral relations to a higher level this year.", ("b",), 5.0),
    Selected("Both sides will keep up shuttle diplomacy with visits every year.", ("c",), 4.0),
    Selected("North Korea's denuclearization remains a shared goal of Seoul and Tokyo.", ("d",), 3.0),
]


def test_the_summary_has_the_asked_number_of_points_each_verbatim_and_cited():
    points = summarize(MATERIAL, 5)
    assert len(points) == 5
    for p in points:
        source = next(s for s in MATERIAL if p.text in s.text)
        assert p.doc_ids == source.doc_ids


def test_no_two_points_say_the_same_thing():
    points = summarize(MATERIAL, 7)
    assert 3 <= len(points) <= 7
    bags = [frozenset(content_keys(p.text)) for p in points]
    for i in range(len(bags)):
        for j in range(i + 1, len(bags)):
            assert not near_duplicate(bags[i], bags[j]), (points[i].text, points[j].text)
    assert sum("DNA tests" in p.text for p in points) == 1


def test_the_summary_never_exceeds_seven_points_and_is_shorter_when_material_is_thin():
    assert len(summarize(MATERIAL, 12)) <= 7
    assert [p.text for p in summarize(MATERIAL[1:2], 5)] == [MATERIAL[1].text]
    assert summarize([], 5) == []


def test_a_very_long_sentence_is_trimmed_to_a_verbatim_clause():
    long = (
        "Jan 14, 2026 \u2013 The summit concludes with agreements to deepen security and economic cooperation, "
        "jointly pursue North Korea\u2019s denuclearisation, secure supply chains and combat international crime, "
        "and advance DNA analysis of the Chosei mine remains; Lee returns to Seoul, noting the shuttle diplomacy "
        "framework and reaffirming commitments to denuclearisation and CPTPP negotiations."
    )
    points = summarize([Selected(long, ("a",), 1.0)], 3)
    assert len(points) == 1
    assert points[0].text in long
    assert len(points[0].text) < len(long)


def test_a_point_cites_the_sources_of_its_own_sentence_not_of_its_whole_passage():
    docs = [
        doc(
            "a",
            "CPTPP ministers met in Tokyo to review the application filed by Seoul last year. "
            "The CPTPP commission said that talks on seafood rules would start in March next year.",
        ),
        doc("b", "The CPTPP commission said talks on seafood rules would start in March."),
    ]
    passages = select_passages(docs, theme(terms=["CPTPP"]), (), settings())
    assert [s.doc_ids for s in passages] == [("a", "b")]
    cited = {p.text: p.doc_ids for p in summarize(passages, 3)}
    assert cited == {
        "CPTPP ministers met in Tokyo to review the application filed by Seoul last year.": ("a",),
        "The CPTPP commission said that talks on seafood rules would start in March next year.": ("a", "b"),
    }
