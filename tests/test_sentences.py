"""Sentence boundaries in news English: abbreviations, initials and closing quotes."""

from __future__ import annotations

import pytest

from briefing.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SEOUL, Jan. 21 (Yonhap) -- Mr. Kim met U.S. officials. They agreed.",
            ["SEOUL, Jan. 21 (Yonhap) -- Mr. Kim met U.S. officials.", "They agreed."],
        ),
        ('The U.S. said "no." He left.', ['The U.S. said "no."', "He left."]),
        (
            "Lee wrote on X, “We were a bit off beat.” Then he went home.",
            ["Lee wrote on X, “We were a bit off beat.”", "Then he went home."],
        ),
        (
            "Orders from the United States of America (U.S.) President Donald Trump came. Nothing else.",
            ["Orders from the United States of America (U.S.) President Donald Trump came.", "Nothing else."],
        ),
        (
            "Prices rose in the U.S. The next day they fell.",
            ["Prices rose in the U.S.", "The next day they fell."],
        ),
        ("Is it over? No. It goes on!", ["Is it over?", "No.", "It goes on!"]),
        ("It began in the 1970s. “This is new,” she said.", ["It began in the 1970s.", "“This is new,” she said."]),
        ("Sen. Rand Paul (R-Ky.) said no. Others agreed.", ["Sen. Rand Paul (R-Ky.) said no.", "Others agreed."]),
        ("A sentence with no final stop", ["A sentence with no final stop"]),
    ],
)
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text():
    text = "  First one. Second one.  "
    for s in split_sentences(text, offset=100):
        assert text[s.start - 100 : s.end - 100] == s.text
