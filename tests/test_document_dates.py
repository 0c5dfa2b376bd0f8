"""Document dates a reader can trust: stamp lines give their first date, day-first forms read right,
and an undated text is never dated from a historical year. Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.readers import read_corpus
from briefing.readers.text import read_text_file

BODY = "The council said on Monday that the new ferry line would open next month after long delays."


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Written: 2026-03-02 09:15 Updated: 2026-03-02 10:40", "2026-03-02T09:15"),
        ("Published: March 2, 2026 Modified: March 4, 2026", "2026-03-02"),
        ("Local news | 14 January 2026", "2026-01-14"),
        ("14/01/2026", "2026-01-14"),  # day first by default
        ("01/14/2026", "2026-01-14"),  # a second number above 12 can only be the day
        ("3rd March 2026", "2026-03-03"),
    ],
)
def test_stamp_lines_give_their_first_date(tmp_path: Path, header: str, expected: str) -> None:
    p = write(tmp_path, "a.txt", f"Ferry Line Delayed Again\n\n{header}\n\n{BODY}\n")
    doc = read_text_file(p).documents[0]
    assert doc.published == expected
    assert BODY in doc.paragraphs


def test_an_undated_commemoration_is_not_dated_from_the_year_it_recalls(tmp_path: Path) -> None:
    write(
        tmp_path,
        "c.txt",
        "Thousands gathered this month to mark the anniversary of the 1910 treaty. "
        "Veterans laid wreaths, and the mayor said the city would build a museum by 2030.\n",
    )
    warnings: list[str] = []
    (doc,) = read_corpus(tmp_path, warnings.append)
    assert doc.published is None
    assert any("c.txt" in w and "sources.yaml" in w and "published" in w for w in warnings), warnings


def test_a_bare_historical_year_alone_does_not_date_a_report(tmp_path: Path) -> None:
    write(tmp_path, "h.txt", "Residents recalled the flood of 1953 as the river rose again on Sunday.\n")
    (doc,) = read_corpus(tmp_path)
    assert doc.published is None


def test_an_undated_report_is_dated_from_what_it_reports_as_recent(tmp_path: Path) -> None:
    write(
        tmp_path,
        "r.txt",
        "The ferry line, first planned in 1998, finally opened on 14 February 2026. "
        "Its anniversary of 1998 was noted by few.\n",
    )
    (doc,) = read_corpus(tmp_path)
    assert doc.published == "2026-02-14" and doc.published_inferred
