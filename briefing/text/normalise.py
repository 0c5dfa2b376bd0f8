"""Two ways of seeing past typography, one for matching words and one for comparing items.

Sources print the same words with curly or straight quotes, en or em dashes, narrow
no-break spaces and non-breaking hyphens.  Theme matching must read "Lee’s" as "Lee's"
but keep the punctuation that separates phrases (`fold_typography`); de-duplication of
events and items across editions must not see any punctuation at all (`comparison_key`).
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_TRANSLATE = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def fold_typography(text: str) -> str:
    """Return text with typographic variants (dashes, quotes, odd spaces) folded to ASCII forms.

    Punctuation stays, so phrase boundaries survive; only its spelling is made one.
    """
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)


def comparison_key(text: str) -> str:
    """Return text reduced to lower-case words separated by single spaces.

    NFKC folds the narrow no-break spaces, non-breaking hyphens and full-width forms;
    dropping punctuation makes curly and straight quotes, en and em dashes equal.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


# Letters that a case-insensitive regex matches to an ASCII letter although str.lower() does
# not turn them into it (tests/test_timex_search.py checks this list against all of Unicode).
FOLD_TRAPS = frozenset("\u0130\u0131\u017f\u212a")


def lowered_for_test(text: str) -> str | None:
    """The text lower-cased for a plain word test ("quarter" in it) that stands in for an
    IGNORECASE regex over `text`: None when such a test would not be exact for it (a letter in
    `FOLD_TRAPS`, or lower-casing that changes its length and so its offsets)."""
    if any(ch in text for ch in FOLD_TRAPS):
        return None
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None
