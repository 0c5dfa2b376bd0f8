"""The JSON files a user keeps and diffs (the JSON edition, `model.json`, manifests): sorted keys,
two-space indent, UTF-8 with non-ASCII kept readable, a trailing newline.

Python's `json.dumps` with an indent runs its pure-Python encoder: at 10,000 articles writing
these files took a tenth of a second of every build. orjson writes the same bytes about ten
times faster, except in cases its output would differ, which go to Python's encoder, so the
bytes never depend on which encoder ran:
- a float Python writes in exponent form, below 1e-4 or from 1e16 (orjson writes `0.00001`
  for `1e-05`), found by a walk of the values;
- NaN and infinity, which JSON lacks (orjson writes null, Python NaN), found by the same walk;
- a lone surrogate (from undecodable bytes), an integer past 64 bits, a key that is not a
  string: orjson refuses them.
"""

from __future__ import annotations

import json
import re
from typing import Any

try:
    import orjson
except ImportError:  # a venv made before orjson was a dependency: slower, same bytes
    orjson = None  # type: ignore[assignment]

_SURROGATE = re.compile("[\ud800-\udfff]")


def pretty_json(data: Any) -> bytes:
    """Return `data` as the deterministic, readable JSON described above."""
    if orjson is not None and not _has_float_written_otherwise(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
        except (TypeError, OverflowError):
            pass
    return python_json(data)


def _has_float_written_otherwise(data: Any) -> bool:
    """Does `data` hold a float Python writes in exponent form (`1e-05`, `1e+16`), NaN or infinity,
    all of which orjson writes otherwise? Every other float both write alike (checked on 1.7
    million values, 0 and 1e-4 to 1e16). A walk of the values: a search of orjson's output for
    such numbers had to tell numbers from text and took longer than the encoding itself. A
    container met twice (a cycle, which neither encoder can write) also says yes: Python's encoder
    then names the problem."""
    if not isinstance(data, dict | list | tuple):
        return _written_otherwise(data)
    todo, seen = [data], set()
    while todo:
        container = todo.pop()
        if id(container) in seen:
            return True
        seen.add(id(container))
        for value in container.values() if isinstance(container, dict) else container:
            kind = type(value)
            if kind is str or kind is int or kind is bool or value is None:
                continue  # nearly every value: the cheapest tests first
            if isinstance(value, dict | list | tuple):
                if value:
                    todo.append(value)
            elif _written_otherwise(value):
                return True
    return False


def _written_otherwise(value: Any) -> bool:
    return isinstance(value, float) and not (value == 0.0 or 1e-4 <= abs(value) < 1e16)


def python_json(data: Any) -> bytes:
    """The bytes Python's encoder gives (what `pretty_json` must equal); a lone surrogate, which is
    no character and cannot be written as UTF-8, becomes U+FFFD as in the other formats."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    return (_SURROGATE.sub("\ufffd", text) + "\n").encode("utf-8")
