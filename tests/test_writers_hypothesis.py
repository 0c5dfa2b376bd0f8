"""Writers never fail on odd source text, and what a reader sees keeps every word of it.

Source text is whatever the corpus contains: markup characters, control
characters, lone surrogates from undecodable bytes, scripts no bundled font
covers.  A build must still produce every file.
"""

from __future__ import annotations

import io
import json
import unicodedata
from dataclasses import replace

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefing.model import Passage, Quote, from_dict
from briefing.writers import WRITERS
from briefing.writers.pdf.fonts import font_runs
from briefing.writers.text import clean
from tests.briefing_fixture import make_briefing
from tests.pdftext import pdf_text_of

ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=()), min_size=1, max_size=60)
MARKUP_SOUP = st.lists(
    st.sampled_from(
        ["<", ">", "&", "&amp;", "<b>", "</a>", '"', "'", "\x00", "\x0c", "\u202f", "\u2011", "]]>"]
    ),
    min_size=1,
    max_size=12,
).map("".join)


def briefing_with(text: str):
    b = make_briefing()
    return replace(
        b,
        theme=replace(b.theme, title=text),
        passages=(Passage(text=text, sources=("S1",), score=1.0, group=text), *b.passages),
        quotes=(Quote(text=text, speaker=text, role=text, partial=False, source="S2"), *b.quotes),
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(ANY_TEXT, MARKUP_SOUP))
def test_every_format_renders_any_text(text):
    b = briefing_with(text)
    for writer in WRITERS.values():
        assert writer.render(b)


# Left-to-right letters, digits, punctuation and spaces. Right-to-left scripts are left out: reportlab
# lays text out in logical order with no bidi reordering, and pdftotext wraps such runs in U+202B/U+202C,
# so the extracted order is not the source order (a known limit of the PDF writer, not of this property).
LTR_PRINTABLE = st.characters(categories=["L", "N", "P", "Zs"]).filter(
    lambda ch: unicodedata.bidirectional(ch) not in ("R", "AL", "AN")
)


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=LTR_PRINTABLE, min_size=1, max_size=40))
def test_docx_and_pdf_keep_the_words_of_printable_text(text):
    b = briefing_with(text)
    words = clean(text).split()
    document = docx.Document(io.BytesIO(WRITERS["docx"].render(b)))
    docx_text = " ".join(" ".join(p.text for p in document.paragraphs).split())
    pdf_bytes = WRITERS["pdf"].render(b)
    pdf = PdfReader(io.BytesIO(pdf_bytes))
    assert pdf.metadata.title == (clean(text) or "japan-relations")  # an empty title falls back to the id
    # what a reader copies out of the PDF: a long word may wrap onto the next line, so compare
    # without white space; a character no bundled font covers is drawn as U+FFFD (font_runs)
    pdf_text = "".join(pdf_text_of(pdf_bytes).split())
    for word in words:
        assert word in docx_text
        drawn = "".join(run for _, run in font_runs(word))
        assert "".join(drawn.split()) in pdf_text


def test_json_keeps_control_characters_exactly():
    text = "a\x00b\x0c<script>&"
    b = briefing_with(text)
    assert from_dict(json.loads(WRITERS["json"].render(b))) == b
