"""Temporal tagger: finds date, time, duration and set expressions in English news text and
normalises them to TimeML TIMEX3 values against the document creation date (DCT).

A HeidelTime-style rule tagger in pure Python (no model downloads): regex rules over a lexicon
(`lexicon`; `rules_absolute`, `rules_named`, `rules_relative`, `rules_periods`), longest-match
selection and left-to-right normalisation (`engine`, `calendar`), and tense cues that decide the
side of the DCT for year-less and weekday expressions (`tense`).
`tag(text, dct)` is the entry point; `batch.run` is the `briefing dates` command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .engine import Rule, run_rules
from .rules_absolute import RULES as _ABSOLUTE
from .rules_named import RULES as _NAMED
from .rules_periods import RULES as _PERIODS
from .rules_relative import RULES as _RELATIVE
from .search import plan

TYPES = ("DATE", "TIME", "DURATION", "SET")
_RULES: list[Rule] = [*_ABSOLUTE, *_NAMED, *_RELATIVE, *_PERIODS]


@dataclass(frozen=True)
class Timex:
    """One temporal expression: `text == source[start:end]`; ranges carry `end_value`.

    `kind` names the rule family ("date", "monthday", "month", "year", "weekday", "deictic",
    "anaphoric", "duration", ...) so consumers can treat, say, vague anaphora differently.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    end_value: str | None = None
    kind: str = ""


def parse_dct(dct: str | None) -> date | None:
    """Read the YYYY-MM-DD prefix of a DCT string; None when absent or not a date."""
    if not dct:
        return None
    try:
        return date.fromisoformat(str(dct)[:10])
    except ValueError:
        return None


# Letters that a case-insensitive regex matches as ASCII but whose lower case is not the ASCII
# word the lexicon holds ("laſt ſummer" matched, then "ſummer" was looked up and not found).
# One character for one, so every offset still points into the original text.
_ASCII_FOLD = str.maketrans({"\u017f": "s", "\u212a": "K", "\u0131": "i", "\u0130": "I"})


def tag(text: str, dct: str | None) -> list[Timex]:
    """Return the temporal expressions of `text`, in order, normalised against `dct` (YYYY-MM-DD).

    Without a DCT, expressions that need one keep unknown parts as X ("XXXX-01-13").
    """
    found = run_rules(_RULES, text.translate(_ASCII_FOLD), parse_dct(dct))
    return [Timex(f.start, f.end, text[f.start : f.end], f.type, f.value, f.end_value, f.kind) for f in found]


def prepare() -> None:
    """Work out every rule's search plan now (about 50 ms), before worker processes are forked:
    each worker then inherits the plans instead of working them out again."""
    for rule in _RULES:
        plan(rule.pattern)


__all__ = ["Timex", "tag", "parse_dct", "prepare", "TYPES"]
