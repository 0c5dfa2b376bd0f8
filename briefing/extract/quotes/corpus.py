"""Speaker names across a corpus: one speaker, one name, in every document.

Each document resolves its speakers on its own, so a person named in full in
one article ("Lee Hyuk") and only by surname in another ("Lee") would come out
as two speakers in a "Who said what" section. `unify_speakers` renames such
short forms to the corpus's fullest form when exactly one fuller name fits,
and fills a missing role from it. Joint speakers ("A and B") and descriptions
("the presidential office") are left as they are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from briefing.extract.quotes.extract import FoundQuote
from briefing.extract.quotes.statements import FoundStatement

T = TypeVar("T", FoundQuote, FoundStatement)


def _words(name: str) -> list[str]:
    return [w.lower() for w in name.replace("-", " ").split()]


def _fuller(short: str, names: Sequence[str]) -> str | None:
    """The one longer name that begins or ends with `short`'s words, if exactly one does."""
    sw = _words(short)
    if not sw or not short[:1].isupper():
        return None
    hits = set()
    for n in names:
        nw = _words(n)
        if len(nw) > len(sw) and " and " not in n and (nw[: len(sw)] == sw or nw[-len(sw) :] == sw):
            hits.add(n)
    return hits.pop() if len(hits) == 1 else None


def unify_speakers(items: Mapping[str, Sequence[T]]) -> dict[str, list[T]]:
    """Return the same items per document with short speaker names replaced by the corpus's fullest form."""
    names = sorted({i.speaker for seq in items.values() for i in seq if i.speaker})
    roles: dict[str, str] = {}
    for seq in items.values():
        for i in seq:
            if i.speaker and i.role:
                roles.setdefault(i.speaker, i.role)
    out: dict[str, list[T]] = {}
    for doc_id, seq in items.items():
        fixed: list[T] = []
        for i in seq:
            full = _fuller(i.speaker, names) if i.speaker and " and " not in i.speaker else None
            if full:
                i = replace(i, speaker=full, role=i.role or roles.get(full))
            fixed.append(i)
        out[doc_id] = fixed
    return out
