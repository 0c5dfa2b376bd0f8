"""PDFs made with reportlab for the PDF reader tests: columns, running header/footer, hyphenation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HEADER = "Eastport Policy Institute - Working Paper 7"
W, H = A4


def _canvas(path: Path, title: str | None, author: str | None) -> canvas.Canvas:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    c.setCreator("tests")
    return c


def _furniture(c: canvas.Canvas, page: int) -> None:
    c.setFont("Helvetica", 8)
    c.drawString(72, H - 40, HEADER)
    c.drawString(W / 2, 30, f"Page {page}")


def single_column(path: Path, pages: list[list[str]], *, title: str | None = "Harbour Dredging Options",
                  author: str | None = "Ann Lee; Bo Chan", heading: str | None = None) -> Path:
    """Write one column per page; each page is a list of lines, '' separating paragraphs."""
    c = _canvas(path, title, author)
    for n, lines in enumerate(pages, 1):
        _furniture(c, n)
        y = H - 90
        if heading and n == 1:
            c.setFont("Helvetica-Bold", 20)
            c.drawString(72, y, heading)
            y -= 40
        c.setFont("Helvetica", 11)
        for line in lines:
            if line:
                c.drawString(72, y, line)
            y -= 14 if line else 10  # a blank line is extra space between paragraphs
        c.showPage()
    c.save()
    return path


def two_columns(path: Path, heading: str, left: list[str], right: list[str]) -> Path:
    """Write a full-width heading over two columns of lines (left drawn after right, to test ordering)."""
    c = _canvas(path, None, None)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(72, H - 80, heading)
    c.setFont("Helvetica", 10)
    for x, lines in ((W / 2 + 10, right), (72, left)):
        y = H - 120
        for line in lines:
            if line:
                c.drawString(x, y, line)
            y -= 13 if line else 9
    c.showPage()
    c.save()
    return path


def scanned(path: Path) -> Path:
    """Write a PDF whose only content is a drawing (no text layer), like a scan."""
    c = _canvas(path, None, None)
    c.rect(72, 72, 300, 400, fill=1)
    c.showPage()
    c.save()
    return path


__all__ = ["HEADER", "dt", "scanned", "single_column", "two_columns"]
