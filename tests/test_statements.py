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
