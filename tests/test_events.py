"""Dated events of a document: one per dated expression, clause text verbatim, status, inference."""

from __future__ import annotations

from briefing.extract.events import DocEvent, extract_events, infer_published
from briefing.model import Document


def doc(*paragraphs: str, published: str | None = "2026-01-12", doc_id: str = "a.txt") -> Document:
    return Document(doc_id, doc_id, "Title", (), None, published, False, None, tuple(paragraphs))


def dates(events: list[DocEvent]) -> list[tuple[str, str | None]]:
    return [(e.date, e.end) for e in events]


def test_scheduled_range_and_happened_month() -> None:
    d = doc(
        "President Lee will visit Japan on the 13th and 14th for a summit. The leaders last met at the G20 Summit last November."
    )
    events = extract_events(d)
    assert dates(events) == [("2026-01-13", "2026-01-14"), ("2025-11", None)]
    assert [e.status for e in events] == ["scheduled", "happened"]
    assert events[0].text == "President Lee will visit Japan on the 13th and 14th for a summit."
    assert d.text[events[0].start : events[0].start + len(events[0].text)] == events[0].text
    assert events[0].doc_id == "a.txt"


def test_one_sentence_can_carry_several_events() -> None:
    d = doc("Since taking office in June 2025, he has met Xi twice, most recently on January 5.")
    assert dates(extract_events(d)) == [("2025-06", None), ("2026-01-05", None)]


def test_durations_stamps_and_the_current_year_are_not_events() -> None:
    d = doc(
        "Posted January. 12, 2026 10:01",
        "Relations have been strained for almost nine years, and Seoul hopes to mend them this year.",
    )
    assert extract_events(d) == []


def test_dateline_date_is_not_an_event_but_the_weekday_is() -> None:
    d = doc("SEOUL, Jan. 12 (Yonhap) -- The two ministers met on Sunday to discuss trade.")
    assert dates(extract_events(d)) == [("2026-01-11", None)]


def test_timeline_header_date_is_inherited_by_its_clauses() -> None:
    d = doc(
        "Jan 12, 2026 – Lee tells NHK that ties are vital; Takaichi confirms she will host Lee in Nara; "
        "Wi outlines plans including DNA analysis of remains from the 1942 mine disaster."
    )
    events = extract_events(d)
    assert dates(events) == [("2026-01-12", None), ("2026-01-12", None), ("2026-01-12", None), ("1942", None)]
    assert events[0].text == "Lee tells NHK that ties are vital"  # the row does not repeat its stamp
    assert events[1].text == "Takaichi confirms she will host Lee in Nara"
    assert events[2].text.startswith("Wi outlines plans")
    assert events[3].text == "including DNA analysis of remains from the 1942 mine disaster"


def test_date_that_is_part_of_a_name_is_not_an_event() -> None:
    d = doc("He proposed adding the spirit of the May 18 Democratization Movement to the preamble.")
    assert extract_events(d) == []


def test_vague_anaphora_is_not_an_event_but_counted_intervals_are() -> None:
    d = doc(
        "On January 12, 1950, Acheson gave a speech, and the two sides agreed to meet the following month. "
        "Truman reversed this position just five months later."
    )
    assert dates(extract_events(d)) == [("1950-01-12", None), ("1950-06", None)]


def test_repeated_sentence_and_repeated_range_give_one_event() -> None:
    s = "Lee will visit Japan from January 13–14 for a summit."
    d = doc(s, s, "The January 13–14 trip is his second.")
    assert dates(extract_events(d)) == [("2026-01-13", "2026-01-14")]


def test_days_of_a_trip_count_from_its_range() -> None:
    d = doc(
        "Between January 13-14, Lee will visit Japan.",
        "On the first day, he will meet Takaichi. On the second day of his trip, he will visit a temple.",
    )
    assert dates(extract_events(d)) == [
        ("2026-01-13", "2026-01-14"),
        ("2026-01-13", None),
        ("2026-01-14", None),
    ]


def test_span_dated_relative_to_the_previous_sentence() -> None:
    d = doc(
        "Lee will visit Japan on the 13th and 14th. This comes just six days after his four-day state visit to China last week."
    )
    assert dates(extract_events(d))[1] == ("2026-01-04", "2026-01-07")


def test_infer_published_is_the_latest_reported_past_date() -> None:
    d = doc(
        "Speaker Woo said on January 7 that talks would begin. On January 5, Xi met Lee in Beijing.",
        "Between January 13-14, Lee will make his second visit to Japan since taking office in June 2025.",
        "Diplomacy will remain a challenge in 2026.",
        published=None,
    )
    assert infer_published(d) == "2026-01-07"


def test_infer_published_uses_explicit_full_dates() -> None:
    d = doc(
        "Dec 4, 2025 – The leaders agree to a summit.",
        "Jan 23, 2026 – Analysts describe the approach.",
        published=None,
    )
    assert infer_published(d) == "2026-01-23"


def test_infer_published_ignores_far_future_target_years() -> None:
    d = doc(
        "The plant opened on March 3, 2024 and reported results on March 20.",
        "It aims to double output by 2030.",
        published=None,
    )
    assert infer_published(d) == "2024-03-20"


def test_infer_published_without_any_year_is_none() -> None:
    assert infer_published(doc("The talks began on Tuesday and ended on January 5.", published=None)) is None


def test_undated_document_is_normalised_against_its_inferred_date() -> None:
    d = doc(
        "On January 5, Xi met Lee in Beijing, following their meeting on the sidelines of APEC in November.",
        "Lee, who took office in June 2025, will visit Tokyo again in 2026.",
        published=None,
    )
    assert dates(extract_events(d)) == [("2026-01-05", None), ("2025-11", None), ("2025-06", None)]


def test_next_week_is_placed_as_its_monday_to_sunday_range() -> None:
    d = doc("The two ministers will meet in Geneva next week to resume the talks.")
    (event,) = extract_events(d)
    assert (event.date, event.end, event.status) == ("2026-01-19", "2026-01-25", "scheduled")


def test_a_future_year_is_scheduled_unless_it_is_a_target() -> None:
    d = doc("The new plant will open in 2028, and the company aims to double output by 2030.")
    assert [(e.date, e.status) for e in extract_events(d)] == [("2028", "scheduled")]


def test_agency_dateline_without_a_city_is_not_an_event() -> None:
    d = doc("Jan 12 (Reuters) - South Korea's president said on Sunday he would visit Japan.")
    assert dates(extract_events(d)) == [("2026-01-11", None)]


def test_the_previous_day_is_an_event_the_following_month_is_not() -> None:
    d = doc(
        "The ministers met in Seoul on January 8. The talks had been prepared by deputies the previous day.",
        "They agreed on January 8 to meet again the following month.",
    )
    assert dates(extract_events(d)) == [("2026-01-08", None), ("2026-01-07", None), ("2026-01-08", None)]


def test_a_plan_dated_before_the_article_stays_a_plan_but_a_saying_that_reports_one_happened() -> None:
    # A log of earlier days, published later: each line's tense is that of its own day.
    d = doc(
        "Feb 20, 2026 \u2013 Officials confirm the trade fair will open around March 9 in Kassel.",
        "Feb 24, 2026 \u2013 The mayor says the council will vote on the budget.",
        published="2026-04-01",
    )
    by_date = {e.date: e for e in extract_events(d)}
    assert by_date["2026-03-09"].status == "scheduled"  # the fair's opening is never reported
    assert by_date["2026-02-20"].status == "happened"  # the confirmation was made that day
    assert by_date["2026-02-24"].status == "happened"  # so was the mayor's saying
