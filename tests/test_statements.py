"""Attributed statements (reported speech with a named source), on texts written for these tests."""

from __future__ import annotations

from briefing.extract.quotes import FoundStatement, extract_statements
from briefing.model import Document, Person

PEOPLE = (Person("Helena Varga", "Prime Minister of Hungaria", ("Varga", "Prime Minister Varga")),)


def statements(*paragraphs: str) -> list[FoundStatement]:
    d = Document("t.txt", "t.txt", None, (), None, "2026-02-01", False, None, tuple(paragraphs))
    found = extract_statements(d, PEOPLE)
    for s in found:
        assert d.text[s.start : s.start + len(s.text)] == s.text, "content must be verbatim at its offset"
    return found


def test_named_source_with_that_clause():
    [s] = statements(
        "Trade Minister Jonas Ek stated that the two sides discussed tariffs on steel and timber."
    )
    assert s.speaker == "Jonas Ek"
    assert s.role == "Trade Minister"
    assert s.text == "the two sides discussed tariffs on steel and timber"
    assert s.context.startswith("Trade Minister Jonas Ek stated")


def test_according_to_gives_the_source_and_the_clause():
    [s] = statements("According to Varga, the border crossings will reopen before the summer holidays.")
    assert s.speaker == "Helena Varga"
    assert s.role == "Prime Minister of Hungaria"
    assert s.text == "the border crossings will reopen before the summer holidays"


def test_attribution_at_the_end_of_the_sentence():
    [s] = statements("The talks will resume in the capital next week, the foreign ministry said.")
    assert s.speaker == "the foreign ministry"
    assert s.text == "The talks will resume in the capital next week"


def test_pronoun_source_resolves_to_the_named_person():
    found = statements(
        "Varga spoke at the port on Monday. She added that the new ferry line would start in March.",
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Helena Varga", "the new ferry line would start in March")
    ]


def test_leading_phrase_before_the_speaker():
    [s] = statements("At a forum in the capital, Varga noted that the reform had stalled for a decade.")
    assert s.speaker == "Helena Varga"
    assert s.text == "the reform had stalled for a decade"


def test_sentences_with_direct_quotes_and_unattributed_claims_are_not_statements():
    found = statements(
        "Varga said that “the ferry will run on time.”",
        "The ferry line is expected to start in March.",
        "Analysts think the plan is too expensive for a small port.",
    )
    assert found == []


def test_role_written_before_the_name_and_told_reporters_that():
    [s] = statements(
        "Presidential spokesperson Ina Solberg told reporters that the ferry subsidy would double next year."
    )
    assert s.speaker == "Ina Solberg"
    assert s.role == "Presidential spokesperson"
    assert s.text == "the ferry subsidy would double next year"


def test_two_clauses_with_their_own_speakers_are_two_statements():
    found = statements(
        "Varga stressed that closer coordination on fisheries has become vital, while Jonas Ek said he hoped "
        "to sign the quota deal before the summer."
    )
    assert [(s.speaker, s.text) for s in found] == [
        ("Helena Varga", "closer coordination on fisheries has become vital"),
        ("Jonas Ek", "he hoped to sign the quota deal before the summer"),
    ]


def test_coordinated_that_clauses_of_one_speaker_stay_one_statement():
    [s] = statements("Jonas Ek said the port would reopen in May and that the fishermen would be paid first.")
    assert (s.speaker, s.text) == (
        "Jonas Ek",
        "the port would reopen in May and that the fishermen would be paid first",
    )


def test_a_semicolon_separates_two_sources():
    found = statements(
        "The talks will resume next week, the foreign ministry said; the opposition said it would stay away."
    )
    assert [s.speaker for s in found] == ["the foreign ministry", "the opposition"]


def test_the_reporters_comment_on_the_reported_clause_is_not_its_content():
    [s] = statements(
        "According to Jonas Ek, Varga may also visit the fishing village, an unprecedented move that would ease tension."
    )
    assert (s.speaker, s.text) == ("Jonas Ek", "Varga may also visit the fishing village")


def test_he_is_never_a_law_named_earlier():
    found = statements(
        "Jonas Ek urged lawmakers to amend the Harbour Act. He noted that the Act was passed in 1987.",
        "He added that the charter, last amended in 1987, no longer reflects the region's realities.",
    )
    assert {s.speaker for s in found} == {"Jonas Ek"}


def test_a_sentence_with_single_quoted_words_is_left_to_the_quotes():
    found = statements(
        "Jonas Ek said ‘the port will stay open for every boat until the end of the season’. "
        "Jonas Ek said that the port was safe for boats."
    )
    assert [s.text for s in found] == ["the port was safe for boats"]
