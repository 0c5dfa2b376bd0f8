"""The writers table and what every format shares: bytes, determinism, the same content."""

from __future__ import annotations

import html
import io
import re

import docx
import pytest
from pypdf import PdfReader

from briefing.model import Briefing
from briefing.writers import WRITERS
from briefing.writers.text import clean, format_date, format_range
from tests.briefing_fixture import make_briefing, make_empty_briefing, make_first_edition


def norm(text: str) -> str:
    """Fold white space (line breaks in PDF text, U+202F drawn as U+00A0) for comparisons."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def text_of(fmt: str, data: bytes) -> str:
    """Return what a reader sees in a rendered file, as one normalised string."""
    if fmt == "pdf":
        return norm("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    if fmt == "docx":
        d = docx.Document(io.BytesIO(data))
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
        return norm("\n".join(parts))
    body = re.sub(r"<style>.*?</style>", " ", data.decode("utf-8"), flags=re.S)
    return norm(html.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_table_names_every_format_once_with_its_suffix():
    assert {n: w.suffix for n, w in WRITERS.items()} == {
        "docx": ".docx",
        "pdf": ".pdf",
        "html": ".html",
        "json": ".json",
    }
    assert all(w.name == n for n, w in WRITERS.items())


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_same_model_gives_same_bytes(fmt):
    assert WRITERS[fmt].render(make_briefing()) == WRITERS[fmt].render(make_briefing())


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_reader_finds_every_quote_source_citation_and_section(fmt):
    b = make_briefing()
    text = text_of(fmt, WRITERS[fmt].render(b))
    for q in b.quotes:
        assert f"\u201c{norm(clean(q.text))}\u201d" in text, q.text
        assert norm(q.speaker or "") in text
    for p in b.passages:
        assert norm(clean(p.text)) in text
    for s in b.summary:
        assert norm(clean(s.text)) in text
    for st in b.statements:
        assert norm(st.text) in text
    for e in b.events:
        assert norm(clean(e.text)) in text
    source_list = text.rindex("Sources [1] ")
    for i, s in enumerate(b.sources, 1):
        assert f"[{i}]" in text[:source_list], f"source {i} is never cited"
        assert f"[{i}] " in text[source_list:], f"source {i} is not in the numbered list"
        assert norm(clean(s.title) or s.file) in text[source_list:]
    for heading in ("What\u2019s new", "Summary", "Key passages", "The Nara summit", "Trade", "Timeline"):
        assert heading in text
    for heading in ("Background", "Quotes", "Who said what", "Notes", "Sources"):
        assert heading in text
    assert "President of South Korea" in text  # roles are shown with the speaker
    assert "Scheduled" in text and "Happened" in text
    assert "Other reported dates: 12 Jan 2026" in text  # conflicting dates are visible
    assert "13 January 2026 (inferred)" in text
    assert "NEW" in text
    assert "Sources removed" in text and "001_eb0364c053d20066.txt" in text
    assert "Period covered 5 January 2026 \u2013 19 January 2026" in text.replace(":", "")
    # Markup characters come out as text; control characters do not come out at all.
    assert "<script>alert(1)</script>" in text and "AT&T-style" in text and "tariffs < 10%" in text
    assert "\x07" not in text and "\x0c" not in text
    # Non-Latin names survive.
    for name in ("\uc774\uc7ac\uba85", "\u4e60\u8fd1\u5e73", "Nicol\u00e1s"):
        assert name in text


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_sections_come_in_reading_order(fmt):
    text = text_of(fmt, WRITERS[fmt].render(make_briefing()))
    # read in five minutes: summary, timeline and quotes first, the passages behind them
    order = ["What\u2019s new", "Summary", "Timeline", "Background", "Quotes"]
    order += ["Who said what", "Key passages", "Notes", "Sources"]
    position = text.index("Issued by")  # end of the title block
    for heading in order:
        position = text.index(heading, position + 1)  # raises when out of order or missing


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_first_edition_has_no_whats_new(fmt):
    text = text_of(fmt, WRITERS[fmt].render(make_first_edition()))
    assert "What\u2019s new" not in text
    assert "NEW" not in text


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_briefing_without_material_renders_and_says_so(fmt):
    b: Briefing = make_empty_briefing()
    text = text_of(fmt, WRITERS[fmt].render(b))
    assert "CPTPP accession" in text
    assert "No relevant passages were found" in text
    assert "No relevant material was found for this theme." in text
    assert "No sources were cited." in text


def test_dates_read_naturally_at_every_precision():
    assert format_date("2026-01-14") == "14 January 2026"
    assert format_date("2026-01-14T10:01:00+09:00") == "14 January 2026"
    assert format_date("2026-02", short=True) == "Feb 2026"
    assert format_date("1965") == "1965"
    assert format_date("sometime") == "sometime"
    assert format_range("2026-01-13", "2026-01-14", short=True) == "13\u201314 Jan 2026"
    assert format_range("2026-01-30", "2026-02-02", short=True) == "30 Jan 2026 \u2013 2 Feb 2026"


def test_clean_strips_xml_incompatible_characters_but_keeps_no_break_spaces():
    assert clean("a\x00b\x07c\x0cd\x1fe\x85f\ufffeg") == "abcdefg"
    assert clean("Xi\u202fJinping\u00a0\u2011 \n\t x") == "Xi\u202fJinping\u00a0\u2011 x"
