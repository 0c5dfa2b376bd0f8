"""Group a theme's passages by what they are about, under a heading a reader would write.

A theme concept ("Japan", "Tokyo") is a poor heading: in a Japan briefing every
passage is about Japan.  What passages share is an event or sub-topic, and the
sources name it in a phrase of two to four words that several passages repeat:
"Nara summit", "Chosei mine", "seafood import ban", "one-China policy".  Such a
phrase is found verbatim in the passages (so the heading is the sources' own
wording), it is shared by at least two passages but not by most of them (a phrase
on every passage separates nothing), and a single word is never a heading.

A heading must read as a whole noun phrase, not a piece of one.  Rejected, by how the
passages use the words rather than by a word list: a phrase most of whose uses go on
with "of" ("Support for the denuclearization [of North Korea]"), or that holds an
article or possessive and goes on with a preposition ("the ban [on ...]"); and a
possessive with one word after it ("South Korea's interest", "Seoul's leverage":
whose what, about what?).

Groups are filled greedily, the phrase that is most specific and most shared
first; a passage joins the first group whose phrase it contains.  A passage without
the phrase joins a group when one of its sentences names every content word of the
heading in any order ("tension between China and Japan" under "China-Japan tensions"),
and otherwise the group it is closest to in wording, when close enough.  The passages still
left get a second pass of their own: a phrase only they share, or a rare place or thing they
all name ("Dokdo"), headed by the phrase a member names it in ("Dokdo territorial dispute").
Passages left after that go under "Other passages" in the writers.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from briefing.select.mmr import cosine, tfidf
from briefing.select.pipeline import Selected
from briefing.select.tokenize import STOPWORDS, content_keys

MIN_WORDS, MAX_WORDS = 2, 4
MAX_SHARE = 0.4  # a phrase in more of the passages than this is the theme itself, not a sub-topic
MAX_GROUPS = 7  # at least; a long selection may have one group per PASSAGES_PER_GROUP passages
PASSAGES_PER_GROUP = 5
MIN_GROUP = 2
RARE = 10  # a name in at most one passage in this many (or two) names a sub-topic, not the theme
JOIN = 0.08  # mean cosine to a group's passages at which an ungrouped passage joins it

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2019": "'"})
# Phrases never cross punctuation: "Japan, China" is not a phrase.
_CHUNK = re.compile(r"[,;:()\[\]\u201c\u201d\"!?/\u2014]|\.(?:\s|$)|\s[\u2013-]\s")
_WORD = re.compile(r"[A-Za-z0-9][\w\u2010\u2011'\u2019.-]*")
# Words that make a phrase about the writing or a person's title rather than a sub-topic.
_WEAK = frozenset(
    "president prime minister leader leaders government side sides country countries nation nations"
    " official officials year years time week month day today ways way part issue issues people"
    " first second third last next recent recently also well however".split()
)
_TITLES = frozenset("president prime minister secretary chairman ambassador adviser speaker".split())
_ARTICLES = frozenset("the a an".split())
_PREPOSITIONS = frozenset("of in on to for with over against toward towards about from between among".split())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def group_passages(selected: Sequence[Selected]) -> list[Selected]:
    """Return the passages, in the same order, each with the heading of its group (or None)."""
    n = len(selected)
    if n < 2 * MIN_GROUP:
        return [replace(s, group=None) for s in selected]
    found_in = [_phrases(s.text) for s in selected]
    phrases = [set(f) for f in found_in]
    df: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    follows: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for found in found_in:
        for key, uses in found.items():
            df[key] += 1
            for text, after in uses:
                surface[key][text] += 1
                follows[key][after] += 1
    limit = max(MIN_GROUP, int(MAX_SHARE * n))
    candidates = [
        k
        for k, c in df.items()
        if MIN_GROUP <= c <= limit and not _truncated(k, surface[k], follows[k])
    ]

    def weight(key: tuple[str, ...]) -> float:
        # shared by several, specific (longer), and naming something (a capitalised word with a noun)
        text = surface[key].most_common(1)[0][0]
        named = any(w[:1].isupper() for w in text.split()) and any(w[:1].islower() for w in text.split())
        return df[key] * (1 + 0.35 * (len(key) - 1)) * (1.3 if named else 1.0) / math.log(2 + df[key])

    candidates.sort(key=lambda k: (-weight(k), k))
    group_of: dict[int, tuple[str, ...]] = {}
    chosen: list[tuple[str, ...]] = []
    for key in candidates:
        if len(chosen) >= max(MAX_GROUPS, n // PASSAGES_PER_GROUP):
            break
        if any(_content(key) & _content(c) for c in chosen):
            continue  # "mine disaster" after "Chosei mine": the same sub-topic
        members = [i for i in range(n) if i not in group_of and key in phrases[i]]
        if len(members) < MIN_GROUP:
            continue
        chosen.append(key)
        for i in members:
            group_of[i] = key
    _join_by_words(selected, group_of, chosen)
    _join_nearest(selected, group_of)
    more = _group_leftovers(selected, found_in, candidates, group_of, len(chosen))
    _join_by_words(selected, group_of, more)
    out = []
    for i, s in enumerate(selected):
        heading_key = group_of.get(i)
        out.append(replace(s, group=_heading(surface[heading_key]) if heading_key else None))
    return out


def _group_leftovers(
    selected: Sequence[Selected],
    found_in: Sequence[dict[tuple[str, ...], list[tuple[str, str]]]],
    candidates: Sequence[tuple[str, ...]],
    group_of: dict[int, tuple[str, ...]],
    groups: int,
) -> list[tuple[str, ...]]:
    """Give passages the first pass left out a group of their own, when two or more of them share
    what they are about; return the new groups' phrases.

    The first pass stops at a number of groups, so a sub-topic that only the left-over passages
    share ("pragmatic diplomacy" in two of them) never got its turn; it gets it here.  Then the
    left-over passages that name the same rare proper name ("Dokdo", in at most one passage in
    RARE, so not the theme itself and not a nationality) are one group, headed by the phrase one
    of them names it in: a complete one (what follows it is a function word or punctuation, not more of the noun
    phrase), not a person with a title, and not a name followed by a verb or adverb
    ("Xi emphasizing", "Lee requested").  A name no member says in such a phrase gives no group:
    a bare name is a single token.
    """
    n = len(selected)
    cap = max(MAX_GROUPS, n // PASSAGES_PER_GROUP) + max(2, n // (4 * PASSAGES_PER_GROUP))
    new: list[tuple[str, ...]] = []

    def left() -> list[int]:
        return [i for i in range(n) if i not in group_of]

    for key in candidates:
        if groups + len(new) >= cap:
            return new
        members = [i for i in left() if key in found_in[i]]
        if len(members) >= MIN_GROUP:
            new.append(key)
            for i in members:
                group_of[i] = key
    named = [_names(s.text) for s in selected]
    known = {w for found in named for w in found if not w.startswith("@")}
    for found, s in zip(named, selected, strict=True):
        # a sentence's first word is a name when the passages write it capitalised mid-sentence
        found |= {_key(w) for w in _openers(s.text)} & known
    people = {w[1:] for found in named for w in found if w.startswith("@")}
    names = [{w for w in found if not w.startswith("@") and w not in people} for found in named]
    df: Counter[str] = Counter(w for found in names for w in found)
    limit = max(MIN_GROUP, n // RARE)
    rest = left()
    shared: Counter[str] = Counter(w for i in rest for w in names[i] if df[w] <= limit)
    for name, count in sorted(shared.items(), key=lambda x: (-x[1], df[x[0]], x[0])):
        if groups + len(new) >= cap:
            break
        members = [i for i in left() if name in names[i]]
        if count < MIN_GROUP or len(members) < MIN_GROUP:
            continue
        heading = _name_phrase(name, [found_in[i] for i in members])
        if heading is None:
            continue
        new.append(heading)
        for i in members:
            group_of[i] = heading
    return new


def _names(text: str) -> set[str]:
    """Return the proper names a passage uses for places and things: capitalised words that do not
    open a sentence.  A name that ever follows a title ("Prime Minister Takaichi") is a person's, and
    a person is who a passage is about, not what: those are left out."""
    out = set()
    for sentence in _SENTENCE_END.split(text.translate(_DASHES)):
        words = _WORD.findall(sentence)
        for j, w in enumerate(words[1:], 1):
            if w[:1].isupper() and w.lower() not in STOPWORDS and not w.isupper():
                out.add(_key(w) if _key(words[j - 1]) not in _TITLES else "@" + _key(w))
    return out


def _openers(text: str) -> list[str]:
    sentences = (_WORD.findall(x) for x in _SENTENCE_END.split(text.translate(_DASHES)))
    return [words[0] for words in sentences if words]


def _name_phrase(
    name: str, found: Sequence[dict[tuple[str, ...], list[tuple[str, str]]]]
) -> tuple[str, ...] | None:
    """Return the phrase the members name `name` in that can head their group (see _group_leftovers)."""
    best: tuple[tuple[int, int, int], tuple[str, ...]] | None = None
    for phrases in found:
        for key, uses in phrases.items():
            if name not in key or key[-1].endswith(_VERB_ENDINGS) or not uses[0][0][:1].isupper():
                continue
            if any("'s" in text.replace("\u2019", "'") for text, _ in uses):
                continue  # "Takaichi's firm stance": whose, not what
            if not all(after == "" or after in STOPWORDS for _, after in uses):
                continue  # "Dokdo territorial" of "Dokdo territorial dispute"
            rank = (int(key[0] == name), -abs(len(key) - 3), -len(key))
            if best is None or rank > best[0]:
                best = (rank, key)
    return best[1] if best else None


_VERB_ENDINGS = ("ing", "ed", "ly")


def _truncated(key: tuple[str, ...], forms: Counter[str], follows: Counter[str]) -> bool:
    """True when the phrase is a piece of a longer noun phrase in the passages (see the module doc)."""
    uses = sum(follows.values())
    if 2 * follows["of"] >= uses:
        return True  # "support for the denuclearization [of ...]": the head's complement is cut off
    text = forms.most_common(1)[0][0]
    words = text.split()
    specified = any(k in _ARTICLES for k in key[1:-1]) or any(w.endswith("'s") for w in words[:-1])
    if specified and 2 * sum(follows[p] for p in _PREPOSITIONS) >= uses:
        return True  # "the ban [on ...]", "Seoul's interest [in ...]"
    return False


def _join_by_words(
    selected: Sequence[Selected], group_of: dict[int, tuple[str, ...]], chosen: Sequence[tuple[str, ...]]
) -> None:
    """Put a passage in a group when one of its sentences names every content word of the group's
    heading, in any order and form ("rising tension between China and Japan" under "China-Japan
    tensions"); the heading with the most such words wins, then the earlier-chosen one."""
    needs = [(key, _parts(key)) for key in chosen]
    needs = [(key, words) for key, words in needs if len(words) >= 2]
    if not needs:
        return
    for i, s in enumerate(selected):
        if i in group_of:
            continue
        sentences = [_parts(tuple(_key(w) for w in _WORD.findall(x.translate(_DASHES)))) for x in _SENTENCE_END.split(s.text)]
        best: tuple[str, ...] | None = None
        for key, words in needs:
            if any(words <= sentence for sentence in sentences) and (best is None or len(words) > len(_parts(best))):
                best = key
        if best is not None:
            group_of[i] = best


def _parts(key: tuple[str, ...]) -> set[str]:
    """Return the content words of a phrase key, hyphenated compounds split ("china-japan")."""
    out = set()
    for k in key:
        for part in k.split("-"):
            part = _key(part)
            if part and part not in STOPWORDS and part not in _WEAK:
                out.add(part)
    return out


def _join_nearest(selected: Sequence[Selected], group_of: dict[int, tuple[str, ...]]) -> None:
    """Put a passage that shares no heading phrase into the group it is closest to in wording,
    when it is clearly closer to it than to nothing (a passage about the same summit that
    happens to call it "the meeting in Nara")."""
    if not group_of:
        return
    bags = [content_keys(s.text) for s in selected]
    df: Counter[str] = Counter(w for bag in bags for w in set(bag))

    def idf(w: str) -> float:
        return math.log(1.0 + len(bags) / df.get(w, 1))

    vecs = [tfidf(bag, idf) for bag in bags]
    members: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, key in group_of.items():
        members[key].append(i)
    for i in range(len(selected)):
        if i in group_of:
            continue
        best, sim = None, 0.0
        for key, ids in members.items():
            x = sum(cosine(vecs[i], vecs[j]) for j in ids) / len(ids)
            if x > sim:
                best, sim = key, x
        if best is not None and sim >= JOIN:
            group_of[i] = best


def _content(key: tuple[str, ...]) -> set[str]:
    return {k for k in key if k not in STOPWORDS and k not in _WEAK}


def _heading(forms: Counter[str]) -> str:
    """Return the most used wording of a phrase, starting with a capital ("Shuttle diplomacy")."""
    text = forms.most_common(1)[0][0]
    return text[:1].upper() + text[1:]


def _phrases(text: str) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Return {normalised phrase: [(its wording, the word after it or "")]} for every 2-4-word
    phrase that can be a heading, one entry per use."""
    out: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for chunk in _CHUNK.split(text.translate(_DASHES)):
        words = _WORD.findall(chunk)
        keys = [_key(w) for w in words]  # once per word, not once per phrase it is part of
        for size in range(MIN_WORDS, MAX_WORDS + 1):
            for j in range(len(words) - size + 1):
                if keys[j] in _NO_EDGE or keys[j + size - 1] in _NO_EDGE:
                    continue  # what `_good` rejects first, before any phrase is made
                span = words[j : j + size]
                key = tuple(keys[j : j + size])
                if not _good(key, span):
                    continue
                # a piece of a longer name ("Accession to the Comprehensive" | "and Progressive ...")
                before = words[j - 1] if j > 0 else ""
                after = words[j + size] if j + size < len(words) else ""
                nxt = words[j + size : j + size + 2]
                prev = words[max(0, j - 2) : j]
                if span[-1][:1].isupper() and (
                    any(w[:1].isupper() for w in nxt)
                    or (after[:1].islower() and after.lower() not in STOPWORDS)
                ):
                    continue  # "Japanese" of "Japanese seafood", "Comprehensive" of "... and Progressive"
                if (
                    span[0][:1].isupper()
                    and any(w[:1].isupper() for w in prev)
                    and before[:1].isupper()
                    and before.lower() not in STOPWORDS  # a sentence's opening "The" is no name
                ):
                    continue
                out.setdefault(key, []).append((" ".join(w.rstrip(".") for w in span), after.lower()))
    return out


# words a heading phrase neither starts nor ends with (`_good`)
_NO_EDGE = STOPWORDS | _WEAK


@lru_cache(maxsize=1 << 14)
def _key(word: str) -> str:
    """A word's form for comparing phrases (once per distinct word: every 2-4-word phrase of every
    passage is keyed)."""
    w = word.lower().rstrip(".")
    w = re.sub(r"'s?$", "", w)
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _good(key: tuple[str, ...], span: list[str]) -> bool:
    if key[0] in STOPWORDS or key[-1] in STOPWORDS or key[-1] in _WEAK or key[0] in _WEAK:
        return False
    if "and" in key or "or" in key:
        return False  # "Beijing and Tokyo" lists two things; a heading names one
    if any(k.isdigit() for k in key) or sum(k not in STOPWORDS and k not in _WEAK for k in key) < 2:
        return False
    if span[-1].endswith(("'s", "\u2019s")) or span[0][:1].islower() and span[0] != span[0].lower():
        return False
    if span[-2].endswith("'s"):
        return False  # "Seoul's leverage", "South Korea's interest": a possessive fragment
    # a person named with a title ("President Lee Jae Myung") is who, not what
    if any(k in _TITLES for k in key) and all(w[:1].isupper() for w in span):
        return False
    return not all(w[:1].isupper() for w in span) or len(span) >= 2 and _is_topic_name(span)


def _is_topic_name(span: list[str]) -> bool:
    """True for a capitalised phrase that names a thing ("Yellow Sea", "Nara Prefecture"), not a
    person ("Sanae Takaichi"): its last word is one a thing's name ends with."""
    return span[-1].lower().rstrip("s") in _THING_ENDINGS


_THING_ENDINGS = frozenset(
    "sea summit mine prefecture temple zone agreement partnership act treaty island islands peninsula"
    " strait line council assembly court party forum conference war ban program programme plan policy"
    " declaration accord talk dialogue initiative alliance".split()
)
