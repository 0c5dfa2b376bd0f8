"""The attribution constructions, one named row each with an example, and a switch to measure each.

The quote rules are heuristics over English news grammar. Each heuristic is a
named construction here, with one invented example of what it reads, so a
reader can see what the extractor knows and a maintainer can measure what
each rule is worth: `bench/bench_quotes.py --ablate` turns each construction
off in turn and reports what dev speaker accuracy and quote F1 lose without
it. A construction that adds nothing anywhere (dev, the sample corpus, the
construction tests) is deleted rather than kept "just in case".

The core (a reporting verb next to the quote and its subject, quotation-mark
pairing) is not switchable: without it nothing is found.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Construction:
    name: str
    example: str


TABLE: tuple[Construction, ...] = (
    # after the closing mark
    Construction("byline-dash", "“We will win.” — Jane Doe (@janedoe) May 2"),
    Construction("as-calls", "“Crooked Jane,” as Smith calls her, was absent."),
    Construction("according-after", "“We will fight,” according to a statement from the campaign."),
    Construction("role-appositive-after", "“We will fight,” Smith’s press secretary, Jane Doe, said."),
    Construction("charge-relative", "“…,” a charge Doe denied  (no attribution)"),
    Construction("next-quote-verb", "While Doe called it “dangerous,” Smith praised it as “brilliant.”"),
    Construction("sentence-tail", "A cashier who “…” is held accountable, Warren said."),
    # before the opening mark
    Construction("according-before", "According to officials, the plant was “unsafe.”"),
    Construction("inverted-said", "Said Ellis: “We are done.”"),
    Construction("claim-owner", "Smith’s claim that there were “thousands” of cases"),
    Construction("participle-subject", "Smith hit back, calling the plan “a disgrace.”"),
    Construction("message-author", "Smith posted a series of messages saying the vote was “rigged.”"),
    Construction("words-owner", "Hale criticised Jones’s remarks describing the plan as “a gift.”"),
    Construction("main-over-embedded", "The minister said a Russian strike “would be an act of war.”"),
    Construction("pronoun-gender", "Berg said Holm lied when she called him “a coward.”"),
    Construction("colon-subject", "Smith put it bluntly: “We are done.”"),
    Construction("speech-act-noun", "The embassy lodged a “formal complaint.”"),
    Construction("described-source", "“…,” a spokesperson for the Finance Ministry said."),
    # across sentences and paragraphs
    Construction("previous-speaker", "Clinton disagreed. “That is false.”"),
    Construction("paragraph-carry", "“We will stay,” Ruiz said. ¶ “We have no choice.”"),
    Construction("paragraph-subject", "Smith had a message for voters: ¶ “We will win.”"),
    Construction("transcript", "SMITH: “You would be in jail.”"),
    # what is not a quote
    Construction("reporter-term", "the “harbour renewal” … Harbour renewal began in May.  (a term)"),
    Construction("noun-label", "vowed to pursue “quiet” diplomacy  (a label)"),
    Construction("nickname", "Thomas “Tip” Smith said …  (part of a name)"),
    # marks
    Construction("single-marks", "‘We will not back down,’ the prime minister said."),
)
NAMES = frozenset(c.name for c in TABLE)
_off: set[str] = set()


def on(name: str) -> bool:
    """True unless the construction was switched off for a measurement."""
    assert name in NAMES, name
    return name not in _off


@contextmanager
def without(name: str) -> Iterator[None]:
    """Switch one construction off for the duration (for `bench_quotes.py --ablate`)."""
    assert name in NAMES, name
    _off.add(name)
    try:
        yield
    finally:
        _off.discard(name)
