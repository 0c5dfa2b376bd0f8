"""Is an item near one of a theme's passages: part of one of its own on-theme sentences, or containing one?

An event, quote or statement counts for a theme when its text is on theme by its own evidence, or
when it is (part of) a sentence the theme's passages were chosen for: the timeline and the quotes
then cite what the passages say. Every item of every document a theme reads is asked this, so
the test is built once per theme and answers most texts with one set lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from briefing.text.normalise import comparison_key

# characters of the pieces `near_test` indexes its key texts by
GRAM = 8


@lru_cache(maxsize=1 << 16)
def normalised(text: str) -> str:
    """`comparison_key` of an item text, once per build, not once per theme reading it."""
    return comparison_key(text)


def near_test(key_text: Sequence[str]) -> Callable[[str], bool]:
    """Return a test: is a normalised text non-empty and part of, or containing, one of `key_text`?

    Every item of the corpus is tested for every theme, so the key texts are not looped over in
    Python: one substring search over them joined by newlines (normalised text has none) answers
    "part of". For "containing", a key text of three or more words inside a text has its inner words
    as whole words of the text, so only key texts whose longest inner word the text has are tried.
    """
    keys = sorted({k for k in key_text if k}, key=lambda k: (len(k), k))
    if not keys:
        return lambda _n: False
    joined = "\n".join(keys)
    # every piece of `joined` GRAM characters long: a text whose first GRAM characters are none of
    # them is part of no key text, and most texts are answered by this one set lookup
    grams = {joined[i : i + GRAM] for i in range(len(joined) - GRAM + 1)}
    short: list[str] = []  # fewer than three words: no inner word to look for
    by_anchor: dict[str, list[str]] = {}
    for k in keys:
        words = k.split(" ")
        if len(words) < 3:
            short.append(k)
        else:
            by_anchor.setdefault(max(words[1:-1], key=len), []).append(k)

    def near(n: str) -> bool:
        if not n:
            return False
        if (len(n) < GRAM or n[:GRAM] in grams) and n in joined:
            return True
        if any(k in n for k in short):
            return True
        words = n.split(" ")
        if by_anchor.keys().isdisjoint(words):
            return False
        return any(k in n for w in set(words) & by_anchor.keys() for k in by_anchor[w])

    return near
