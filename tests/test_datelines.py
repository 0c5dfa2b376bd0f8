"""Wire datelines: the story's place and date, never the start of a timeline row or summary point."""

from __future__ import annotations

import pytest

from briefing.extract.events import extract_events
from briefing.extract.timex.dateline import match_dateline
from briefing.model import Document
from briefing.select.standalone import standalone


def _events(text: str, published: str = "2026-05-08") -> list[tuple[str, str]]:
    d = Document("t.txt", "t.txt", "Title", (), None, published, False, None, (text,))
    return [(e.date, e.text) for e in extract_events(d)]


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        (
            "OSLO, May 8 -- ",
            "Norway's coastal towns approved a ferry levy on Wednesday after a long dispute.",
        ),
        (
            "DUBLIN, Sept. 8 -- ",
            "The port authority approved a ferry levy on Wednesday after a long dispute.",
        ),
        ("CAIRO (AP) - ", "The port authority approved a ferry levy on Wednesday after a long dispute."),
        ("LISBON, 8 May — ", "The port authority approved a ferry levy on Wednesday after a long dispute."),
        ("SAN DIEGO, May 8, 2026 (Bloomberg) -- ", "The port authority approved a ferry levy on Wednesday."),
    ],
)
def test_a_dated_row_starts_after_the_dateline(lead: str, rest: str) -> None:
    found = _events(lead + rest)
    assert found, "the Wednesday event is found"
    for _, row in found:
        assert not row.startswith(lead.split(",")[0].split(" (")[0]), row
        assert rest.startswith(row) or row in rest  # still a verbatim slice of the story


def test_the_dateline_date_is_not_an_event_and_the_weekday_dates_the_row() -> None:
    found = _events("OSLO, May 8 -- Norway's coastal towns approved a ferry levy on Wednesday.")
    assert found == [("2026-05-06", "Norway's coastal towns approved a ferry levy on Wednesday.")]


@pytest.mark.parametrize(
    "text",
    [
        "NATO - allies agreed on a plan.",  # a hyphen after an acronym, no date, no agency
        "March 4 - 6 talks were held in Oslo.",  # a date range, no place
        "Oslo, Bergen and Tromso voted on Tuesday.",  # a list of places, not upper case
    ],
)
def test_text_that_is_not_a_dateline(text: str) -> None:
    assert match_dateline(text) is None


def test_a_summary_point_starts_after_the_dateline() -> None:
    point = standalone(
        "PERTH, Jan. 9 (Reuters) - Western Australia's premier opened the new desalination plant."
    )
    assert point == "Western Australia's premier opened the new desalination plant."
