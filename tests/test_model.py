"""The Briefing model's JSON form round-trips exactly and refuses a foreign schema version."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import model

text = st.text(min_size=0, max_size=40)
ids = st.lists(st.sampled_from(["S1", "S2", "S3"]), min_size=1, max_size=3, unique=True).map(tuple)
dates = st.one_of(st.none(), st.sampled_from(["2026", "2026-01", "2026-01-13", "1942"]))

sources = st.tuples(
    *[
        st.builds(
            model.Source,
            id=st.just(f"S{i}"),
            file=text,
            title=st.one_of(st.none(), text),
            authors=st.lists(text, max_size=2).map(tuple),
            publisher=st.one_of(st.none(), text),
            published=dates,
            published_inferred=st.booleans(),
            url=st.one_of(st.none(), text),
        )
        for i in (1, 2, 3)
    ]
)
briefings = st.builds(
    model.Briefing,
    theme=st.builds(model.ThemeRef, id=st.just("t"), title=text, description=text),
    generated_at=st.just("2026-01-19T07:00:00+00:00"),
    period_start=dates,
    period_end=dates,
    sources=sources,
    summary=st.lists(
        st.builds(model.SummaryPoint, text=text, sources=ids, new=st.booleans()), max_size=3
    ).map(tuple),
    passages=st.lists(
        st.builds(
            model.Passage,
            text=text,
            sources=ids,
            score=st.floats(0, 100, allow_nan=False),
            group=st.one_of(st.none(), text),
            new=st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    events=st.lists(
        st.builds(
            model.Event,
            date=st.sampled_from(["2026-01-13", "1942"]),
            end=dates,
            text=text,
            sources=ids,
            status=st.sampled_from(["happened", "scheduled"]),
            background=st.booleans(),
            other_dates=st.lists(st.sampled_from(["2026-01-12"]), max_size=1).map(tuple),
            new=st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    quotes=st.lists(
        st.builds(
            model.Quote,
            text=text,
            speaker=st.one_of(st.none(), text),
            role=st.one_of(st.none(), text),
            partial=st.booleans(),
            source=st.sampled_from(["S1", "S2"]),
            context=text,
            date=dates,
            new=st.booleans(),
        ),
        max_size=3,
    ).map(tuple),
    statements=st.lists(
        st.builds(
            model.Statement, speaker=text, role=st.one_of(st.none(), text), text=text, source=st.just("S1")
        ),
        max_size=2,
    ).map(tuple),
    notes=st.lists(text, max_size=2).map(tuple),
    edition=st.builds(
        model.EditionInfo,
        date=dates,
        previous=dates,
        sources_added=st.lists(text, max_size=2).map(tuple),
        sources_removed=st.lists(text, max_size=2).map(tuple),
    ),
    author=st.one_of(st.none(), text),
)


@settings(max_examples=60, deadline=None)
@given(briefings)
def test_json_round_trip(b):
    data = json.loads(json.dumps(model.to_dict(b), ensure_ascii=False))
    assert model.from_dict(data) == b


def test_documented_field_names():
    b = model.Briefing(
        theme=model.ThemeRef("t", "T"),
        generated_at="2026-01-19T07:00:00+00:00",
        period_start=None,
        period_end=None,
        sources=(model.Source("S1", "a.txt", "A"),),
        summary=(model.SummaryPoint("p", ("S1",)),),
        passages=(model.Passage("x", ("S1",), 1.0),),
        events=(model.Event("2026-01-13", "2026-01-14", "e", ("S1",)),),
        quotes=(model.Quote("q", "Lee Jae Myung", "President", False, "S1", "ctx"),),
    )
    d = model.to_dict(b)
    assert set(d["theme"]) >= {"id", "title"}
    assert set(d["sources"][0]) >= {
        "id",
        "file",
        "title",
        "authors",
        "publisher",
        "published",
        "published_inferred",
        "url",
    }
    assert d["summary"] == ["p"]
    assert set(d["passages"][0]) >= {"text", "sources", "score"}
    assert set(d["events"][0]) >= {"date", "end", "text", "sources"}
    assert set(d["quotes"][0]) >= {"text", "speaker", "role", "partial", "source", "context"}


def test_foreign_schema_version_is_refused():
    with pytest.raises(model.SchemaMismatch):
        model.from_dict({"schema_version": 99, "theme": {"id": "t", "title": "T"}, "generated_at": "x"})
