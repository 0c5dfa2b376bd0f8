"""Coordinated main clauses: "Dredging began last week, and the first cranes arrive this month".

Each conjunct is a statement of its own. When two of them carry their own dates, a row for one
date shows only its conjunct: the whole sentence under "this month" would say the dredging began
this month. A conjunct is recognised by English grammar, not by wording: a comma, a coordinating
conjunction, and a new subject (a determiner, a pronoun or a name).
"""

from __future__ import annotations

import re

_CONJUNCT = re.compile(
    r",\s+(?:and|but|while|whereas|yet|so)\s+(?=(?:the|a|an|his|her|its|their|our|this|that|these|those|"
    r"he|she|it|they|we|some|many|most|all|both|each|several|[A-Z]|\d))"
    # a second predicate of the same subject: "raised rates in September and is expected to ..."
    r"|\s+(?:and|but)\s+(?=(?:is|are|was|were|has|have|had|will|would|could|can|may|might|plans|plan|"
    r"expects|expect|aims|hopes)\s)"
)


def conjunct_bounds(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of each coordinated main clause of text[lo:hi], in order; one pair when the
    clause is not coordinated. Commas inside brackets do not count."""
    bounds: list[tuple[int, int]] = []
    start = lo
    for m in _CONJUNCT.finditer(text, lo, hi):
        segment = text[lo : m.start()]
        if segment.count("(") > segment.count(")"):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, hi))
    return bounds


def conjunct_of(bounds: list[tuple[int, int]], pos: int) -> int:
    """Index of the conjunct that holds offset `pos`."""
    for k, (_, end) in enumerate(bounds):
        if pos < end:
            return k
    return len(bounds) - 1
