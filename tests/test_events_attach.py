"""Each date is attached to the clause or phrase it governs, so a row states one event under its own
date (GUIDELINES: Events, `span`). Sentences written for these tests; none comes from a corpus."""

from __future__ import annotations

import pytest

from briefing.extract.events import extract_events
from briefing.model import Document


def rows(text: str, published: str = "2026-03-10") -> list[tuple[str, str | None, str]]:
    d = Document("t.txt", "t.txt", "Title", (), None, published, False, None, (text,))
    return [(e.date, e.end, e.text) for e in extract_events(d)]


@pytest.mark.parametrize(
    ("sentence", "date", "row"),
    [
        # adjunct opened by a subordinator or event preposition
        (
            "The mayor will open the new bridge on March 20, his first project since taking office in May 2024.",
            "2024-05",
            "since taking office in May 2024",
        ),
        (
            "Farmers still avoid the valley, following the 1998 flood that swept away the old dam.",
            "1998",
            "following the 1998 flood that swept away the old dam",
        ),
        (
            "The council approved the plan despite the High Court's 2019 ruling that it was unlawful, officials said.",
            "2019",
            "despite the High Court's 2019 ruling that it was unlawful",
        ),
        (
            "Because hundreds of miners were trapped in the 1956 pit fire, the town keeps a memorial day.",
            "1956",
            "Because hundreds of miners were trapped in the 1956 pit fire",
        ),
        # relative clause keeps its antecedent, so the row has a subject
        (
            "The museum returned the letters of sailors who drowned in a 1917 convoy attack.",
            "1917",
            "sailors who drowned in a 1917 convoy attack",
        ),
        # participial appositive keeps the noun it describes
        (
            "Critics say the charter, last revised in 1991, no longer fits the city.",
            "1991",
            "the charter, last revised in 1991",
        ),
        # complement clause of a reporting verb under a leading date stamp
        (
            "Feb 2, 2026 – Aides confirm the talks will resume around Feb 20 in Oslo, with a hotel as venue.",
            "2026-02-20",
            "the talks will resume around Feb 20 in Oslo",
        ),
        # a coordinated noun phrase after the date is not part of its unit
        (
            "Feb 3, 2026 – The statement cites their earlier meeting in Bergen (Jan 30) and a call in Rome.",
            "2026-01-30",
            "The statement cites their earlier meeting in Bergen (Jan 30)",
        ),
        # "N days after X": X is the event
        (
            "The minister lands in Lima on March 8. This comes just four days after her two-day visit to Quito.",
            "2026-03-03",
            "her two-day visit to Quito",
        ),
    ],
)
def test_a_date_in_a_modifier_dates_only_that_modifier(sentence: str, date: str, row: str) -> None:
    found = rows(sentence)
    assert (date, row) in [(d, r) for d, _, r in found], found


def test_the_main_statement_keeps_its_own_date_and_whole_sentence() -> None:
    found = rows(
        "The mayor will open the new bridge on March 20, his first project since taking office in May 2024."
    )
    assert found[0][:2] == ("2026-03-20", None)
    assert found[0][2].startswith("The mayor will open the new bridge on March 20")
    # the side clause's year never re-dates the main statement
    assert not any(d == "2024-05" and "will open" in r for d, _, r in found)


def test_a_date_after_a_comma_that_heads_no_modifier_dates_the_main_verb() -> None:
    found = rows("The envoy visited Lima, the capital of Peru, on March 2 for trade talks.")
    assert found == [
        ("2026-03-02", None, "The envoy visited Lima, the capital of Peru, on March 2 for trade talks.")
    ]


def test_a_date_right_after_a_reporting_verb_dates_the_report() -> None:
    found = rows("The ministry said on Monday that the talks would resume in April.")
    assert ("2026-03-09", None) in [(d, e) for d, e, _ in found]
    assert [r for d, _, r in found if d == "2026-03-09"][0].startswith("The ministry said on Monday")
    assert ("2026-04", "the talks would resume in April") in [(d, r) for d, _, r in found]


def test_a_row_does_not_repeat_its_date_stamp() -> None:
    found = rows("March 4, 2026 – The committee publishes its report.")
    assert found == [("2026-03-04", None, "The committee publishes its report.")]


def test_two_mentions_of_one_event_in_a_document_make_one_row() -> None:
    found = rows(
        "Reform is unlikely before the regional elections this June. "
        "Parties want a deal ahead of the June regional elections."
    )
    assert [d for d, _, _ in found] == ["2026-06"]


def test_a_phrase_row_keeps_its_sentence_as_context() -> None:
    sentence = (
        "The mayor will open the new bridge on March 20, his first project since taking office in May 2024."
    )
    d = Document("t.txt", "t.txt", "Title", (), None, "2026-03-10", False, None, (sentence,))
    by_date = {e.date: e for e in extract_events(d)}
    assert by_date["2024-05"].context == sentence
    assert by_date["2026-03-20"].context == ""  # the row is the whole sentence already
    assert by_date["2024-05"].reported == "2026-03-10"


def test_a_date_that_names_a_thing_takes_the_year_the_phrase_gives_it() -> None:
    found = rows("Seoul still honours the March 1 accord signed in 2019, officials said on Monday.")
    assert ("2019-03-01", None, "the March 1 accord signed in 2019") in found
    assert not any(d in ("2026-03-01", "2019") for d, _, _ in found)


def test_a_clock_time_before_a_full_date_keeps_the_year() -> None:
    found = rows("At 9 p.m. on Aug. 15, 1945, the emperor announced the surrender on the radio.")
    assert [d for d, _, _ in found] == ["1945-08-15"]


def test_the_last_day_of_a_trip_is_not_a_calendar_date() -> None:
    assert rows("On the final day of her three-day trip, the minister toured a shipyard.") == []


def test_a_year_in_the_subject_dates_the_subject_only() -> None:
    found = rows("The High Court's 2014 ruling still shapes the debate.")
    assert found == [("2014", None, "The High Court's 2014 ruling")]


def test_a_vaguer_mention_merges_into_the_precise_one() -> None:
    found = rows("A 1945 air raid destroyed the district. The raid on March 10, 1945, killed thousands.")
    assert [d for d, _, _ in found] == ["1945-03-10"]


def test_a_dateline_story_reports_the_past_and_its_row_drops_the_dateline() -> None:
    d = Document(
        "t.txt",
        "t.txt",
        "T",
        (),
        None,
        "2026-03-03",
        False,
        None,
        ("TOKYO, March 3 (Kyodo) -- The minister said Tuesday he would step down.",),
    )
    (event,) = extract_events(d)
    assert event.status == "happened"
    assert event.text == "The minister said Tuesday he would step down."


def test_day_first_numeric_dates_in_text() -> None:
    assert [d for d, _, _ in rows("The deal was signed on 14/01/2026 in Hanoi.")] == ["2026-01-14"]


def test_a_reduced_relative_dates_its_noun_phrase_not_the_clause_around_it() -> None:
    found = rows("The tender, agreed in the accord signed in Tallinn on March 3, closes on October 15.")
    assert ("2026-03-03", None, "the accord signed in Tallinn on March 3") in found
    # but a subject and its verb are not a reduced relative
    assert rows("The minister arrived in Tokyo on March 2.") == [
        ("2026-03-02", None, "The minister arrived in Tokyo on March 2.")
    ]


def test_coordinated_dated_phrases_each_keep_only_their_own_conjunct() -> None:
    found = rows(
        "He met the premier again, building on their talks during the trade week in October "
        "and the regional summit in November."
    )
    assert ("2025-10", None, "building on their talks during the trade week in October") in found
    assert ("2025-11", None, "the regional summit in November") in found


@pytest.mark.parametrize(
    ("sentence", "date", "row"),
    [
        # the relative pronoun is the object: the row keeps the antecedent noun phrase
        (
            "Farmers planted the drought-resistant maize seed variety that the two research stations "
            "released in April, the ministry said.",
            "2026-04",
            "the drought-resistant maize seed variety that the two research stations released in April",
        ),
        # a plural noun that looks like a reporting verb ("states", "reports") is the clause's subject
        (
            "Investors welcomed the new harbour levy that the coastal states introduced in February.",
            "2026-02",
            "the new harbour levy that the coastal states introduced in February",
        ),
    ],
)
def test_an_object_relative_clause_keeps_its_antecedent(sentence: str, date: str, row: str) -> None:
    assert (date, None, row) in rows(sentence, "2026-09-22")


def test_a_reporting_verb_still_opens_its_complement() -> None:
    assert ("2026-03", None, "the plan was approved in March") in rows(
        "The audit report states the plan was approved in March.", "2026-09-22"
    )


def test_an_absolute_with_phrase_dates_only_itself() -> None:
    found = rows(
        "The council approved a new ferry terminal in April 2026, with the first sailings due to start in 2028.",
        "2026-04-20",
    )
    assert ("2028", None, "with the first sailings due to start in 2028") in found
    assert ("2026-04", None, "The council approved a new ferry terminal in April 2026") in found


def test_an_undated_with_phrase_stays_in_the_main_row() -> None:
    sentence = "The city will open the tram line in May, with trams running every six minutes."
    assert rows(sentence) == [("2026-05", None, sentence)]


def events_of(text: str, published: str = "2026-03-10") -> list:
    d = Document("t.txt", "t.txt", "Title", (), None, published, False, None, (text,))
    return extract_events(d)


def test_coordinated_main_clauses_with_their_own_dates_are_rows_of_their_own() -> None:
    found = rows("Repairs to the old pier began last week, and the new ferries are due to arrive this month.")
    assert ("2026-03-02", "2026-03-08", "Repairs to the old pier began last week") in found
    assert ("2026-03", None, "the new ferries are due to arrive this month.") in found
    # one dated conjunct: the row may keep the whole sentence
    whole = "The board met on Monday, and the chair resigned."
    assert rows(whole) == [("2026-03-09", None, whole)]


def test_a_relative_clause_ends_where_the_main_verb_begins() -> None:
    found = rows("Widows of the sailors who drowned in a 1961 ferry sinking marched on Sunday.")
    assert ("1961", None, "the sailors who drowned in a 1961 ferry sinking") in found
    # the Sunday march is the main statement: its row is the sentence, not the relative clause
    assert ("2026-03-08", None, "Widows of the sailors who drowned in a 1961 ferry sinking marched on Sunday.") in found


def test_a_reduced_relative_ends_before_the_main_verb() -> None:
    found = rows("The audit commissioned in 2011 was never made public.")
    assert ("2011", None, "The audit commissioned in 2011") in found


def test_a_non_restrictive_relative_keeps_the_noun_before_its_comma() -> None:
    found = rows("The carnival, which was called off in 2021, comes back in August.")
    assert ("2021", None, "The carnival, which was called off in 2021") in found


def test_an_irregular_participle_after_a_comma_keeps_its_noun() -> None:
    found = rows("Monitors said the referendum, held on February 8, was peaceful.")
    assert ("2026-02-08", None, "the referendum, held on February 8") in found


def test_a_comparison_is_not_a_date() -> None:
    found = rows("The bridge will reopen in May, three weeks later than expected.")
    assert [d for d, _, _ in found] == ["2026-05"]


def test_the_status_of_a_report_is_that_of_the_saying_not_of_what_it_announces() -> None:
    by_date = {
        e.date: e for e in events_of("The council said on Tuesday that the library will close in June.")
    }
    assert by_date["2026-03-10"].status == "happened"
    assert by_date["2026-06"].status == "scheduled"


def test_context_is_shown_only_when_it_adds_words() -> None:
    aggregator = events_of(
        "Mar 2, 2026 – The union calls a strike over pay; managers offer a three per cent rise."
    )
    # each clause is its own row; the other clause is not context for it
    assert [(e.text, e.context) for e in aggregator] == [
        ("The union calls a strike over pay", ""),
        ("managers offer a three per cent rise.", ""),
    ]
    (main, side) = events_of("The harbour reopened on March 3, its first day of trade since a storm in 2019.")
    assert main.context == ""
    assert side.context == "The harbour reopened on March 3, its first day of trade since a storm in 2019."


def test_an_absolute_phrase_without_with_is_its_own_row() -> None:
    found = rows("The utility signed the turbine order in February, the first units due to enter service in 2029.")
    assert ("2026-02", None, "The utility signed the turbine order in February") in found
    assert ("2029", None, "the first units due to enter service in 2029") in found
    # an appositive has no predicate of its own: it stays in the row
    found = rows("The plant reopened on March 2, the first overhaul in a decade.")
    assert found == [("2026-03-02", None, "The plant reopened on March 2, the first overhaul in a decade.")]


def test_a_year_that_ends_a_gap_is_not_an_event() -> None:
    assert [d for d, _, _ in rows("The town staged the regatta on March 7, its first since 2011.")] == ["2026-03-07"]


@pytest.mark.parametrize(
    ("sentence", "row", "status"),
    [
        # a named occurrence this year is scheduled, and the row keeps its subject
        ("Lisbon will host the ocean conference this year.", "Lisbon will host the ocean conference this year", "scheduled"),
        # in a list of predicates, the row starts at the one that names it
        (
            "The envoy praised the port deal, signed a grain contract and welcomed plans for a joint expo this year.",
            "welcomed plans for a joint expo this year",
            "scheduled",
        ),
        ("Parliament passed the levy earlier this year after a long debate.", None, "happened"),
        ("Officials said the talks would resume later this year.", "the talks would resume later this year", "scheduled"),
    ],
)
def test_this_year_dates_an_occurrence_it_names(sentence: str, row: str | None, status: str) -> None:
    (event,) = events_of(sentence)
    assert event.date == "2026"
    assert event.text == (row or sentence)
    assert event.status == status


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor hopes to settle the dispute with the ferry unions this year.",
        "The cabinet seeks a new trade deal this year.",
        "Exports rose sharply this year.",
        "The party renewed its efforts to court young voters this year.",
    ],
)
def test_this_year_as_a_horizon_for_an_aim_is_not_an_event(sentence: str) -> None:
    assert rows(sentence) == []


def test_this_year_in_an_older_article_is_that_articles_year() -> None:
    (event,) = events_of("Lisbon will host the ocean conference this year.", published="2024-05-02")
    assert event.date == "2024"


def test_a_verb_after_a_closed_relative_clause_is_the_main_verb() -> None:
    found = rows("The keeper, who joined the club in 2019, saved two penalties in Sunday's final.")
    assert ("2019", None, "The keeper, who joined the club in 2019") in found
    sunday = [r for d, _, r in found if d == "2026-03-08"]
    assert sunday == ["The keeper, who joined the club in 2019, saved two penalties in Sunday's final."]


def test_a_second_predicate_with_its_own_date_is_its_own_row() -> None:
    found = rows("The central bank cut rates in January and is expected to act again at its meeting on April 2.")
    assert ("2026-01", None, "The central bank cut rates in January") in found
    assert ("2026-04-02", None, "is expected to act again at its meeting on April 2") in found


def test_a_relative_clause_on_a_name_that_opens_the_sentence_keeps_the_name() -> None:
    found = rows("Harbour Minister Ana Ruiz, who took office in 2022, said the quay would reopen soon.")
    assert ("2022", None, "Harbour Minister Ana Ruiz, who took office in 2022") in found


def test_a_reporting_aside_with_its_own_day_is_its_own_row_and_ends_the_main_one() -> None:
    by_date = {
        e.date: e
        for e in events_of("The mayor will open the new bridge on Friday, her office said Monday, ahead of the festival.")
    }
    assert by_date["2026-03-13"].text == "The mayor will open the new bridge on Friday"
    assert (by_date["2026-03-09"].text, by_date["2026-03-09"].status) == ("her office said Monday", "happened")


def test_a_dated_subordinate_clause_after_a_comma_ends_the_main_row() -> None:
    found = rows("The board had approved the merger in January, after talks with the regulator collapsed in December.")
    assert ("2026-01", None, "The board had approved the merger in January") in found
    assert ("2025-12", None, "after talks with the regulator collapsed in December") in found


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("10 February 2026 – The regulator fines the ferry operator.", "2026-02-10"),
        ("2026-02-14: The regulator fines the ferry operator.", "2026-02-14"),
        ("Feb. 18 — The regulator fines the ferry operator.", "2026-02-18"),
        ("February 21: The regulator fines the ferry operator.", "2026-02-21"),
    ],
)
def test_a_log_line_row_never_repeats_its_own_date_stamp(line: str, date: str) -> None:
    assert rows(line) == [(date, None, "The regulator fines the ferry operator.")]


def test_next_year_dates_an_occurrence_it_names_and_stays_a_horizon_for_an_aim() -> None:
    (event,) = events_of("Brisbane will host the regional games next year.")
    assert (event.date, event.status, event.text) == ("2027", "scheduled", "Brisbane will host the regional games next year")
    assert rows("The ministry aims to double fish exports next year.") == []
    assert rows("The carmaker said it would cut 2,000 jobs by the end of next year.") == []
