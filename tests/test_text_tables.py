"""Each text concept has one home: the month, weekday and abbreviation tables live in briefing/text.

A second copy drifts: a spelling added to one list ("Sept.") and not the other makes the
splitter and the date tagger disagree about the same full stop.  This reads the package's
source the way `grep` would and fails on any other module that spells out such a table.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import briefing
from briefing.text.abbreviations import ABBREVIATIONS, HONORIFICS
from briefing.text.calendar import MONTHS, WEEKDAYS
from briefing.text.sentences import split_sentences

PACKAGE = Path(briefing.__file__).parent
HOME = PACKAGE / "text"

_MONTH = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december)\b", re.I
)
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_TITLE = re.compile(r"\b(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|lt|col|capt|sgt|maj|adm)\b\.?", re.I)


def _code_strings(path: Path) -> list[str]:
    """The string constants of a module that are code, not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _tables_outside_home(pattern: re.Pattern[str], least: int) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(HOME):
            continue
        for literal in _code_strings(path):
            if len(set(m.group(0).lower().rstrip(".") for m in pattern.finditer(literal))) >= least:
                found.append(f"{path.relative_to(PACKAGE)}: {literal.strip()[:60]!r}")
    return found


def test_months_are_spelled_out_only_in_the_calendar_module() -> None:
    assert _tables_outside_home(_MONTH, 4) == []


def test_weekdays_are_spelled_out_only_in_the_calendar_module() -> None:
    assert _tables_outside_home(_WEEKDAY, 4) == []


def test_titles_are_listed_only_in_the_abbreviations_module() -> None:
    assert _tables_outside_home(_TITLE, 4) == []


def test_the_tables_the_stages_share_agree_with_each_other() -> None:
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert WEEKDAYS["thurs"] == WEEKDAYS["thursday"] == 4
    assert {"jan", "sept", "thurs"} <= ABBREVIATIONS
    assert {"sen", "sen.", "sir"} <= HONORIFICS


def test_a_title_the_quote_rules_know_ends_no_sentence_either() -> None:
    # "Sens." and "Det." were titles to the quote tokenizer but sentence ends to the splitter.
    text = "The bill was backed by Sens. Kim and Park. Det. Lee of the city police said nothing."
    assert [s.text for s in split_sentences(text)] == [
        "The bill was backed by Sens. Kim and Park.",
        "Det. Lee of the city police said nothing.",
    ]
