"""Small hand-written corpora for the selection tests."""

from __future__ import annotations

from briefing.model import Document, OutputSettings, Person, Theme


def doc(doc_id: str, *paragraphs: str, title: str | None = None) -> Document:
    return Document(
        id=doc_id,
        file=f"{doc_id}.txt",
        title=title,
        authors=(),
        publisher=None,
        published="2026-01-13",
        published_inferred=False,
        url=None,
        paragraphs=tuple(paragraphs),
    )


def theme(terms=(), phrases=(), aliases=(), exclude=(), people=()) -> Theme:
    return Theme(
        id="t",
        title="Test theme",
        description="A theme for tests.",
        terms=tuple(terms),
        phrases=tuple(phrases),
        aliases=tuple(aliases),
        exclude=tuple(exclude),
        people=tuple(people),
    )


def settings(max_passages: int = 30, summary_points: int = 5) -> OutputSettings:
    return OutputSettings(max_passages=max_passages, summary_points=summary_points)


PEOPLE = (Person("Sanae Takaichi", "Prime Minister of Japan", ("Takaichi", "Prime Minister Takaichi")),)

FILLER = [
    "The city council approved a new budget for road repairs on Monday.",
    "Heavy snow closed several mountain roads in the east of the country.",
    "A local football club announced the signing of a young striker.",
    "Museum visitors queued for hours to see the new painting exhibition.",
    "The weather service expects milder temperatures later in the week.",
    "Farmers reported a good harvest of apples and pears this autumn.",
]
