"""An event's status is relative to the edition date, and a row that is only part of a sentence
carries that sentence as context, in every format. Sentences written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from briefing.extract.events import DocEvent
from briefing.model import Event
from briefing.timeline import build_timeline
from briefing.writers import WRITERS
from tests.briefing_fixture import make_briefing
from tests.test_writers import text_of


def planned(text: str, doc: str, day: str = "2026-02-10", reported: str = "2026-02-01") -> DocEvent:
    return DocEvent(day, None, text, "scheduled", doc, 0, "", reported)


def test_a_plan_whose_date_has_passed_with_no_report_is_unconfirmed() -> None:
    items = [(planned("The ferry line will reopen on Feb 10 after repairs.", "a"), "S1")]
    (entry,) = build_timeline(items, None, None, 50, as_of="2026-03-01")
    assert entry.status == "unconfirmed"
    assert entry.reported == "2026-02-01"


def test_a_plan_still_ahead_of_the_edition_stays_scheduled() -> None:
    items = [(planned("The ferry line will reopen on Feb 10 after repairs.", "a"), "S1")]
    (entry,) = build_timeline(items, None, None, 50, as_of="2026-02-05")
    assert entry.status == "scheduled"


def test_a_plan_and_a_later_report_that_it_took_place_are_one_happened_entry() -> None:
    items = [
        (planned("The ferry line will reopen on Feb 10 after repairs.", "a"), "S1"),
        (
            DocEvent(
                "2026-02-10", None, "The ferry line reopened on Feb 10 after repairs.", "happened", "b", 0
            ),
            "S2",
        ),
    ]
    (entry,) = build_timeline(items, None, None, 50, as_of="2026-03-01")
    assert entry.status == "happened"
    assert entry.sources == ("S1", "S2")


def test_a_range_is_passed_only_after_its_last_day() -> None:
    e = DocEvent("2026-02-10", "2026-02-12", "The fair will run from Feb 10 to 12.", "scheduled", "a", 0)
    (entry,) = build_timeline([(e, "S1")], None, None, 50, as_of="2026-02-11")
    assert entry.status == "scheduled"


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_unconfirmed_rows_say_when_the_plan_was_reported_and_rows_show_their_sentence(fmt: str) -> None:
    b = make_briefing()
    row = Event(
        "2026-01-20",
        None,
        "the ferry line will reopen on Jan 20",
        ("S1",),
        status="unconfirmed",
        context="Officials said the ferry line will reopen on Jan 20, weeks after the storm.",
        reported="2026-01-11",
    )
    text = text_of(fmt, WRITERS[fmt].render(replace(b, events=(*b.events, row))))
    assert "Planned (reported 11 Jan 2026); no later report" in text
    assert "Officials said the ferry line will reopen on Jan 20, weeks after the storm." in text
    assert "Scheduled" not in text.split("the ferry line will reopen on Jan 20")[1][:80]


def test_json_carries_status_context_and_reported() -> None:
    b = make_briefing()
    row = Event(
        "2026-01-20",
        None,
        "since the storm in 2025",
        ("S1",),
        context="The port, shut since the storm in 2025, reopens.",
    )
    data = json.loads(WRITERS["json"].render(replace(b, events=(row,))))
    (e,) = data["events"]
    assert e["context"] == "The port, shut since the storm in 2025, reopens." and e["status"] == "happened"
    assert "reported" in e
