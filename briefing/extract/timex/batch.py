"""`briefing dates [FILE]`: tag JSON lines `{"doc","dct","text"}` and write `{"doc","timexes"}` lines.

Other keys are ignored so benchmark files (which also carry gold timexes) can be given as they are.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from briefing.errors import InputError

from . import Timex, tag


def _record(line: str, lineno: int, name: str) -> dict[str, Any]:
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
    return rec


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
        timexes = [piece for t in tag(rec["text"], rec.get("dct")) for piece in split_range(t)]
        outfile.write(json.dumps({"doc": rec.get("doc"), "timexes": timexes}, ensure_ascii=False) + "\n")
    return 0
