"""The name index answers its questions from look-up tables; these must be exactly the answers of
the plain walks over every mention they replaced (kept here as the reference), on a long made-up
article with many people, organisations, titles, repeated surnames and pronouns."""

from __future__ import annotations

import random
import re

from briefing.extract.quotes.mentions import Mention
from briefing.extract.quotes.names import NameIndex, _extends, _surname
from briefing.extract.quotes.namewords import NOT_NAME, THINGS
from briefing.model import Person

PEOPLE = (
    Person("Park Min-jun", "Minister of Fisheries", ("Park", "Minister Park")),
    Person("Helena Varga", "Prime Minister of Hungaria", ("Varga",)),
)

SENTENCES = (
    "Harbour master Tomas Reyes inspected the fleet.",
    "Reyes said the boats were safe.",
    "Park Min-jun met Helena Varga in the capital.",
    "Park told reporters that he would return.",
    "Sen. Maria Lopez said she would vote against it.",
    "Lopez, who chairs the committee, disagreed.",
    "Mrs. Jane Jones, the mayor, opened the bridge.",
    "Jones was pleased, she said.",
    "Lee Jae-myung spoke after Lee Sung-ho.",
    "Lee said the talks went well.",
    "Northbank Inc. reported higher profits.",
    "The Fisheries Ministry said it would review the rules.",
    "Donald J. Trump and Donald Trump Jr. attended.",
    "Trump spoke first.",
    "Prime Minister Kim Soo-hyun met President Ana Ruiz.",
    "The two leaders agreed, Kim said.",
    "Ruiz, the president, said her country would wait.",
    "Tomas Alberto Reyes Garcia later resigned.",
    "The minister declined to comment.",
    "He said nothing more.",
    "Trump Tower was closed on Monday.",
    "Officials in Seoul and Tokyo agreed to meet again.",
)


def article(seed: int, n: int) -> str:
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(n):
        paragraphs.append(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))))
    return "\n\n".join(paragraphs)


# -- the walks the index replaced ---------------------------------------------------------


_NAMED: dict[int, list] = {}


def _named(ix: NameIndex) -> list:
    """Non-organisation mentions by start with their lower-cased words (built once per index)."""
    if id(ix) not in _NAMED:
        ordered = sorted((m for m in ix.mentions if not m.org), key=lambda m: m.start)
        _NAMED[id(ix)] = [(m, [w.lower() for w in m.name.split()]) for m in ordered]
    return _NAMED[id(ix)]


def walk_full_form(ix: NameIndex, name: str, at: int) -> str:
    parts = name.split()
    if not parts:
        return name
    named = _named(ix)
    i = sum(1 for m, _ in named if m.start < at)
    lo, hi = max(0, i - ix._NEARBY), min(len(named), i + ix._NEARBY)
    before = [x for x in named[lo:i] if len(x[1]) > len(parts)]
    after = [x for x in named[i:hi] if len(x[1]) > len(parts)]
    key_first, key_last = parts[0].lower(), parts[-1].lower()
    for first_word in (False, True):
        for pool in (list(reversed(before)), after):
            for m, ws in pool:
                if len(parts) == 1 and not first_word and _surname(ws) == key_last:
                    return m.name
                if len(parts) == 1 and first_word and ws[0] == key_first and ix._first_word_form(m):
                    return m.name
                if len(parts) > 1 and _extends(parts, ws):
                    return m.name
    return name


def walk_canonical(ix: NameIndex, name: str, at: int) -> str:
    p = ix.registry(name)
    if p:
        return p.name
    full = walk_full_form(ix, name, at)
    p = ix.registry(full)
    return p.name if p else full


def walk_is_person(ix: NameIndex, m: Mention) -> bool:
    if m.org or all(len(w) > 1 and w.replace(".", "").isupper() for w in m.name.split()):
        return False
    if m.name.split()[-1].lower().rstrip(".") in THINGS:
        return False
    if m.title or ix.registry(m.name) or walk_canonical(ix, m.name, m.start) in ix.roles:
        return True
    if m.name in ix.speakers:
        return True
    words = m.name.split()
    if any(w.lower() in NOT_NAME for w in words) or len(words) > 3:
        return False
    if len(words) < 2:
        return ix._in_full_name(m.name)
    if words[0].lower() in ix._reused or words[-1].lower() in ix._reused:
        return True
    if re.match(r",\s+who\b", ix.text[m.end :]):
        return True
    return ix.is_subject(m)


def walk_last_person(ix: NameIndex, at: int, gender: str | None) -> str | None:
    subject = mention = unknown = fallback = None
    for m in reversed(ix.mentions):
        if m.start >= at or not walk_is_person(ix, m):
            continue
        name = walk_canonical(ix, m.name, m.start)
        known = ix.genders.get(name)
        fits = gender is None or known == gender or known is None
        if fits and subject is None and at - m.start < 600 and ix.is_subject(m):
            subject = name
        if gender is None or known == gender:
            mention = mention or name
        elif known is None:
            unknown = unknown or name
        fallback = fallback or name
        if subject:
            break
    return subject or mention or unknown or fallback


def walk_last_org(ix: NameIndex, at: int, within: int | None) -> str | None:
    for m in reversed(ix.mentions):
        if m.start < at and m.org and (within is None or at - m.start <= within):
            return m.name
    return None


def walk_last_people(ix: NameIndex, at: int, count: int, role: str | None) -> list[str]:
    seen: list[str] = []
    for m in reversed(ix.mentions):
        if m.start < at and walk_is_person(ix, m):
            name = walk_canonical(ix, m.name, m.start)
            if name not in seen:
                seen.append(name)
    if role:
        fitting = [n for n in seen if re.search(role, ix.role(n) or "", flags=re.IGNORECASE)]
        if len(fitting) >= count:
            return fitting[:count]
    return seen[:count]


def walk_last_with_role(ix: NameIndex, head: str, at: int) -> str | None:
    for m in reversed(ix.mentions):
        if m.start >= at or not walk_is_person(ix, m):
            continue
        name = walk_canonical(ix, m.name, m.start)
        role = " ".join(filter(None, [m.title, ix.role(name)])).lower()
        if re.search(rf"\b{re.escape(head)}", role):
            return name
    return None


def walk_names_person(ix: NameIndex, name: str, at: int) -> bool:
    if ix.registry(name):
        return True
    return any((m.start <= at < m.end + 1 or m.name == name) and walk_is_person(ix, m) for m in ix.mentions)


# -- the comparison -----------------------------------------------------------------------


def test_indexed_answers_equal_the_walks_on_a_long_article():
    for seed, paragraphs in ((1, 30), (2, 90)):
        text = article(seed, paragraphs)
        ix = NameIndex(text, PEOPLE)
        assert ix._ordered  # mentions come in document order, apart: what the index relies on
        names = sorted(
            {m.name for m in ix.mentions} | {"Lee", "Trump", "Donald Trump", "Tomas Reyes", "Nobody"}
        )
        positions = list(range(0, len(text) + 1, 211)) + [m.start for m in ix.mentions[::29]]
        for step, at in enumerate(positions):
            if step % 5 == 0:  # reported speakers accumulate as quotes are attributed
                ix.speakers.add(names[step % len(names)])
            for name in names[step % 3 :: 3]:
                assert ix.full_form(name, at) == walk_full_form(ix, name, at), (name, at)
                assert ix.canonical(name, at) == walk_canonical(ix, name, at), (name, at)
                assert ix.names_person(name, at) == walk_names_person(ix, name, at), (name, at)
            for gender in (None, "m", "f"):
                assert ix.last_person(at, gender) == walk_last_person(ix, at, gender), (at, gender)
            for within in (None, 400):
                assert ix.last_org(at, within) == walk_last_org(ix, at, within)
            for role in (None, r"president|prime minister"):
                for count in (1, 2, 3):
                    assert ix.last_people(at, count, role) == walk_last_people(ix, at, count, role)
            for head in ("minister", "president", "mayor", "master"):
                assert ix.last_with_role(head, at) == walk_last_with_role(ix, head, at)
        for m in ix.mentions:
            assert ix.is_person(m) == walk_is_person(ix, m)


def test_an_index_of_the_same_text_starts_with_no_speakers():
    # the statement finder's index copies the quote finder's when both read the same text; the
    # speakers the quote finder found must not come with it
    text = article(3, 20)
    first = NameIndex(text, PEOPLE)
    first.speakers.update({m.name for m in first.mentions})
    second = NameIndex(text, PEOPLE)
    assert second.speakers == set()
    assert (
        second.mentions == first.mentions and second.roles == first.roles and second.genders == first.genders
    )
    NameIndex._last = None
    fresh = NameIndex(text, PEOPLE)
    for m in fresh.mentions:
        assert second.is_person(m) == fresh.is_person(m)
    other = NameIndex(text, PEOPLE[:1])  # another registry is another index
    assert other.people == list(PEOPLE[:1])
