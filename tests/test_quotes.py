"""Direct quotations: every construction the extractor must handle, on texts written for these tests."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import FoundQuote, extract_quotes
from briefing.model import Document, Person

PEOPLE = (
    Person("Park Min-jun", "Minister of Fisheries", ("Park", "Minister Park", "Park Min Jun")),
    Person("Helena Varga", "Prime Minister of Hungaria", ("Varga", "Prime Minister Varga")),
)


def doc(*paragraphs: str) -> Document:
    return Document("t.txt", "t.txt", None, (), None, "2026-02-01", False, None, tuple(paragraphs))


def quotes(*paragraphs: str, people: tuple[Person, ...] = PEOPLE) -> list[FoundQuote]:
    d = doc(*paragraphs)
    found = extract_quotes(d, people)
    for q in found:
        assert d.text[q.start : q.end] == q.text, "offsets must point at the quoted text"
    return found


def by_text(found: list[FoundQuote]) -> dict[str, FoundQuote]:
    return {q.text: q for q in found}


def test_speaker_after_quote_with_curly_marks():
    [q] = quotes("“The harbour will reopen next month,” Park said on Tuesday.")
    assert q.text == "The harbour will reopen next month,"
    assert q.speaker == "Park Min-jun"
    assert q.role == "Minister of Fisheries"
    assert q.partial is False


def test_inverted_attribution_with_straight_marks_and_unlisted_person():
    found = quotes(
        'Harbour master Tomas Reyes met the fleet on Monday. "We lost two boats," said Reyes, who has run the port'
        " for a decade."
    )
    [q] = found
    assert q.text == "We lost two boats,"
    assert q.speaker == "Tomas Reyes"  # the fullest form the document uses
    assert q.role == "Harbour master"


def test_speaker_before_quote_with_title_and_colon():
    [q] = quotes("Oceans Minister Ana Lindqvist told reporters: “Nobody will be left behind.”")
    assert q.speaker == "Ana Lindqvist"
    assert q.role == "Oceans Minister"
    assert q.partial is False


def test_appositive_role_after_name():
    [q] = quotes("“Prices have doubled,” Mara Oyelaran, the head of the traders’ union, said.")
    assert q.speaker == "Mara Oyelaran"
    assert q.role == "the head of the traders’ union"


def test_split_quote_gives_both_halves_to_the_speaker():
    found = quotes("“We were slow at first,” Varga wrote on X, “but we caught up by noon.”")
    assert [q.text for q in found] == ["We were slow at first,", "but we caught up by noon."]
    assert {q.speaker for q in found} == {"Helena Varga"}


def test_quote_whose_speaker_is_named_only_in_the_previous_paragraph():
    found = quotes(
        "Economist Lina Okafor said the slowdown would last. “Exports fell in every quarter,” she added.",
        "“Nobody should expect a quick turnaround.”",
    )
    q = by_text(found)["Nobody should expect a quick turnaround."]
    assert q.speaker == "Lina Okafor"


def test_multi_paragraph_quote_continues_with_the_same_speaker():
    found = quotes(
        "Park spoke for an hour. He said: “The first task is the harbour wall.",
        "“The second task is the fish market, which we will rebuild by summer.”",
    )
    assert [q.text for q in found] == [
        "The first task is the harbour wall.",
        "The second task is the fish market, which we will rebuild by summer.",
    ]
    assert all(q.speaker == "Park Min-jun" for q in found)


def test_two_speakers_in_one_paragraph():
    found = by_text(
        quotes(
            "“We are ready,” Varga said, but Park disagreed: “The fleet is not.” “Give us a week,” he added."
        )
    )
    assert found["We are ready,"].speaker == "Helena Varga"
    assert found["The fleet is not."].speaker == "Park Min-jun"
    assert found["Give us a week,"].speaker == "Park Min-jun"


def test_quoted_term_inside_a_quote_stays_in_the_outer_quote():
    [q] = quotes("“People call it ‘the lost season’ and they are right,” Varga said.")
    assert q.text == "People call it ‘the lost season’ and they are right,"
    assert q.speaker == "Helena Varga"


def test_apostrophe_is_not_a_closing_mark():
    [q] = quotes("“Varga’s plan is the country’s best chance,” Park said.")
    assert q.text == "Varga’s plan is the country’s best chance,"
    assert q.speaker == "Park Min-jun"


def test_scare_quote_and_coined_term_are_dropped():
    found = quotes(
        "The talks were hailed as “harbour diplomacy” by the press. Harbour diplomacy has since become a habit.",
        "The ministry’s “grand plan” has stalled, and the “Blue Coast” slogan was everywhere.",
    )
    assert found == []


def test_title_of_a_work_is_dropped():
    assert quotes("Park gave a lecture entitled “Fish and Freedom” at the university.") == []


def test_partial_quote_governed_by_a_speaker_is_kept_and_flagged():
    [q] = quotes("Varga called the agreement a “historic turning point” for the region.")
    assert q.text == "historic turning point"
    assert q.partial is True
    assert q.speaker == "Helena Varga"


def test_full_clause_after_that_is_not_partial():
    [q] = quotes("Park said that “the ban will be lifted once the tests are complete.”")
    assert q.partial is False
    assert q.speaker == "Park Min-jun"


def test_the_president_resolves_to_the_last_named_president():
    found = quotes(
        "President Oskar Brandt of Nordland arrived on Sunday and met Varga.",
        "“We share one sea,” the president said at the dinner.",
    )
    [q] = found
    assert q.speaker == "Oskar Brandt"
    assert q.role == "President"


def test_pronoun_resolves_to_the_last_named_person():
    found = quotes("Tomas Reyes inspected the damaged pier. “It will take months,” he said.")
    assert found[0].speaker == "Tomas Reyes"


def test_institution_as_speaker():
    found = quotes(
        "The dispute dragged on. “The deadline stands,” the presidential office said.",
        "The Harbour Times said in an editorial that “the ministry has run out of excuses.”",
    )
    speakers = {q.text: q.speaker for q in found}
    assert speakers["The deadline stands,"] == "the presidential office"
    assert speakers["the ministry has run out of excuses."] == "The Harbour Times"


def test_according_to_names_the_source():
    [q] = quotes("According to Varga, the treaty is “a matter of months, not years.”")
    assert q.speaker == "Helena Varga"
    assert q.partial is True


def test_joint_speakers_the_two_leaders():
    [q] = quotes(
        "Varga hosted Park in the capital on Friday.",
        "The two leaders agreed to “deepen cooperation on fisheries and ports.”",
    )
    assert q.speaker is not None
    assert set(q.speaker.split(" and ")) == {"Helena Varga", "Park Min-jun"}


@pytest.mark.parametrize(
    ("written", "expected"),
    [("Park", "Park Min-jun"), ("Minister Park", "Park Min-jun"), ("Park Min Jun", "Park Min-jun")],
)
def test_registry_aliases_give_one_canonical_speaker(written: str, expected: str):
    [q] = quotes(f"“The nets are empty,” {written} said.")
    assert q.speaker == expected


def test_korean_short_name_links_to_the_full_name_in_the_document():
    found = quotes(
        "Ambassador Kim Soo-hyun arrived in Lisbon on Monday.",
        "“The visit is overdue,” Kim said.",
        people=(),
    )
    assert found[0].speaker == "Kim Soo-hyun"


def test_western_short_name_links_to_the_full_name_in_the_document():
    found = quotes(
        "Senator Rachel Dunmore opened the hearing.", "“We need answers,” Dunmore said.", people=()
    )
    assert found[0].speaker == "Rachel Dunmore"
    assert found[0].role == "Senator"


def test_quoted_words_with_no_speaker_are_dropped():
    assert quotes("The “new normal” of the fishing towns is quiet streets and closed shops.") == []


def test_context_is_the_sentence_holding_the_quote():
    [q] = quotes("The storm passed. “We were lucky,” Park said. Boats left at dawn.")
    assert q.context == "“We were lucky,” Park said."


def test_transcript_line_names_its_speaker():
    found = quotes("“HOST: Will the ban end this year?", "“PARK: It will end when the tests are done.")
    assert [q.speaker for q in found] == ["Host", "Park Min-jun"]


def test_she_skips_a_man_named_more_recently():
    found = quotes(
        "Senator Ilse Marr questioned the harbour chief. Mr. Tobias Wren, the chief, had run the port for years.",
        "“Your figures do not add up,” she said.",
    )
    assert found[0].speaker == "Ilse Marr"


def test_byline_after_a_quote_with_a_dash():
    found = quotes("“The ferry saved my shop.” ― Lucia Ferrante", "“We need more buses.” ― Omar Haddad")
    assert [q.speaker for q in found] == ["Lucia Ferrante", "Omar Haddad"]


def test_owner_of_a_claim_speaks():
    [q] = quotes("Reporters checked Varga’s claim that there were “thousands of new jobs” in the ports.")
    assert q.speaker == "Helena Varga"


def test_speaker_introducing_a_quote_with_continued_colon():
    found = quotes("“The first year was hard,” Park said.", "Park continued: “The second will be better.”")
    assert found[1].speaker == "Park Min-jun"


def test_name_before_two_appositives():
    [q] = quotes(
        "“It is an invasion of our waters,” Lena Holt, the attorney general of the coast, one of the states"
        " suing the ministry, said on Friday."
    )
    assert q.speaker == "Lena Holt"


def test_main_clause_speaker_beats_the_subject_of_an_embedded_clause():
    [q] = quotes(
        "Mayor Anton Vehko visited the market. Rosa Pell, his rival, said he thought that the floods were a"
        " “very large factor” in the losses."
    )
    assert q.speaker == "Rosa Pell"


def test_institution_keeps_its_owner_and_a_participle_clause_keeps_the_speaker():
    found = by_text(
        quotes(
            "Nordland’s Foreign Ministry said it “deeply regrets” the vote.",
            "Nordland’s ministry spokesperson Ada Brun said the country “firmly opposes” the move, calling it"
            " “a dangerous precedent.”",
        )
    )
    assert found["deeply regrets"].speaker == "Nordland’s Foreign Ministry"
    assert found["firmly opposes"].speaker == "Ada Brun"
    assert found["a dangerous precedent."].speaker == "Ada Brun"
    assert found["a dangerous precedent."].role == "Nordland’s ministry spokesperson"


def test_inverted_cue_opening_the_sentence():
    [q] = quotes("Critics were unimpressed. Said Ellis Grant: “The plan ignores the small ports.”")
    assert q.speaker == "Ellis Grant"


def test_participle_speaks_for_the_main_subject_not_a_relative_clause():
    [q] = quotes(
        "Varga defended not paying a contractor who said he was owed money, saying, “Maybe the work was poor.”"
    )
    assert q.speaker == "Helena Varga"


def test_the_two_leaders_skips_an_aide_named_in_between():
    [q] = quotes(
        "Varga hosted President Oskar Brandt on Friday. Her aide, Senior Adviser Nils Ober, briefed reporters.",
        "The two leaders agreed to “open a joint fisheries office.”",
    )
    assert q.speaker is not None
    assert set(q.speaker.split(" and ")) == {"Helena Varga", "Oskar Brandt"}


def test_unify_speakers_gives_a_short_name_the_fullest_form_used_elsewhere():
    from briefing.extract.quotes import unify_speakers

    first = extract_quotes(doc("Ambassador Kim Soo-hyun arrived. “The visit is overdue,” Kim said."), ())
    second = extract_quotes(doc("“We expect progress,” Kim said on Monday."), ())
    assert second[0].speaker == "Kim"  # the second article never gives the full name
    unified = unify_speakers({"a": first, "b": second})
    assert unified["b"][0].speaker == "Kim Soo-hyun"
    assert unified["b"][0].role == "Ambassador"
    assert unified["b"][0].text == "We expect progress,"


def test_unify_speakers_leaves_an_ambiguous_short_name_alone():
    from briefing.extract.quotes import unify_speakers

    a = extract_quotes(doc("“Yes,” Kim Soo-hyun said. “No,” Kim Jae-won said."), ())
    b = extract_quotes(doc("“Maybe,” Kim said."), ())
    assert unify_speakers({"a": a, "b": b})["b"][0].speaker == "Kim"


def test_reported_words_stay_even_when_the_reporter_repeats_them():
    found = quotes(
        "Park said there were “hundreds of empty boats” in the harbour. Hundreds of empty boats is a lot.",
        "The ministry described the plan as “harbour renewal” on Monday. Harbour renewal began in May.",
    )
    assert [(q.text, q.speaker) for q in found] == [("hundreds of empty boats", "Park Min-jun")]


def test_party_descriptor_is_not_part_of_the_name():
    found = quotes("“We will win the port vote,” said Republican Dana Whitcomb.", people=())
    assert found[0].speaker == "Dana Whitcomb"


def test_they_resolves_to_a_nearby_institution():
    [q] = quotes("The Fisheries Ministry met the unions on Monday. “We will not back down,” they said.")
    assert q.speaker == "Fisheries Ministry"
