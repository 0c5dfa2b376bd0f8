"""One notion of "the same text" for comparing items, whatever their typography.

Sources print the same words with curly or straight quotes, en or em dashes, narrow
no-break spaces and non-breaking hyphens; de-duplication (events within a document,
items across editions) must not see those as different texts.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Return text reduced to lower-case words separated by single spaces.

    NFKC folds the narrow no-break spaces, non-breaking hyphens and full-width forms;
    dropping punctuation makes curly and straight quotes, en and em dashes equal.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()
