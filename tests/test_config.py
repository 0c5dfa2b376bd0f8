"""Config validation: every problem reported at once, each with file, line and key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import load_config
from briefing.errors import ConfigError

GOOD = """
themes:
  - id: trade
    title: Trade
    description: Trade policy.
    terms: [tariff, trade]
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "config.yaml"
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_shipped_config_is_valid_and_has_the_six_themes():
    config = load_config(Path(__file__).parents[1] / "config.yaml")
    assert [t.id for t in config.themes] == [
        "cptpp",
        "north-korea",
        "china-relations",
        "japan-relations",
        "history-issues",
        "economic-security",
    ]
    lee = config.person("Lee Jae Myung")
    assert lee is not None and lee.role and "Lee Jae-myung" in lee.aliases


def test_all_problems_are_reported_at_once_with_lines(tmp_path):
    path = write(
        tmp_path,
        """
        colour: blue
        themes:
          - id: Trade Policy
            title: Trade
            description: x
            terms: [tariff]
          - id: dup
            title: A
            description: x
            terms: 5
          - id: dup
            title: B
            description: x
            terms: [b]
            colour: red
        output:
          max_passages: many
        """,
    )
    with pytest.raises(ConfigError) as err:
        load_config(path)
    msg = str(err.value)
    assert f"{path}:2: colour: unknown key 'colour'" in msg
    assert f"{path}:4: themes[0].id: 'Trade Policy' is not a safe slug" in msg
    assert "themes[1].terms: must be a list of non-empty strings" in msg
    assert "themes[2].id: duplicate theme id 'dup'" in msg
    assert "themes[2].colour: unknown key 'colour'" in msg
    assert "output.max_passages: must be a whole number" in msg


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "themes:\n  - id: a\n    title: [unclosed\n")
    with pytest.raises(ConfigError, match=r"config.yaml:\d+: not valid YAML"):
        load_config(path)


def test_cli_reports_config_errors_without_traceback(tmp_path, capsys):
    path = write(tmp_path, "themes: []\n")
    assert main(["themes", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("configuration error:") and "themes: must be a non-empty list" in err
    assert "Traceback" not in err


def test_missing_config_file_says_what_to_do(tmp_path, capsys):
    assert main(["themes", "--config", str(tmp_path / "nope.yaml")]) == 2
    assert "config file not found; pass --config FILE" in capsys.readouterr().err


def test_unknown_theme_lists_the_known_ones(tmp_path, capsys):
    path = write(tmp_path, GOOD)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    code = main(
        [
            "build",
            "--config",
            str(path),
            "--seeds",
            str(seeds),
            "--theme",
            "nuclear",
            "--out",
            str(tmp_path / "o"),
        ]
    )
    assert code == 2
    assert "unknown theme 'nuclear'. Known themes: trade" in capsys.readouterr().err
