"""What's new in a digest: the ranking, one story once, several sources before one source's tenth item."""

from __future__ import annotations

from dataclasses import replace

from briefing.delivery.digest import Cite, Item, leading, ranked_new_items
from briefing.model import Briefing, EditionInfo, Event, Passage, Quote, Source, SummaryPoint, ThemeRef


def item(text: str, source: int) -> Item:
    return Item("Passage", text, (Cite(source, ""),), True, text.lower())


def test_leading_takes_at_most_two_items_of_one_source_while_others_wait():
    ranked = [item(f"a{i}", 1) for i in range(4)] + [item("b0", 2), item("c0", 3)]
    assert [i.text for i in leading(ranked, 4)] == ["a0", "a1", "b0", "c0"]
    # with too few other sources the places are filled in ranking order
    assert [i.text for i in leading(ranked[:4], 3)] == ["a0", "a1", "a2"]


SOURCES = (Source("S1", "old.txt", "Old article"), Source("S2", "new.txt", "New article", url="https://x.org/n"))
DEAL = "Negotiators agreed a draft deal on harbour fees on March 9."
QUOTE = "patient talks on harbour fees work"


def briefing(previous: str | None) -> Briefing:
    return Briefing(
        theme=ThemeRef("t", "T"),
        generated_at="2026-03-16T00:00:00+00:00",
        period_start=None,
        period_end=None,
        sources=SOURCES,
        summary=(SummaryPoint("Talks opened on March 1.", ("S1",)), SummaryPoint(DEAL, ("S2",), new=True)),
        passages=(
            Passage("Talks opened on March 1.", ("S1",), 0.9),
            Passage(DEAL, ("S2",), 0.8, new=True),
            Passage(f"Holt said: \u201c{QUOTE}.\u201d", ("S2",), 0.5, new=True),
        ),
        events=(
            Event("2026-03-09", None, DEAL, ("S2",), new=True),
            Event("2026-03-12", None, "Ministers will sign the deal in May.", ("S2",), status="scheduled", new=True),
            Event("1999-01-01", None, "The old treaty was signed.", ("S2",), background=True, new=True),
        ),
        quotes=(Quote(QUOTE, "Ben Holt", None, False, "S2", new=True),),
        edition=EditionInfo(date="2026-03-16", previous=previous),
    )


def test_new_items_are_ranked_summary_first_and_each_story_is_told_once():
    items = ranked_new_items(briefing("2026-03-09"))
    assert [(i.kind, i.text) for i in items] == [
        ("Summary", DEAL),  # the same sentence as a passage and an event is not repeated
        ("Passage", f"Holt said: \u201c{QUOTE}.\u201d"),  # and the quote inside it is not repeated
        ("Event", "12 Mar 2026: Ministers will sign the deal in May."),  # background history is not news
    ]
    assert items[0].cites == (Cite(2, "https://x.org/n"),)


def test_in_a_first_edition_everything_counts_as_new():
    b = briefing(None)
    b = replace(b, summary=tuple(replace(p, new=False) for p in b.summary))
    texts = [i.text for i in ranked_new_items(b)]
    assert texts[:2] == ["Talks opened on March 1.", DEAL]
