"""The reader table: file suffix → reader module, with content sniffing when the suffix lies.

Like the writers table, a new input format is one module with a `read(path) -> ReadResult`
function plus one line here.  Modules are imported only when a file of their format is
read, so a corpus of `.txt` files never pays for trafilatura or pypdf.
"""

from __future__ import annotations

import importlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefing.readers.base import ReadResult


@dataclass(frozen=True)
class Reader:
    format: str  # the name `briefing extract` prints as "format"
    suffixes: tuple[str, ...]
    module: str  # provides read(path: Path) -> ReadResult


READERS: tuple[Reader, ...] = (
    Reader("txt", (".txt",), "briefing.readers.text"),
    Reader("html", (".html", ".htm"), "briefing.readers.html"),
    Reader("pdf", (".pdf",), "briefing.readers.pdf"),
    Reader("docx", (".docx",), "briefing.readers.word"),
    Reader("eml", (".eml",), "briefing.readers.mail"),
)
BY_FORMAT = {r.format: r for r in READERS}
BY_SUFFIX = {s: r for r in READERS for s in r.suffixes}
SUFFIXES = tuple(BY_SUFFIX)

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I | re.S
)
_HEADER = re.compile(rb"([A-Za-z][A-Za-z0-9-]*):[ \t]?[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*")
_MAIL_HEADERS = {b"date", b"subject", b"to", b"mime-version", b"received", b"message-id", b"return-path"}


def sniff(path: Path, head: bytes) -> str | None:
    """Return the format the bytes themselves declare, or None when they declare none (plain text)."""
    body = head.removeprefix(b"\xef\xbb\xbf")
    if body.lstrip().startswith(b"%PDF-"):
        return "pdf" if "pdf" in BY_FORMAT else None
    if body.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as z:
                is_docx = "word/document.xml" in z.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        return "docx" if is_docx and "docx" in BY_FORMAT else None
    if _HTML_START.match(body[:4096]):
        return "html"
    names = set()
    pos = 0
    while (m := _HEADER.match(body, pos)) is not None:
        names.add(m.group(1).lower())
        pos = m.end()
    if b"from" in names and names & _MAIL_HEADERS and body[pos : pos + 2].lstrip(b"\r").startswith(b"\n"):
        return "eml" if "eml" in BY_FORMAT else None
    return None


def choose_reader(path: Path) -> tuple[Reader, str | None]:
    """Return the reader for a file and a warning when its content contradicts its suffix."""
    by_suffix = BY_SUFFIX[path.suffix.lower()]
    with path.open("rb") as fh:
        head = fh.read(8192)
    found = sniff(path, head)
    if found is None or found == by_suffix.format:
        return by_suffix, None
    if by_suffix.format == "html" and found == "eml":
        return by_suffix, None  # header-like lines at the top of an HTML fragment are not an e-mail
    reader = BY_FORMAT[found]
    return reader, f"{path}: named {path.suffix} but its content is {found.upper()}; read as {found.upper()}"


def read_file(path: Path) -> ReadResult:
    """Read one file with the reader its suffix (or, when that lies, its content) calls for."""
    reader, warning = choose_reader(path)
    module = importlib.import_module(reader.module)
    result: ReadResult = module.read(path)
    if warning:
        return ReadResult(result.documents, [warning, *result.warnings])
    return result
