"""A passage read from a PDF cites its page ("[1, p. 2]") in DOCX, PDF, HTML and JSON;
a passage from a .txt cites its source without a page.

The corpus is written here: a two-page reportlab PDF whose on-theme paragraph is on page 2
(page 1 speaks of something else) and a .txt telling a different part of the story.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import docx

from briefing.cli import main
from briefing.model import Passage, from_dict
from tests.pdf_fixture import single_column
from tests.pdftext import pdf_text_of

CONFIG = """\
themes:
  - id: lighthouse
    title: Lighthouse restoration
    description: Restoring the Northpoint lighthouse.
    terms: [lighthouse, restoration, lantern]
output:
  formats: [docx, pdf, html, json]
"""

PAGE_ONE = [
    "The village bakery extended its opening hours over the winter months.",
    "Bread prices stayed the same as in the previous year.",
]
PAGE_TWO = [
    "Engineers began the lighthouse restoration by removing the rusted",
    "lantern frame from the top of the Northpoint tower.",
]
PDF_WORDS = "rusted lantern frame"
TXT_PASSAGE = "Volunteers repainted the lighthouse gallery rails during the restoration work."
TXT_WORDS = "repainted the lighthouse gallery"


def build(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    single_column(seeds / "survey.pdf", [PAGE_ONE, PAGE_TWO], title="Northpoint Works Survey")
    (seeds / "notes.txt").write_text(
        f"Lighthouse volunteers at work\n\nMarch 3, 2025\n\n{TXT_PASSAGE}\n", encoding="utf-8"
    )
    (tmp_path / "config.yaml").write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["build", "--config", str(tmp_path / "config.yaml"), "--seeds", str(seeds),
                 "--out", str(out), "--date", "2025-03-10", "--quiet"])
    assert code == 0
    return out


def output(out: Path, suffix: str) -> Path:
    return next(p for p in out.rglob(f"*{suffix}") if "latest" not in p.parts and p.name != "manifest.json")


def source_numbers(data: dict) -> dict[str, int]:
    return {s["file"]: n for n, s in enumerate(data["sources"], 1)}


def line_with(text: str, words: str) -> str:
    """Return the text from `words` on, inside the Key passages section (the Summary may repeat it)."""
    flat = re.sub(r"\s+", " ", text)
    flat = flat[flat.rindex("Key passages") :]
    start = flat.index(words)
    return flat[start : start + 300]


def test_pdf_passage_cites_its_page_in_every_format(tmp_path):
    out = build(tmp_path)
    data = json.loads(output(out, ".json").read_text(encoding="utf-8"))
    num = source_numbers(data)
    pdf_n, txt_n = num["survey.pdf"], num["notes.txt"]

    # JSON: the page sits beside the source it belongs to; the .txt passage has none
    by_text = {p["text"]: p for p in data["passages"]}
    pdf_passage = next(p for t, p in by_text.items() if PDF_WORDS in t)
    txt_passage = next(p for t, p in by_text.items() if TXT_WORDS in t)
    sid = {s["file"]: s["id"] for s in data["sources"]}
    assert pdf_passage["sources"] == [sid["survey.pdf"]]
    assert pdf_passage["pages"] == [2]
    assert txt_passage["pages"] == []

    want_pdf, want_txt = f"[{pdf_n}, p. 2]", f"[{txt_n}]"
    docx_text = "\n".join(p.text for p in docx.Document(str(output(out, ".docx"))).paragraphs)
    pdf_text = pdf_text_of(output(out, ".pdf").read_bytes())
    page = output(out, ".html").read_text(encoding="utf-8")
    html_text = html.unescape(re.sub(r"<[^>]+>", "", page[page.index('id="passages"') :]))
    for name, text in (("docx", docx_text), ("pdf", pdf_text), ("html", html_text)):
        pdf_line, txt_line = line_with(text, PDF_WORDS), line_with(text, TXT_WORDS)
        assert want_pdf in pdf_line, (name, pdf_line)
        assert want_txt in txt_line and "p." not in txt_line.split(want_txt)[0], (name, txt_line)


def test_merged_passage_shows_pages_only_for_sources_that_have_them():
    briefing = from_dict(
        {
            "schema_version": 1,
            "theme": {"id": "t", "title": "T"},
            "generated_at": "2025-03-10T00:00:00",
            "period_start": None,
            "period_end": None,
            "sources": [{"id": "S1", "file": "a.txt", "title": "A"}, {"id": "S2", "file": "b.pdf", "title": "B"}],
            "passages": [{"text": "The lantern was lit again.", "sources": ["S2", "S1"], "score": 1.0,
                          "pages": [7, None]}],
        }
    )
    from briefing.writers.layout import lay_out
    from briefing.writers.text import cite_text

    (item,) = lay_out(briefing).passage_groups[0][1]
    assert [cite_text(n, item.pages) for n in item.cites] == ["[1]", "[2,\u00a0p.\u00a07]"]


def test_archived_json_without_pages_still_loads():
    data = {
        "schema_version": 1,
        "theme": {"id": "t", "title": "T"},
        "generated_at": "2025-03-10T00:00:00",
        "period_start": None,
        "period_end": None,
        "sources": [{"id": "S1", "file": "a.txt", "title": "A"}],
        "passages": [{"text": "Old passage.", "sources": ["S1"], "score": 1.0}],
    }
    (p,) = from_dict(data).passages
    assert p == Passage("Old passage.", ("S1",), 1.0)
    assert p.page("S1") is None
