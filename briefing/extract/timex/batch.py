"""`briefing dates [FILE]`: tag JSON lines `{"doc","dct","text"}` and write `{"doc","timexes"}` lines.

Other keys are ignored so benchmark files (which also carry gold timexes) can be given as they are.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, TextIO

from briefing.errors import InputError

from . import Timex, tag


def _record(line: str, lineno: int, name: str) -> dict[str, Any]:
    bad = next((i for i, c in enumerate(line) if "\udc80" <= c <= "\udcff"), None)
    if bad is not None:  # undecodable bytes, kept as surrogate escapes by the reader
        raise InputError(f"{name}:{lineno}: not valid UTF-8 (at character {bad + 1}); save the file as UTF-8")
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}:{lineno}: not valid JSON ({exc.msg}); each line must be one JSON object"
        ) from None
    if not isinstance(rec, dict):
        raise InputError(f'{name}:{lineno}: expected a JSON object with "doc", "dct" and "text"')
    if not isinstance(rec.get("text"), str):
        raise InputError(f'{name}:{lineno}: missing or non-string "text"')
    dct = rec.get("dct")
    if dct is not None and not isinstance(dct, str):
        raise InputError(f'{name}:{lineno}: "dct" must be a YYYY-MM-DD string or null')
    if dct:
        try:
            day = dt.date.fromisoformat(dct[:10])
        except ValueError:
            raise InputError(f'{name}:{lineno}: "dct" {dct[:40]!r} is not a date; use YYYY-MM-DD') from None
        if not MIN_DCT_YEAR <= day.year <= MAX_DCT_YEAR:
            raise InputError(
                f'{name}:{lineno}: "dct" {dct[:40]!r} is out of range; '
                f"document dates must fall in the years {MIN_DCT_YEAR}-{MAX_DCT_YEAR}"
            )
    return rec


# Relative expressions are resolved by date arithmetic ("a century ago", "in 500 years"), which
# leaves the calendar's range near its ends; no news article is dated there.
MIN_DCT_YEAR, MAX_DCT_YEAR = 1000, 8999

_SEPARATOR = re.compile(r"\s*(?:-|–|—|‑|‐|/|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)\s*")


def split_range(t: Timex) -> list[dict[str, Any]]:
    """TIMEX3 marks each end of a range as its own expression: "January 13-14" -> "January 13", "14"."""
    whole = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
    if not t.end_value:
        return [whole]
    seps = [m for m in _SEPARATOR.finditer(t.text) if re.search(r"\d", t.text[: m.start()]) and m.start() > 0]
    if not seps:
        return [whole]
    sep = seps[-1]
    first = t.text[: sep.start()]
    second = t.text[sep.end() :]
    if not first or not second:
        return [whole]
    return [
        {"start": t.start, "end": t.start + len(first), "text": first, "type": t.type, "value": t.value},
        {"start": t.start + sep.end(), "end": t.end, "text": second, "type": t.type, "value": t.end_value},
    ]


def run(infile: TextIO, outfile: TextIO) -> int:
    """Tag every line of `infile`, write one output line per input line; return the exit code.

    Raises InputError naming the line number for a malformed line.
    """
    name = getattr(infile, "name", "<stdin>")
    for lineno, line in enumerate(infile, 1):
        if not line.strip():
            continue
        rec = _record(line, lineno, name)
        try:
            timexes = [piece for t in tag(rec["text"], rec.get("dct")) for piece in split_range(t)]
        except (OverflowError, ValueError) as exc:  # date arithmetic off the calendar
            raise InputError(f"{name}:{lineno}: a date in this text cannot be computed ({exc})") from None
        outfile.write(json.dumps({"doc": rec.get("doc"), "timexes": timexes}, ensure_ascii=False) + "\n")
    return 0
