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
from functools import lru_cache

from briefing.extract.quotes.lexicon import (
    ORG_WORDS,
    ROLE_HEADS,
)
from briefing.extract.quotes.mentions import Mention, role_text, scan_mentions, split_title
from briefing.extract.quotes.namewords import (
    NON_VERBS,
    NOT_NAME,
    SUFFIXES,
    THINGS,
)
from briefing.model import Person


def _norm(name: str) -> str:
    return re.sub(r"[\s\-‑]+", " ", name.replace("’", "'")).strip().casefold()


_APPOSITIVE = re.compile(r",\s+((?:the|a|an)\s+[^,.;:“”\"()]{2,60}?)\s*,")


_SUBJECT_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:,[^,.;]{1,80},\s*)?([a-z]+)\b")
_INVERTED_BEFORE = re.compile(r"\b(?:said|says|added|asked|wrote|told)\s+$")
_WHO = re.compile(r",\s+who\b")
_MALE_TITLE = re.compile(r"\b(?:mr|sir|king|prince|father|husband|son|brother)\b|man\b")
_FEMALE_TITLE = re.compile(r"\b(?:mrs|ms|miss|madam|dame|queen|princess|mother|wife|daughter|sister)\b|woman\b")
_SUBJECT_PRONOUN = re.compile(r"\b(he|his|himself|she|herself)\b", flags=re.IGNORECASE)
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


@lru_cache(maxsize=8)
def _alias_table(people: tuple[Person, ...]) -> dict[str, Person]:
    """Every written form of every registry person (normalised), built once per registry."""
    alias: dict[str, Person] = {}
    for p in people:
        for form in (p.name, *p.aliases):
            alias.setdefault(_norm(form), p)
            _, bare = split_title(form.split())
            if bare:
                alias.setdefault(_norm(" ".join(bare)), p)
    return alias


class NameIndex:
    """Every name mention of a document, with canonical forms and roles for speakers."""

    # The last index built, to copy from: the quote finder and the statement finder each build one,
    # and for a document without quotations both read the same text.
    _last: tuple[tuple[str, tuple[Person, ...]], NameIndex] | None = None

    def __init__(self, text: str, people: Sequence[Person]):
        self.speakers: set[str] = set()  # names found as subjects of reporting verbs (people, surely)
        key = (text, tuple(people))
        last = NameIndex._last
        if last is not None and last[0] == key:
            # everything but `speakers` depends only on the text and the registry (and the tables of
            # remembered answers stay true); `speakers` grows as quotes are attributed
            speakers = self.speakers
            self.__dict__.update(last[1].__dict__)
            self.speakers = speakers
            return
        self.text = text
        self.people = list(people)
        self._alias = _alias_table(key[1])
        self.mentions: list[Mention] = scan_mentions(text)
        self._index_mentions()
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
        NameIndex._last = (key, self)

    def _genders(self, text: str) -> dict[str, str]:
        """Canonical name -> "m"/"f" from courtesy titles, gendered role words and the pronouns that follow."""
        votes: dict[str, int] = {}
        people = [m for m in self.mentions if self.is_person(m)]
        for k, m in enumerate(people):
            name = self.canonical(m.name, m.start)
            vote = 0
            title = (m.title or "").lower()
            if _MALE_TITLE.search(title):
                vote += 2
            if _FEMALE_TITLE.search(title):
                vote -= 2
            stop = people[k + 1].start if k + 1 < len(people) else len(text)
            window = text[m.end : min(stop, m.end + 250)].split("\n\n")[0]
            pron = _SUBJECT_PRONOUN.search(window)  # not objects
            if pron:
                vote += 1 if pron.group(1).lower() in ("he", "his", "himself") else -1
            votes[name] = votes.get(name, 0) + vote
        return {n: ("m" if v > 0 else "f") for n, v in votes.items() if v}

    # -- resolution ------------------------------------------------------------------------

    def registry(self, name: str) -> Person | None:
        """The registry person a written name stands for, if the registry lists that form."""
        if name in self._registry_memo:
            return self._registry_memo[name]
        p = self._alias.get(_norm(name))
        if not p:
            _, bare = split_title(name.split())
            p = self._alias.get(_norm(" ".join(bare))) if bare else None
        self._registry_memo[name] = p
        return p

    # -- look-up structures ------------------------------------------------------------------
    #
    # Every question below ("the fullest form of this name", "who does 'he' stand for") used to walk
    # the mentions; on a long document with thousands of names and as many questions that was most of
    # the extraction time. Mentions do not change once scanned, so each answer that depends only on
    # them is indexed or remembered; the answers are exactly those of the walks they replace.

    def _index_mentions(self) -> None:
        self._registry_memo: dict[str, Person | None] = {}
        self._canonical_memo: dict[tuple[str, int], str] = {}
        self._role_memo: dict[str, str | None] = {}
        self._first_word_memo: dict[int, bool] = {}
        # id(mention) -> `is_person` before and after its speakers test (see `_person_parts`)
        self._person_memo: dict[int, tuple[bool | None, bool]] = {}
        # non-organisation mentions by start (what `full_form` looks through), with their lower-cased words
        ordered = sorted((m for m in self.mentions if not m.org), key=lambda m: m.start)
        self._by_start: list[Named] = [(m, [w.lower() for w in m.name.split()]) for m in ordered]
        self._starts = [m.start for m in ordered]
        self._by_surname: dict[str, list[int]] = {}  # positions in _by_start of names of 2+ words, by surname
        self._by_first: dict[str, list[int]] = {}  # ... by first word
        self._longer: list[int] = []  # ... of names of 3+ words
        for k, (_, ws) in enumerate(self._by_start):
            if len(ws) > 1:
                self._by_surname.setdefault(_surname(ws), []).append(k)
                self._by_first.setdefault(ws[0], []).append(k)
            if len(ws) > 2:
                self._longer.append(k)
        # all mentions in document order: `_scan` emits them left to right, without overlaps
        self._mention_starts = [m.start for m in self.mentions]
        self._ordered = all(
            a.end <= b.start for a, b in zip(self.mentions, self.mentions[1:], strict=False)
        ) and all(m.start < m.end for m in self.mentions)
        self._orgs = [k for k, m in enumerate(self.mentions) if m.org]
        self._by_name: dict[str, list[Mention]] = {}
        for m in self.mentions:
            self._by_name.setdefault(m.name, []).append(m)

    def full_form(self, name: str, at: int) -> str:
        """The fullest form of `name` the document uses: the most recent before `at`, else the first after."""
        return self._full_form(name, bisect.bisect_left(self._starts, at))

    # How many longer mentions on each side of a name `full_form` looks through.  An article
    # names a few dozen people, so this is all of them; in a book-length document it keeps the
    # lookup local (and the whole index linear) instead of scanning every mention for every name.
    _NEARBY = 200

    def _full_form(self, name: str, i: int) -> str:
        """`full_form` for a name written just before the `i`-th non-organisation mention.

        Among the mentions longer than `name` within `_NEARBY` mentions on either side: a single
        word is a surname first ("Trump" is "Donald Trump", the nearest before, else the first
        after), then a first word (Korean order, "Lee" -> "Lee Jae-myung", which must be a
        person's name); a longer name must be contained in the fuller one.
        """
        parts = name.split()
        if not parts:
            return name
        lo, hi = max(0, i - self._NEARBY), min(len(self._starts), i + self._NEARBY)
        if len(parts) == 1:
            found = self._nearest(self._by_surname.get(parts[-1].lower(), []), i, lo, hi, lambda k: True)
            if found is None:
                found = self._nearest(
                    self._by_first.get(parts[0].lower(), []), i, lo, hi, self._first_word_form_at
                )
        else:
            n = len(parts)
            found = self._nearest(
                self._longer,
                i,
                lo,
                hi,
                lambda k: len(self._by_start[k][1]) > n and _extends(parts, self._by_start[k][1]),
            )
        return self._by_start[found][0].name if found is not None else name

    @staticmethod
    def _nearest(positions: list[int], i: int, lo: int, hi: int, accept) -> int | None:
        """The last accepted position in [lo, i), else the first in [i, hi) (`positions` ascending)."""
        j = bisect.bisect_left(positions, i)
        for k in range(j - 1, -1, -1):
            if positions[k] < lo:
                break
            if accept(positions[k]):
                return positions[k]
        for k in range(j, len(positions)):
            if positions[k] >= hi:
                break
            if accept(positions[k]):
                return positions[k]
        return None

    def _first_word_form_at(self, k: int) -> bool:
        if k not in self._first_word_memo:
            self._first_word_memo[k] = self._first_word_form(self._by_start[k][0])
        return self._first_word_memo[k]

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
        i = bisect.bisect_left(self._starts, at)  # all `full_form` needs of `at`
        key = (name, i)
        found = self._canonical_memo.get(key)
        if found is None:
            p = self.registry(name)
            if p:
                found = p.name
            else:
                full = self._full_form(name, i)
                p = self.registry(full)
                found = p.name if p else full
            self._canonical_memo[key] = found
        return found

    def role(self, canonical: str) -> str | None:
        if canonical not in self._role_memo:
            found = self.roles.get(canonical)
            for p in self.people:
                if p.name == canonical:
                    found = p.role
                    break
            self._role_memo[canonical] = found
        return self._role_memo[canonical]

    def is_person(self, m: Mention) -> bool:
        if not hasattr(self, "roles"):  # while the index is being built: nothing to remember yet
            before, after = self._person_parts(m)
            return before if before is not None else (m.name in self.speakers or after)
        memo = self._person_memo.get(id(m))
        if memo is None:
            memo = self._person_memo[id(m)] = self._person_parts(m)
        before, after = memo
        if before is not None:
            return before
        return m.name in self.speakers or after  # `speakers` grows as quotes are attributed

    def _person_parts(self, m: Mention) -> tuple[bool | None, bool]:
        """`is_person` without its one changing input (the speakers found so far): the answer decided
        before that test (None: undecided), and the answer after it."""
        if m.org or all(len(w) > 1 and w.replace(".", "").isupper() for w in m.name.split()):
            return False, False  # "DNC", "FBI", "NATO": an acronym names an institution
        if m.name.split()[-1].lower().rstrip(".") in THINGS:
            return False, False  # "Referendum Act", "Camp David Accords": a law or an event, not a person
        if m.title or self.registry(m.name) or self.canonical(m.name, m.start) in getattr(self, "roles", {}):
            return True, True
        words = m.name.split()
        if any(w.lower() in NOT_NAME for w in words) or len(words) > 3:
            return None, False
        if len(words) < 2:
            return None, self._in_full_name(m.name)  # "Jones" counts once "Jane Jones" was written
        if words[0].lower() in self._reused or words[-1].lower() in self._reused:
            return None, True
        # "Tomas Reyes inspected …", "Jane Jones was …", "Bob Smith, who …": a name that acts or is described
        if _WHO.match(self.text, m.end):
            return None, True
        return None, self.is_subject(m)

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
        if not self._ordered:
            return any(
                (m.start <= at < m.end + 1 or m.name == name) and self.is_person(m) for m in self.mentions
            )
        # the mentions around `at` (in order and apart, so the ones that reach it are the last that start
        # at or before it), and every mention written as `name`
        k = bisect.bisect_right(self._mention_starts, at) - 1
        while k >= 0 and self.mentions[k].end + 1 > at:
            if self.is_person(self.mentions[k]):
                return True
            k -= 1
        return any(self.is_person(m) for m in self._by_name.get(name, ()))

    def is_subject(self, m: Mention) -> bool:
        """A mention that acts ("Smith criticized", "Smith, 54, said", "said Smith"), not one acted on."""
        after = _SUBJECT_AFTER.match(self.text, m.end)
        if after and after.group(1) not in NON_VERBS:
            return True
        return bool(_INVERTED_BEFORE.search(self.text, max(0, m.start - 12), m.start))

    def _before(self, at: int) -> range:
        """Indexes of the mentions that start before `at`, most recent first."""
        if not self._ordered:
            return range(len(self.mentions) - 1, -1, -1)  # every one (the callers skip the others)
        return range(bisect.bisect_left(self._mention_starts, at) - 1, -1, -1)

    def last_person(self, at: int, gender: str | None = None) -> str | None:
        """The person "he"/"she" at `at` most likely stands for.

        The most recent person whose gender fits and who acted (the subject of a verb) in the last few
        sentences wins; else the most recent fitting person named at all; a person of unknown gender
        stands in when no fitting one is near.
        """
        subject = mention = unknown = fallback = None
        for k in self._before(at):
            m = self.mentions[k]
            if m.start >= at or not self.is_person(m):
                continue
            if mention is not None and at - m.start >= 600:
                break  # no subject can be found this far back, and the answer is `mention`
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
        if self._ordered:  # the most recent one is the nearest; if it is too far, so are the others
            k = bisect.bisect_left(self._orgs, bisect.bisect_left(self._mention_starts, at)) - 1
            if k < 0:
                return None
            m = self.mentions[self._orgs[k]]
            return m.name if within is None or at - m.start <= within else None
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
        fitting: list[str] = []
        for k in self._before(at):
            m = self.mentions[k]
            if m.start < at and self.is_person(m):
                name = self.canonical(m.name, m.start)
                if name not in seen:
                    seen.append(name)
                    if role and re.search(role, self.role(name) or "", flags=re.IGNORECASE):
                        fitting.append(name)
                if len(seen) >= count and (not role or len(fitting) >= count):
                    break  # older people would only come after these
        if role and len(fitting) >= count:
            return fitting[:count]
        return seen[:count]

    def last_with_role(self, head: str, at: int) -> str | None:
        """The most recent person whose title or registry role contains `head` ("the minister")."""
        head = head.lower()
        pattern = re.compile(rf"\b{re.escape(head)}")
        for k in self._before(at):
            m = self.mentions[k]
            if m.start >= at or not self.is_person(m):
                continue
            name = self.canonical(m.name, m.start)
            role = " ".join(filter(None, [m.title, self.role(name)])).lower()
            if pattern.search(role):
                return name
        return None
