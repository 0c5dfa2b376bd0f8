"""The attribution classes of issue 15, each on sentences written for these tests (never benchmark text).

Embedded clauses, organisation and role speakers after the quote, a third person's words inside a
criticism, sentence-initial phrases that are not names, speech-act nouns versus scare quotes, and
anonymous sources that must never become a named person.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes
from briefing.model import Document


def found(*paragraphs: str) -> list[tuple[str, str | None]]:
    d = Document("x", "x", None, (), None, None, False, None, paragraphs)
    out = extract_quotes(d, ())
    for q in out:
        assert d.text[q.start : q.end] == q.text
    return [(q.text, q.speaker) for q in out]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The minister said a Russian strike "would be an act of war."', "The minister"),
        ('Defence Minister Ana Ruiz said a Baltic blockade "would be an act of war."', "Ana Ruiz"),
        ("Russia's strike on the port “would be an act of war,” the minister said.", "the minister"),
        ('Ana Ruiz warned that Beijing\'s drills were "a rehearsal for invasion."', "Ana Ruiz"),
        ('Ana Ruiz told lawmakers that if Moscow struck the port, it "would be an act of war."', "Ana Ruiz"),
    ],
)
def test_embedded_clause_quote_belongs_to_the_subject_of_the_reporting_verb(text: str, speaker: str):
    assert [s for _, s in found(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We are watching the yen closely," a spokesperson for the Finance Ministry said.',
         "a spokesperson for the Finance Ministry"),
        ('"We are watching the yen closely," an official at the Finance Ministry said on Friday.',
         "an official at the Finance Ministry"),
        ('"We are watching the yen closely," said a spokesperson for the Finance Ministry.',
         "a spokesperson for the Finance Ministry"),
        ('"We are watching the yen closely," a Finance Ministry spokesperson told reporters.',
         "a Finance Ministry spokesperson"),
        ("“The talks were frank,” the Japanese Foreign Ministry said in a statement.", "Japanese Foreign Ministry"),
    ],
)  # fmt: skip
def test_organisation_or_role_speaker_after_the_quote_is_kept_whole(text: str, speaker: str):
    assert [s for _, s in found(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Tom Hale criticised remarks by former mayor Ines Jones describing the plan as "a gift to developers."',
        'Tom Hale criticised Ines Jones\'s remarks describing the plan as "a gift to developers."',
        'Tom Hale slammed comments by Ines Jones, who called the plan "a gift to developers."',
        'Tom Hale hit back at Ines Jones, who had described the plan as "a gift to developers."',
    ],
)
def test_words_quoted_inside_a_criticism_belong_to_their_author(text: str):
    assert found(text) == [("a gift to developers.", "Ines Jones")]


def test_a_statement_quoted_inside_a_criticism_belongs_to_the_institution():
    text = 'Tom Hale condemned a statement by the Chinese embassy calling the plan "a provocation."'
    assert found(text) == [("a provocation.", "the Chinese embassy")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('During Germany\'s presidency, "we must act together," the chancellor said.', "the chancellor"),
        ('During Germany\'s Presidency of the Council, Otto Brandt said the bloc "must stand together."',
         "Otto Brandt"),
        ('Under Japan\'s new rules, exporters "must register by March," the trade ministry said.',
         "the trade ministry"),
    ],
)  # fmt: skip
def test_a_sentence_initial_capitalised_phrase_is_not_a_name(text: str, speaker: str):
    assert [s for _, s in found(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The embassy lodged a "formal complaint" with the host government.', [("formal complaint", "The embassy")]),
        ("The foreign ministry issued a “stern warning” to the rebels on Monday.",
         [("stern warning", "The foreign ministry")]),
        ('The ministry vowed to pursue "quiet" diplomacy with its neighbours.', []),
        ('Beijing imposed export controls on "dual-use" items.', []),
        ('Ana Ruiz said the summit was a "crucial opportunity" for both sides.', [("crucial opportunity", "Ana Ruiz")]),
        ('Ana Ruiz said the opposition ran a "cynical" campaign.', [("cynical", "Ana Ruiz")]),
    ],
)  # fmt: skip
def test_speech_act_nouns_are_cues_and_scare_quotes_are_not_quotes(text: str, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("Foreign Minister Jan Berg met Defence Minister Ana Ruiz on Monday.",
          'A source close to the minister said: "He is furious about the leak."'), "A source close to the minister"),
        (('"He is furious about the leak," said a source close to the minister.',), "a source close to the minister"),
        (("Ana Ruiz was silent.", '"She is furious," a person familiar with her thinking said.'),
         "a person familiar with her thinking"),
        (('"The deal is off," a senior official with knowledge of the talks said.',),
         "a senior official with knowledge of the talks"),
        (('"The deal is off," sources familiar with the talks told the newspaper.',), "sources familiar with the talks"),
    ],
)  # fmt: skip
def test_an_anonymous_source_stays_anonymous(paragraphs: tuple[str, ...], speaker: str):
    assert [s for _, s in found(*paragraphs)] == [speaker]
