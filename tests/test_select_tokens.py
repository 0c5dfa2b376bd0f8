"""`select.tokenize.tokens` reads each text in one C-level pass and remembers each distinct word
and gap; it must give exactly the tokens of the plain word-by-word loop (kept here as reference)."""

from __future__ import annotations

import random

from briefing.select.tokenize import _BREAK, _WORD, _token, stem, tokens
from briefing.text.normalise import fold_typography


def reference(text: str) -> list:
    out: list = []
    text = fold_typography(text)
    last = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        bare = word.split("'")[0]
        upper = len(bare) >= 2 and bare.isupper()
        brk = bool(out) and bool(_BREAK.search(text, last, m.start()))
        out.append(_token(stem(word), upper, word[0].isupper(), brk))
        last = m.end()
    return out


def test_tokens_equal_the_word_by_word_reading():
    rng = random.Random(5)
    pieces = ["Seoul", "AI", "U.S.", "isn't", "ministers'", "Korea’s", "2026", "--", " - ", ". ", ", ", ";", "(", ")",
              '"', "—", "é", "\n", "  ", "x", "THAAD", "denuclearisation", "’", "'s", "/", "!?"]  # fmt: skip
    texts = [
        "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 30)))
        for _ in range(3000)
    ]
    texts += ["The U.S. and China -- at odds -- met; talks (in Seoul) went on. Lee's aides said: 'no'."]
    for text in texts:
        assert tokens(text) == reference(text), text
