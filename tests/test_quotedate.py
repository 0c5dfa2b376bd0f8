"""A quote carries the day its words were said when the sentence states it; else its source's date."""

from __future__ import annotations

import pytest

from briefing.quotedate import said_on


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mayor Ruiz said on March 3 that the harbour plan was \u201cdead\u201d.", "2026-03-03"),
        ("Holm told reporters on March 4 that quotas \u201cmust fall\u201d.", "2026-03-04"),
        ("On March 2, Berg said \u201cwe will not sign\u201d.", "2026-03-02"),
        ("Mar 5, 2026 \u2013 Holm tells lawmakers the deal is \u201cclose\u201d.", "2026-03-05"),
        # a date of an event in the sentence is not the date of the words
        ("Berg said the summit on March 3 was \u201chistoric\u201d.", None),
        ("Holm called the March 3 vote \u201ca disgrace\u201d.", None),
        # words are reported after they are said: a later date is not theirs
        ("Holm said on March 20 that talks would \u201cresume\u201d.", None),
    ],
)
def test_said_on(sentence, expected):
    assert said_on(sentence, "2026-03-06") == expected
