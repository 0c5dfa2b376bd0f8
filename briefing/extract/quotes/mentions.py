"""Name mentions: the capitalised runs of a document that name a person or an organisation.

Scanning is separate from resolving (`names.NameIndex`): here a run of capitalised words is cut
into its title part ("National Security Adviser") and its name part, openers and descriptors
are dropped ("Republican Donald Trump"), and headlines in title case are ignored, with no
knowledge yet of who is who.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefing.extract.quotes.lexicon import CUE_FORMS as CUES
from briefing.extract.quotes.lexicon import NOMINAL_STOP, ORG_WORDS, ROLE_HEADS, TITLE_OBJECTS
from briefing.extract.quotes.namewords import (
    CONNECTORS,
    DESCRIPTORS,
    HEADLINE_SMALL,
    NOT_NAME,
    OPENERS,
    SUFFIXES,
)
from briefing.extract.quotes.tokens import Token, tokenize
from briefing.text.abbreviations import ABBREVIATIONS, COURTESY_TITLES, HONORIFICS
from briefing.text.recent import Recent


class Mention(NamedTuple):
    """A capitalised name written in the document, split into its title part and its name part.
    (A named tuple: every document's names are scanned, and a frozen dataclass is slow to make.)"""

    start: int  # document offset of the name part
    end: int
    name: str  # name part, honorifics removed ("Mr. Clarke" -> "Clarke")
    title: str | None  # title written before it ("National Security Adviser"), if any
    org: bool


def role_text(words: Sequence[str]) -> str | None:
    """A stated role from title words, or None when they hold no role noun ("Mr.", "Should Mr.")."""
    kept = [w for w in words if w.lower().rstrip(".") not in COURTESY_TITLES]
    if not any(w.lower().rstrip(".") in ROLE_HEADS for w in kept):
        return None
    return " ".join(kept)


def title_cut(words: Sequence[str]) -> int:
    """Index after the last role noun that still leaves a name ("Martin Luther King Jr." keeps "King")."""
    cut = 0
    for i, w in enumerate(words):
        if w.lower().rstrip(".") in ROLE_HEADS:
            rest = [x.lower().rstrip(".") for x in words[i + 1 :]]
            if not (rest and all(x in SUFFIXES for x in rest)):
                cut = i + 1
    return cut


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words) at its last role noun."""
    cut = title_cut(words)
    title, name = words[:cut], words[cut:]
    while name and name[0].lower().rstrip(".") in HONORIFICS:
        title, name = title + name[:1], name[1:]
    return title, name


def is_org(words: Sequence[str]) -> bool:
    return any(w.lower().rstrip(".") in ORG_WORDS for w in words) or (bool(words) and words[0] == "The")


def _is_headline(line: str) -> bool:
    """A line written in title case: "Obama Sees Personal Insult" would pass for a name."""
    content = 0
    for m in _HEADLINE_WORD.finditer(line):  # a sentence gives itself away at its first lower-case word
        word = m.group()
        if word.lower() not in HEADLINE_SMALL:
            if not word[0].isupper():
                return False
            content += 1
    return content >= 3


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_LINE = re.compile(r"[^\n]+")
_COMPOUND_ADJECTIVE = re.compile(r"-(?:[a-z]+(?:ed|ing)|born|made|style|era|wide)$")

# How many tokens before a name the scan reads ("the Minister of …", "campaign spokesman …").
_BACK = 4


def scan_mentions(text: str) -> list[Mention]:
    """Every name mention of `text`, in order; title-case headline lines are not read.

    A name never runs across a line break, so the text is scanned line by line, each line with
    the few tokens around it that the rules read (`_BACK` before, one after). Lines are
    tokenised through `tokenize`'s cache, which the quote and statement finders then hit, and
    each line's mentions are remembered (`_RECENT`): the quote finder scans the reporter's
    words and the statement finder the whole text, and outside quotations their lines are the
    same. tests/test_mention_scan.py pins this against one scan of the whole text."""
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text)]
    toks = [[] if _is_headline(line) else tokenize(line) for _, line in lines]
    afters: list[Token | None] = []  # per line, the first token after it
    after: Token | None = None
    for line_toks in reversed(toks):
        afters.append(after)
        after = line_toks[0] if line_toks else after
    afters.reverse()
    out: list[Mention] = []
    before: list[Token] = []
    for n, (base, line) in enumerate(lines):
        if not toks[n]:
            continue
        after = afters[n]
        key = (line, base, tuple(t.text for t in before), after.text if after else None)
        found = _RECENT.get(key)
        if found is None:
            found = _scan_line(base, [*before, *toks[n], *([after] if after else [])], len(before), len(toks[n]))
            _RECENT.put(key, found)
        out.extend(found)
        before = [*before, *toks[n]][-_BACK:]
    return out


# line, its offset, the texts of the tokens before it and of the one after it -> its mentions
_RECENT: Recent[tuple[str, int, tuple[str, ...], str | None], tuple[Mention, ...]] = Recent(512)


def _scan_line(base: int, toks: list[Token], lo: int, n: int) -> tuple[Mention, ...]:
    """The mentions of one line: its tokens are toks[lo : lo + n], with the tokens before and after
    it in the text around them (never part of a name: only their words are read)."""
    hi = lo + n
    out: list[Mention] = []
    # a name starts at a capitalised word: go from one to the next
    starts = [k for k in range(lo, hi) if toks[k].text[0].isupper() and toks[k].text[0].isalnum()]
    s = 0
    i = lo
    while i < hi:
        while s < len(starts) and starts[s] < i:
            s += 1
        if s == len(starts):
            break
        i = starts[s]
        j = i
        run: list[Token] = []
        while j < hi:
            t = toks[j]
            if t.is_word and t.is_cap:
                run.append(t)
            elif t.text == "." and run and (len(run[-1].text) == 1 or run[-1].low in HONORIFICS):
                pass
            elif t.low in CONNECTORS and j + 1 < len(toks) and toks[j + 1].is_cap and run:
                run.append(t)
            else:
                break
            if t.is_word and t.text != t.bare:  # possessive ends the name
                j += 1
                break
            j += 1
        k = i - 2 if i > 1 and toks[i - 1].low == "the" else i - 1
        mention = _mention(run, base, k > 0 and toks[k].low == "of" and toks[k - 1].low in ROLE_HEADS)
        if mention and mention.title is None and i > 0:
            mention = _with_lower_role(mention, toks, i)
        if mention:
            out.append(mention)
        i = max(j, i + 1)
    return tuple(out)


def _with_lower_role(m: Mention, toks: list[Token], i: int) -> Mention:
    """ "Harbour master Tomas Reyes", "campaign spokesman Brian Fallon": a role written in lower case."""
    if not toks[i - 1].is_word or toks[i - 1].is_cap or toks[i - 1].low not in ROLE_HEADS:
        return m
    j = i - 1
    while (
        j - 1 >= 0
        and i - j < 4
        and toks[j - 1].is_word
        and toks[j - 1].low not in NOMINAL_STOP
        and toks[j - 1].low not in CUES
    ):
        if toks[j - 1].low in {"the", "a", "an", "his", "her", "their", "its"}:
            break
        j -= 1
    title = " ".join(t.text for t in toks[j:i])
    return Mention(m.start, m.end, m.name, title, m.org)

def _mention(run: list[Token], base: int, after_of: bool = False) -> Mention | None:
    while run and (run[0].low in OPENERS or run[0].low in CUES) and len(run) > 1:
        run = run[1:]
    words = [t.bare if k == len(run) - 1 else t.text for k, t in enumerate(run)]
    if not words:
        return None
    title, name = split_title(words)
    while after_of and len(name) > 2 and not is_org(name) and name[0].lower() in TITLE_OBJECTS | NOT_NAME:
        title, name = [*title, name[0]], name[1:]  # "(Director of) National Intelligence James Clapper"
    if not name or name[0].lower() in CONNECTORS:  # "Director of Academic Affairs" is a role
        return None
    if any(_COMPOUND_ADJECTIVE.search(w) for w in name):  # "Ivy League-trained", "Seoul-based"
        return None
    org = is_org(name) or words[0] == "The"
    if not org and all(w.lower() in NOT_NAME for w in name):
        return None
    if not org:  # "Republican Donald Trump", "Rival Hillary Clinton": a descriptor, not the name
        while len(name) > 1 and name[0].lower() in DESCRIPTORS:
            title, name = [*title, name[0]], name[1:]
    title = [
        w + "." if w.lower() in ABBREVIATIONS and w[-1] != "." else w for w in title
    ]  # "Sen." not "Sen"
    first = run[len(run) - len(name)]
    last = run[-1]
    return Mention(base + first.start, base + last.start + len(last.bare), " ".join(name), " ".join(title) or None, org)
