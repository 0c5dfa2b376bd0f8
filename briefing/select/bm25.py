"""BM25 over sentence units, with corpus IDF and phrase matching.

Relevance must reward rarity, not keyword count: a sentence naming "CPTPP" once
says more about the trade pact than one repeating "Japan" three times in a corpus
where every article mentions Japan.  BM25 gives exactly that (IDF times a
saturating term frequency, normalised for sentence length).  A theme concept may
be a phrase; it is matched as a token sequence and gets an IDF of its own, so a
phrase is as rare as the phrase, not as its words.

The index keeps postings (key -> units -> positions), so scoring a query touches
only the units that contain its words: time grows with the corpus, not faster.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefing.select.query import Concept, Query
from briefing.select.tokenize import BREAK_FLAGS, CAP_FLAGS, UPPER_FLAGS, Token
from briefing.select.units import Unit, joined_keys

K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class Match:
    unit: int
    score: float  # BM25 score of the unit for the query
    evidence: float  # sum of matched concept weights, regardless of rarity (the relevance gate)
    contributions: tuple[tuple[str, float], ...]  # (concept label, score part), largest first


@dataclass(frozen=True)
class Stats:
    """The counts BM25 ranks against, when the units indexed are only part of the corpus: a theme
    reading only the documents containing its words ranks them as it would among all of them."""

    units: int  # sentence units in the corpus
    tokens: int  # tokens in them
    df: Mapping[str, int]  # key -> units containing it


class Index:
    """Postings over a fixed list of sentence units.

    With `stats`, the units are a part of a larger corpus described by it: its size, mean unit
    length and key frequencies are used, so scores equal those over the whole corpus (a concept
    occurs only in units containing its words, so its own frequency is counted from the part).
    Postings are then made only for the keys a query starts with, from the units' keys: most units
    of the part never need their tokens."""

    def __init__(
        self,
        units: Sequence[Unit],
        stats: Stats | None = None,
        doc_keys: Callable[[int], Collection[str]] | None = None,
    ):
        """`doc_keys`, with `stats`, gives for a document (`Unit.doc`) keys that include every
        query key its units have: postings then look in a document's units only for the query
        keys the document has (one or two of dozens, mostly)."""
        self.units = units
        self._doc_keys = doc_keys
        self.postings: dict[str, dict[int, list[int]]] = {}
        self.df_keys: Mapping[str, int]
        self._complete = stats is None
        if stats is None:
            for i, u in enumerate(units):
                for pos, tok in enumerate(u.tokens):
                    self.postings.setdefault(tok.key, {}).setdefault(i, []).append(pos)
            self.n = len(units)
            total = sum(len(u) for u in units)
            self.df_keys = {key: len(units_of) for key, units_of in self.postings.items()}
        else:
            self.n, total, self.df_keys = stats.units, stats.tokens, stats.df
        self.avgdl = total / self.n if self.n else 0.0
        self._cache: dict[tuple[Token, ...], dict[int, int]] = {}

    def _post(self, keys: Iterable[str]) -> None:
        """Make the postings of `keys` (with stats, postings are made on demand, a query at a time)."""
        wanted = {k for k in keys if k not in self.postings}
        if self._complete or not wanted:
            return
        for k in wanted:
            self.postings[k] = {}
        if self._doc_keys is not None:
            found_in = self._units_having(wanted, self._doc_keys)
        else:
            found_in = []
            for i, u in enumerate(self.units):
                keys = u.keys
                if wanted.isdisjoint(keys):
                    continue  # most sentences: the cheapest test that says so
                found_in.append((i, wanted.intersection(keys)))
        # the places of each key found, from the keys as stored (no tokens unpacked); once per
        # distinct sentence, since copies of an article repeat theirs
        made: dict[str, dict[str, list[int]]] = {}
        for i, found in found_in:
            joined = self.units[i].joined_keys
            places_of = made.get(joined)
            if places_of is None:
                keys = joined.split(" ")
                places_of = made[joined] = {k: _places(keys, k) for k in found}
            for k, places in places_of.items():
                self.postings[k][i] = list(places)

    def _units_having(
        self, wanted: set[str], doc_keys: Callable[[int], Collection[str]]
    ) -> list[tuple[int, set[str]]]:
        """Return (unit, the wanted keys it has), in unit order, for the units having any.

        Per run of one document's units, only the wanted keys the document has are looked for,
        each with one search per unit having it in the run's keys joined ("key" is a whole key
        where " key " is): a theme reads tens of thousands of sentences, and a Python step per
        sentence cost more than all the rest of the ranking."""
        units = self.units
        out: list[tuple[int, set[str]]] = []
        # by the run's keys: a unit's wanted keys are among its document's, so what is found in a
        # run depends on its text alone (copies of an article are searched once)
        done: dict[str, list[tuple[int, set[str]]]] = {}
        for doc, lo, hi in self._runs():
            look = wanted.intersection(doc_keys(doc))
            if not look:
                continue
            # " a b \n c d \n ... ": keys have no white space, so a match never spans two units
            text = " " + " \n ".join(joined_keys(units[lo:hi])) + " "
            found = done.get(text)
            if found is None:
                found = done[text] = _found(text, look)
            out.extend((lo + offset, keys) for offset, keys in found)
        return out

    def _runs(self) -> list[tuple[int, int, int]]:
        """Return (document, first unit, end) of each run of consecutive units of one document."""
        docs = [u.doc for u in self.units]
        cuts = [i for i in range(1, len(docs)) if docs[i] != docs[i - 1]]
        bounds = [0, *cuts, len(docs)]
        return [(docs[lo], lo, hi) for lo, hi in zip(bounds, bounds[1:], strict=False) if lo < hi]

    def occurrences(self, concept: Concept) -> dict[int, int]:
        """Return {unit: number of times the concept's token sequence occurs in it}.

        Each start of the sequence has its rarest word at a fixed offset, so only the places of that
        word are tried ("the North" is looked for where "north" is, not at every "the")."""
        pattern = concept.pattern
        hit = self._cache.get(pattern)
        if hit is not None:
            return hit
        out: dict[int, int] = {}
        at = self._anchor(pattern)
        key = pattern[at].key
        self._post([key])
        size = len(pattern)
        if size == 1:
            self._cache[pattern] = out = self._word_occurrences(pattern[0])
            return out
        # a sentence the phrase's keys are not a part of, in sequence, has no match (most of those
        # with its rarest word): it is passed over without splitting its keys
        phrase = " ".join(t.key for t in pattern)
        for unit, positions in self.postings.get(key, {}).items():
            u = self.units[unit]
            if phrase not in u.joined_keys:
                continue
            # `_same` on the tokens' keys and flags (`tokenize.pack`): no tokens unpacked
            keys, flags = u.keys, u.flags
            last = len(keys) - size
            count = 0
            for p in positions:
                pos = p - at
                if pos < 0 or pos > last:
                    continue
                for j, t in enumerate(pattern):
                    here = pos + j
                    if keys[here] != t.key:
                        break
                    flag = flags[here]
                    if j and flag in BREAK_FLAGS:
                        break
                    if t.upper:
                        if flag not in UPPER_FLAGS:
                            break
                    elif t.cap and flag not in CAP_FLAGS:
                        break
                else:
                    count += 1
            if count:
                out[unit] = count
        self._cache[pattern] = out
        return out

    def _word_occurrences(self, word: Token) -> dict[int, int]:
        """`occurrences` of a one-word concept: its postings are the places of its key, and only a
        capitalised or all-capitals word asks more of them (`_same`), which the tokens' case flags
        answer without unpacking the tokens."""
        postings = self.postings.get(word.key, {})
        if not (word.upper or word.cap):
            return {unit: len(positions) for unit, positions in postings.items()}
        wanted = UPPER_FLAGS if word.upper else CAP_FLAGS
        out: dict[int, int] = {}
        for unit, positions in postings.items():
            flags = self.units[unit].flags
            count = sum(1 for p in positions if flags[p] in wanted)
            if count:
                out[unit] = count
        return out

    def _anchor(self, pattern: Sequence[Token]) -> int:
        """Return the offset of the pattern's rarest word (in fewest sentences; the first of equals)."""
        if len(pattern) == 1:
            return 0
        return min(range(len(pattern)), key=lambda j: (self.df_keys.get(pattern[j].key, 0), j))

    def idf(self, df: int) -> float:
        """BM25 IDF (the +1 form, never negative: a word in most sentences still counts a little)."""
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def key_idf(self, key: str) -> float:
        return self.idf(self.df_keys.get(key, 0))

    def excluded(self, query: Query) -> set[int]:
        """Return the units that contain one of the query's excluded terms."""
        out: set[int] = set()
        for c in query.exclude:
            out.update(self.occurrences(c))
        return out

    def search(self, query: Query) -> dict[int, Match]:
        """Return the BM25 match of every unit that contains at least one query concept.

        Units containing an excluded term are left out altogether: the theme's author
        said such sentences are off-theme whatever else they mention.
        """
        self._post(c.pattern[self._anchor(c.pattern)].key for c in (*query.concepts, *query.exclude))
        excluded = self.excluded(query)
        parts: dict[int, list[tuple[str, float, float]]] = {}
        for c in query.concepts:
            occ = self.occurrences(c)
            if not occ:
                continue
            idf = self.idf(len(occ))
            for unit, tf in occ.items():
                if unit in excluded:
                    continue
                norm = K1 * (1 - B + B * len(self.units[unit]) / self.avgdl) if self.avgdl else K1
                part = c.weight * idf * tf * (K1 + 1) / (tf + norm)
                parts.setdefault(unit, []).append((c.label, part, c.weight))
        out = {}
        for unit, ps in parts.items():
            ps.sort(key=lambda p: -p[1])
            out[unit] = Match(
                unit=unit,
                score=sum(p[1] for p in ps),
                evidence=sum(p[2] for p in ps),
                contributions=tuple((p[0], p[1]) for p in ps),
            )
        return out


def _found(text: str, look: Collection[str]) -> list[tuple[int, set[str]]]:
    """Return (unit offset, the keys of `look` it has) for the units of a run's joined keys
    (`Index._units_having`) having any, in order: one search per unit having a key."""
    found: dict[int, set[str]] = {}
    for k in look:
        whole = f" {k} "
        at = text.find(whole)
        unit, seen = 0, 0
        while at != -1:
            unit += text.count("\n", seen, at)
            found.setdefault(unit, set()).add(k)
            seen = text.find("\n", at)  # the rest of this unit has nothing more to say
            if seen == -1:
                break
            at = text.find(whole, seen)
    return sorted(found.items())


def _places(keys: list[str], key: str) -> list[int]:
    """Return the positions of `key` in `keys` (it is there), in order."""
    at = keys.index(key)
    places = [at]
    for _ in range(keys.count(key) - 1):
        at = keys.index(key, at + 1)
        places.append(at)
    return places


def _same(tok: Token, pat: Token, inner: bool) -> bool:
    """True when a text token matches a pattern token.

    A pattern word written in capitals (an acronym) matches only capitals, a capitalised
    one (a proper noun: "the North") only a capitalised word ("in the north" is not it),
    and a phrase never runs across punctuation ("economic, security" is not "economic security").
    """
    if tok.key != pat.key or (inner and tok.brk):
        return False
    if pat.upper:
        return tok.upper
    return tok.cap or not pat.cap


def evidence(query: Query, toks: Sequence[Token]) -> float:
    """Return the sum of weights of the query concepts found in one short text (a title).

    One pass over the text: the concepts are indexed by their first token's key, so each
    position tries only the concepts that can start there (a theme has dozens of concepts
    and the build asks this of every event and quote of the corpus, for every theme).
    An excluded term anywhere makes it 0, whatever else the text has.
    """
    starts, excludes, firsts = _first_token_index(query)
    found: set[int] = set()
    n = len(toks)
    for i in [i for i, tok in enumerate(toks) if tok.key in firsts]:
        key = toks[i].key
        for k in excludes.get(key, ()):
            if _matches_at(query.exclude[k].pattern, toks, i, n):
                return 0.0
        for k in starts.get(key, ()):
            if k not in found and _matches_at(query.concepts[k].pattern, toks, i, n):
                found.add(k)
    return sum(query.concepts[k].weight for k in sorted(found))


def _matches_at(pattern: Sequence[Token], toks: Sequence[Token], i: int, n: int) -> bool:
    if i + len(pattern) > n:
        return False
    return all(_same(toks[i + j], p, j > 0) for j, p in enumerate(pattern))


_Firsts = tuple[dict[str, list[int]], dict[str, list[int]], frozenset[str]]
_INDEXES: dict[int, tuple[Query, _Firsts]] = {}


def _first_token_index(query: Query) -> _Firsts:
    """Return {first key: concept positions} for the query's concepts and for its excluded terms,
    and every such first key (a text is looked at only where it has one).

    Kept per query object (by identity: hashing a query means hashing every token of every
    concept, which cost more than the matching it saves)."""
    hit = _INDEXES.get(id(query))
    if hit is not None and hit[0] is query:
        return hit[1]
    if len(_INDEXES) > 64:
        _INDEXES.clear()
    starts: dict[str, list[int]] = {}
    for k, c in enumerate(query.concepts):
        starts.setdefault(c.pattern[0].key, []).append(k)
    excludes: dict[str, list[int]] = {}
    for k, c in enumerate(query.exclude):
        excludes.setdefault(c.pattern[0].key, []).append(k)
    found = (starts, excludes, frozenset(starts) | frozenset(excludes))
    _INDEXES[id(query)] = (query, found)
    return found
