"""Word and e-mail readers: document order, properties, headers, newsletter furniture."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import docx

from briefing.readers import read_corpus
from briefing.readers.mail import read as read_eml
from briefing.readers.word import read as read_docx
from tests.html_fixture import PARAS

MEMO = [
    "The harbour authority approved the dredging plan on Tuesday after three years of debate.",
    "Work starts in March and is due to last eleven months, the plan says.",
]


def make_docx(path, *, title="Dredging Memo", author="Ann Lee"):
    d = docx.Document()
    d.add_heading("Northern Channel Dredging", level=1)
    d.add_paragraph(MEMO[0])
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Start", "March 2026"
    table.cell(1, 0).text, table.cell(1, 1).text = "Cost", "42 million dollars"
    d.add_heading("Next steps", level=2)
    d.add_paragraph(MEMO[1])
    d.core_properties.title = title
    d.core_properties.author = author
    d.core_properties.created = dt.datetime(2025, 5, 14, 8, 0)
    d.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_order_headings_as_structure(tmp_path):
    doc = read_docx(make_docx(tmp_path / "memo.docx")).documents[0]
    assert doc.format == "docx"
    assert doc.paragraphs == (MEMO[0], "Start | March 2026", "Cost | 42 million dollars", MEMO[1])
    assert doc.title == "Dredging Memo"
    assert doc.authors == ("Ann Lee",)
    assert doc.published == "2025-05-14T08:00"


def test_docx_without_core_title_takes_its_first_heading(tmp_path):
    doc = read_docx(make_docx(tmp_path / "memo-v3-final.docx", title="", author="")).documents[0]
    assert doc.title == "Northern Channel Dredging"
    assert doc.authors == ()


def newsletter(html: bool = True) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Harbour Weekly <news@harbourweekly.example>"
    msg["To"] = "reader@example.org"
    msg["Subject"] = "Fwd: Eastport approves channel dredging"
    msg["Date"] = "Wed, 14 May 2025 07:30:00 +0000"
    plain = "View in browser\n\n" + "\n\n".join(PARAS) + "\n\nUnsubscribe from this list\n"
    msg.set_content(plain)
    if html:
        body = "".join(f"<p>{p}</p>" for p in PARAS)
        msg.add_alternative(
            "<html><body><table><tr><td><a href='https://harbourweekly.example/issues/42'>View this email in your "
            f"browser</a></td></tr><tr><td><h1>Eastport approves channel dredging</h1>{body}</td></tr>"
            "<tr><td><p>You are receiving this because you subscribed. <a href='https://x.example/u'>Unsubscribe</a>"
            "</p></td></tr></table></body></html>",
            subtype="html",
        )
    return msg.as_bytes()


def test_eml_prefers_the_html_part_and_takes_headers(tmp_path):
    path = tmp_path / "issue42.eml"
    path.write_bytes(newsletter())
    doc = read_eml(path).documents[0]
    assert doc.format == "eml"
    assert doc.title == "Eastport approves channel dredging"
    assert doc.published == "2025-05-14T07:30"
    assert doc.publisher == "Harbour Weekly"
    assert doc.url == "https://harbourweekly.example/issues/42"
    assert "\u201cWe cannot wait for another storm season,\u201d" in doc.text
    for furniture in ("View this email", "Unsubscribe", "You are receiving"):
        assert furniture not in doc.text


def test_eml_plain_only_drops_furniture_and_repairs_mojibake(tmp_path):
    raw = newsletter(html=False).replace(b"storm season", b"storm season \xc3\xa2\xe2\x82\xac\xe2\x80\x9d now")
    path = tmp_path / "plain.eml"
    path.write_bytes(raw)
    warnings: list[str] = []
    docs = read_corpus(tmp_path, warnings.append)
    assert docs[0].paragraphs[0] == PARAS[0]
    assert "View in browser" not in docs[0].text and "Unsubscribe" not in docs[0].text
    assert "storm season \u2014 now" in docs[0].text
    assert any("mojibake" in w for w in warnings)


def test_eml_named_txt_is_read_as_email(tmp_path):
    (tmp_path / "saved.txt").write_bytes(newsletter())
    warnings: list[str] = []
    doc = read_corpus(tmp_path, warnings.append)[0]
    assert doc.format == "eml" and doc.title == "Eastport approves channel dredging"
    assert any("saved.txt" in w and "EML" in w for w in warnings)


def test_corrupt_docx_is_skipped_with_a_message(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
    make_docx(tmp_path / "good.docx")
    warnings: list[str] = []
    assert [d.file for d in read_corpus(tmp_path, warnings.append)] == ["good.docx"]
    assert any("bad.docx" in w for w in warnings)
