"""PDF reports and papers (`.pdf`) via pypdf: text in reading order, each paragraph's page kept.

pypdf (BSD) rather than PyMuPDF (AGPL): see README design notes.  pypdf hands us each
text run with its position; `pdflayout` orders runs into lines, columns and paragraphs.
A PDF without a text layer (a scan) is refused with the advice to run OCR, never read as
an empty document.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from briefing.errors import InputError
from briefing.model import Document
from briefing.readers import mojibake
from briefing.readers.base import ReadResult, authors_of
from briefing.readers.pdflayout import PageText, Run, drop_running_lines, order_page, paragraphs

_BAD_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint) - .*|document\d*|\(anonymous\))$", re.I)

# producers' placeholders, not a person
_PLACEHOLDER_AUTHORS = frozenset({"anonymous", "unknown", "author", "user"})


def read(path: Path) -> ReadResult:
    """Registry entry point (see `briefing.readers.registry`)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # its warnings about sloppy producers are not the user's
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: the PDF is password-protected; save an unprotected copy")
        pages = [_page_text(n, page) for n, page in enumerate(reader.pages, 1)]
        info = reader.metadata
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise InputError(
            f"{path}: not a readable PDF ({type(exc).__name__}: {exc}); save or export it again"
        ) from None
    if not any(p.lines for p in pages):
        raise InputError(
            f"{path}: scanned PDF: no text layer; run OCR first (e.g. ocrmypdf) and add the result"
        )
    first_page = pages[0].lines if pages else []
    pages = drop_running_lines(pages)
    paras = paragraphs(pages)
    texts, warnings = mojibake.repair_all([t for _, t in paras], str(path))
    heading = _first_heading(first_page)
    title = _meta_str(info, "title")
    if not title or _BAD_TITLE.match(title) or title == path.stem:
        title = heading
    body = list(zip([n for n, _ in paras], texts, strict=True))
    if heading:  # the displayed title is metadata, not the first passage
        body = [(n, t) for n, t in body if " ".join(t.split()) != heading] or body
    authors = authors_of(_meta_str(info, "author"), _PLACEHOLDER_AUTHORS)
    doc = Document(
        id=path.name,
        file=path.name,
        title=title,
        authors=authors,
        publisher=None,
        published=_meta_date(info),
        published_inferred=False,
        url=None,
        paragraphs=tuple(t for _, t in body),
        format="pdf",
        pages=tuple(n for n, _ in body),
    )
    skipped = sum(1 for p in pages if not p.lines)
    if skipped:
        warnings.append(f"{path}: {skipped} page(s) have no text layer (scanned?); their text is missing")
    return ReadResult([doc], warnings)


def _page_text(number: int, page: Any) -> PageText:
    runs: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (tm[0] * cm[0]) or 1.0
        runs.append(Run(float(x), float(y), abs(float(size) * scale) or 10.0, text))

    page.extract_text(visitor_text=visit)
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    return PageText(number, width, height, order_page(runs, width))


def _first_heading(lines: list[Any]) -> str | None:
    """Return the largest-type line near the top of the first page (the report's displayed title)."""
    top = [ln for ln in lines[:15] if len(ln.text.split()) >= 2]
    if not top:
        return None
    body = sorted(ln.size for ln in lines)[len(lines) // 2]
    best = max(top, key=lambda ln: ln.size)
    return best.text if best.size > body * 1.15 else None


def _meta_str(info: Any, key: str) -> str | None:
    value = getattr(info, key, None) if info is not None else None
    value = " ".join(str(value).split()) if value else ""
    return value or None


def _meta_date(info: Any) -> str | None:
    """Return the creation date from the metadata (a producer's epoch default is not a date)."""
    try:
        when = info.creation_date if info is not None else None
    except (ValueError, TypeError):
        return None
    if not isinstance(when, dt.datetime) or when.year < 1995:
        return None
    producer = str(getattr(info, "producer", "") or "")
    if "reportlab" in producer.lower() and when.replace(tzinfo=None) == dt.datetime(2000, 1, 1):
        return None  # ReportLab's invariant mode stamps this fixed date on every file
    return when.replace(tzinfo=None).isoformat(timespec="minutes")
