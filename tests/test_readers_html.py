"""HTML reader and the reader registry: what a user sees from a saved web page."""

from __future__ import annotations

import json

from briefing.cli import main
from briefing.readers import read_corpus
from briefing.readers.htmlmeta import names_in_byline, strip_site_suffix
from tests.html_fixture import PARAS, news_page


def read_one(tmp_path, name, text, encoding="utf-8"):
    (tmp_path / name).write_bytes(text.encode(encoding))
    warnings: list[str] = []
    docs = read_corpus(tmp_path, warnings.append)
    assert len(docs) == 1, warnings
    return docs[0], warnings


def test_page_gives_displayed_headline_byline_date_url_and_clean_body(tmp_path):
    doc, _ = read_one(tmp_path, "eastport.html", news_page())
    assert doc.format == "html"
    assert doc.title == "Eastport Approves Plan to Dredge Northern Channel"  # not "... | The Eastport Ledger"
    assert doc.authors == ("Jonas Berg",)  # the printed byline, not the "Staff" metadata
    assert doc.published and doc.published.startswith("2025-05-13")
    assert doc.url == "https://news.example.org/2025/05/13/eastport-dredging"
    assert doc.publisher == "The Eastport Ledger"
    # quotes verbatim (curly marks kept), one paragraph per <p>
    assert doc.paragraphs[: len(PARAS)] == tuple(PARAS)
    text = doc.text
    for furniture in ("A dredger at work", "Ferry timetable", "waste of money", "All rights reserved", "Sport"):
        assert furniture not in text


def test_h1_with_no_site_suffix_in_metadata_still_wins_over_title_tag(tmp_path):
    page = news_page().replace("<h1>Eastport Approves", "<h1>Eastport Approves").replace(
        '<meta property="og:title" content="Eastport Approves Plan to Dredge Northern Channel | The Eastport Ledger">',
        "",
    )
    doc, _ = read_one(tmp_path, "a.htm", page)
    assert doc.title == "Eastport Approves Plan to Dredge Northern Channel"


def test_site_suffix_is_stripped_when_the_page_has_no_h1():
    assert strip_site_suffix("Harbour Plan Approved - The Eastport Ledger", "The Eastport Ledger") == (
        "Harbour Plan Approved"
    )
    assert strip_site_suffix("Ledger » Blog Archive » Why the harbour plan took three years", None) == (
        "Why the harbour plan took three years"
    )


def test_byline_names():
    assert names_in_byline("By Ann Lee and Bo Chan") == ["Ann Lee", "Bo Chan"]
    assert names_in_byline("Posted on May 2, 2025 by J.R. Stone") == ["J.R. Stone"]
    assert names_in_byline("Share this article") == []


def test_mojibake_is_repaired_and_reported(tmp_path):
    page = news_page().replace("\u201cWe cannot", "\u00e2\u20ac\u0153We cannot")
    doc, warnings = read_one(tmp_path, "m.html", page)
    assert "\u201cWe cannot wait" in doc.text
    assert "\u00e2\u20ac" not in doc.text
    assert any("mojibake" in w and "m.html" in w for w in warnings)


def test_page_in_a_legacy_encoding_honours_its_meta_charset(tmp_path):
    page = news_page(headline="Caf\u00e9 Owners Back Harbour Plan", charset="windows-1252")
    page = page.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    doc, _ = read_one(tmp_path, "cp.html", page, encoding="cp1252")
    assert doc.title == "Caf\u00e9 Owners Back Harbour Plan"


def test_suffix_that_lies_is_read_by_content_with_a_warning(tmp_path):
    doc, warnings = read_one(tmp_path, "saved-page.txt", news_page())
    assert doc.format == "html"
    assert doc.title == "Eastport Approves Plan to Dredge Northern Channel"
    assert any("saved-page.txt" in w and "HTML" in w for w in warnings)


def test_page_without_article_text_is_a_warning_not_a_lost_build(tmp_path):
    (tmp_path / "empty.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "good.html").write_text(news_page())
    warnings: list[str] = []
    docs = read_corpus(tmp_path, warnings.append)
    assert [d.file for d in docs] == ["good.html"]
    assert any("empty.html" in w for w in warnings)


def test_extract_prints_text_url_and_format(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "eastport.html").write_text(news_page(), encoding="utf-8")
    assert main(["extract", "--seeds", str(seeds)]) == 0
    doc = json.loads(capsys.readouterr().out)["documents"][0]
    assert doc["format"] == "html"
    assert doc["url"] == "https://news.example.org/2025/05/13/eastport-dredging"
    assert doc["text"].startswith(PARAS[0])
