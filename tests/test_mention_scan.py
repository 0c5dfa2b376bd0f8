"""The name scanner reads a text line by line, with a few tokens of context and a cache of lines
already scanned; its mentions must be exactly those of one scan over the whole text (the plain
scan it replaced, kept here as the reference), whatever lines, headlines, blank lines and
names at line edges the text holds."""

from __future__ import annotations

import random
import re

from briefing.extract.quotes import mentions
from briefing.extract.quotes.lexicon import ROLE_HEADS
from briefing.extract.quotes.mentions import Mention, _mention, _with_lower_role, scan_mentions
from briefing.extract.quotes.namewords import CONNECTORS, HEADLINE_SMALL
from briefing.extract.quotes.tokens import Token, tokenize
from briefing.text.abbreviations import HONORIFICS

# -- the plain scan (the reference) -------------------------------------------------------


def _blank_headlines(text: str) -> str:
    def blank(m: re.Match[str]) -> str:
        line = m.group(0)
        words = re.findall(r"[A-Za-z][\w’'-]*", line)
        content = [w for w in words if w.lower() not in HEADLINE_SMALL]
        if len(content) >= 3 and all(w[0].isupper() for w in content):
            return " " * len(line)
        return line

    return re.sub(r"[^\n]+", blank, text)


def plain_scan(text: str) -> list[Mention]:
    text = _blank_headlines(text)
    toks = tokenize(text)
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        if not (toks[i].text[0].isupper() and toks[i].text[0].isalnum()):
            i += 1
            continue
        j = i
        run: list[Token] = []
        while j < len(toks):
            t = toks[j]
            if j > i and "\n" in text[toks[j - 1].end : t.start]:
                break
            if t.is_word and t.is_cap:
                run.append(t)
            elif t.text == "." and run and (len(run[-1].text) == 1 or run[-1].low in HONORIFICS):
                pass
            elif t.low in CONNECTORS and j + 1 < len(toks) and toks[j + 1].is_cap and run:
                run.append(t)
            else:
                break
            if t.is_word and t.text != t.bare:
                j += 1
                break
            j += 1
        k = i - 2 if i > 1 and toks[i - 1].low == "the" else i - 1
        mention = _mention(run, 0, k > 0 and toks[k].low == "of" and toks[k - 1].low in ROLE_HEADS)
        if mention and mention.title is None and i > 0:
            mention = _with_lower_role(mention, toks, i)
        if mention:
            out.append(mention)
        i = max(j, i + 1)
    return out


# -- made-up text whose names sit at line edges -------------------------------------------

PIECES = (
    "Harbour master Tomas Reyes",
    "campaign spokesman",
    "Minister of",
    "the Minister of the",
    "Director of National Intelligence Anna Berg",
    "said",
    "Bank of",
    "America",
    "Sen.",
    "Mr.",
    "J.",
    "Lee’s",
    "Republican Donald Trump",
    "The Fisheries Ministry",
    "of",
    "the",
    "and",
    "Smith",
    "Obama Sees Personal Insult",
    "Talks Go On In Seoul",
    "“Ms. Park",
    "”,",
    "(R-Utah)",
    "—",
    "42",
    "de la",
    "Cruz",
    "",
    " ",
    ".",
)


def made_up(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 12)):
        lines.append(" ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6))))
    seps = ["\n", "\n\n", "\n \n", " \n"]
    return "".join(line + rng.choice(seps) for line in lines).rstrip("\n")


def test_line_scan_finds_what_one_scan_of_the_whole_text_finds():
    rng = random.Random(12)
    for _ in range(3000):
        text = made_up(rng)
        assert scan_mentions(text) == plain_scan(text), text


def test_a_line_remembered_from_another_text_is_only_reused_in_the_same_context():
    # the statement finder scans the whole text after the quote finder scanned its reporter's
    # words: the same lines at the same offsets, with different neighbours where quotes were
    first = "Campaign spokesman said\nJones Smith and\nBank of America"
    second = "Campaign spokesman said\nJones Smith and\n       of America"
    third = "The Minister of\nJones Smith and\nBank of America"
    for text in (first, second, third, first):
        assert scan_mentions(text) == plain_scan(text), text


def test_cache_stays_bounded():
    for n in range(3 * 512):
        scan_mentions(f"Line {n} names Jane Doe-{n}.")
    assert len(mentions._RECENT) <= 2 * 512
