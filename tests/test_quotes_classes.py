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


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (("'We will not back down,' the prime minister said.",),
         [("We will not back down,", "the prime minister")]),
        (("‘We will not back down,’ the prime minister said. ‘Our ministers’ patience is not endless.’",),
         [("We will not back down,", "the prime minister"), ("Our ministers’ patience is not endless.", "the prime minister")]),
        (("The minister said it was 'a dark day for the country' and promised an inquiry.",),
         [("a dark day for the country", "The minister")]),
        (("Ana Ruiz said: 'I don't think the '90s will come back, and Korea's economy won't wait 'til then.'",),
         [("I don't think the '90s will come back, and Korea's economy won't wait 'til then.", "Ana Ruiz")]),
        (("The ministers' meeting ended early. 'It was useful,' Ana Ruiz said.",), [("It was useful,", "Ana Ruiz")]),
        (("Ana Ruiz said she had told him: 'Do not call it \"a victory\" yet.'",),
         [('Do not call it "a victory" yet.', "Ana Ruiz")]),
        (("Rock 'n' roll fans cheered as the band played 'til dawn.",), []),
        (("‘We will stay here,’ Ana Ruiz said.", "‘We have no choice.", "‘The port is ours,’ she added."),
         [("We will stay here,", "Ana Ruiz"), ("We have no choice.", "Ana Ruiz"), ("The port is ours,", "Ana Ruiz")]),
    ],
)  # fmt: skip
def test_british_single_quotation_marks_are_quotes_and_apostrophes_are_not(paragraphs, expected):
    assert found(*paragraphs) == expected


def test_single_marks_in_american_copy_stay_nested_or_headline_marks():
    # American copy quotes with double marks; its single marks are headlines and nested quotes
    assert found(
        "Ruiz says port deal 'a historic step' for the coast.",
        '"We are ready," Ana Ruiz said. "They told me, \'It is over,\' and I believed them."',
    ) == [("We are ready,", "Ana Ruiz"), ("They told me, 'It is over,' and I believed them.", "Ana Ruiz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Ruiz told reporters: «We will stay here until the end.»", [("We will stay here until the end.", "Ana Ruiz")]),
        ("Ana Ruiz called the deal «a historic step» for both nations.", [("a historic step", "Ana Ruiz")]),
    ],
)  # fmt: skip
def test_guillemets_of_translated_text_are_quotes(text: str, expected):
    assert found(text) == expected


def test_a_quote_running_over_paragraphs_keeps_its_speaker():
    assert found('"We will stay here," Ana Ruiz said. "The port is ours.', '"Nobody will move us."') == [
        ("We will stay here,", "Ana Ruiz"),
        ("The port is ours.", "Ana Ruiz"),
        ("Nobody will move us.", "Ana Ruiz"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Amid Beijing\'s drills, Ana Ruiz said the region "cannot afford a war."', "Ana Ruiz"),
        ('Addressing reporters in the capital, Ana Ruiz said: "We will not retreat."', "Ana Ruiz"),
        ("Japan's Foreign Ministry said it had lodged a protest, calling the move \"extremely regrettable.\"",
         "Japan's Foreign Ministry"),
        ("Taoiseach Ciarán Byrne said: ‘We will not be found wanting.’", "Ciarán Byrne"),
    ],
)  # fmt: skip
def test_openers_owners_and_titles_around_the_speaker(text: str, speaker: str):
    assert [s for _, s in found(text)] == [speaker]
