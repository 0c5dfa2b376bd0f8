"""One family across formats: fonts, language, a short "What's new"."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
from docx.oxml.ns import qn

from briefing.writers import WRITERS
from briefing.writers.layout import WHATS_NEW_LEAD, lay_out
from tests.briefing_fixture import make_briefing


def test_docx_styles_use_the_pdf_typeface_with_an_east_asian_font():
    document = docx.Document(io.BytesIO(WRITERS["docx"].render(make_briefing())))
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "DejaVu Sans", name
        assert fonts.get(qn("w:eastAsia")) == "Droid Sans Fallback", name
        assert fonts.get(qn("w:asciiTheme")) is None, name  # no theme font (Calibri, Cambria) overrides


def test_pdf_declares_its_language():
    assert b"/Lang (en)" in WRITERS["pdf"].render(make_briefing())


def test_whats_new_leads_with_a_few_items_and_counts_the_rest():
    b = make_briefing()
    b = replace(b, passages=tuple(replace(p, new=True) for p in b.passages) * 3)
    wn = lay_out(b).whats_new
    assert wn is not None and len(wn.items) <= WHATS_NEW_LEAD
    assert wn.more > 0 and f"and {wn.more} more new items" in wn.more_text
    assert wn.items[0].kind in ("Summary", "Event")  # key points and events lead, passages follow
