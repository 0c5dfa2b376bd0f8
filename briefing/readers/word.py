"""Word documents (`.docx`) via python-docx: paragraphs and tables in document order, core properties.

Memos and reports put their structure in styles: a "Title" or "Heading N" paragraph is
structure (the first one titles the document when the core properties do not), not a
passage.  A table row is read as one paragraph, its cells separated by " | ", where it
stands in the text.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefing.errors import InputError
from briefing.model import Document
from briefing.readers import mojibake
from briefing.readers.base import ReadResult, authors_of

# python-docx's own template stamps these on every document it makes; they say nothing about this one.
_TEMPLATE_AUTHORS = frozenset({"python-docx", "", "author", "user", "unknown"})
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)


def read(path: Path) -> ReadResult:
    """Registry entry point (see `briefing.readers.registry`)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            f"{path}: not a readable Word .docx file ({type(exc).__name__}); save it again as .docx"
        ) from None
    headings: list[str] = []
    paragraphs: list[str] = []
    for kind, text in _blocks(document):
        if kind == "heading":
            headings.append(text)
        else:
            paragraphs.append(text)
    if not paragraphs:
        raise InputError(f"{path}: no text found in the document (only headings or images?)")
    paragraphs, warnings = mojibake.repair_all(paragraphs, str(path))
    core = document.core_properties
    title = " ".join((core.title or "").split()) or (headings[0] if headings else None)
    author = " ".join((core.author or "").split())
    authors = authors_of(author, _TEMPLATE_AUTHORS)
    created = core.created
    published = None
    if isinstance(created, dt.datetime) and created.replace(tzinfo=None) != _TEMPLATE_CREATED:
        published = created.replace(tzinfo=None).isoformat(timespec="minutes")
    doc = Document(
        id=path.name,
        file=path.name,
        title=title,
        authors=authors,
        publisher=None,
        published=published,
        published_inferred=False,
        url=None,
        paragraphs=tuple(paragraphs),
        format="docx",
    )
    return ReadResult([doc], warnings)


def _blocks(document: Any) -> Iterator[tuple[str, str]]:
    """Yield ("heading" | "text", text) for the body's paragraphs and table rows, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            text = " ".join(para.text.split())
            if not text:
                continue
            style = (para.style.name if para.style is not None else "") or ""
            yield ("heading" if style == "Title" or style.startswith("Heading") else "text"), text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = " ".join(cell.text.split())
                    if t and (not cells or cells[-1] != t):  # a merged cell repeats its text
                        cells.append(t)
                if cells:
                    yield "text", " | ".join(cells)
