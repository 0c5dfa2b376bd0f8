"""Names in one document: mentions, canonical forms, roles, and what "he" or "the minister" refers to.

A speaker must come out under one name however the article writes it:
"President Lee", "Lee" and "Lee Jae-myung" are one person. The `people:`
registry decides first (canonical name and role); for anyone it does not
list, the fullest form the document itself uses wins, with the title or role
written next to it. Short forms link to a full form by its first token
(Korean order, "Lee Jae Myung" -> "Lee") or its last (Western order,
"Dean Acheson" -> "Acheson"), the most recent such full form first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.extract.quotes.lexicon import CUE_FORMS as CUES
from briefing.extract.quotes.lexicon import (
    NOMINAL_STOP,
    ORG_WORDS,
    ROLE_HEADS,
    TITLE_OBJECTS,
)
from briefing.extract.quotes.namewords import (
    CONNECTORS,
    DESCRIPTORS,
    HEADLINE_SMALL,
    NON_VERBS,
    NOT_NAME,
    OPENERS,
    SUFFIXES,
    THINGS,
)
from briefing.extract.quotes.tokens import Token, tokenize
from briefing.model import Person
from briefing.text.abbreviations import ABBREVIATIONS, COURTESY_TITLES, HONORIFICS


@dataclass(frozen=True)
class Mention:
    """A capitalised name written in the document, split into its title part and its name part."""

    start: int  # document offset of the name part
    end: int
    name: str  # name part, honorifics removed ("Mr. Clarke" -> "Clarke")
    title: str | None  # title written before it ("National Security Adviser"), if any
    org: bool


def _norm(name: str) -> str:
    return re.sub(r"[\s\-‑]+", " ", name.replace("’", "'")).strip().casefold()


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


_APPOSITIVE = re.compile(r",\s+((?:the|a|an)\s+[^,.;:“”\"()]{2,60}?)\s*,")


_SUBJECT_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,.;]{1,80},\s*)?([a-z]+)\b")
_INVERTED_BEFORE = re.compile(r"\b(?:said|says|added|asked|wrote|told)\s+$")
_COMPOUND_ADJECTIVE = re.compile(r"-(?:[a-z]+(?:ed|ing)|born|made|style|era|wide)$")


def _surname(words: Sequence[str]) -> str:
    """The last word of a name before any generational suffix ("Brandt" in "Harold Brandt Jr.")."""
    core = list(words)
    while len(core) > 1 and core[-1].lower().rstrip(".") in SUFFIXES:
        core.pop()
    return core[-1]


def _extends(parts: Sequence[str], fuller: Sequence[str]) -> bool:
    """A fuller written name that contains `parts`, without adding a generational suffix: "Donald Trump"
    is in "Donald J. Trump", but "Donald Trump Jr." is another person."""
    short = [p.lower().rstrip(".") for p in parts]
    full = [w.rstrip(".") for w in fuller]
    if full[-1] in SUFFIXES and short[-1] not in SUFFIXES:
        return False
    return " ".join(full).find(" ".join(short)) >= 0


Named = tuple["Mention", list[str]]  # a mention and its lower-cased words


class NameIndex:
    """Every name mention of a document, with canonical forms and roles for speakers."""

    def __init__(self, text: str, people: Sequence[Person]):
        self.text = text
        self.people = list(people)
        self._alias: dict[str, Person] = {}
        for p in self.people:
            for form in (p.name, *p.aliases):
                self._alias.setdefault(_norm(form), p)
                _, bare = split_title(form.split())
                if bare:
                    self._alias.setdefault(_norm(" ".join(bare)), p)
        self.mentions: list[Mention] = self._scan(_blank_headlines(text))
        self.speakers: set[str] = set()  # names found as subjects of reporting verbs (people, surely)
        singles = [m.name.lower() for m in self.mentions if " " not in m.name]
        self._reused = set(singles)
        self.roles: dict[str, str] = {}  # canonical name -> role stated in the document
        for m in self.mentions:
            title = role_text((m.title or "").split())
            if title and not m.org:
                self.roles.setdefault(self.canonical(m.name, m.start), title)
        for m in self.mentions:
            appositive = _APPOSITIVE.match(text, m.end)  # "Jane Jones, the mayor, said"
            if appositive and not m.org and any(w.lower() in ROLE_HEADS for w in appositive.group(1).split()):
                self.roles.setdefault(self.canonical(m.name, m.start), appositive.group(1))
        self.genders = self._genders(text)

    def _genders(self, text: str) -> dict[str, str]:
        """Canonical name -> "m"/"f" from courtesy titles, gendered role words and the pronouns that follow."""
        votes: dict[str, int] = {}
        people = [m for m in self.mentions if self.is_person(m)]
        for k, m in enumerate(people):
            name = self.canonical(m.name, m.start)
            vote = 0
            title = (m.title or "").lower()
            if re.search(r"\b(?:mr|sir|king|prince|father|husband|son|brother)\b|man\b", title):
                vote += 2
            if re.search(
                r"\b(?:mrs|ms|miss|madam|dame|queen|princess|mother|wife|daughter|sister)\b|woman\b", title
            ):
                vote -= 2
            stop = people[k + 1].start if k + 1 < len(people) else len(text)
            window = text[m.end : min(stop, m.end + 250)].split("\n\n")[0]
            pron = re.search(r"\b(he|his|himself|she|herself)\b", window, flags=re.IGNORECASE)  # not objects
            if pron:
                vote += 1 if pron.group(1).lower() in ("he", "his", "himself") else -1
            votes[name] = votes.get(name, 0) + vote
        return {n: ("m" if v > 0 else "f") for n, v in votes.items() if v}

    # -- scanning --------------------------------------------------------------------------

    def _scan(self, text: str) -> list[Mention]:
        toks = tokenize(text)
        out: list[Mention] = []
        i = 0
        while i < len(toks):
            if not toks[i].is_cap or not toks[i].is_word:
                i += 1
                continue
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
            mention = self._mention(run, k > 0 and toks[k].low == "of" and toks[k - 1].low in ROLE_HEADS)
            if mention and mention.title is None and i > 0:
                mention = self._with_lower_role(mention, toks, i)
            if mention:
                out.append(mention)
            i = max(j, i + 1)
        return out

    @staticmethod
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

    def _mention(self, run: list[Token], after_of: bool = False) -> Mention | None:
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

    # -- resolution ------------------------------------------------------------------------

    def registry(self, name: str) -> Person | None:
        """The registry person a written name stands for, if the registry lists that form."""
        p = self._alias.get(_norm(name))
        if p:
            return p
        _, bare = split_title(name.split())
        return self._alias.get(_norm(" ".join(bare))) if bare else None

    def full_form(self, name: str, at: int) -> str:
        """The fullest form of `name` the document uses: the most recent before `at`, else the first after."""
        parts = name.split()
        if not parts:
            return name
        best: str | None = None
        key_first, key_last = parts[0].lower(), parts[-1].lower()
        before, after = self._nearby_longer(len(parts), at)
        # a single word is a surname: "Trump" is "Donald Trump" (last word) before "Trump Tower" (first
        # word); a first-word match (Korean order, "Lee" -> "Lee Jae-myung") must be a person
        for first_word in (False, True):
            for pool in (reversed(before), after):
                for m, ws in pool:
                    if len(parts) == 1 and not first_word and _surname(ws) == key_last:
                        best = m.name
                    elif len(parts) == 1 and first_word and ws[0] == key_first and self._first_word_form(m):
                        best = m.name
                    elif len(parts) > 1 and _extends(parts, ws):
                        best = m.name
                    if best:
                        return best
        return name

    # How many longer mentions on each side of a name `full_form` looks through.  An article
    # names a few dozen people, so this is all of them; in a book-length document it keeps the
    # lookup local (and the whole index linear) instead of scanning every mention for every name.
    _NEARBY = 200

    def _nearby_longer(self, words: int, at: int) -> tuple[list[Named], list[Named]]:
        """Return (mention, its lower-cased words) for the non-organisation mentions longer than
        `words` words just before and just after `at`."""
        if not hasattr(self, "_by_start"):
            ordered = sorted((m for m in self.mentions if not m.org), key=lambda m: m.start)
            self._by_start: list[Named] = [(m, [w.lower() for w in m.name.split()]) for m in ordered]
            self._starts = [m.start for m in ordered]
        i = bisect.bisect_left(self._starts, at)
        lo, hi = max(0, i - self._NEARBY), min(len(self._starts), i + self._NEARBY)
        before = [n for n in self._by_start[lo:i] if len(n[1]) > words]
        after = [n for n in self._by_start[i:hi] if len(n[1]) > words]
        return before, after

    def _first_word_form(self, m: Mention) -> bool:
        """A full name that starts with the surname is a person's ("Lee Jae-myung"), not "Trump Tower"."""
        words = m.name.split()
        if any(w.lower().rstrip(".") in ORG_WORDS or w.lower() in NOT_NAME for w in words[1:]):
            return False
        if m.title or self.registry(m.name) is not None or any("-" in w for w in words[1:]):
            return True
        return len(words) == 2 and self.is_subject(m)  # "Xi Jinping spoke"

    def canonical(self, name: str, at: int) -> str:
        """Canonical speaker name for a written name at document offset `at`."""
        p = self.registry(name)
        if p:
            return p.name
        full = self.full_form(name, at)
        p = self.registry(full)
        return p.name if p else full

    def role(self, canonical: str) -> str | None:
        for p in self.people:
            if p.name == canonical:
                return p.role
        return self.roles.get(canonical)

    def is_person(self, m: Mention) -> bool:
        if m.org or all(len(w) > 1 and w.replace(".", "").isupper() for w in m.name.split()):
            return False  # "DNC", "FBI", "NATO": an acronym names an institution
        if m.name.split()[-1].lower().rstrip(".") in THINGS:
            return False  # "Referendum Act", "Camp David Accords": a law or an event, not a person
        if m.title or self.registry(m.name) or self.canonical(m.name, m.start) in getattr(self, "roles", {}):
            return True
        if m.name in self.speakers:
            return True
        words = m.name.split()
        if any(w.lower() in NOT_NAME for w in words) or len(words) > 3:
            return False
        if len(words) < 2:
            return self._in_full_name(m.name)  # "Jones" counts once "Jane Jones" was written
        if words[0].lower() in self._reused or words[-1].lower() in self._reused:
            return True
        # "Tomas Reyes inspected …", "Jane Jones was …", "Bob Smith, who …": a name that acts or is described
        if re.match(r",\s+who\b", self.text[m.end :]):
            return True
        return self.is_subject(m)

    def _in_full_name(self, word: str) -> bool:
        if not hasattr(self, "_full_name_ends"):  # first and last words of every full name, once
            self._full_name_ends: set[str] = set()
            for m in self.mentions:
                ws = [w.lower() for w in m.name.split()]
                if not m.org and len(ws) >= 2:
                    self._full_name_ends.update((ws[0], ws[-1]))
        return word.lower() in self._full_name_ends

    def names_person(self, name: str, at: int) -> bool:
        """True when `name` written at `at` is a person the document names (a mention that passes `is_person`)."""
        if self.registry(name):
            return True
        for m in self.mentions:
            if m.start <= at < m.end + 1 or m.name == name:
                if self.is_person(m):
                    return True
        return False

    def is_subject(self, m: Mention) -> bool:
        """A mention that acts ("Smith criticized", "Smith, 54, said", "said Smith"), not one acted on."""
        after = _SUBJECT_AFTER.match(self.text, m.end)
        if after and after.group(1) not in NON_VERBS:
            return True
        return bool(_INVERTED_BEFORE.search(self.text, max(0, m.start - 12), m.start))

    def last_person(self, at: int, gender: str | None = None) -> str | None:
        """The person "he"/"she" at `at` most likely stands for.

        The most recent person whose gender fits and who acted (the subject of a verb) in the last few
        sentences wins; else the most recent fitting person named at all; a person of unknown gender
        stands in when no fitting one is near.
        """
        subject = mention = unknown = fallback = None
        for m in reversed(self.mentions):
            if m.start >= at or not self.is_person(m):
                continue
            name = self.canonical(m.name, m.start)
            known = getattr(self, "genders", {}).get(name)
            fits = gender is None or known == gender or known is None
            if fits and subject is None and at - m.start < 600 and self.is_subject(m):
                subject = name
            if gender is None or known == gender:
                mention = mention or name
            elif known is None:
                unknown = unknown or name
            fallback = fallback or name
            if subject:
                break
        return subject or mention or unknown or fallback

    def last_org(self, at: int, within: int | None = None) -> str | None:
        """The most recent organisation named before `at` (what "it" most likely refers to as a speaker)."""
        for m in reversed(self.mentions):
            if m.start < at and m.org and (within is None or at - m.start <= within):
                return m.name
        return None

    def last_people(self, at: int, count: int, role: str | None = None) -> list[str]:
        """The `count` most recent distinct people named before `at` (for "the two leaders").

        With `role` (a regular expression), people whose stated or registry role matches come first,
        so an aide named between two leaders does not stand in for one of them.
        """
        seen: list[str] = []
        for m in reversed(self.mentions):
            if m.start < at and self.is_person(m):
                name = self.canonical(m.name, m.start)
                if name not in seen:
                    seen.append(name)
        if role:
            fitting = [n for n in seen if re.search(role, self.role(n) or "", flags=re.IGNORECASE)]
            if len(fitting) >= count:
                return fitting[:count]
        return seen[:count]

    def last_with_role(self, head: str, at: int) -> str | None:
        """The most recent person whose title or registry role contains `head` ("the minister")."""
        head = head.lower()
        for m in reversed(self.mentions):
            if m.start >= at or not self.is_person(m):
                continue
            name = self.canonical(m.name, m.start)
            role = " ".join(filter(None, [m.title, self.role(name)])).lower()
            if re.search(rf"\b{re.escape(head)}", role):
                return name
        return None
