"""The JSON files users keep are the same bytes whichever encoder wrote them (`briefing.prettyjson`)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.prettyjson import pretty_json, python_json

# what the model and manifests hold: text of any kind (lone surrogates included), whole numbers
# of any size, floats of any magnitude (NaN and infinity too), flags, nulls, lists and string-keyed
# mappings
scalars = (
    st.text()
    | st.integers()
    | st.floats()
    | st.booleans()
    | st.none()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_pretty_json_is_python_json_byte_for_byte(data):
    assert pretty_json(data) == python_json(data)


def test_the_floats_orjson_writes_otherwise_are_written_as_python_writes_them():
    data = {"score": 1e-05, "scores": [0.00012, 1e16, -2.5e-7, 0.25], "count": 2**70, "by_id": {3: "key"}}
    out = pretty_json(data)
    assert out == python_json(data)
    assert b'"score": 1e-05' in out and b"1e+16" in out and b"-2.5e-07" in out and b'"3": "key"' in out


def test_a_lone_surrogate_becomes_the_replacement_character_and_the_rest_is_kept():
    out = pretty_json({"text": "caf\u00e9 \ud800 \u2028 \x01"})
    assert json.loads(out) == {"text": "caf\u00e9 \ufffd \u2028 \x01"}
    assert out.endswith(b"}\n") and "café".encode() in out


def test_a_string_that_looks_like_a_small_float_is_still_written_the_same():
    data = {"note": "ratio: 0.00001", "list": ["x", "1e5"]}
    assert pretty_json(data) == python_json(data)


def test_a_cycle_is_an_error_not_a_hang():
    data: dict = {"a": [1.5]}
    data["a"].append(data)
    with pytest.raises(ValueError, match="Circular reference"):
        pretty_json(data)
