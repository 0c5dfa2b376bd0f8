"""Turn a file's bytes into text without silently mangling it.

UTF-8 is expected; anything else is detected with charset-normalizer and named in
a warning, and a file whose encoding cannot be told with confidence is refused
with an actionable message rather than decoded into mojibake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from briefing.errors import InputError
from briefing.readers.corpus_files import MAX_DOCUMENT_CHARS, MAX_FILE_BYTES, too_long
from briefing.safeio import read_regular
from briefing.text.controls import STRAY_CONTROLS


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def decode_file(path: Path) -> Decoded:
    """Return the file's text with normalised line ends and control characters removed."""
    data = read_regular(path, MAX_FILE_BYTES)
    if len(data) > 4 * MAX_DOCUMENT_CHARS:  # UTF-8 takes at most 4 bytes a character
        raise InputError(too_long(path, len(data) // 4) or str(path))
    if not data.strip():
        raise InputError(f"{path}: the file is empty; add the article text or remove the file")
    warning = None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        best = from_bytes(data).best()
        if best is None or best.encoding in (None, "utf_8") or best.chaos > 0.2:
            raise InputError(
                f"{path}:{line}: not valid UTF-8 and the encoding could not be detected reliably; "
                "re-save the file as UTF-8"
            ) from None
        text = str(best)
        encoding = best.encoding
        warning = f"{path}: not UTF-8 (invalid byte at line {line}); read as {encoding}. Re-save as UTF-8 to be sure."
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    removed = len(STRAY_CONTROLS.findall(text))
    if removed:
        text = STRAY_CONTROLS.sub("", text)
        extra = f"{path}: removed {removed} control character(s)"
        warning = f"{warning}; {extra}" if warning else extra
    long = too_long(path, len(text))
    if long:
        raise InputError(long)
    if "\x00" in text or not text.strip():
        raise InputError(f"{path}: no readable text; is it a binary file?")
    return Decoded(text, encoding, warning)
