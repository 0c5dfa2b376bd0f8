"""`briefing dates [FILE]`: tag JSON lines `{"doc","dct","text"}` and write `{"doc","timexes"}` lines.

Other keys are ignored so benchmark files (which also carry gold timexes) can be given as they are.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from briefing.errors import InputError

from . import tag


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


def run(infile: TextIO, outfile: TextIO) -> int:
    """Tag every line of `infile`, write one output line per input line; return the exit code.

    Raises InputError naming the line number for a malformed line.
    """
    name = getattr(infile, "name", "<stdin>")
    for lineno, line in enumerate(infile, 1):
        if not line.strip():
            continue
        rec = _record(line, lineno, name)
        timexes = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            | ({"end_value": t.end_value} if t.end_value else {})
            for t in tag(rec["text"], rec.get("dct"))
        ]
        outfile.write(json.dumps({"doc": rec.get("doc"), "timexes": timexes}, ensure_ascii=False) + "\n")
    return 0
