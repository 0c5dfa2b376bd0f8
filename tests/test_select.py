"""Relevance of selected passages: rarity over keyword count, phrases, exclusions, context, threshold."""

from __future__ import annotations

from briefing.model import Person
from briefing.select import select_passages
from tests.select_helpers import FILLER, PEOPLE, doc, settings, theme


def texts(selected) -> list[str]:
    return [s.text for s in selected]


def test_a_rare_term_outranks_a_frequent_one_repeated():
    # "Japan" is everywhere in this corpus, "CPTPP" in one sentence: one mention of the rare
    # term says more than three of the common one.
    docs = [
        doc("a", "Japan and Japan's partners met, and Japan spoke first at the meeting."),
        doc("b", "Seoul confirmed that its CPTPP bid will be discussed at the meeting."),
        *[doc(f"f{i}", f"Japan issued a routine statement number {i} about the weather.") for i in range(6)],
    ]
    got = select_passages(docs, theme(terms=["Japan", "CPTPP"]), (), settings())
    assert got[0].text.startswith("Seoul confirmed that its CPTPP bid")
    assert got[0].score > next(s.score for s in got if s.text.startswith("Japan and Japan"))


def test_a_phrase_match_outranks_its_words_scattered():
    docs = [
        doc("a", "The seafood trade fell and the ban on night fishing was extended again."),
        doc("b", "Seoul kept its seafood import ban in place for another year."),
        *[doc(f"f{i}", line) for i, line in enumerate(FILLER)],
    ]
    t = theme(terms=["seafood", "ban", "import"], phrases=["seafood import ban"])
    got = select_passages(docs, t, (), settings())
    assert got[0].doc_ids == ("b",)
    assert len(got) == 2


def test_sentences_with_an_excluded_term_are_left_out():
    docs = [
        doc("a", "Exports of memory chips rose sharply as demand for servers grew."),
        doc("b", "The snack maker launched new potato chips in three flavours."),
        *[doc(f"f{i}", line) for i, line in enumerate(FILLER)],
    ]
    t = theme(terms=["chips", "semiconductor"], exclude=["potato chips"])
    got = texts(select_passages(docs, t, (), settings()))
    assert got == ["Exports of memory chips rose sharply as demand for servers grew."]


def test_a_sentence_continuing_a_relevant_one_is_kept_with_it():
    para = (
        "Seoul and Tokyo held a summit on trade in Nara on Tuesday. "
        "The two sides also agreed to resume talks on fisheries next spring. "
        "Elsewhere, a new bridge opened over the river in the capital. "
        "Traffic was light on the first morning."
    )
    docs = [doc("a", para), *[doc(f"f{i}", line) for i, line in enumerate(FILLER)]]
    got = texts(select_passages(docs, theme(phrases=["Seoul and Tokyo"]), (), settings()))
    assert got == [
        "Seoul and Tokyo held a summit on trade in Nara on Tuesday. "
        "The two sides also agreed to resume talks on fisheries next spring."
    ]


def test_a_person_of_interest_counts_through_an_alias_and_proper_nouns_keep_their_case():
    docs = [
        doc("a", "Takaichi said the talks had gone well."),
        doc("b", "Rebels in the north of the country laid down their arms."),
        *[doc(f"f{i}", line) for i, line in enumerate(FILLER)],
    ]
    t = theme(aliases=["the North"], people=["Sanae Takaichi"])
    got = select_passages(docs, t, PEOPLE, settings())
    assert [s.doc_ids for s in got] == [("a",)]


def test_an_off_topic_corpus_gives_no_passages():
    docs = [doc(f"f{i}", line) for i, line in enumerate(FILLER)]
    assert select_passages(docs, theme(terms=["CPTPP", "seafood"]), (), settings()) == []


def test_a_thin_corpus_is_not_padded_to_the_budget():
    docs = [
        doc("a", "South Korea applied to join the CPTPP last year."),
        *[doc(f"f{i}", x) for i, x in enumerate(FILLER)],
    ]
    got = select_passages(docs, theme(terms=["CPTPP"]), (), settings(max_passages=30))
    assert texts(got) == ["South Korea applied to join the CPTPP last year."]


def test_the_budget_caps_the_number_of_passages_best_first():
    subjects = [
        "dairy quotas",
        "car parts",
        "rice tariffs",
        "fishing rights",
        "steel",
        "banking rules",
        "digital trade",
        "textiles",
        "wine labels",
        "public tenders",
        "patents",
        "shipping",
    ]
    docs = [doc(f"d{i}", f"CPTPP negotiators discussed {s} at length.") for i, s in enumerate(subjects)]
    got = select_passages(docs, theme(terms=["CPTPP"]), (), settings(max_passages=4))
    assert len(got) == 4
    assert [s.score for s in got] == sorted((s.score for s in got), reverse=True)


def test_passages_are_verbatim_slices_of_one_paragraph_of_their_first_source():
    para = (
        "Japan\u2019s prime minister met Seoul\u2019s envoy \u2014 a \u201cwarm\u201d meeting. "
        "They agreed on a seafood deal. It covers eight prefectures."
    )
    docs = [doc("a", para), doc("b", "Japan lifted one seafood rule.")]
    for s in select_passages(docs, theme(terms=["Japan", "seafood"]), (), settings()):
        source = next(d for d in docs if d.id == s.doc_ids[0])
        assert any(s.text in p for p in source.paragraphs)


def test_each_passage_gets_a_sub_topic_label_from_the_theme():
    docs = [
        doc("a", "South Korea applied to join the CPTPP last year."),
        doc("b", "The seafood import ban remains a hurdle for the application."),
    ]
    t = theme(terms=["CPTPP"], phrases=["seafood import ban"])
    groups = {s.group for s in select_passages(docs, t, (), settings())}
    assert groups == {"CPTPP", "seafood import ban"}


def test_a_surname_shared_by_two_people_does_not_by_itself_name_the_person_of_interest():
    people = (
        Person("Lee Jae Myung", "President of South Korea", ("Lee", "President Lee")),
        Person("Lee Hyuk", "South Korean Ambassador to Japan", ("Ambassador Lee Hyuk",)),
    )
    docs = [
        doc("a", "Ambassador Lee Hyuk spoke to reporters about the weather."),
        doc("b", "President Lee met reporters after the cabinet meeting."),
        *[doc(f"f{i}", line) for i, line in enumerate(FILLER)],
    ]
    got = select_passages(docs, theme(people=["Lee Jae Myung"]), people, settings())
    assert [s.doc_ids for s in got] == [("b",)]
    assert got[0].group == "Lee Jae Myung"


def test_an_article_headlined_on_the_theme_keeps_its_unmarked_sentences_with_the_marked_ones():
    para = (
        "Xi Jinping received Lee in Beijing on Monday. "
        "Officials from both sides described the mood as warm. "
        "No joint statement was issued afterwards. "
        "Traffic in the capital was heavy."
    )
    on_topic = doc("a", para, title="China and South Korea reset relations at Beijing summit")
    off_topic = doc(
        "b", para.replace("Xi Jinping received Lee in Beijing", "The mayor received Lee in Busan")
    )
    t = theme(terms=["China", "Beijing"], people=["Xi Jinping"])
    people = (Person("Xi Jinping", "President of China", ("Xi",)),)
    fillers = [doc(f"f{i}", line) for i, line in enumerate(FILLER)]
    got = select_passages([on_topic, off_topic, *fillers], t, people, settings())
    assert [s.doc_ids for s in got] == [("a",)]
    assert got[0].text.startswith("Xi Jinping received Lee in Beijing on Monday. Officials from both sides")


def test_wordings_of_one_sub_topic_share_one_group():
    docs = [
        doc("a", "The summit will also take up history issues such as forced labour."),
        doc("b", "Historical issues still divide the two governments, officials said."),
        doc("c", "Both sides promised to handle historical issues with care at the talks."),
    ]
    t = theme(phrases=["history issues", "historical issues"])
    assert {s.group for s in select_passages(docs, t, (), settings())} == {"historical issues"}
