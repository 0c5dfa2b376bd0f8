"""`briefing dates`: JSON lines in, JSON lines out, clear errors for malformed input."""

from __future__ import annotations

import io
import json

import pytest

from briefing.errors import InputError
from briefing.extract.timex import batch


def run(lines: list[str]) -> list[dict]:
    out = io.StringIO()
    assert batch.run(io.StringIO("\n".join(lines) + "\n"), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_each_line_gives_offsets_types_and_values() -> None:
    text = "The minister resigned on Friday after three days of talks."
    (rec,) = run([json.dumps({"doc": "d1", "dct": "2013-03-22", "text": text, "title": "ignored"})])
    assert rec["doc"] == "d1"
    got = {(t["text"], t["type"], t["value"]) for t in rec["timexes"]}
    assert got == {("Friday", "DATE", "2013-03-22"), ("three days", "DURATION", "P3D")}
    for t in rec["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_a_range_is_written_as_its_two_ends() -> None:
    text = "Lee visited Nara from January 13–14 for talks."
    (rec,) = run([json.dumps({"doc": "d", "dct": "2026-01-15", "text": text})])
    assert [(t["text"], t["value"]) for t in rec["timexes"]] == [
        ("January 13", "2026-01-13"),
        ("14", "2026-01-14"),
    ]


def test_blank_lines_are_skipped_and_missing_dct_is_allowed() -> None:
    recs = run(["", json.dumps({"doc": "a", "text": "In 1942 the mine flooded."}), ""])
    assert recs == [
        {"doc": "a", "timexes": [{"start": 3, "end": 7, "text": "1942", "type": "DATE", "value": "1942"}]}
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2"),
        ('["a list"]', "JSON object"),
        ('{"doc": "x"}', '"text"'),
        ('{"doc": "x", "text": "t", "dct": 5}', '"dct"'),
    ],
)
def test_malformed_line_names_its_number(line: str, message: str) -> None:
    good = json.dumps({"doc": "ok", "dct": "2026-01-01", "text": "today"})
    with pytest.raises(InputError) as err:
        batch.run(io.StringIO(good + "\n" + line + "\n"), io.StringIO())
    assert ":2:" in str(err.value)
    assert message.replace("line 2", ":2:") in str(err.value) or message in str(err.value)
