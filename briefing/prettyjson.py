"""The JSON files a user keeps and diffs (the JSON edition, `model.json`, manifests): sorted keys,
two-space indent, UTF-8 with non-ASCII kept readable, a trailing newline.

Python's `json.dumps` with an indent runs its pure-Python encoder: at 10,000 articles writing
these files took a tenth of a second of every build. orjson writes the same bytes about ten
times faster, except in cases its output would differ, which go to Python's encoder, so the
bytes never depend on which encoder ran:
- a float Python writes in exponent form or below 1e-4 (orjson writes `0.00001` for `1e-05`),
  found by a search of orjson's output for such numbers (a string that merely looks like one
  only sends the file to the slower encoder);
- a lone surrogate (from undecodable bytes), an integer past 64 bits, a key that is not a
  string: orjson refuses them.
NaN and infinity, which JSON lacks, are not expected here (scores are finite); orjson would write
them as null, Python as NaN.
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
# a number token of indented output (the whole output, after a key, or starting an array's line)
# that Python writes otherwise: in exponent form, or under 1e-4
_DIFFERENT_FLOAT = re.compile(rb"(?:^|: |\n *)-?(?:\d+(?:\.\d+)?[eE]|0\.0000)")


def pretty_json(data: Any) -> bytes:
    """Return `data` as the deterministic, readable JSON described above."""
    if orjson is not None:
        try:
            out = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        except (TypeError, OverflowError):
            pass
        else:
            if not _DIFFERENT_FLOAT.search(out):
                return out + b"\n"
    return python_json(data)


def python_json(data: Any) -> bytes:
    """The bytes Python's encoder gives (what `pretty_json` must equal); a lone surrogate, which is
    no character and cannot be written as UTF-8, becomes U+FFFD as in the other formats."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    return (_SURROGATE.sub("\ufffd", text) + "\n").encode("utf-8")
