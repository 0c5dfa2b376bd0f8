"""What extraction worked out for the last few texts, for the next stage that asks about the same text.

The name scanner, the quote finder and the statement finder tokenise the same lines; the event
finder, the quote finder and the selector split the same paragraphs. Each keeps its recent
results in a `Recent`.
"""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """A bounded map of recent results: between `keep` and twice `keep` of the latest keys.

    Two generations rather than a dict evicting its oldest key: `next(iter(d))` walks past every
    slot deleted before it, and that walk cost more than the tokenising it saved."""

    def __init__(self, keep: int) -> None:
        self._keep = keep
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        found = self._new.get(key)
        if found is None:
            found = self._old.get(key)
            if found is not None:
                self.put(key, found)  # still in use: keep it through the next turn
        return found

    def put(self, key: K, value: V) -> None:
        if len(self._new) >= self._keep:
            self._old, self._new = self._new, {}
        self._new[key] = value

    def __len__(self) -> int:
        return len(self._new) + len(self._old)

    def clear(self) -> None:
        self._new.clear()
        self._old.clear()
