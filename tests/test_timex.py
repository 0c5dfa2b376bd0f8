"""The temporal tagger: each expression family, normalised against a document date (DCT)."""

from __future__ import annotations

import pytest

from briefing.extract.timex import Timex, tag


def one(text: str, dct: str | None, phrase: str) -> Timex:
    """The timex covering `phrase` in `text` (fails when the phrase was not found)."""
    start = text.index(phrase)
    hits = [t for t in tag(text, dct) if t.start <= start < t.end]
    assert hits, f"{phrase!r} not tagged in {text!r}: {tag(text, dct)}"
    return hits[0]


# ---- absolute and partial dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("On January 12, 1950, the secretary gave a speech.", "January 12, 1950", "1950-01-12"),
        ("The accord was signed on 3 March 2019 in Hanoi.", "3 March 2019", "2019-03-03"),
        ("Figures released 2026-01-12 show a rise.", "2026-01-12", "2026-01-12"),
        ("It was Posted January. 14, 2026 in the morning edition.", "January. 14, 2026", "2026-01-14"),
        ("Since taking office in June 2025, he has travelled widely.", "June 2025", "2025-06"),
        ("The talks were held in Sept. 2024 in Geneva.", "Sept. 2024", "2024-09"),
    ],
)
def test_explicit_dates_keep_their_own_precision(text: str, phrase: str, value: str) -> None:
    t = one(text, "2026-01-20", phrase)
    assert (t.type, t.value) == ("DATE", value)
    assert t.text == phrase


def test_dateline_month_day_takes_the_document_year() -> None:
    text = "SEOUL, Jan. 21 (Yonhap) -- The minister said on Tuesday that talks would resume."
    t = one(text, "2026-01-21", "Jan. 21")
    assert (t.text, t.value) == ("Jan. 21", "2026-01-21")


def test_month_day_range_keeps_both_ends() -> None:
    t = one("Between January 13-14, the president will visit Tokyo.", "2026-01-07", "January 13-14")
    assert (t.value, t.end_value) == ("2026-01-13", "2026-01-14")


def test_range_with_en_dash_and_from() -> None:
    t = one("He travelled to Beijing from January 4–7 with business leaders.", "2026-01-14", "January 4–7")
    assert (t.value, t.end_value) == ("2026-01-04", "2026-01-07")


def test_range_across_months() -> None:
    t = one("The fair runs from March 30 to April 2 in Busan.", "2026-03-01", "March 30 to April 2")
    assert (t.value, t.end_value) == ("2026-03-30", "2026-04-02")


def test_non_breaking_hyphen_range() -> None:
    t = one("The summit will take place around Jan 13\u201114 in Nara.", "2025-12-10", "Jan 13")
    assert (t.value, t.end_value) == ("2026-01-13", "2026-01-14")


def test_ordinal_days_of_the_current_month() -> None:
    t = one("President Lee will visit Japan on the 13th and 14th for a summit.", "2026-01-12", "the 13th")
    assert (t.text, t.value, t.end_value) == ("the 13th and 14th", "2026-01-13", "2026-01-14")


def test_ordinal_day_in_the_past_goes_to_the_previous_month() -> None:
    t = one("The committee met on the 28th to review the budget.", "2026-02-03", "the 28th")
    assert t.value == "2026-01-28"


def test_ordinals_that_are_not_days_are_left_alone() -> None:
    assert not [
        t
        for t in tag("The 20th century saw on the 13th floor a fire.", "2026-01-01")
        if t.text.startswith("the 13th")
    ]


# ---- months with parts, years, decades, centuries -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "dct", "value"),
    [
        ("Prices peaked in mid-January before falling.", "mid-January", "2026-03-01", "2026-01"),
        ("They last met in Gyeongju in late October.", "late October", "2026-01-14", "2025-10"),
        ("The vote took place in early December.", "early December", "2026-01-05", "2025-12"),
        ("Exports fell last December, officials said.", "last December", "2026-01-10", "2025-12"),
        ("He was elected last November after a long race.", "last November", "2025-12-02", "2025-11"),
        (
            "Since taking office in June last year, he has met Xi twice.",
            "June last year",
            "2026-01-12",
            "2025-06",
        ),
        ("Elections are due this June across the country.", "this June", "2026-01-07", "2026-06"),
        ("The budget will be presented next March to parliament.", "next March", "2026-05-01", "2027-03"),
    ],
)
def test_months_resolve_across_the_year_boundary(text: str, phrase: str, dct: str, value: str) -> None:
    assert one(text, dct, phrase).value == value


def test_month_in_a_past_sentence_in_january_is_last_year() -> None:
    text = "The two leaders met briefly at the G20 Summit in November and spoke again in December."
    assert one(text, "2026-01-07", "November").value == "2025-11"


def test_month_in_a_future_sentence_is_ahead() -> None:
    assert (
        one("The minister will travel to Paris in March for the conference.", "2026-05-10", "March").value
        == "2027-03"
    )


def test_the_modal_may_is_not_a_month() -> None:
    assert not any(
        t.value.endswith("-05") for t in tag("Lee may also visit the grave of Shinzo Abe.", "2026-01-07")
    )


@pytest.mark.parametrize(
    ("text", "phrase", "value", "end"),
    [
        ("Workers died in the 1942 mine flood off the coast.", "1942", "1942", None),
        ("The constitution, last amended in 1987, is outdated.", "1987", "1987", None),
        ("U.S. forces occupied the south between 1945-1948.", "1945-1948", "1945", "1948"),
        ("Output grew steadily in the 1990s as exports rose.", "the 1990s", "199", None),
        ("It was built in the 19th century by monks.", "the 19th century", "18", None),
        ("Results for fiscal 2024 were strong.", "fiscal 2024", "2024", None),
    ],
)
def test_years_decades_and_centuries(text: str, phrase: str, value: str, end: str | None) -> None:
    t = one(text, "2026-01-14", phrase)
    assert (t.type, t.value, t.end_value) == ("DATE", value, end)


@pytest.mark.parametrize(
    "text",
    [
        "The company hired 2000 workers last spring.",
        "It costs $2019 per unit.",
        "Turnout was 1999 votes short of the record.",
        "The rate rose to 1950.5 points.",
    ],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert not [t for t in tag(text, "2026-01-14") if t.kind == "year"]


# ---- relative expressions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "dct", "value"),
    [
        ("The minister resigned yesterday after the vote.", "yesterday", "2026-01-14", "2026-01-13"),
        ("The talks resume today in Seoul.", "today", "2026-01-14", "2026-01-14"),
        ("He will arrive tomorrow with his delegation.", "tomorrow", "2026-01-31", "2026-02-01"),
        ("The report is due next week, aides said.", "next week", "2026-01-14", "2026-W04"),
        ("The report came out last week.", "last week", "2026-01-14", "2026-W02"),
        ("Growth will slow this year, the bank said.", "this year", "2026-01-14", "2026"),
        ("Prices rose last year by 3 percent.", "last year", "2026-01-14", "2025"),
        ("Sales fell last month.", "last month", "2026-01-14", "2025-12"),
        ("The firm was founded three years ago in Busan.", "three years ago", "2026-01-14", "2023"),
        ("The deal collapsed two weeks ago.", "two weeks ago", "2026-01-14", "2026-W01"),
        ("Flu cases peaked this week.", "this week", "2026-01-14", "2026-W03"),
    ],
)
def test_deictic_expressions_resolve_against_the_dct(text: str, phrase: str, dct: str, value: str) -> None:
    assert one(text, dct, phrase).value == value


def test_two_days_later_counts_from_the_last_date_mentioned() -> None:
    text = "The ship sank on March 3, 2021. Divers reached it two days later."
    assert one(text, "2026-01-14", "two days later").value == "2021-03-05"


def test_months_later_counts_from_a_date_of_month_precision() -> None:
    text = "On January 12, 1950, Acheson spoke; the south was occupied between 1945-1948, but Truman reversed this five months later."
    assert one(text, "2026-01-07", "five months later").value == "1950-06"


def test_now_and_recently_are_reference_points() -> None:
    assert one("Prices are now falling.", "2026-01-14", "now").value == "PRESENT_REF"
    assert one("He recently visited Tokyo.", "2026-01-14", "recently").value == "PAST_REF"


# ---- weekdays and tense -------------------------------------------------------------------------


def test_weekday_in_future_sentence_goes_forward() -> None:
    # 2026-01-15 is a Thursday
    assert (
        one("The president will travel on Tuesday to Tokyo.", "2026-01-15", "Tuesday").value == "2026-01-20"
    )


def test_weekday_in_past_sentence_goes_back() -> None:
    assert one("The two leaders met on Tuesday in Seoul.", "2026-01-15", "Tuesday").value == "2026-01-13"


def test_weekday_of_the_dct_itself_is_the_same_day() -> None:
    assert one("The FAA said on Friday it would close towers.", "2013-03-22", "Friday").value == "2013-03-22"


def test_last_and_next_weekday() -> None:
    assert one("They met last Friday.", "2026-01-14", "last Friday").value == "2026-01-09"
    assert one("They meet next Monday.", "2026-01-14", "next Monday").value == "2026-01-19"


def test_will_be_held_is_future_not_past() -> None:
    text = "The ceremony will be held on April 24 in the capital."
    assert one(text, "2026-04-10", "April 24").value == "2026-04-24"
    assert one(text, "2026-04-30", "April 24").value == "2026-04-24"  # close dates stay in the year


# ---- durations, sets and times ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Relations have been strained for almost nine years.", "almost nine years", "P9Y"),
        ("It was their first meeting in about two and a half months.", "two and a half months", "P2M15D"),
        ("The season started about a month early.", "a month", "P1M"),
        ("He faces 90 days in jail.", "90 days", "P90D"),
        ("It was the worst flu season in a decade.", "a decade", "P10Y"),
        ("A four-week delay was announced.", "four-week", "P4W"),
        ("Hospital stays rose over the past several months.", "the past several months", "PXM"),
        ("The summit lasted 24 hours.", "24 hours", "PT24H"),
    ],
)
def test_durations_are_typed_duration_not_dates(text: str, phrase: str, value: str) -> None:
    t = one(text, "2026-01-14", phrase)
    assert (t.type, t.value) == ("DURATION", value)


def test_ages_are_not_durations() -> None:
    assert not [t for t in tag("His 22-year-old son was arrested.", "2026-01-14") if t.type == "DURATION"]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The ferry sails daily.", "daily", "P1D"),
        ("The board meets every week in Seoul.", "every week", "P1W"),
        ("Inspections take place twice a year.", "a year", "P1Y"),
        ("The market opens every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_sets_are_typed_set(text: str, phrase: str, value: str) -> None:
    t = one(text, "2026-01-14", phrase)
    assert (t.type, t.value) == ("SET", value)


def test_rates_are_not_durations() -> None:
    assert not [t for t in tag("It saves $2 million a year in costs.", "2026-01-14") if t.type == "DURATION"]


def test_clock_time_with_its_day() -> None:
    t = one("Polls close at 5 p.m. EST, Nov. 6 in most states.", "2025-11-01", "5 p.m.")
    assert (t.type, t.value) == ("TIME", "2025-11-06T17:00")


def test_parts_of_day() -> None:
    assert one("Officials met this morning.", "2026-01-14", "this morning").value == "2026-01-14TMO"
    assert one("Fighting broke out last night.", "2026-01-14", "last night").value == "2026-01-13TNI"


# ---- without a DCT ----------------------------------------------------------------------------


def test_without_dct_unknown_parts_stay_unknown() -> None:
    t = one("The summit opens on January 13.", None, "January 13")
    assert t.value == "XXXX-01-13"
    assert one("It happened in 1942.", None, "1942").value == "1942"


def test_offsets_point_into_the_text() -> None:
    text = "On Jan. 13, Lee visited Nara; on Jan. 14 he returned to Seoul after 2 days."
    for t in tag(text, "2026-01-14"):
        assert text[t.start : t.end] == t.text


def test_a_year_ago_in_quarterly_results_is_the_same_quarter() -> None:
    text = "Third-quarter profit rose 12% to $40 million from $35 million a year ago."
    assert one(text, "1989-10-26", "a year ago").value == "1988-Q3"
    assert one("Profit fell from the year-earlier quarter.", "1989-10-26", "year-earlier").value == "1988-Q3"
    assert one("He left the firm a year ago.", "1989-10-26", "a year ago").value == "1988"


def test_recurring_weekdays_and_months_are_sets() -> None:
    assert one("The club meets on Tuesday nights.", "2026-01-14", "Tuesday nights").value == "XXXX-WXX-2TNI"
    assert one("Markets close early on Fridays.", "2026-01-14", "Fridays").value == "XXXX-WXX-5"
    t = one("The festival is held each July in Boryeong.", "2026-01-14", "each July")
    assert (t.type, t.value) == ("SET", "XXXX-07")


def test_apostrophe_decades_take_the_century_before_the_dct() -> None:
    assert one("Growth was fast in the '80s.", "1989-10-26", "'80s").value == "198"
    assert one("It was popular in the '90s.", "2026-01-14", "'90s").value == "199"
    assert one("Prices rose in the '20s.", "2026-01-14", "'20s").value == "202"


def test_month_day_with_last_year_is_one_expression() -> None:
    t = one("Lee, who took office on June 4 last year, has pushed for closer ties.", "2026-01-21", "June 4")
    assert (t.text, t.value) == ("June 4 last year", "2025-06-04")


def test_payment_and_effective_dates_look_ahead() -> None:
    text = "Directors declared a dividend of 5 cents, payable Dec. 7 to holders of record Nov. 22."
    assert one(text, "1989-10-27", "Dec. 7").value == "1989-12-07"
    assert one(text, "1989-10-27", "Nov. 22").value == "1989-11-22"
    assert one("He was shot last Oct. 23 at his home.", "1999-04-19", "Oct. 23").value == "1998-10-23"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The two sides agreed to hold another round of talks in February.", "2026-02"),
        ("The minister was invited to visit the capital in March.", "2026-03"),
        ("They agreed to the deal in December.", "2025-12"),
        ("Lawmakers voted to approve the budget in December.", "2025-12"),
        ("The talks resumed in February.", "2025-02"),
    ],
)
def test_an_agreement_to_do_something_points_forward(sentence, value):
    (t,) = [t for t in tag(sentence, "2026-01-08") if t.type == "DATE"]
    assert t.value == value


def test_a_tense_cue_in_a_later_absolute_phrase_does_not_move_a_month() -> None:
    found = tag("The utility signed the turbine order in February, the first units due in 2029.", "2026-04-10")
    assert [(t.text, t.value) for t in found] == [("February", "2026-02"), ("2029", "2029")]


def test_the_tense_of_a_closed_relative_clause_does_not_move_a_month() -> None:
    text = "The regatta, which was called off in 2021, returns in August with more boats."
    assert [t.value for t in tag(text, "2026-02-20") if t.text == "August"] == ["2026-08"]


def test_a_tense_cue_of_a_coordinated_predicate_does_not_move_a_month() -> None:
    text = "The central bank cut rates in January and is expected to act again at its next meeting."
    assert [t.value for t in tag(text, "2026-03-10") if t.text == "January"] == ["2026-01"]


def test_letters_a_case_insensitive_match_folds_are_read_not_a_crash() -> None:
    # "ſ" (long s) and the Kelvin sign match [a-z] case-insensitively; the lexicon must still know the word
    from briefing.extract.timex import tag as tag_text

    (t,) = tag_text("It rained la\u017ft \u017fummer.", "2026-01-12")
    assert t.text == "la\u017ft \u017fummer" and t.value == "2025-SU"
