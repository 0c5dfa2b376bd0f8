"""PDF writer (reportlab platypus): the briefing as a document one can forward.

A4 pages with a running header, a footer with theme, edition date and
"Page x of y", a PDF outline of the sections, document metadata, clickable
source URLs and citations linked to the source list.  Fonts are bundled and
embedded (see `fonts`), and `invariant=1` plus a pinned creation date make the
bytes depend on the model only.
"""

from __future__ import annotations

from briefing import __version__
from briefing.fit import CONTENTS_AFTER
from briefing.model import Briefing
from briefing.writers.layout import lay_out
from briefing.writers.pdf.fonts import FILES, coverage, register_fonts
from briefing.writers.pdf.page import PageInfo, render_pages
from briefing.writers.pdf.story import build_story, table_of_contents
from briefing.writers.text import parse_timestamp


def pdf_date(iso: str) -> str:
    """Return a PDF date string ("D:20260119070000+00'00'") for an ISO timestamp."""
    dt = parse_timestamp(iso)
    offset = dt.utcoffset()
    if offset is None:
        zone = "Z"
    else:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        zone = f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"
    return f"D:{dt:%Y%m%d%H%M%S}{zone}"


def warm() -> None:
    """Load the bundled fonts and their glyph tables now (a quarter of a second), so processes
    forked afterwards to render several themes share them instead of each loading its own."""
    register_fonts()
    for font in FILES:
        coverage(font)


def render(briefing: Briefing) -> bytes:
    """Return the briefing as PDF bytes."""
    register_fonts()
    lay = lay_out(briefing)
    info = PageInfo(
        title=lay.title,
        header_right=f"Briefing \u00b7 {lay.edition_date}",
        footer=lay.footer,
        author=lay.author,
        subject=lay.subject,
        keywords=lay.keywords,
        creator=f"briefing {__version__}",
        pdf_date=pdf_date(briefing.generated_at),
    )
    return render_pages(lambda toc: build_story(lay, toc), info, table_of_contents, CONTENTS_AFTER)
