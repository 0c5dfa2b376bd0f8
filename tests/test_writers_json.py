"""JSON writer: the documented model, readable UTF-8, round-trips to the same Briefing."""

from __future__ import annotations

import json

import pytest

from briefing.model import from_dict
from briefing.writers import WRITERS
from tests.briefing_fixture import make_briefing, make_empty_briefing


@pytest.mark.parametrize("make", [make_briefing, make_empty_briefing])
def test_round_trips_through_from_dict(make):
    b = make()
    assert from_dict(json.loads(WRITERS["json"].render(b))) == b


def test_is_pretty_sorted_utf8_with_the_documented_fields():
    raw = WRITERS["json"].render(make_briefing())
    text = raw.decode("utf-8")
    assert "\uc774\uc7ac\uba85" in text and "\\uc774" not in text  # readable, not \u-escaped
    assert text.startswith("{\n  ")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert set(data["theme"]) >= {"id", "title"}
    assert {"id", "file", "title", "authors", "publisher", "published", "published_inferred", "url"} <= set(
        data["sources"][0]
    )
    assert all(isinstance(s, str) for s in data["summary"])
    assert {"text", "sources", "score"} <= set(data["passages"][0])
    assert {"date", "end", "text", "sources"} <= set(data["events"][0])
    assert {"text", "speaker", "role", "partial", "source", "context"} <= set(data["quotes"][0])
    assert data["schema_version"] == 1
