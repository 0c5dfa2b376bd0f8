"""DOCX writer: Word's structure (heading styles, table header rows), properties, links."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml.ns import qn

from briefing.writers import WRITERS
from briefing.writers.layout import TIMELINE_HEADER
from tests.briefing_fixture import make_briefing


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return WRITERS["docx"].render(make_briefing())


@pytest.fixture(scope="module")
def document(rendered):
    return docx.Document(io.BytesIO(rendered))


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_uses_built_in_heading_styles_for_the_navigation_pane(document):
    assert styled(document, "Title") == ["Korea\u2013Japan relations"]
    assert styled(document, "Heading 1") == [
        "What\u2019s new",
        "Summary",
        "Timeline",
        "Background",
        "Quotes",
        "Who said what",
        "Key passages",
        "Notes",
        "Sources",
    ]
    h2 = styled(document, "Heading 2")
    for sub in (
        "The Nara summit",
        "Trade",
        "Other passages",
        "Lee Jae-myung \u2014 President of South Korea",
    ):
        assert sub in h2


def test_timeline_tables_have_a_repeating_header_row(document):
    assert len(document.tables) == 2  # timeline and background
    for table in document.tables:
        header = table.rows[0]
        assert [c.text for c in header.cells] == list(TIMELINE_HEADER)
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows[1:]]
    assert rows[0][0] == "13\u201314 Jan 2026" and rows[0][2] == "Happened" and rows[0][3] == "[1][3]"
    assert "Other reported dates: 12 Jan 2026" in rows[0][1]
    assert rows[1][2] == "Scheduled" and rows[1][1].startswith("NEW ")


def test_core_properties_are_set_and_pinned(document):
    props = document.core_properties
    assert props.title == "Korea\u2013Japan relations"
    assert props.author == "Policy Research Unit"
    assert props.subject.startswith("Summits, shuttle diplomacy")
    assert "japan-relations" in props.keywords
    assert props.created == props.modified == datetime(2026, 1, 19, 7, 0, tzinfo=UTC)


def test_zip_entries_carry_the_generation_time_not_the_wall_clock(rendered):
    with zipfile.ZipFile(io.BytesIO(rendered)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 19, 7, 0, 0)}


def test_quotes_are_in_quotation_marks_with_speaker_source_and_date(document):
    quotes = styled(document, "Quote")
    assert (
        "\u201cWe will open a new chapter of future\u2011oriented cooperation \u2014 step by step.\u201d"
        in quotes
    )
    texts = [p.text for p in document.paragraphs]
    attribution = next(t for t in texts if t.startswith("\u2014 Lee Jae-myung, President of South Korea"))
    assert "13 January 2026" in attribution and attribution.endswith("[1]")


def test_source_urls_are_hyperlinks_and_citations_link_to_bookmarks(document):
    urls = {r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")}
    assert urls == {s.url for s in make_briefing().sources if s.url}
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    anchors = {h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))}
    assert bookmarks == {"src-1", "src-2", "src-3", "src-4"}
    assert anchors == bookmarks


def test_footer_counts_pages_with_fields(document):
    footer = document.sections[0].footer.paragraphs[0]
    fields = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Korea\u2013Japan relations \u00b7 Edition of 19 January 2026 \u00b7 Page")
    assert document.sections[0].header.paragraphs[0].text == "Korea\u2013Japan relations"
