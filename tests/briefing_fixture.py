"""A hand-built Briefing that exercises every writer path (pandoc's one test document).

It carries the text that breaks renderers: curly quotes, en/em dashes, U+2011
non-breaking hyphens, U+202F narrow no-break spaces, accented Latin, Hangul and
CJK names, markup characters (`<`, `&`, `<script>`) and control characters, plus
sources with and without URL/authors/dates, scheduled, background and
conflicting events, quotes with and without role, statements, summary points,
grouped passages, notes and a previous edition.  Other test modules may import
`make_briefing` / `make_empty_briefing` to get a realistic model.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.model import (
    Briefing,
    EditionInfo,
    Event,
    Passage,
    Quote,
    Source,
    Statement,
    SummaryPoint,
    ThemeRef,
)

THEME = ThemeRef(
    id="japan-relations",
    title="Korea\u2013Japan relations",
    description="Summits, shuttle diplomacy and trade between Seoul and Tokyo.",
)

SOURCES = (
    Source(
        id="S1",
        file="000_071ec89ada474606.txt",
        title="South Korean President Heads to Japan for First \u201cShuttle\u201d Summit",
        authors=("Nicol\u00e1s Ortega", "Kim Min\u2011ji"),
        publisher="Korea Economic Institute of America",
        published="2026-01-12",
        url="https://keia.org/the-peninsula/lee-japan-visit/?utm=a&b=c",
    ),
    Source(
        id="S2",
        file="003_371372fab965657a.txt",
        title="Xi\u202fJinping (\u4e60\u8fd1\u5e73) and Takaichi: results\u2011oriented diplomacy",
        authors=(),
        publisher=None,
        published="2026-01-13T09:30:00",
        published_inferred=True,
        url=None,
    ),
    Source(
        id="S3",
        file="004_044d5fb0454c9a08.txt",
        title=None,
        authors=("\uc774\uc7ac\uba85 Desk",),
        publisher="Yonhap",
        published=None,
        url="https://en.yna.co.kr/view/AEN20260114000100315",
    ),
    Source(
        id="S4",
        file="002_e41b90ce815a309b.txt",
        title="Tariffs <10% & AT&T-style \u201cdeals\u201d \x0c under review",
        authors=("Jane Doe",),
        publisher="The Korea Herald",
        published="2026-01-14",
        url="https://www.koreaherald.com/article?id=1&lang=en",
    ),
)

SUMMARY = (
    SummaryPoint(
        text="President Lee Jae\u2011myung visited Nara on 13\u201314 January for a summit with "
        "Prime Minister Sanae\u202fTakaichi.",
        sources=("S1", "S3"),
    ),
    SummaryPoint(
        text="Beijing urged Tokyo to \u201cmanage great\u2011power competition\u201d \u2014 a phrase "
        "repeated by \u4e60\u8fd1\u5e73.",
        sources=("S2",),
        new=True,
    ),
    SummaryPoint(text="Tariffs below <10% & \u201cAT&T-style\u201d deals were discussed.", sources=("S4",)),
)

PASSAGES = (
    Passage(
        text="Between January 13\u201314, South Korean President Lee Jae Myung will make his second "
        "visit to Japan since taking office in June 2025.",
        sources=("S1", "S3"),
        score=0.91,
        group="The Nara summit",
    ),
    Passage(
        text="The two leaders agreed on a flexible, results\u2011oriented approach\x07 to shuttle "
        "diplomacy; Xi\u202fJinping was not mentioned.",
        sources=("S2",),
        score=0.77,
        group="The Nara summit",
        new=True,
    ),
    Passage(
        text="Officials said tariffs < 10% would apply & that <script>alert(1)</script> was not a "
        "real clause.",
        sources=("S4",),
        score=0.55,
        group="Trade",
    ),
    Passage(
        text="\uc774\uc7ac\uba85 (Lee Jae\u2011myung) met Nicol\u00e1s Ortega\u2019s delegation.",
        sources=("S3",),
        score=0.40,
        group=None,
    ),
)

EVENTS = (
    Event(
        date="2026-01-13",
        end="2026-01-14",
        text="Lee Jae\u2011myung visits Nara for a summit with Sanae\u202fTakaichi.",
        sources=("S1", "S3"),
        other_dates=("2026-01-12",),
    ),
    Event(
        date="2026-02",
        end=None,
        text="Working-level trade talks <round 2> & tariff review.",
        sources=("S4",),
        status="scheduled",
        new=True,
    ),
    Event(
        date="2025-06-04",
        end=None,
        text="Lee Jae\u2011myung takes office as President.",
        sources=("S1",),
        background=True,
    ),
    Event(
        date="1965", end=None, text="Korea and Japan normalise relations.", sources=("S2",), background=True
    ),
)

QUOTES = (
    Quote(
        text="We will open a new chapter of future\u2011oriented cooperation \u2014 step by step.",
        speaker="Lee Jae-myung",
        role="President of South Korea",
        partial=False,
        source="S1",
        context="Lee said: \u201cWe will open a new chapter of future\u2011oriented cooperation \u2014 step by step.\u201d",
        date="2026-01-13",
    ),
    Quote(
        text="manage great\u2011power competition",
        speaker="\u4e60\u8fd1\u5e73",
        role=None,
        partial=True,
        source="S2",
        context="Beijing urged Tokyo to \u201cmanage great\u2011power competition\u201d calmly.",
        new=True,
    ),
    Quote(
        text="Tariffs < 10% & no <script> tricks",
        speaker="Sanae Takaichi",
        role="Prime Minister of Japan",
        partial=False,
        source="S4",
        context="",
    ),
    Quote(
        text="It\u2019s a results\u2011oriented approach",
        speaker="Lee Jae-myung",
        role=None,
        partial=False,
        source="S3",
    ),
)

STATEMENTS = (
    Statement(
        speaker="Sanae Takaichi",
        role="Prime Minister of Japan",
        text="Takaichi stated that the two countries would expand cooperation on AI and semiconductors.",
        source="S1",
    ),
    Statement(
        speaker="Nicol\u00e1s Ortega",
        role=None,
        text="Ortega said the visit would \u201chelp shape\u201d regional dynamics.",
        source="S1",
    ),
)

NOTES = ("One source (004_044d5fb0454c9a08.txt) prints no title; its file name is shown instead.",)


def make_briefing() -> Briefing:
    """Return the full fixture briefing, with a previous edition so "What's new" appears."""
    return Briefing(
        theme=THEME,
        generated_at="2026-01-19T07:00:00+00:00",
        period_start="2026-01-05",
        period_end="2026-01-19",
        sources=SOURCES,
        summary=SUMMARY,
        passages=PASSAGES,
        events=EVENTS,
        quotes=QUOTES,
        statements=STATEMENTS,
        notes=NOTES,
        edition=EditionInfo(
            date="2026-01-19",
            previous="2026-01-12",
            sources_added=("S4",),
            sources_removed=("001_eb0364c053d20066.txt",),
        ),
        author="Policy Research Unit",
    )


def make_first_edition() -> Briefing:
    """Return the fixture as a first edition: no previous edition, nothing flagged new."""
    b = make_briefing()
    return replace(b, edition=EditionInfo(date="2026-01-19"))


def make_empty_briefing() -> Briefing:
    """Return a briefing where nothing relevant was found: no passages, events or quotes."""
    return Briefing(
        theme=ThemeRef(id="cptpp", title="CPTPP accession"),
        generated_at="2026-01-19T07:00:00+00:00",
        period_start=None,
        period_end=None,
        sources=(),
        notes=("No relevant material was found for this theme.",),
    )
