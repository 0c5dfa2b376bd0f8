"""Passages grouped under headings a reader would write; each document about `output.pages` long."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from briefing.cli import main
from briefing.select.grouping import group_passages
from briefing.select.pipeline import Selected
from tests.eval_gate import ROOT

FISHERIES = [
    "Norland and Estavia resumed the cod quota talks in Vardo on Monday after a two-month pause.",
    "Negotiators said the cod quota talks would decide how many trawlers may fish the northern banks.",
    "Estavia proposed cutting the cod quota by a tenth, which Norland rejected at the Vardo talks.",
    "The herring licence dispute flared again when an Estavian trawler was detained off Hammer.",
    "Fishing crews in Hammer said the herring licence dispute had cost them half a season.",
    "Norland's coast guard said the detained trawler had no valid herring licence.",
    "Prices for cod rose in Vardo harbour as buyers expected a smaller quota.",
]


def test_groups_are_named_by_a_shared_phrase_never_a_single_word():
    selected = [Selected(t, (f"d{i}",), 1.0 - i / 10, "Norland") for i, t in enumerate(FISHERIES)]
    groups = [s.group for s in group_passages(selected)]
    assert groups[:3] == ["Cod quota talks"] * 3
    assert groups[3:6] == ["Herring licence dispute"] * 3
    assert all(g is None or len(g.split()) >= 2 for g in groups)
    # the passages and their order are untouched
    assert [s.text for s in group_passages(selected)] == FISHERIES


def test_too_few_passages_are_not_grouped():
    selected = [Selected(t, ("d",), 1.0, "Norland") for t in FISHERIES[:3]]
    assert [s.group for s in group_passages(selected)] == [None, None, None]


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    code = main(
        ["build", "--seeds", str(ROOT / "seeds"), "--config", str(ROOT / "config.yaml"), "--out", str(out)]
        + ["--format", "pdf,json", "--date", "2026-11-29", "--quiet"]
    )
    assert code == 0
    return out


def test_each_theme_pdf_is_at_most_five_pages_by_default(sample_build):
    pdfs = sorted(sample_build.glob("*/latest/*.pdf"))
    assert len(pdfs) == 6
    for pdf in pdfs:
        pages = len(PdfReader(io.BytesIO(pdf.read_bytes())).pages)
        assert pages <= 5, f"{pdf.name}: {pages} pages"


def test_shortened_pdf_says_what_it_left_out_and_json_keeps_it(sample_build):
    pdf = next(sample_build.glob("japan-relations/latest/*.pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Shortened to about 4 pages" in " ".join(text.split())
    data = json.loads(
        next(
            p for p in sample_build.glob("japan-relations/latest/*.json") if "briefing" in p.name
        ).read_text()
    )
    assert len(data["passages"]) > 20  # the JSON keeps the whole selection


def test_group_headings_on_the_sample_corpus_are_phrases(sample_build):
    for path in sample_build.glob("*/latest/*briefing*.json"):
        for p in json.loads(path.read_text(encoding="utf-8"))["passages"]:
            assert p["group"] is None or len(p["group"].split()) >= 2, p["group"]


def test_an_untitled_article_is_not_listed_by_its_file_name(sample_build):
    pdf = next(sample_build.glob("japan-relations/latest/*.pdf"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Untitled article" in text
    assert "001_eb0364c053d20066.txt" in text  # still named, on its File: line
    assert "[5] 001_eb0364c053d20066.txt" not in text
