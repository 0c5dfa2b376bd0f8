"""The date tagger searches each rule's regex only where it can match (`timex/search.py`); that
must never change what is found, so every shortcut is checked against a plain search."""

from __future__ import annotations

import random
import re

import pytest

from briefing.extract.timex import _RULES, tag
from briefing.extract.timex import engine as timex_engine
from briefing.extract.timex.patterns import FOLDS, barrier_marks, first_chars, required_words
from briefing.extract.timex.search import FOLD_TRAPS, finditer, lowered_for_test, plan, word_hits

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
    "The plan (agreed on March 3) runs until 2030: two years, or more.",
    "“It ends on Friday,” she said; the vote is due May 5, 2026.",
)

WORDS = (
    "the The last next this early mid- late January Jan. SEPT Sept. 5th 12 2026 1990s '90s a.m. 9:30 "
    "p.m. noon Monday mondays week weeks year-earlier ago later from now quarter half 1st third fiscal "
    "century twentieth nineteen ninety two thousand spring , . - / \n \n\n between and of on by since "
    "every per twice daily today tonight currently in future past 03/04/2025 2025-01-02T10:00 ; : ( ) "
    '" “ ” ! ? % $ 5% $3 old -old long'
).split(" ")


def made_up_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 40))]
        out.append("".join(w + rng.choice([" ", "", " ", "  ", ",", "\n"]) for w in words))
    return out


def plain(rule, text):
    return [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]


def test_every_rule_finds_the_same_matches_as_a_plain_search():
    for text in [*TEXTS, *made_up_texts(1500, 7)]:
        lowered, marks = lowered_for_test(text), {}
        for rule in _RULES:
            found = [(m.span(), m.groupdict()) for m in finditer(rule.pattern, text, lowered, marks)]
            assert found == plain(rule, text), (rule.name, text)


def test_searching_stretches_between_marks_finds_what_the_whole_text_holds(monkeypatch):
    # short texts are searched whole (cheaper); make every rule search stretches instead
    monkeypatch.setattr("briefing.extract.timex.search.DENSE", 1)
    searched = 0
    for text in [*TEXTS, *made_up_texts(1500, 11)]:
        lowered, marks = lowered_for_test(text), {}
        for rule in _RULES:
            found = [(m.span(), m.groupdict()) for m in finditer(rule.pattern, text, lowered, marks)]
            assert found == plain(rule, text), (rule.name, text)
        searched += len(marks)
    assert searched > 1000  # the stretch search did run


def test_most_rules_have_all_three_facts():
    full = [
        r.name
        for r in _RULES
        if required_words(r.pattern) and first_chars(r.pattern) and barrier_marks(r.pattern)
    ]
    assert len(full) >= len(_RULES) - 4
    assert "," in barrier_marks(next(r for r in _RULES if r.name == "century").pattern)


def test_facts_hold_for_every_match():
    for rule in _RULES:
        need, marks = required_words(rule.pattern), barrier_marks(rule.pattern)
        first = first_chars(rule.pattern)
        for text in [*TEXTS, *made_up_texts(300, 3)]:
            for m in rule.pattern.finditer(text):
                assert need is None or any(w in m.group(0).lower() for w in need), (rule.name, m.group(0))
                assert not set(marks) & set(m.group(0)), (rule.name, m.group(0))
                assert first is None or re.match(first, text[m.start() :], rule.pattern.flags), rule.name


def test_patterns_it_cannot_reason_about_are_searched_the_plain_way():
    for source in (r"\d*", r"(?:ab)?", r".foo", r"[^x]y", r"(?a:\w)y", r"(?x) a b"):
        pattern = re.compile(source)
        assert plan(pattern).fast is pattern
        assert [m.span() for m in finditer(pattern, "ab foo xy 12", "ab foo xy 12", {})] == [
            m.span() for m in pattern.finditer("ab foo xy 12")
        ]
    assert plan(re.compile(r"(?i:mid-)?May")).fast.pattern.startswith("(?=")


def test_the_case_folding_traps_are_complete():
    # every non-ASCII character that IGNORECASE matches to an ASCII letter, but that lower-casing
    # does not turn into that letter, must make the word test stand aside
    letters = "abcdefghijklmnopqrstuvwxyz"
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(128, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        if any_letter.fullmatch(ch) and not any(
            a in ch.lower() and len(ch.lower()) == 1 for a in letters if re.fullmatch(a, ch, re.I)
        ):
            assert ch in FOLD_TRAPS, f"U+{code:04X} is missing from FOLD_TRAPS"


def test_the_fold_table_lists_every_character_a_letter_matches():
    # the first-character look-aheads are case-sensitive classes built from FOLDS
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    matched: dict[str, set[str]] = {a: set() for a in "abcdefghijklmnopqrstuvwxyz"}
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000 or not any_letter.fullmatch(chr(code)):
            continue
        for a in matched:
            if re.fullmatch(a, chr(code), re.IGNORECASE):
                matched[a].add(chr(code))
    for a, chars in matched.items():
        assert chars == {a, a.upper(), *FOLDS.get(a, "")}, a


def trapped_texts(n: int, seed: int) -> list[str]:
    """Made-up texts with letters swapped for the characters IGNORECASE folds onto them."""
    rng = random.Random(seed)
    swaps = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a", "K": "\u212a"}
    out = []
    for text in made_up_texts(n, seed):
        out.append("".join(swaps[c] if c in swaps and rng.random() < 0.3 else c for c in text))
    return out


def test_rules_find_the_same_matches_in_text_with_folding_letters():
    for text in trapped_texts(600, 13):
        lowered, marks = lowered_for_test(text), {}
        for rule in _RULES:
            found = [(m.span(), m.groupdict()) for m in finditer(rule.pattern, text, lowered, marks)]
            assert found == plain(rule, text), (rule.name, text)


def test_a_long_s_or_a_dotless_i_turns_the_word_test_off():
    assert lowered_for_test("The ſhip") is None
    assert lowered_for_test("ıt was") is None
    assert lowered_for_test("Last Summer") == "last summer"


@pytest.mark.parametrize("text", [*TEXTS, "The ſhip ſailed on March 3, 2026.", "ıt was Nov. 3."])
def test_tagging_is_the_same_with_and_without_the_shortcuts(text, monkeypatch):
    found = tag(text, "2026-02-01")
    monkeypatch.setattr(timex_engine, "finditer", lambda pattern, text, _l, _m: pattern.finditer(text))
    timex_engine._TAKEN.clear()
    assert tag(text, "2026-02-01") == found


def regex_hits(p, lowered, limit):
    hits = []
    for m in p.words.finditer(lowered):
        hits.append(m.start())
        if len(hits) > limit:
            break
    return hits


def test_word_places_replay_the_word_regex():
    # words that overlap, contain one another and repeat ("day" in "today", "mon" in "month",
    # "aaa" in "aaaa"), in texts where some word occurs more often than the limit
    pieces = [*WORDS, "today", "monday", "months", "yesterday", "a.m", "centuries", "ago", "aaaa", "day"]
    rng = random.Random(11)
    for _ in range(800):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 60)))
        lowered = text.lower()
        seen: dict[str, list[int]] = {}
        limit = rng.choice([0, 1, 3, len(text) // 100 + 4])
        for rule in _RULES:
            p = plan(rule.pattern)
            if p.words is not None:
                assert word_hits(p, lowered, limit, seen) == regex_hits(p, lowered, limit), (rule.name, text)
    overlapping = plan(re.compile("aaa|aa"))
    for text in ("aaaa", "aaaaaaa", "a aaa aa", "aaaaaaaaaaaa"):
        for limit in range(6):
            assert word_hits(overlapping, text, limit, {}) == regex_hits(overlapping, text, limit)
