"""PDF writer: glyphs, embedded fonts, outline, metadata, links and page furniture."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.model import Event, Quote, to_dict
from briefing.writers import WRITERS
from briefing.writers.pdf.fonts import BOLD, CJK, ITALIC, REGULAR, REPLACEMENT, coverage, font_runs
from briefing.writers.text import clean
from tests.briefing_fixture import make_briefing, make_empty_briefing
from tests.pdftext import pdf_text_of

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def strings(value: object) -> list[str]:
    """Return every string inside a JSON-like value (all text a writer may draw)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts, "the seed corpus is part of the repository"
    return [clean(t) for t in texts + strings(to_dict(make_briefing()))]  # as the writers clean it


@pytest.fixture(scope="module")
def reader() -> PdfReader:
    return PdfReader(io.BytesIO(WRITERS["pdf"].render(make_briefing())))


@pytest.mark.parametrize("face", [REGULAR, BOLD, ITALIC])
def test_every_character_of_the_corpus_has_a_glyph_in_the_font_chosen_for_it(face):
    for text in corpus_texts():
        runs = font_runs(text, face)
        for font, run in runs:
            missing = {c for c in run if ord(c) not in coverage(font)}
            assert not missing, f"{font} has no glyph for {sorted(missing)!r}"
        drawn = "".join(run for _, run in runs)
        assert REPLACEMENT not in drawn, "a corpus character fell back to the replacement mark"
        assert len(drawn) == len(text)


def test_hangul_and_cjk_get_the_fallback_font_and_latin_stays_in_dejavu():
    runs = font_runs("Lee \uc774\uc7ac\uba85 met \u4e60\u8fd1\u5e73 \u2011\u202f\u20a9", REGULAR)
    assert runs == [
        (REGULAR, "Lee "),
        (CJK, "\uc774\uc7ac\uba85 "),
        (REGULAR, "met "),
        (CJK, "\u4e60\u8fd1\u5e73 "),
        (REGULAR, "\u2011\u00a0\u20a9"),
    ]


def test_a_character_no_font_has_becomes_a_visible_replacement_mark():
    (font, run), *_ = font_runs("\U0001f9e0", REGULAR)
    assert run == REPLACEMENT and ord(REPLACEMENT) in coverage(font)


def test_only_bundled_fonts_are_used_and_all_are_embedded(reader):
    used = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            used.add(font["/BaseFont"].split("+")[-1])
            assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"
    assert used == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DroidSansFallback"}


def test_metadata_is_set_and_pinned_to_the_generation_time(reader):
    meta = reader.metadata
    assert meta.title == "Korea\u2013Japan relations"
    assert meta.author == "Policy Research Unit"
    assert meta.subject.startswith("Summits, shuttle diplomacy")
    assert "japan-relations" in meta["/Keywords"]
    assert meta.creator.startswith("briefing ")
    assert meta.creation_date == datetime(2026, 1, 19, 7, 0, tzinfo=UTC)


def test_outline_lists_sections_and_passage_groups_on_their_pages(reader):
    entries = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    titles = [(level, title) for level, title, _ in entries]
    for section in ("What\u2019s new", "Summary", "Key passages", "Timeline", "Background", "Quotes"):
        assert (0, section) in titles
    for section in ("Who said what", "Notes", "Sources"):
        assert (0, section) in titles
    assert (1, "The Nara summit") in titles and (1, "Trade") in titles
    for _, title, page in entries:
        assert title in reader.pages[page].extract_text().replace("\u00a0", " ")


def test_source_urls_are_clickable_and_citations_jump_to_the_source_list(reader):
    uris, dest_pages = set(), set()
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if "/A" in annot:
                uris.add(annot["/A"]["/URI"])
            elif "/Dest" in annot:
                dest_pages.add(reader.get_page_number(annot["/Dest"][0].get_object()))
    expected = {s.url for s in make_briefing().sources if s.url}
    assert uris == expected
    sources_page = next(
        i for i, p in enumerate(reader.pages) if "File: 000_071ec89ada474606.txt" in p.extract_text()
    )
    assert dest_pages and dest_pages <= {sources_page, sources_page + 1}


def test_every_page_has_footer_with_page_x_of_y_and_later_pages_a_running_header(reader):
    n = len(reader.pages)
    assert n >= 2
    for i, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert f"Page {i} of {n}" in text
        assert "Korea\u2013Japan relations \u00b7 Edition of 19 January 2026" in text
        if i > 1:
            assert "Briefing \u00b7 19 January 2026" in text


def test_empty_briefing_is_one_clean_page():
    reader = PdfReader(io.BytesIO(WRITERS["pdf"].render(make_empty_briefing())))
    assert len(reader.pages) == 1
    assert "Page 1 of 1" in reader.pages[0].extract_text()


def test_poppler_reads_non_latin_names_and_special_punctuation():
    text = pdf_text_of(WRITERS["pdf"].render(make_briefing()))
    for s in (
        "\uc774\uc7ac\uba85",
        "\u4e60\u8fd1\u5e73",
        "Nicol\u00e1s",
        "results\u2011oriented",
        "\u201cShuttle\u201d",
    ):
        assert s in text


def test_long_briefing_repeats_table_headers_and_keeps_furniture_on_one_line():
    b = make_briefing()
    title = (
        "Korea\u2013Japan relations and \u4e60\u8fd1\u5e73\u2019s regional diplomacy: summits, trade, history "
        "and security across East Asia in 2026"
    )
    events = tuple(
        Event(
            date=f"2026-01-{1 + i % 28:02d}",
            end=None,
            text=f"Event number {i} " + "detail " * 20,
            sources=("S1",),
        )
        for i in range(80)
    )
    huge_quote = Quote(
        text="We will move forward. " * 300, speaker="Lee Jae-myung", role=None, partial=False, source="S1"
    )
    b = replace(b, theme=replace(b.theme, title=title), events=events, quotes=(*b.quotes, huge_quote))
    reader = PdfReader(io.BytesIO(WRITERS["pdf"].render(b)))
    pages = [p.extract_text() for p in reader.pages]
    with_events = [t for t in pages if "Event number" in t]
    assert len(with_events) >= 2
    for text in with_events:
        assert "Date What Status Sources" in norm(text)
    assert "across East Asia in 2026" in norm(pages[0])  # the title block has the whole title
    for text in pages[1:]:
        # Header and footer shorten the title with an ellipsis rather than overprint "Page x of y".
        assert "across East Asia in 2026" not in norm(text) and norm(text).count("\u2026") >= 2
    # The quote is in Quotes and in Who said what; a page break may cut one sentence, none is lost.
    assert sum(norm(t).count("We will move forward.") for t in pages) >= 2 * 300 - len(pages)


def norm(text: str) -> str:
    return " ".join(text.split())


def test_characters_beyond_the_bmp_copy_out_of_the_pdf_as_themselves():
    b = make_briefing()
    title = "Markets \U0001f600 react to \U0001d5aa-pop"
    text = pdf_text_of(WRITERS["pdf"].render(replace(b, theme=replace(b.theme, title=title))))
    assert title in text
