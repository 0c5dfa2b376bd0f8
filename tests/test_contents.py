"""A briefing longer than four pages opens with a table of contents in every read format; a short one
does not.  Checked on what a reader sees: the text of the PDF and DOCX, and the HTML's links."""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser

import docx
import pytest
from pypdf import PdfReader

from briefing.cli import main
from tests.eval_gate import ROOT


def _build(out, config_text: str, fmt: str = "pdf,docx,html") -> None:
    config = out / "config.yaml"
    config.write_text(config_text, encoding="utf-8")
    code = main(
        ["build", "--seeds", str(ROOT / "seeds"), "--config", str(config), "--out", str(out / "out")]
        + ["--format", fmt, "--date", "2026-11-29", "--quiet"]
    )
    assert code == 0


def _unlimited() -> str:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    unlimited, n = re.subn(r"(?m)^(\s+pages:\s*)\d+", r"\g<1>0", text)
    assert n == 1, "config.yaml has no output.pages to set"
    return unlimited


@pytest.fixture(scope="module")
def long_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("long")
    _build(out, _unlimited())  # output.pages: 0, nothing left out: japan-relations runs to ~10 pages
    return out / "out"


@pytest.fixture(scope="module")
def short_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("short")
    _build(out, (ROOT / "config.yaml").read_text(encoding="utf-8"))
    return out / "out"


def _file(out, theme: str, ext: str):
    return next((out / theme / "latest").glob(f"*.{ext}"))


def _pdf_pages(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_a_long_pdf_lists_its_sections_and_groups_with_the_pages_they_start_on(long_build):
    path = _file(long_build, "japan-relations", "pdf")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) > 4
    first = reader.pages[0].extract_text(extraction_mode="layout")
    assert "Contents" in first
    lines = first.split("Contents", 1)[1].splitlines()
    listed = [(m[1], int(m[2])) for m in (re.match(r"\s*(\S.*?)\s+[. ]*?(\d+)$", x) for x in lines) if m]
    titles = [t for t, _ in listed]
    assert titles[:2] == ["Summary", "Timeline"] and titles[-1] == "Sources"
    assert {"Quotes", "Who said what", "Key passages"} <= set(titles)
    groups = titles[titles.index("Key passages") + 1 : -1]
    assert len(groups) >= 3  # the passage groups, under Key passages
    # the outline (bookmarks) holds the same headings, each on the page the contents give
    outline = {}
    for item in reader.outline:
        for o in item if isinstance(item, list) else [item]:
            outline.setdefault(o.title, reader.get_destination_page_number(o) + 1)
    assert next(iter(outline)) == "Contents"
    for title, page in listed:
        assert outline[title] == page, title
    pages = [p for _, p in listed]
    assert pages == sorted(pages) and pages[-1] <= len(reader.pages)


def test_a_long_docx_has_a_toc_field_listing_its_headings(long_build):
    path = _file(long_build, "japan-relations", "docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-2" \\h', xml)
    assert 'w:fldCharType="begin" w:dirty="true"' in xml
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Contents")
    toc = [p for p in doc.paragraphs[start + 1 :] if p.style.name.startswith("toc")]
    listed = [p.text for p in toc]
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert listed == headings  # what Word would list, in order
    assert {"Summary", "Key passages", "Sources"} <= set(listed)
    # every entry links to a bookmark on its heading
    anchors = re.findall(r'<w:hyperlink w:anchor="(_Toc\d+)"', xml)
    assert len(anchors) == len(listed)
    for a in anchors:
        assert f'w:name="{a}"' in xml


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.nav: list[str] = []
        self._in_nav = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "nav":
            self._in_nav = True
        if self._in_nav and tag == "a":
            self.nav.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav = False


def test_a_long_html_links_its_contents_to_its_sections(long_build):
    page = _file(long_build, "japan-relations", "html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(page)
    assert "#summary" in links.nav and "#sources" in links.nav
    assert any(h.startswith("#group-") for h in links.nav)
    assert all(h[1:] in links.ids for h in links.nav)


def test_a_short_briefing_has_no_contents(short_build):
    pdf = _file(short_build, "north-korea", "pdf")
    pages = _pdf_pages(pdf)
    assert len(pages) <= 4
    assert "Contents" not in " ".join(pages)
    doc = _file(short_build, "north-korea", "docx")
    assert "TOC" not in zipfile.ZipFile(doc).read("word/document.xml").decode("utf-8")
    assert "Contents" not in [p.text for p in docx.Document(str(doc)).paragraphs]
    assert '<nav class="contents"' not in _file(short_build, "north-korea", "html").read_text(encoding="utf-8")


def test_default_build_keeps_every_pdf_within_five_pages_contents_included(short_build):
    for pdf in sorted(short_build.glob("*/latest/*.pdf")):
        pages = _pdf_pages(pdf)
        assert len(pages) <= 5, pdf.name
        assert ("Contents" in pages[0]) == (len(pages) > 4), pdf.name


def test_a_long_pdf_is_reproducible(long_build, tmp_path):
    _build(tmp_path, _unlimited(), fmt="pdf")
    again = _file(tmp_path / "out", "japan-relations", "pdf").read_bytes()
    assert again == _file(long_build, "japan-relations", "pdf").read_bytes()


def test_contents_that_never_settle_leave_the_pdf_without_them_rather_than_fail(long_build, monkeypatch):
    from reportlab.platypus.tableofcontents import TableOfContents

    from briefing.model import from_dict
    from briefing.writers import WRITERS

    model = json.loads((long_build / "japan-relations" / "latest" / "model.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(TableOfContents, "isSatisfied", lambda self: False)
    pdf = WRITERS["pdf"].render(from_dict(model))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 4 and "Contents" not in pages[0]
