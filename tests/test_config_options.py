"""The README's option table says exactly what the code declares: no option missing, no stale default.

Each option is declared once (`briefing.model.setting`); the loader validates from the
declarations, and this test holds the documentation to them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.config import documented_options, load_config
from briefing.errors import ConfigError

README = Path(__file__).resolve().parents[1] / "README.md"
_ROW = re.compile(
    r"^\| `(?P<key>[^`]+)` \| (?P<kind>[^|]+?) \| (?:`(?P<default>[^`]*)`)? *\| (?P<doc>.+) \|$"
)


def _readme_rows() -> list[tuple[str, str, str, str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| key | type | default | meaning |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        m = _ROW.match(line)
        assert m, f"README option row not understood: {line}"
        rows.append((m["key"], m["kind"], m["default"] or "", m["doc"]))
    return rows


def test_the_readme_option_table_matches_the_declarations() -> None:
    assert _readme_rows() == documented_options()


def test_every_declared_default_is_what_an_empty_section_loads(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("themes:\n  - {id: t, title: T, description: D, terms: [x]}\n", encoding="utf-8")
    config = load_config(path)
    documented = {key: default for key, _, default, _ in documented_options()}
    assert documented["output.pages"] == str(config.output.pages)
    assert documented["output.formats"] == "[" + ", ".join(config.output.formats) + "]"
    assert documented["schedule.day"] == config.schedule.day
    assert documented["schedule.time"] == config.schedule.time


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("output: {pages: -1}", "output.pages: must be a whole number >= 0 (got -1)"),
        ("output: {summary_points: 9}", "output.summary_points: must be between 0 and 7 (got 9)"),
        (
            "output: {formats: [pdf, zip]}",
            "output.formats: unknown value(s) zip; choose from docx, pdf, html, json",
        ),
        ("output: {colour: red}", "output.colour: unknown key 'colour'"),
        ("schedule: {day: Funday}", "schedule.day: must be one of monday, tuesday"),
        (
            "schedule: {time: '25:00'}",
            "schedule.time: '25:00' is not HH:MM in 24-hour time; quote it in YAML",
        ),
        ("author: 3", "author: must be a string (got 3)"),
        ("people: [{role: x}]", "people[0].name: is required"),
        (
            "feeds: [{url: https://example.org/rss, colour: red}]",
            "feeds[0].colour: unknown key 'colour' (allowed: name, themes, url)",
        ),
    ],
)
def test_a_bad_value_is_named_by_its_declared_rule(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        yaml_text + "\nthemes:\n  - {id: t, title: T, description: D, terms: [x]}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert f"{path}:1: {message}" in str(info.value)
