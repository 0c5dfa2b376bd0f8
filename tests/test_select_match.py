"""The on-theme test for events and quotes answers most sentences without tokenising them; that
shortcut must never turn away a sentence the full test accepts, whatever its spelling."""

from __future__ import annotations

from briefing.model import Person, Theme
from briefing.select.bm25 import evidence
from briefing.select.match import theme_filter
from briefing.select.pipeline import GATE
from briefing.select.query import build_query
from briefing.select.tokenize import tokens

PEOPLE = (Person("Niall O'Brien", "Harbour master", ("O'Brien",)),)
THEME = Theme(
    id="harbour",
    title="Harbour policy",
    description="Harbour policy and organisation.",
    terms=("organization", "policy", "ferry", "AI"),
    phrases=("harbour authority",),
    aliases=("the Port",),
    people=("Niall O'Brien",),
)

SENTENCES = [
    "The organisation\u2019s plans were published on Monday.",  # British -ise, curly possessive
    "The organisations\u2019 plans were published on Monday.",
    "Two new policies take effect in May.",  # -ies
    "O\u2019Brien said the harbour was full.",  # curly apostrophe inside a name
    "OBRIEN was not named.",  # capitals, no apostrophe
    "Ferries\u2019 timetables change.",
    "The Harbour Authority met.",
    "The harbour\u00a0authority met.",  # no-break space
    "The \uff21\uff29 lab opened.",  # full-width capitals
    "An AI lab opened.",
    "The port reopened, and the Port said so.",
    "Nothing here concerns the theme at all.",
    "",
]


def test_the_shortcut_agrees_with_the_full_test_on_every_spelling() -> None:
    on_theme = theme_filter(THEME, PEOPLE)
    query = build_query(THEME, PEOPLE)
    for text in SENTENCES:
        assert on_theme(text) == (evidence(query, tokens(text)) >= GATE), text
    assert on_theme(SENTENCES[0]) and on_theme(SENTENCES[2]) and on_theme(SENTENCES[3])
    assert not on_theme("Nothing here concerns the theme at all.")
