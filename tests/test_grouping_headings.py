"""Group headings a reader would write, on passages written for this test: no cut-off noun phrase
("Support for the reunification"), no possessive fragment ("Estavia's interest"), passages that name
the heading's words in another order join it, and a heading naming an event carries its dates."""

from __future__ import annotations

from briefing.model import Briefing, Event, Passage, Source, ThemeRef
from briefing.select.grouping import group_passages
from briefing.select.pipeline import Selected
from briefing.writers.layout import lay_out


def _groups(texts: list[str]) -> list[str | None]:
    selected = [Selected(t, (f"d{i}",), 1.0 - i / 100, None) for i, t in enumerate(texts)]
    return [s.group for s in group_passages(selected)]


TRUNCATED = [
    "Norland voiced support for the reunification of the divided island at the Vardo forum.",
    "Estavia withheld support for the reunification of Tromby province, its envoy said.",
    "Estavia's interest in the northern banks has grown since last spring.",
    "Analysts say Estavia's interest in trawler jobs drives its fisheries policy.",
    "The cod quota talks in Vardo resumed after a pause of two months.",
    "Negotiators at the cod quota talks want a five-year deal.",
    "Fishing crews in Hammer protested about the herring licence dispute.",
    "The herring licence dispute has cost crews in Hammer half a season.",
]


def test_no_heading_is_a_cut_off_noun_phrase_or_a_possessive_fragment():
    groups = _groups(TRUNCATED)
    assert "Support for the reunification" not in groups
    assert not any(g and "'s" in g.replace("\u2019", "'") for g in groups), groups
    assert groups[4:6] == ["Cod quota talks"] * 2 and groups[6:] == ["Herring licence dispute"] * 2


REORDERED = [
    "The Norland-Estavia dispute over herring licences flared again on Monday.",
    "Fishing crews blame the Norland-Estavia dispute for a lost season.",
    "The cod quota talks resumed in Vardo after a two-month pause.",
    "Negotiators at the cod quota talks in Vardo want a five-year deal.",
    "The dispute between Estavia and Norland now reaches into the courts of both countries.",
    "Prices for timber rose in Tromby as the harbour froze early this winter.",
]


def test_a_passage_naming_the_headings_words_in_another_order_joins_it():
    groups = _groups(REORDERED)
    assert groups[:2] == ["Norland-Estavia dispute"] * 2
    assert groups[4] == "Norland-Estavia dispute"  # "dispute between Estavia and Norland"
    assert groups[5] is None  # timber prices share nothing: it stays under "Other passages"


def _briefing(events: tuple[Event, ...]) -> Briefing:
    sources = (Source("S1", "a.txt", "Talks open"), Source("S2", "b.txt", "Talks close"))
    passages = (
        Passage("The Vardo summit opened with a dispute over cod quotas.", ("S1",), 1.0, "Vardo summit"),
        Passage("Ministers left the Vardo summit without a cod quota deal.", ("S2",), 0.9, "Vardo summit"),
        Passage("Trawler crews in Hammer lost half a season to the licence row.", ("S2",), 0.8, None),
    )
    return Briefing(
        theme=ThemeRef("fish", "Fisheries"),
        generated_at="2026-03-20T00:00:00+00:00",
        period_start="2026-03-01",
        period_end="2026-03-20",
        sources=sources,
        passages=passages,
        events=events,
    )


def test_an_event_heading_carries_the_dates_the_timeline_gives_it():
    events = (
        Event("2026-03-13", "2026-03-14", "Norland and Estavia hold the Vardo summit", ("S1", "S2")),
        Event("2026-03-13", None, "The Vardo summit opens with a dispute over cod quotas", ("S1",)),
    )
    headings = [name for name, _ in lay_out(_briefing(events)).passage_groups]
    assert headings[0] == "Vardo summit, 13\u201314 Mar 2026"


def test_an_event_heading_gets_no_date_when_the_dates_disagree_or_none_is_given():
    far_apart = (
        Event("2026-03-13", None, "Ministers meet at the Vardo summit", ("S1",)),
        Event("2025-06-02", None, "The first Vardo summit ends without a deal", ("S2",)),
    )
    assert lay_out(_briefing(far_apart)).passage_groups[0][0] == "Vardo summit"
    assert lay_out(_briefing(())).passage_groups[0][0] == "Vardo summit"


# Two articles' worth of passages: two shared phrases make the first groups; two passages about the
# same islet name it only once in a phrase, and two name a minister, a person, not a sub-topic.
LEFT_OVER = [
    "The cod quota talks resumed in Vardo after a two-month pause.",
    "Negotiators at the cod quota talks want a five-year deal.",
    "The herring licence dispute has cost crews in Hammer half a season.",
    "Fishing crews in Hammer protested about the herring licence dispute.",
    "Coast guards from both navies shadowed each other near the contested Skarvik lighthouse zone.",
    "Skarvik is claimed by both capitals, and a weather station there was shut in March.",
    "Fisheries Minister Halvorsen flew north on Tuesday to reassure worried harbour workers.",
    "Halvorsen later told parliament that subsidies for trawler fuel would continue.",
    "Timber prices rose in Tromby as the harbour froze early this winter.",
    "A new ferry timetable starts on the first of May, the operator announced.",
]


def test_left_over_passages_naming_the_same_rare_place_form_a_group_headed_by_its_phrase():
    groups = _groups(LEFT_OVER)
    assert groups[:4] == ["Cod quota talks"] * 2 + ["Herring licence dispute"] * 2
    assert groups[4:6] == ["Skarvik lighthouse zone"] * 2  # not "Other passages", not the bare name
    # a minister is who a passage is about, not what: no "Halvorsen ..." heading
    assert groups[6] is None and groups[7] is None
    assert groups[8] is None and groups[9] is None  # nothing shared: "Other passages"
