"""PDF reader: reading order, page numbers, running lines, hyphenation, metadata, scans, own output."""

from __future__ import annotations

from pypdf import PdfReader, PdfWriter

from briefing.readers import read_corpus
from briefing.readers.pdf import read
from briefing.writers import WRITERS
from tests.briefing_fixture import PASSAGES, THEME, make_briefing
from tests.pdf_fixture import HEADER, scanned, single_column, two_columns

PAGE1 = [
    "The harbour authority approved the dredging plan on",
    "Tuesday after a long and conten-",
    "tious debate in the council.",
    "",
    "Work starts in March, officials said, and it will last",
    "eleven months according to the plan.",
]
PAGE2 = ["A second page gives the cost estimate of 42 million", "dollars shared with the region.", "", "Fishermen wel-",
         "comed the plan."]
PAGE3 = ["The third page closes the report with the timetable", "for the public consultation."]


def test_pages_paragraphs_hyphenation_and_running_lines(tmp_path):
    pdf = single_column(tmp_path / "report.pdf", [PAGE1, PAGE2, PAGE3], heading="Dredging the Northern Channel")
    doc = read(pdf).documents[0]
    assert doc.format == "pdf"
    assert doc.title == "Harbour Dredging Options"  # metadata title
    assert doc.authors == ("Ann Lee", "Bo Chan")
    assert doc.paragraphs == (
        "The harbour authority approved the dredging plan on Tuesday after a long and contentious debate in the council.",
        "Work starts in March, officials said, and it will last eleven months according to the plan.",
        "A second page gives the cost estimate of 42 million dollars shared with the region.",
        "Fishermen welcomed the plan.",
        "The third page closes the report with the timetable for the public consultation.",
    )
    assert doc.pages == (1, 1, 2, 2, 3)  # a passage can cite "p. 2"
    assert HEADER not in doc.text and "Page 2" not in doc.text
    assert "Dredging the Northern Channel" not in doc.text  # the heading is not a passage


def test_title_falls_back_to_the_first_heading_never_the_file_name(tmp_path):
    pdf = single_column(tmp_path / "wp7-final.pdf", [PAGE1], title=None, author=None,
                        heading="Dredging the Northern Channel")
    doc = read(pdf).documents[0]
    assert doc.title == "Dredging the Northern Channel"
    assert doc.authors == ()


def test_metadata_date_is_the_published_date(tmp_path):
    pdf = single_column(tmp_path / "r.pdf", [PAGE1])
    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.add_metadata({"/CreationDate": "D:20250513093000Z", "/Producer": "Example Writer"})
    with open(pdf, "wb") as fh:
        writer.write(fh)
    assert read(pdf).documents[0].published == "2025-05-13T09:30"


def test_two_columns_are_read_left_then_right_under_a_full_width_heading(tmp_path):
    pdf = two_columns(
        tmp_path / "cols.pdf",
        "Two Columns Make One Story",
        ["Left column starts the story and", "keeps going down the page to its", "end.", "",
         "Second left paragraph here."],
        ["Right column comes after the", "left one in reading order.", "", "Last paragraph on the right."],
    )
    doc = read(pdf).documents[0]
    assert doc.title == "Two Columns Make One Story"
    assert doc.paragraphs == (
        "Left column starts the story and keeps going down the page to its end.",
        "Second left paragraph here.",
        "Right column comes after the left one in reading order.",
        "Last paragraph on the right.",
    )


def test_scanned_pdf_is_a_clear_warning_not_an_empty_document(tmp_path):
    scanned(tmp_path / "scan.pdf")
    single_column(tmp_path / "ok.pdf", [PAGE1])
    warnings: list[str] = []
    docs = read_corpus(tmp_path, warnings.append)
    assert [d.file for d in docs] == ["ok.pdf"]
    assert any("scan.pdf" in w and "scanned PDF: no text layer; run OCR first" in w for w in warnings)


def test_broken_pdf_is_skipped_with_a_message(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF")
    single_column(tmp_path / "ok.pdf", [PAGE1])
    warnings: list[str] = []
    assert [d.file for d in read_corpus(tmp_path, warnings.append)] == ["ok.pdf"]
    assert any("broken.pdf" in w for w in warnings)


def test_a_briefing_pdf_that_briefing_produced_reads_back(tmp_path):
    out = tmp_path / "briefing.pdf"
    out.write_bytes(WRITERS["pdf"].render(make_briefing()))
    doc = read(out).documents[0]
    assert doc.title == THEME.title
    assert doc.published is None or doc.published.startswith("20")
    text = " ".join(doc.text.split())
    for passage in PASSAGES:
        printable = "".join(ch for ch in passage.text if ch >= " ")  # the writer drops control characters
        assert " ".join(printable.split()) in text
    assert max(doc.pages) >= 2 and list(doc.pages) == sorted(doc.pages)
