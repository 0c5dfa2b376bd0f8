"""Quoted words that are a label, a title or a coined term, not somebody's words.

News quotes names and slogans ("America First"), and terms it then uses itself; such a quoted
span has no speaker and must not become a quotation in the briefing.
"""

from __future__ import annotations

import functools
import re

from briefing.extract.quotes.lexicon import NAMING_PHRASES

SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as vs".split())

def is_title_case(words: list[str]) -> bool:
    return (
        len(words) <= 6
        and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
        and words[0][0].isupper()
    )


@functools.lru_cache(maxsize=256)
def _uses(phrase: str, document: str) -> int:
    """How often a quoted phrase occurs in the document (once per phrase, however often it is quoted)."""
    core = re.escape(phrase)
    return len(re.findall(rf"(?<![\w“\"‘']){core}(?![\w”\"’'])", document, flags=re.IGNORECASE))


def is_term(text: str, document: str, before: str, reported: bool = False) -> bool:
    """Quoted words that are a label, title or coined term rather than someone's words."""
    words = re.findall(r"[\w’'-]+", text)
    if not words:
        return True
    if NAMING_PHRASES.search(before):
        return True
    if is_title_case(words):
        return True  # "America First", "On the Far East": titles and slogans
    if 2 <= len(words) <= 4 and not reported:
        uses = _uses(text.strip(" ,.;:!?"), document)
        if uses >= 1:
            return True  # the text also uses the words itself, unquoted, and nobody is said to say them
    return False
