"""Writers never fail on odd source text, and what a reader sees keeps every word of it.

Source text is whatever the corpus contains: markup characters, control
characters, lone surrogates from undecodable bytes, scripts no bundled font
covers.  A build must still produce every file.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefing.model import Passage, Quote, from_dict
from briefing.writers import WRITERS
from briefing.writers.text import clean
from tests.briefing_fixture import make_briefing

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


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40))
def test_docx_and_pdf_keep_the_words_of_printable_text(text):
    b = briefing_with(text)
    words = clean(text).split()
    document = docx.Document(io.BytesIO(WRITERS["docx"].render(b)))
    docx_text = " ".join(" ".join(p.text for p in document.paragraphs).split())
    pdf = PdfReader(io.BytesIO(WRITERS["pdf"].render(b)))
    assert pdf.metadata.title == (clean(text) or "japan-relations")  # an empty title falls back to the id
    for word in words:
        assert word in docx_text


def test_json_keeps_control_characters_exactly():
    text = "a\x00b\x0c<script>&"
    b = briefing_with(text)
    assert from_dict(json.loads(WRITERS["json"].render(b))) == b
