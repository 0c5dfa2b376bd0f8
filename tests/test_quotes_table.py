"""The table of named attribution constructions matches the code: every row is switched where it is used."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.extract.quotes.constructions import TABLE, on, without

QUOTES = Path(__file__).resolve().parents[1] / "briefing" / "extract" / "quotes"


def test_every_construction_in_the_table_guards_a_rule_and_every_guard_is_in_the_table():
    used = set()
    for path in QUOTES.glob("*.py"):
        used |= set(re.findall(r'\bon\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
    assert used == {c.name for c in TABLE}
    assert all(c.example for c in TABLE)


def test_switching_a_construction_off_lasts_only_for_the_measurement():
    with without("single-marks"):
        assert not on("single-marks")
    assert on("single-marks")
