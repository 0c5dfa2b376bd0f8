"""Attribution constructions of English news, one invented sentence each, with the speaker a reader would name."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes
from briefing.model import Document, Person

CASES = [
    ("Jane Jones testified that the bank had been “reckless.”", "Jane Jones"),
    ("“I will not resign,” Jane Jones swore.", "Jane Jones"),
    ("Bob Smith went on to attack Jane Jones. “She is a disaster.”", "Bob Smith"),
    ("The rally ended late. “It was a great night.”", None),
    ("“It was the least bad outcome,” Mr. Morgan of the Sierra Club said.", "Morgan"),
    ("Sen. Ann Roe of Ohio said the bill was “a mess.”", "Ann Roe"),
    ("The head of the Sierra Club said the bill was “a mess.”", "The head of the Sierra Club"),
    ("Mina Cole, an adviser, called Bob Smith's remarks on Saturday “a wake-up call.”", "Mina Cole"),
    (
        "Bob Smith posted a series of messages early Friday saying that Jones had been “reckless.”",
        "Bob Smith",
    ),
    ("Bob Smith was quoted as saying “the deal is dead.”", "Bob Smith"),
    ("“Is it over?” Sean Hannity asked Bob Smith.", "Sean Hannity"),
    ("Bob Smith told Fox News’ Sean Hannity that “the deal is dead.”", "Bob Smith"),
    ("Bob Smith was asked about the deal. Smith’s response: “It is dead.”", "Bob Smith"),
    ("“We will win big.” — Donald J. Trump (@realDonaldTrump) September 30, 2016", "Donald J. Trump"),
    ("“We lost two boats.” — a wise summary of the year.", None),
    ('"We will fight," said Sen. Bob Smith, R-Ohio, who chairs the committee.', "Bob Smith"),
    ('"We will fight," Bob Smith, 54, said.', "Bob Smith"),
    ('"We will fight," Bob Smith told The Associated Press.', "Bob Smith"),
    ('"We will fight," Bob Smith said in an interview with CNN on Tuesday.', "Bob Smith"),
    ('Bob Smith, speaking on CNN, said: "We will fight."', "Bob Smith"),
    ('In a statement, the White House said: "We will fight."', "White House"),
    ('"We will fight," Bob Smith wrote in a Facebook post.', "Bob Smith"),
    ('"Will you fight?" asked Bob Smith.', "Bob Smith"),
    ('"We will fight," Bob Smith said, adding: "And we will win."', "Bob Smith"),
    ('Bob Smith said Tuesday that "we will fight."', "Bob Smith"),
    ('Bob Smith\'s campaign manager, Jane Doe, said "We will fight."', "Jane Doe"),
    ('"We will fight," Jane Doe, Bob Smith\'s campaign manager, said.', "Jane Doe"),
    ('"We will fight," said Jane Doe, Bob Smith\'s campaign manager.', "Jane Doe"),
    ('Asked whether he would quit, Bob Smith said: "We will fight."', "Bob Smith"),
    ('"We will fight," Bob Smith tweeted Monday.', "Bob Smith"),
    ('"We will fight," Smith campaign chairman John Podesta said.', "John Podesta"),
    ('"We will fight," Martin Luther King Jr. said.', "Martin Luther King Jr"),
    ('"We will fight," said Bob Smith\'s campaign manager Kellyanne Conway.', "Kellyanne Conway"),
    ('"We will fight," Bob Smith, who is running for Congress, said.', "Bob Smith"),
    ('Bob Smith, in a tweet, called it "a disgrace."', "Bob Smith"),
    ('Bob Smith has repeatedly called Jones "crooked."', "Bob Smith"),
    ('"We will fight," Bob Smith said, before adding, "We will win."', "Bob Smith"),
    ('Bob Smith said of Jones: "He will lose."', "Bob Smith"),
    ('"We will fight," Bob Smith and Jane Doe said in a joint statement.', "Bob Smith and Jane Doe"),
    ('"We will fight," one official said.', "one official"),
    ('"We will fight," a senior administration official told reporters.', "a senior administration official"),
    ('"We will fight," White House press secretary Josh Earnest told reporters.', "Josh Earnest"),
    ('"We will fight," reads the ad.', "the ad"),
    ('"We will fight," according to a statement from the campaign.', "a statement"),
    ('Bob Smith, a Democrat, said the plan was "dead on arrival."', "Bob Smith"),
    ('Bob Smith told the crowd that the plan was "dead on arrival."', "Bob Smith"),
    ('"It is dead," Bob Smith said Monday. "It was always dead."', "Bob Smith"),
    ('The plan, Bob Smith said, is "dead on arrival."', "Bob Smith"),
    ('"The plan," Bob Smith said, "is dead."', "Bob Smith"),
    ('"We will fight" — those were the words of Bob Smith.', None),
    ('Former President Bill Clinton said, "We will fight."', "Bill Clinton"),
    ('Gov. Mike Pence (R-Ind.) said "we will fight."', "Mike Pence"),
    ('"We will fight," Pence said on "Fox News Sunday."', "Pence"),
    ('"We will fight," Mr. Smith said. "We will win."', "Smith"),
    ('U.S. Rep. Jane Doe (D-Calif.) told reporters: "We will fight."', "Jane Doe"),
    # a party-and-state label without a full stop is no name ("R-Utah")
    ('Rep. Jane Doe, R-Utah, said she could "no longer" endorse him.', "Jane Doe"),
    ('"I can no longer endorse him," Rep. Jane Doe, R-Utah, told a local TV station.', "Jane Doe"),
    ('"I can no longer endorse him," Rep. Jane Doe, R-Utah, said.', "Jane Doe"),
    ('Jane Doe has long argued that the plan is "obsolete."', "Jane Doe"),
    # titles with "of": the name follows the office
    ('"The talks were constructive," said Secretary of State Jane Doe.', "Jane Doe"),
    ('Speaker of the House Bob Smith told reporters, "We will pass it."', "Bob Smith"),
    ('Director of National Intelligence Bob Smith said the threat was "real."', "Bob Smith"),
    ('"It is real," said Secretary of Homeland Security Jane Doe.', "Jane Doe"),
    ('According to The New York Times, Bob Smith was "furious."', "The New York Times"),
    # who issued the message speaks through it
    (
        'After a short meeting, the Security Council issued a statement calling the test "a clear violation."',
        "Security Council",
    ),
    ('Jane Doe, the mayor, put out a statement saying that the plan was "a disgrace."', "Jane Doe"),
    # a programme where a listener stands is a title, not a quote
    ('"They are biased," Bob Smith told "Fox & Friends."', "Bob Smith"),
    # a verb with nothing after it but a particle closes the attribution
    ('"We will fight," Bob Smith continued.', "Bob Smith"),
    ('"We will fight," Bob Smith went on.', "Bob Smith"),
    ('"We will fight," Bob Smith shot back.', "Bob Smith"),
    ('"We will fight," Bob Smith worried.', "Bob Smith"),
    # the judge of somebody's words speaks, not their owner
    ('Jane Jones said Bob Smith\'s remarks were "disgusting."', "Jane Jones"),
    ('Jane Jones responded by calling the bill "a disgrace."', "Jane Jones"),
    # a capitalised word that opens a description is not a name
    (
        'Small groups of protesters marched on, chanting, "Hands up, don\'t shoot."',
        "Small groups of protesters",
    ),
    ('Smith supporters chanted "Lock her up" at the rally.', "Smith supporters"),
    # the person, not the firm after "at", "with", "of"
    ('"We will fight," Jane Doe at Wertheim said.', "Jane Doe"),
    ('"We will fight," Jane Doe of Bailey & Glasser said.', "Jane Doe"),
    # "OWNER’s ROLE, NAME, said" after the quote
    ('"We will fight," Bob Smith’s press secretary, Jane Doe, said.', "Jane Doe"),
]


@pytest.mark.parametrize(("text", "speaker"), CASES)
def test_construction_gives_the_speaker(text: str, speaker: str | None):
    d = Document("x", "x", None, (), None, None, False, None, (text,))
    found = extract_quotes(d, ())
    if speaker is None:
        assert found == []
    else:
        assert found, "the quote must be found"
        assert {q.speaker for q in found} == {speaker}


SEQUENCES = [
    (
        (
            "“These are strange days,” said Peter Morgan, a lawyer for the Sierra Club, who has been challenging"
            " the coal industry for years. “I am skeptical he can pull it off.”",
        ),
        ["Peter Morgan", "Peter Morgan"],
    ),
    (
        ('Bob Smith disagreed. "That is false," he said. Jane Jones, however, insisted: "It is true."',),
        ["Bob Smith", "Jane Jones"],
    ),
    (
        ('"We lost," said Bob Smith, whose party lost 10 seats. "But we will be back."',),
        ["Bob Smith", "Bob Smith"],
    ),
    (
        (
            '"We will win," Bob Smith said at the rally, where he was joined by Governor Jane Doe.',
            '"We have the votes."',
        ),
        ["Bob Smith", "Bob Smith"],
    ),
    (("Bob Smith said the bill would pass.", '"We have the votes," he said.'), ["Bob Smith"]),
    (("Bob Smith met Jane Jones on Monday.", '"It was productive," Jones said.'), ["Jane Jones"]),
    (
        ('"It is over," Bob Smith told Jane Jones, who replied, "No, it is not."',),
        ["Bob Smith", "Jane Jones"],
    ),
    (('Jane Jones asked Bob Smith whether it was over. "Yes," Smith replied.',), ["Bob Smith"]),
    (('The bill, which Bob Smith called "a disaster," failed.',), ["Bob Smith"]),
    (('Speaking to reporters, Bob Smith said: "We are done."',), ["Bob Smith"]),
    (('Bob Smith put it bluntly: "We are done."',), ["Bob Smith"]),
    # a colon ends the paragraph before the quote: the subject of that sentence speaks
    (("Bob Smith had a message for voters on Monday:", '"We will win this state."'), ["Bob Smith"]),
    # a paragraph whose last sentence has a named subject and no speech verb, then a bare quote paragraph
    (("Kellyanne Conway was blunt.", '"It was rigged."'), ["Kellyanne Conway"]),
    # an acronym ("DNC") is an institution, never what "he" stands for
    (
        (
            "Former DNC chairman calls for a plan.",
            '"Now is the time," said Don Fowler, who led the DNC.',
            "Fowler noted that the DNC rules were vague.",
            '"It is wise to plan," he said.',
        ),
        ["Don Fowler", "Don Fowler"],
    ),
    # a party-and-state label ends the sentence before the next quote
    (('"We will win," said Sen. Tim Scott, R-S.C. "Believe me."',), ["Tim Scott", "Tim Scott"]),
    # the object of "called" is named, it does not speak
    (
        ('Paul Manafort said the media had been "biased" and called CNN "the Clinton News Network."',),
        ["Paul Manafort", "Paul Manafort"],
    ),
    # a nickname in quotes inside a name is part of the name, not a quote; "state Del." is a title
    (
        (
            '"It is a big year," Bob Smith\'s niece, state Del. Marcia "Cia" Price (D-Newport News), shouted. "We are ready."',
        ),
        ["Marcia Price", "Marcia Price"],
    ),
    (('Thomas "Tip" Smith said it was "all local."',), ["Thomas Smith"]),
    # a verb after a quote that takes its own object and quote belongs to the next speaker
    (
        ('While Jane Doe called the plan "dangerous," Bob Smith praised it as "brilliant."',),
        ["Jane Doe", "Bob Smith"],
    ),
    # "a charge X denied" after a quote is a relative clause on the charge
    (
        ('Bob Smith accused Jane Doe of running an "insult-driven campaign," a charge Doe denied.',),
        ["Bob Smith"],
    ),
    # a transcript speaker in capitals before a colon and the quote; "UPDATE:" is nobody
    (
        ("Jane Doe and Bob Smith debated.", 'SMITH: "You would be in jail."', 'DOE: "That is absurd."'),
        ["Bob Smith", "Jane Doe"],
    ),
    (('UPDATE: "We will win."',), []),
    # a relative clause on an appositive describes the named speaker
    (
        ('"It is dead," says Jane Helms, a scholar who has written about the deal. "Nobody wants it."',),
        ["Jane Helms", "Jane Helms"],
    ),
    (('Bob Smith spoke first. Jane Jones followed. "I agree with him," she said.',), ["Jane Jones"]),
    (
        ('"I agree," Bob Smith said. Jane Jones did not. "It is a mistake," she said.',),
        ["Bob Smith", "Jane Jones"],
    ),
    (('Jane Jones, the mayor, spoke after Bob Smith. "It is a mistake," the mayor said.',), ["Jane Jones"]),
    (
        ('"We are ready," Bob Smith said.', "Jane Jones was less sure.", '"We are not ready," she said.'),
        ["Bob Smith", "Jane Jones"],
    ),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), SEQUENCES)
def test_speakers_across_sentences_and_paragraphs(paragraphs: tuple[str, ...], speakers: list[str]):
    d = Document("x", "x", None, (), None, None, False, None, paragraphs)
    assert [q.speaker for q in extract_quotes(d, ())] == speakers


INSTITUTIONS = [
    ("Fishermen marching through the harbour chanted “No more quotas!” until dawn.", "Fishermen"),
    ('"We will fight," the Clinton campaign said.', "the Clinton campaign"),
    ('"We will fight," Clinton\'s campaign said in a statement.', "Clinton's campaign"),
    ('"We will fight," a spokesman for the Trump campaign said.', "a spokesman for the Trump campaign"),
    ('"We will fight," officials said.', "officials"),
    ('"We will fight," White House officials said.', "White House officials"),
    ('"We will fight," the report said.', "the report"),
    ('"We will fight," the FBI said.', "FBI"),
    ('"We will fight," the Associated Press reported.', "Associated Press"),
    ('"We will fight," CNN reported.', "CNN"),
    ('According to the New York Times, Bob Smith was "furious."', "New York Times"),
    ('"We will fight," Bob Smith\'s doctor wrote.', "Bob Smith's doctor"),
    ('"We will fight," the letter read.', "the letter"),
    ('"We will fight," protesters chanted.', "protesters"),
    ('"We will fight," two senior officials told Reuters.', "two senior officials"),
    ('"We will fight," the Republican National Committee said.', "Republican National Committee"),
    ('"We will fight," Pyongyang\'s state media said.', "Pyongyang's state media"),
    ('"We will fight," North Korea\'s state media KCNA said.', "KCNA"),
    ('"We will fight," the Korean Central News Agency said.', "Korean Central News Agency"),
    ('"We will fight," Seoul\'s unification ministry said.', "Seoul's unification ministry"),
    ('"We will fight," the ministry said in a press release.', "the ministry"),
]


@pytest.mark.parametrize(("text", "speaker"), INSTITUTIONS)
def test_institutions_and_descriptions_as_speakers(text: str, speaker: str):
    d = Document("x", "x", None, (), None, None, False, None, (text,))
    assert [q.speaker for q in extract_quotes(d, ())] == [speaker]


FRAGMENTS = [
    ('Bob Smith accused Jane Jones of "lying."', ["Bob Smith"]),
    ('Bob Smith vowed to "drain the swamp."', ["Bob Smith"]),
    (
        'Jane Jones said Bob Smith\'s plan was "dangerous," adding that it would "hurt families."',
        ["Jane Jones", "Jane Jones"],
    ),
    ('In the speech, Bob Smith warned of "dire consequences."', ["Bob Smith"]),
    ('Critics called the plan "reckless," but Bob Smith said it was "necessary."', ["Critics", "Bob Smith"]),
    ('Bob Smith dismissed what he called "fake news."', ["Bob Smith"]),
    ('"Crooked Jane," as Bob Smith calls her, was not at the event.', ["Bob Smith"]),
    ('The plan is "dead," as Bob Smith put it.', ["Bob Smith"]),
    ('Bob Smith, who has called Jane Jones "a liar," said he would not debate her.', ["Bob Smith"]),
    ('Jane Jones is "confident" about the vote, her spokesman said.', ["her spokesman"]),
    ('Bob Smith told Jane Jones she was "wrong" and "naive."', ["Bob Smith", "Bob Smith"]),
    ('The senator from Ohio, Bob Smith, said the bill was "a mess."', ["Bob Smith"]),
    # a verb after the quote that opens a clause ("said the bill was") names no speaker after it
    ('Bob Smith, who has called Jones "crooked," said the bill was "dead."', ["Bob Smith", "Bob Smith"]),
]


@pytest.mark.parametrize(("text", "speakers"), FRAGMENTS)
def test_quoted_fragments_in_the_reporters_sentence(text: str, speakers: list[str]):
    d = Document("x", "x", None, (), None, None, False, None, (text,))
    assert [q.speaker for q in extract_quotes(d, ())] == speakers


def test_later_speaker_in_the_paragraph_takes_an_unattributed_quote():
    d = Document(
        "x", "x", None, (), None, None, False, None,
        ("“We will win,” Bob Smith said. Jane Jones disagreed sharply. “They will lose.”",),
    )  # fmt: skip
    assert [q.speaker for q in extract_quotes(d, ())] == ["Bob Smith", "Jane Jones"]


def test_subject_of_a_passive_is_not_the_speaker():
    d = Document(
        "x", "x", None, (), None, None, False, None,
        ("“Subpoenas are not optional,” Bob Smith said after Tom Reed, who was formally called to testify, "
         "failed to appear. “Mr. Reed is a crucial witness.”",),
    )  # fmt: skip
    assert [q.speaker for q in extract_quotes(d, ())] == ["Bob Smith", "Bob Smith"]


def test_economist_is_a_role_not_an_outlet():
    d = Document(
        "x", "x", None, (), None, None, False, None,
        ("Economist Lina Okafor spoke first. “Exports fell,” she said.",),
    )  # fmt: skip
    [q] = extract_quotes(d, ())
    assert (q.speaker, q.role) == ("Lina Okafor", "Economist")


KOREA_DESK = [
    ('"We will respond," a Cheong Wa Dae official told Yonhap News Agency.', ["a Cheong Wa Dae official"]),
    (
        'Kim Yo-jong, the powerful sister of leader Kim Jong-un, said in a statement carried by the Korean Central News Agency (KCNA) that the drills were "reckless."',
        ["Kim Yo-jong"],
    ),
    (
        'North Korea\'s foreign ministry slammed the drills as "a rehearsal for invasion."',
        ["North Korea's foreign ministry"],
    ),
    ('Pyongyang has repeatedly denounced the drills as "rehearsals for war."', ["Pyongyang"]),
    (
        'Japan\'s top government spokesman, Chief Cabinet Secretary Yoshimasa Hayashi, said "We will respond calmly."',
        ["Yoshimasa Hayashi"],
    ),
    ('Lee wrote on his Facebook page, "We will not give up."', ["Lee Jae Myung"]),
    (
        '"We will not give up," said a presidential official, requesting anonymity.',
        ["a presidential official"],
    ),
    (
        'President Lee said that the two countries should "open a new chapter," calling the summit "historic."',
        ["Lee Jae Myung", "Lee Jae Myung"],
    ),
]


@pytest.mark.parametrize(("text", "speakers"), KOREA_DESK)
def test_korea_desk_constructions_with_the_registry(text: str, speakers: list[str]):
    people = (Person("Lee Jae Myung", "President of South Korea", ("Lee", "President Lee")),)
    d = Document("x", "x", None, (), None, None, False, None, (text,))
    assert [q.speaker for q in extract_quotes(d, people)] == speakers


@pytest.mark.parametrize(
    "text",
    [
        "“(CROSSTALK.)”",
        "Check out “Harbour Lights,” a film about the port.",
        "Ironically, “massive resistance” is now a museum.",
        "Tom Reed — Ivy League-trained surgeon — sold “magic” pills.",
    ],
)
def test_stage_directions_and_capitalised_non_people_give_no_quote(text: str):
    d = Document("x", "x", None, (), None, None, False, None, (text,))
    assert extract_quotes(d, ()) == []


def test_embedded_pronoun_of_the_other_gender_is_not_the_main_subject():
    d = Document(
        "x", "x", None, (), None, None, False, None,
        ("Tom Berg said he would run again. Berg said Mira Holm lied when she called him “a coward.”",),
    )  # fmt: skip
    assert [q.speaker for q in extract_quotes(d, ())] == ["Mira Holm"]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            ("Jane Holm spoke on Monday.", "It was held at Holm Tower.", '"We will win," Holm said.'),
            "Jane Holm",
        ),
        (("The Holm Global Initiative met on Monday.", '"We will win," Holm said.'), "Holm"),
        (("Xi Jinping spoke on Monday.", '"We will win," Xi said.'), "Xi Jinping"),
    ],
)
def test_a_surname_is_the_last_word_of_a_full_name_before_a_building_or_charity(paragraphs, speaker):
    d = Document("x", "x", None, (), None, None, False, None, paragraphs)
    assert [q.speaker for q in extract_quotes(d, ())] == [speaker]
