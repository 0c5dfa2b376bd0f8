"""Assembling a theme's Briefing from hand-written articles: citations, speakers, empty themes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.assemble import NO_MATERIAL, build_briefing
from briefing.config import Config
from briefing.extraction import extract_corpus
from briefing.model import Document, OutputSettings, Person, Theme


def doc(doc_id: str, date: str, *paragraphs: str) -> Document:
    return Document(doc_id, doc_id, f"Title {doc_id}", (), None, date, False, None, tuple(paragraphs))


FISHERIES = Theme(
    "fisheries", "Fisheries", "Fishing quotas and the fisheries treaty.", ("fisheries", "quota", "fishing")
)
SPACE = Theme("space", "Space programme", "Rockets and satellites.", ("rocket", "satellite", "launch"))
CONFIG = Config(
    Path("config.yaml"),
    (FISHERIES, SPACE),
    (Person("Ana Ruiz", "Fisheries Minister", ("Ruiz",)),),
    OutputSettings(max_passages=10, summary_points=3),
    author="Desk",
)

DOCS = [
    doc(
        "b.txt",
        "2026-03-05",
        "Fisheries Minister Ana Ruiz said on Tuesday that the fishing quota would be cut by a fifth next year.",
        "“We cannot keep fishing at this rate,” Ruiz said at the harbour. The fisheries treaty talks resume on March 20.",
        "Kim Soo-hyun, the trade envoy, said the fisheries deal was close.",
    ),
    doc(
        "a.txt",
        "2026-03-02",
        "Negotiators met on Monday to discuss the fisheries treaty and the new fishing quota.",
        "“The quota is fair,” Kim said after the talks.",
    ),
]


def test_items_cite_numbered_sources_in_date_order():
    b = build_briefing(
        extract_corpus(DOCS, CONFIG.people), FISHERIES, CONFIG, generated_at="2026-03-06T07:00:00+00:00"
    )
    assert [s.file for s in b.sources] == ["a.txt", "b.txt"]  # numbered chronologically
    assert [s.id for s in b.sources] == ["S1", "S2"]
    assert b.passages and all(set(p.sources) <= {"S1", "S2"} for p in b.passages)
    # the default period starts a week before the first source (what it reports as news), ends at the last
    assert (b.period_start, b.period_end) == ("2026-02-23", "2026-03-05")
    assert b.author == "Desk" and not b.notes


def test_quotes_carry_canonical_speaker_role_source_and_date():
    b = build_briefing(
        extract_corpus(DOCS, CONFIG.people), FISHERIES, CONFIG, generated_at="2026-03-06T07:00:00+00:00"
    )
    by_text = {q.text: q for q in b.quotes}
    q = by_text["We cannot keep fishing at this rate,"]
    assert (q.speaker, q.role, q.source, q.date) == ("Ana Ruiz", "Fisheries Minister", "S2", "2026-03-05")
    # a surname in one article resolves to the fuller name another article gives
    assert by_text["The quota is fair,"].speaker == "Kim Soo-hyun"


def test_timeline_has_the_scheduled_talks():
    b = build_briefing(
        extract_corpus(DOCS, CONFIG.people), FISHERIES, CONFIG, generated_at="2026-03-06T07:00:00+00:00"
    )
    talks = [e for e in b.events if e.date == "2026-03-20"]
    assert talks and talks[0].status == "scheduled"


def test_theme_without_material_says_so_instead_of_padding():
    b = build_briefing(
        extract_corpus(DOCS, CONFIG.people), SPACE, CONFIG, generated_at="2026-03-06T07:00:00+00:00"
    )
    assert b.passages == () and b.summary == () and b.quotes == ()
    assert b.notes == (NO_MATERIAL.format(n=2),)


def _fail_on(monkeypatch, doc_id: str, error: BaseException) -> None:
    import briefing.extraction as extraction

    real = extraction.extract_events

    def flaky(d):
        if d.id == doc_id:
            raise error
        return real(d)

    monkeypatch.setattr(extraction, "extract_events", flaky)


def test_a_bug_on_one_document_is_reported_as_a_bug_and_the_build_goes_on(monkeypatch):
    monkeypatch.delenv("BRIEFING_DEBUG", raising=False)  # as a user's build runs
    _fail_on(monkeypatch, "a.txt", ValueError("boom"))
    warnings: list[str] = []
    ex = extract_corpus(DOCS, CONFIG.people, warnings.append)
    assert ex.events["a.txt"] == [] and ex.events["b.txt"]
    assert any("a.txt" in w and "internal error" in w and "bug in briefing" in w for w in warnings)


def test_a_bug_surfaces_with_its_traceback_under_the_test_suite(monkeypatch):
    _fail_on(monkeypatch, "a.txt", ValueError("boom"))
    with pytest.raises(ValueError, match="boom"):
        extract_corpus(DOCS, CONFIG.people, lambda _m: None)


def test_a_document_too_deep_for_the_stack_is_a_warning_even_under_tests(monkeypatch):
    _fail_on(monkeypatch, "a.txt", RecursionError("maximum recursion depth exceeded"))
    warnings: list[str] = []
    ex = extract_corpus(DOCS, CONFIG.people, warnings.append)
    assert ex.events["a.txt"] == [] and ex.events["b.txt"]
    assert any("a.txt" in w and "too large or too deeply nested" in w for w in warnings)
