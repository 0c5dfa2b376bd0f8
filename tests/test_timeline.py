"""The timeline: one entry per event across sources, conflicts shown, history set apart, sorted."""

from __future__ import annotations

from briefing.extract.events import DocEvent
from briefing.timeline import build_timeline


def ev(date: str, text: str, doc: str, end: str | None = None, status: str = "happened") -> DocEvent:
    return DocEvent(date, end, text, status, doc, 0)


def test_same_event_from_two_sources_is_one_entry_citing_both() -> None:
    items = [
        (
            ev(
                "2026-01-13",
                "Lee visited Nara Prefecture on Jan. 13 for a summit meeting with Takaichi.",
                "a",
            ),
            "S1",
        ),
        (
            ev(
                "2026-01-13",
                "Between January 13-14, Lee will make his visit to Nara for a summit with Takaichi.",
                "b",
                "2026-01-14",
                "scheduled",
            ),
            "S2",
        ),
    ]
    (entry,) = build_timeline(items, "2026-01-01", "2026-01-31", 50)
    assert entry.sources == ("S1", "S2")
    assert (entry.date, entry.end) == ("2026-01-13", "2026-01-14")
    assert entry.status == "happened"  # a source reporting it done outranks an earlier plan
    assert not entry.background


def test_most_complete_wording_is_kept() -> None:
    short = "Lee met Xi in Beijing."
    long = "On January 5, Chinese President Xi Jinping met with Lee Jae Myung at the Great Hall in Beijing."
    items = [(ev("2026-01-05", short, "a"), "S1"), (ev("2026-01-05", long, "b"), "S2")]
    (entry,) = build_timeline(items, None, None, 10)
    assert entry.text == long


def test_different_events_on_the_same_day_stay_apart() -> None:
    items = [
        (
            ev("2026-01-13", "Lee and Takaichi open the Nara summit with a pledge on supply chains.", "a"),
            "S1",
        ),
        (ev("2026-01-13", "Stock markets in Tokyo fell sharply on weak export data.", "b"), "S2"),
    ]
    assert len(build_timeline(items, None, None, 10)) == 2


def test_clauses_of_one_source_are_not_merged_with_each_other() -> None:
    items = [
        (ev("2026-01-13", "Lee and Takaichi discuss the seafood ban in Nara", "a"), "S1"),
        (ev("2026-01-13", "Lee and Takaichi agree on DNA testing in Nara", "a"), "S1"),
    ]
    assert len(build_timeline(items, None, None, 10)) == 2


def test_conflicting_dates_are_kept_not_dropped() -> None:
    items = [
        (ev("2026-01-13", "The Nara summit between Lee and Takaichi opens at Todaiji temple", "a"), "S1"),
        (ev("2026-01-14", "The Nara summit between Lee and Takaichi opens at Todaiji temple", "b"), "S2"),
    ]
    (entry,) = build_timeline(items, None, None, 10)
    assert entry.sources == ("S1", "S2")
    assert {entry.date, *entry.other_dates} == {"2026-01-13", "2026-01-14"}
    assert len(entry.other_dates) == 1


def test_overlapping_ranges_merge() -> None:
    items = [
        (ev("2026-01-04", "Lee's state visit to China in Beijing and Shanghai", "a", "2026-01-07"), "S1"),
        (ev("2026-01-05", "Lee's state visit to China: summit in Beijing", "b"), "S2"),
    ]
    (entry,) = build_timeline(items, None, None, 10)
    assert (entry.date, entry.end) == ("2026-01-04", "2026-01-07")
    assert entry.other_dates == ()


def test_history_before_the_period_is_background_and_plans_after_it_are_not() -> None:
    items = [
        (ev("2026-01-13", "Lee arrives in Nara for the summit.", "a"), "S1"),
        (ev("1942", "Korean laborers died in the 1942 undersea mine flood.", "a"), "S1"),
        (ev("1950-01-12", "Acheson gave his speech on the Far East.", "b"), "S2"),
        (ev("2026-06", "Local elections will be held this June.", "b", status="scheduled"), "S2"),
    ]
    tl = build_timeline(items, "2026-01-07", "2026-01-23", 10)
    assert [e.date for e in tl] == ["1942", "1950-01-12", "2026-01-13", "2026-06"]
    assert [e.background for e in tl] == [True, True, False, False]
    assert tl[3].status == "scheduled"


def test_a_month_overlapping_the_period_is_not_background() -> None:
    (entry,) = build_timeline(
        [(ev("2026-01", "Canada's EV deal with China was announced.", "a"), "S1")],
        "2026-01-07",
        "2026-01-23",
        5,
    )
    assert not entry.background


def test_max_events_keeps_the_best_cited_and_current() -> None:
    items = [
        (ev(f"2026-01-{d:02d}", f"Event number {d} about topic {d * 7}", "a"), "S1") for d in range(1, 11)
    ]
    items.append((ev("2026-01-05", "Event number 5 about topic 35", "b"), "S2"))
    items.append((ev("1900", "A very old event about something else entirely", "c"), "S3"))
    tl = build_timeline(items, "2026-01-01", "2026-01-31", 3)
    assert len(tl) == 3
    assert any(e.sources == ("S1", "S2") for e in tl)
    assert not any(e.background for e in tl)
    assert [e.date for e in tl] == sorted(e.date for e in tl)


def test_an_identical_date_range_merges_differently_worded_reports() -> None:
    items = [
        (
            ev(
                "2026-01-04",
                "Lee's travel to Beijing and Shanghai, China, reflected his goals.",
                "a",
                "2026-01-07",
            ),
            "S1",
        ),
        (
            ev(
                "2026-01-04",
                "This comes six days after his four-day state visit to China last week.",
                "b",
                "2026-01-07",
            ),
            "S2",
        ),
        (ev("2026-01-05", "Stock markets in Tokyo fell sharply on weak export data.", "c"), "S3"),
    ]
    tl = build_timeline(items, None, None, 10)
    assert [e.sources for e in tl] == [("S1", "S2"), ("S3",)]


def test_a_vaguer_plan_merges_into_the_precise_report_naming_the_same_thing() -> None:
    items = [
        (
            ev("2026-05", "The council promised a public ferry ballot in May 2026", "a", status="scheduled"),
            "S1",
        ),
        (ev("2026-05-17", "the public ferry ballot that the island council held on May 17", "b"), "S2"),
    ]
    (entry,) = build_timeline(items, "2026-01-01", "2026-12-31", 50, as_of="2026-11-29")
    assert entry.date == "2026-05-17"
    assert entry.sources == ("S1", "S2")
    assert entry.status == "happened"


def test_a_vaguer_mention_of_another_thing_in_that_month_stays_apart() -> None:
    items = [
        (
            ev("2026-05", "The island council promised a ferry ballot in May 2026", "a", status="scheduled"),
            "S1",
        ),
        (ev("2026-05-17", "the ferry timetable that the island council published on May 17", "b"), "S2"),
    ]
    entries = build_timeline(items, "2026-01-01", "2026-12-31", 50, as_of="2026-11-29")
    assert len(entries) == 2


def test_two_sources_naming_one_incident_with_different_words_make_one_entry() -> None:
    items = [
        (ev("1961", "Because dozens of dockers were crushed in the 1961 crane collapse", "a"), "S1"),
        (ev("1961", "families of the dockers who died in a 1961 harbour crane accident", "b"), "S2"),
    ]
    (entry,) = build_timeline(items, "2026-01-01", "2026-01-31", 50)
    assert entry.sources == ("S1", "S2")
    assert entry.background


def test_two_incidents_of_one_year_that_differ_in_what_they_were_stay_apart() -> None:
    items = [
        (ev("1961", "dockers who died in the 1961 crane collapse", "a"), "S1"),
        (ev("1961", "the dockers who survived a 1961 warehouse fire", "b"), "S2"),
    ]
    assert len(build_timeline(items, "2026-01-01", "2026-01-31", 50)) == 2


def test_a_plan_that_took_place_reads_as_the_report_of_it() -> None:
    items = [
        (ev("2026-01-20", "The minister will open the new port on January 20.", "a", status="scheduled"), "S1"),
        (ev("2026-01-20", "The minister opened the new port on Tuesday.", "b"), "S2"),
    ]
    (entry,) = build_timeline(items, "2026-01-01", "2026-01-31", 50, as_of="2026-11-29")
    assert entry.status == "happened"
    assert entry.text == "The minister opened the new port on Tuesday."


def test_a_plan_whose_date_passed_is_never_still_scheduled_nor_reported_as_done() -> None:
    items = [(ev("2026-06", "Voters will elect a new council in June.", "a", status="scheduled"), "S1")]
    (entry,) = build_timeline(items, "2026-01-01", "2026-01-31", 50, as_of="2026-11-29")
    assert entry.status == "unconfirmed"
    (entry,) = build_timeline(items, "2026-01-01", "2026-01-31", 50, as_of="2026-05-01")
    assert entry.status == "scheduled"


PLAN = "At the talks on May 4, the premier will likely raise the fishing quota dispute and the ferry subsidy row."
REPORT = "the two premiers discuss the fishing quota dispute and the ferry subsidy row"


def test_a_plan_and_another_outlets_report_of_that_day_are_one_happened_entry() -> None:
    items = [(ev("2026-05-04", PLAN, "a", status="scheduled"), "S1"), (ev("2026-05-04", REPORT, "b"), "S2")]
    (entry,) = build_timeline(items, "2026-05-01", "2026-05-31", 50, as_of="2026-11-29")
    assert (entry.status, entry.text, entry.sources) == ("happened", REPORT, ("S1", "S2"))


def test_a_report_on_another_subject_still_confirms_a_plan() -> None:
    plan = [(ev("2026-05-04", PLAN, "a", status="scheduled"), "S1")]
    other = [(ev("2026-05-04", REPORT, "b"), "S2"), (ev("2026-05-04", "A storm closes the harbour.", "c"), "S3")]
    (entry,) = build_timeline(plan, "2026-05-01", "2026-05-31", 50, as_of="2026-11-29", reports=plan + other)
    assert (entry.status, entry.sources) == ("happened", ("S1", "S2"))
    # without such a report it stays a plan whose date passed: never "scheduled", never "happened"
    alone = other[1:]
    (entry,) = build_timeline(plan, "2026-05-01", "2026-05-31", 50, as_of="2026-11-29", reports=plan + alone)
    assert (entry.status, entry.sources) == ("unconfirmed", ("S1",))


def test_a_report_of_the_same_occurrence_at_the_same_place_confirms_a_plan_from_any_source() -> None:
    plan = (ev("2026-05-04", "the summit will take place around May 4-5 in Bergen", "a", "2026-05-05", "scheduled"), "S1")
    report = (ev("2026-05-04", "The premiers open the two-day Bergen summit with a walk on the quay", "a"), "S1")
    other = (ev("2026-05-04", "A storm closes the Bergen harbour", "b"), "S2")
    (entry,) = build_timeline([plan], "2026-05-01", "2026-05-31", 50, as_of="2026-11-29", reports=[plan, report, other])
    assert entry.status == "happened"
    assert entry.text.startswith("The premiers open the two-day Bergen summit")
    # another kind of occurrence at that place does not confirm it
    (entry,) = build_timeline([plan], "2026-05-01", "2026-05-31", 50, as_of="2026-11-29", reports=[plan, other])
    assert entry.status == "unconfirmed"
