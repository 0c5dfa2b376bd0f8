"""Name mentions: the capitalised runs of a document that name a person or an organisation.

Scanning is separate from resolving (`names.NameIndex`): here a run of capitalised words is cut
into its title part ("National Security Adviser") and its name part, openers and descriptors
are dropped ("Republican Donald Trump"), and headlines in title case are ignored, with no
knowledge yet of who is who.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Mention:
    """A capitalised name written in the document, split into its title part and its name part."""

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
        rest = [x.lower().rstrip(".") for x in words[i + 1 :]]
        if w.lower().rstrip(".") in ROLE_HEADS and not (rest and all(x in SUFFIXES for x in rest)):
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


def _blank_headlines(text: str) -> str:
    """Blank lines written in title case: "Obama Sees Personal Insult" would pass for a name."""

    def blank(m: re.Match[str]) -> str:
        line = m.group(0)
        words = re.findall(r"[A-Za-z][\w’'-]*", line)
        content = [w for w in words if w.lower() not in HEADLINE_SMALL]
        if len(content) >= 3 and all(w[0].isupper() for w in content):
            return " " * len(line)
        return line

    return re.sub(r"[^\n]+", blank, text)


_COMPOUND_ADJECTIVE = re.compile(r"-(?:[a-z]+(?:ed|ing)|born|made|style|era|wide)$")




def scan_mentions(text: str) -> list[Mention]:
    """Every name mention of `text`, in order; title-case headline lines are not read."""
    return _scan(_blank_headlines(text))


def _scan(text: str) -> list[Mention]:
    toks = tokenize(text)
    out: list[Mention] = []
    # a name starts at a capitalised word: go from one to the next
    starts = [k for k, t in enumerate(toks) if t.text[0].isupper() and t.text[0].isalnum()]
    s = 0
    i = 0
    while i < len(toks):
        while s < len(starts) and starts[s] < i:
            s += 1
        if s == len(starts):
            break
        i = starts[s]
        j = i
        run: list[Token] = []
        while j < len(toks):
            t = toks[j]
            if j > i and "\n" in text[toks[j - 1].end : t.start]:
                break  # a name never runs across a line break
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
        mention = _mention(run, k > 0 and toks[k].low == "of" and toks[k - 1].low in ROLE_HEADS)
        if mention and mention.title is None and i > 0:
            mention = _with_lower_role(mention, toks, i)
        if mention:
            out.append(mention)
        i = max(j, i + 1)
    return out

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

def _mention(run: list[Token], after_of: bool = False) -> Mention | None:
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
    return Mention(first.start, last.start + len(last.bare), " ".join(name), " ".join(title) or None, org)
