"""End to end on the sample corpus: what a reader finds in the produced DOCX, PDF, HTML and JSON."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.config import load_config
from briefing.fit import fit_pages
from briefing.model import from_dict

ROOT = Path(__file__).resolve().parents[1]


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("\u2010", "-").replace("\u2011", "-").replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    code = main(
        [
            "build",
            "--theme",
            "japan-relations",
            "--theme",
            "north-korea",
            "--seeds",
            str(ROOT / "seeds"),
            "--config",
            str(ROOT / "config.yaml"),
            "--out",
            str(out),
            "--quiet",
        ]
    )
    assert code == 0
    return out


def find(out: Path, theme: str, suffix: str) -> Path:
    paths = sorted(p for p in out.rglob(f"{theme}*{suffix}") if "latest" not in p.parts)
    assert paths, f"no {suffix} for {theme} under {out}"
    return paths[-1]


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return norm("\n".join(parts))


def pdf_text(path: Path) -> str:
    return norm("\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


@pytest.mark.parametrize("theme", ["japan-relations", "north-korea"])
def test_every_quote_and_source_is_in_docx_pdf_and_html(built, theme):
    model = json.loads(find(built, theme, ".json").read_text(encoding="utf-8"))
    assert model["passages"], "the sample corpus has material on this theme"
    texts = {
        "docx": docx_text(find(built, theme, ".docx")),
        "pdf": pdf_text(find(built, theme, ".pdf")),
        "html": norm(re.sub(r"<[^>]+>", " ", find(built, theme, ".html").read_text(encoding="utf-8"))),
    }
    for fmt, text in texts.items():
        if fmt == "html":
            import html

            text = norm(html.unescape(text))
        # the read formats are fitted to output.pages; what they leave out, the note counts
        shown = fit_pages(from_dict(model), load_config(ROOT / "config.yaml").output.pages)
        for q in shown.quotes:
            assert norm(q.text) in text, f"{fmt}: quote missing verbatim: {q.text!r}"
        if len(shown.quotes) < len(model["quotes"]):
            assert "Shortened to about" in text
        for s in model["sources"]:
            label = norm(s["title"] or s["file"])
            assert label[:40] in text, f"{fmt}: source not listed: {label!r}"
        cited = {sid for p in model["passages"] for sid in p["sources"]}
        assert cited <= {s["id"] for s in model["sources"]}
        assert norm(model["theme"]["title"]) in text


def test_items_cite_only_listed_sources_and_every_source_is_cited(built):
    model = json.loads(find(built, "japan-relations", ".json").read_text(encoding="utf-8"))
    listed = {s["id"] for s in model["sources"]}
    cited = set()
    for key in ("passages", "events", "summary_points"):
        for item in model[key]:
            assert item["sources"] and set(item["sources"]) <= listed
            cited |= set(item["sources"])
    cited |= {q["source"] for q in model["quotes"]} | {s["source"] for s in model["statements"]}
    assert cited == listed


def test_passages_and_quotes_are_verbatim_from_the_corpus(built):
    from briefing.readers import read_corpus

    # verbatim against the article text the reader kept (citation markers like "[4]" are furniture)
    corpus = norm(" ".join(d.text for d in read_corpus(ROOT / "seeds")))
    model = json.loads(find(built, "japan-relations", ".json").read_text(encoding="utf-8"))
    for p in model["passages"] + model["summary_points"]:
        assert norm(p["text"]) in corpus, p["text"]
    for q in model["quotes"]:
        assert norm(q["text"]) in corpus, q["text"]


def test_page_furniture_never_appears(built):
    model = json.loads(find(built, "japan-relations", ".json").read_text(encoding="utf-8"))
    blob = json.dumps(model, ensure_ascii=False)
    for junk in (
        "Go to contents",
        "Top Headlines",
        "Updated (27 articles)",
        "[1]",
        "Stories about this story",
        "registered under the FARA",
        "Photo by",
    ):
        assert junk not in blob
