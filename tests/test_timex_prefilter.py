"""The date tagger skips a rule when the text lacks every word the rule's matches contain; that
must never change what is found."""

from __future__ import annotations

import re

import pytest

from briefing.extract.timex import _RULES, tag
from briefing.extract.timex import engine as timex_engine
from briefing.extract.timex.prefilter import FOLD_TRAPS, guarded, lowered_for_test, required

TEXTS = (
    "The council met on Jan. 14, 2026, and again on Tuesday, two weeks later.",
    "Talks resume next March; the pact was signed in the summer of 2018.",
    "In the third quarter profit rose 4% from a year earlier, the company said at 9:30 a.m. EST.",
    "The 20th century ended; in the 1990s exports doubled every year.",
    "Officials said yesterday that the review would take several months.",
    "FEBRUARY 3 2025 - Ministers meet on the 5th of May and again the following day.",
    "He has worked there since the mid-1980s, twice a week, on Mondays.",
    "By the end of the year, 1,200 jobs will have gone.",
    "No dates here at all, only words about fish and boats.",
    "Christmas Eve fell on a Sunday, three days ago, before noon.",
)


def test_the_case_folding_traps_are_complete():
    # every non-ASCII character that IGNORECASE matches to an ASCII letter, but that lower-casing
    # does not turn into that letter, must make the shortcut stand aside
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(128, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        m = letter.fullmatch(ch)
        if m and not any(a in ch.lower() for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.I)):
            assert ch in FOLD_TRAPS, f"U+{code:04X} is missing from FOLD_TRAPS"


def test_every_match_contains_one_of_its_rules_required_words():
    for rule in _RULES:
        need = required(rule.pattern)
        for text in TEXTS:
            for m in rule.pattern.finditer(text):
                assert need is None or any(s in m.group(0).lower() for s in need), (rule.name, m.group(0))


def test_most_rules_have_a_required_word():
    # the shortcut is worth having only if it applies: month, weekday and unit words
    assert sum(required(r.pattern) is not None for r in _RULES) >= len(_RULES) - 3


@pytest.mark.parametrize("text", [*TEXTS, "The ſhip ſailed on March 3, 2026.", "ıt was Nov. 3."])
def test_tagging_is_the_same_with_and_without_the_shortcut(text, monkeypatch):
    found = tag(text, "2026-02-01")
    monkeypatch.setattr(timex_engine, "lowered_for_test", lambda _t: None)  # search with every rule
    timex_engine._TAKEN.clear()
    assert tag(text, "2026-02-01") == found


def test_a_long_s_or_a_dotless_i_turns_the_shortcut_off():
    # IGNORECASE matches "ſ" to "s" and "ı" to "i", lower-casing does not: the word test would miss them
    assert lowered_for_test("The ſhip") is None
    assert lowered_for_test("ıt was") is None
    assert lowered_for_test("Last Summer") == "last summer"


def test_guarded_patterns_find_the_same_matches_with_the_same_groups():
    texts = [*TEXTS, "ſeptember 3", "İn ıt", "", "the", "2026", "\n\nJanuary\n\n2026"]
    guarded_count = 0
    for rule in _RULES:
        fast = guarded(rule.pattern)
        guarded_count += fast is not rule.pattern
        for text in texts:
            slow = [(m.span(), m.groupdict(), m.groups()) for m in rule.pattern.finditer(text)]
            assert [(m.span(), m.groupdict(), m.groups()) for m in fast.finditer(text)] == slow, rule.name
    assert guarded_count >= len(_RULES) - 3


def test_a_pattern_that_can_match_nothing_or_anything_is_left_as_it_is():
    for source in (r"\d*", r"(?:ab)?", r".foo", r"[^x]y", r"(?a:\w)y"):
        pattern = re.compile(source)
        assert guarded(pattern) is pattern
    assert guarded(re.compile(r"(?i:mid-)?May")).pattern.startswith("(?=")
