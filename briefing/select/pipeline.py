"""Passage selection for one theme: relevance, context, de-duplication, diversity, budget.

The steps, each in its own module:
  query    theme config -> weighted concepts (terms, phrases, aliases, people; excluded terms)
  bm25     sentence units scored with corpus IDF and phrase matches
  context  sentences continuing a relevant one, or in a paragraph or article about the
           theme, inherit part of its relevance
  dedup    near-duplicate sentences across sources merged, most complete wording kept
  passages adjacent relevant sentences of a paragraph joined (1-3 sentences, verbatim)
  mmr      the budget filled for coverage of sub-topics, not rewordings of the top hit
Only sentences that pass the relevance gate are ever considered: a thin corpus gives
a short list, an off-topic one an empty list, and nothing pads the budget.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from briefing.model import Document, OutputSettings, Person, Theme
from briefing.select.bm25 import Index, Match, Stats, evidence
from briefing.select.context import Relevance, relevance
from briefing.select.dedup import cluster
from briefing.select.mmr import mmr, tfidf
from briefing.select.pairs import without_other_pairs
from briefing.select.passages import LONG_WORDS, MAX_SENTENCES, clauses, join_runs
from briefing.select.query import Query, build_query
from briefing.select.tokenize import content_key_set, content_keys, sentence_tokens, tokens
from briefing.select.units import Unit, build_units

# The relevance threshold: the evidence (sum of matched concept weights, see query.WEIGHTS)
# a sentence needs to count on its own. One theme term, phrase, alias or person is enough;
# rarity then decides the order and the budget decides how many.
GATE = 1.0
# Share of the other sentences' relevance a passage adds to its best sentence's.
COMPANY = 0.5
# A concept found in more than this share of the chosen passages is too broad to group them.
GROUP_SHARE = 0.5
# Candidates considered by MMR, as a multiple of the budget (bounded work per theme).
POOL = 3


@dataclass(frozen=True)
class KeySentence:
    """A sentence of a passage that matches the theme itself, with the sources that report it."""

    text: str  # the sentence, or for an overlong one its clause with the most theme evidence
    doc_ids: tuple[str, ...]


@dataclass(frozen=True)
class Selected:
    text: str  # verbatim sentence(s) from one document
    doc_ids: tuple[str, ...]  # every document reporting it; the first is the one whose wording is kept
    score: float  # relevance, best first
    group: str | None = None  # sub-topic label (the theme concept it matched)
    key: tuple[KeySentence, ...] = ()  # summary candidates: its own theme sentences, not their context
    pages: tuple[int | None, ...] = ()  # page of the passage in each of `doc_ids` (None: no pages)


def select_passages(
    docs: Sequence[Document],
    theme: Theme,
    people: Sequence[Person],
    settings: OutputSettings,
    stats: Stats | None = None,
    doc_keys: Callable[[int], Collection[str]] | None = None,
) -> list[Selected]:
    """Return the theme's passages, best first, at most `settings.max_passages`; [] if nothing is relevant.

    `stats` describes the corpus `docs` are part of (all the documents containing the theme's
    words, read from the corpus store): the ranking is then the one over the whole corpus.
    `doc_keys` (with `stats`) gives, per index into `docs`, keys including every key of the
    query a document's sentences have (`bm25.Index`)."""
    query = build_query(theme, people)
    return select_with_query(docs, query, settings.max_passages, stats=stats, doc_keys=doc_keys)


def select_with_query(
    docs: Sequence[Document],
    query: Query,
    budget: int,
    *,
    gate: float = GATE,
    diverse: bool = True,
    context: bool = True,
    max_sentences: int = MAX_SENTENCES,
    stats: Stats | None = None,
    doc_keys: Callable[[int], Collection[str]] | None = None,
) -> list[Selected]:
    """Run the selection for an already built query (the benchmark's baseline uses this too).

    The switches let the benchmark measure what each step contributes; the defaults are the product.
    """
    if budget <= 0 or not docs:
        return []
    units, index = _corpus(tuple(docs), stats, doc_keys)
    if not units:
        return []
    matches = without_other_pairs(units, index.search(query), query, gate)
    excluded = index.excluded(query)
    on_topic = {
        d for d, doc in enumerate(docs) if doc.title and evidence(query, sentence_tokens(doc.title)) >= max(gate, 1.0)
    }
    rel = relevance(units, matches, gate, excluded, on_topic)
    if not context:
        rel = {i: r for i, r in rel.items() if r.direct}
    if not rel:
        return []
    members, score, direct = _merge_duplicates(units, index, rel)
    cites = {u: tuple(dict.fromkeys(docs[units[m].doc].id for m in ms)) for u, ms in members.items()}
    drafts = join_runs(units, sorted(cites), docs, direct, max_sentences=max_sentences)
    p_score = [passage_score([score[u] for u in d.units]) for d in drafts]
    pool = sorted(range(len(drafts)), key=lambda d: -p_score[d])[: POOL * budget]
    d_score = [p_score[d] for d in pool]
    if diverse:
        vectors = [
            tfidf([w for u in drafts[d].units for w in content_keys(units[u].tokens)], index.key_idf)
            for d in pool
        ]
        chosen = [pool[k] for k in mmr(d_score, vectors, budget)]
    else:
        chosen = pool[:budget]

    labels = _unify({d: _labels(drafts[d].units, rel, matches) for d in chosen})
    common = Counter(label for ls in labels.values() for label in ls)
    out = []
    for d in chosen:
        draft = drafts[d]
        ids = dict.fromkeys(doc_id for u in draft.units for doc_id in cites[u])
        group = _group(labels[d], common, len(chosen))
        key = tuple(
            KeySentence(_key_clause(units[u].text, query), cites[u]) for u in draft.units if u in direct
        )
        pages = _pages(docs, units, [m for u in draft.units for m in members[u]])
        out.append(
            Selected(draft.text, tuple(ids), round(p_score[d], 4), group, key, tuple(pages[i] for i in ids))
        )
    out.sort(key=lambda s: -s.score)
    return out


_CORPORA: dict[tuple[int, ...], tuple[tuple[Document, ...], list[Unit], Index]] = {}


def _corpus(
    docs: tuple[Document, ...], stats: Stats | None = None, doc_keys: Callable[[int], Collection[str]] | None = None
) -> tuple[list[Unit], Index]:
    """Return the sentence units and their index; a build selects for every theme from one corpus.

    Cached by the identity of the documents (the entry keeps them alive, so ids are not reused):
    hashing the documents themselves rehashed every paragraph of the corpus for every theme.
    Not with `stats`: those documents are one theme's reading of the corpus store, never asked
    for again, and keeping them would hold two themes' readings in memory at once."""
    if stats is not None:
        _CORPORA.clear()
        units = build_units(docs)
        return units, Index(units, stats, doc_keys)
    key = tuple(map(id, docs))
    hit = _CORPORA.get(key)
    if hit is not None:
        return hit[1], hit[2]
    units = build_units(docs)
    index = Index(units)
    if len(_CORPORA) >= 2:
        _CORPORA.pop(next(iter(_CORPORA)))
    _CORPORA[key] = (docs, units, index)
    return units, index


def _pages(docs: Sequence[Document], units: Sequence[Unit], unit_ids: Sequence[int]) -> dict[str, int | None]:
    """Return, per document, the page its copy of a passage starts on (the first of its sentences
    cited from that document), so a passage read from a PDF can cite "p. 4" for each source."""
    pages: dict[str, int | None] = {}
    for m in unit_ids:
        doc = docs[units[m].doc]
        pages.setdefault(doc.id, doc.page_of(units[m].para))
    return pages


def _merge_duplicates(
    units: Sequence[Unit], index: Index, rel: dict[int, Relevance]
) -> tuple[dict[int, tuple[int, ...]], dict[int, float], set[int]]:
    """Fold near-duplicate relevant sentences into the most complete one.

    Returns, for each kept sentence, the sentences it stands for (itself first: their documents
    are the ones that report it, their paragraphs give each document's page), its
    relevance (the best of its copies), and the set of kept sentences that match the
    theme themselves (directly, or through a copy that does).
    """
    by_text: dict[str, frozenset[str]] = {}  # copies of an article repeat their sentences
    words = {}
    for i in rel:
        text = units[i].text
        found = by_text.get(text)
        if found is None:
            found = by_text[text] = content_key_set(units[i].keys)
        words[i] = found
    clusters = cluster(
        sorted(rel),
        words=words.__getitem__,
        rarity=index.key_idf,
        completeness=lambda i: (len(words[i]), len(units[i].text)),
    )
    members, score, direct = {}, {}, set()
    for c in clusters:
        members[c.keep] = tuple(c.members)
        score[c.keep] = max(rel[m].score for m in c.members)
        if any(rel[m].direct for m in c.members):
            direct.add(c.keep)
    return members, score, direct


def passage_score(scores: Sequence[float]) -> float:
    """Return a passage's relevance: its best sentence, plus a share of what the others add.

    A passage is as relevant as its best sentence; relevant company (the sentences that carry
    the story on) makes it more useful than the same sentence alone, but less than its own weight.
    """
    best = max(scores)
    return best + COMPANY * (sum(scores) - best)


def _key_clause(sentence: str, query: Query) -> str:
    """Return the sentence, or for an overlong one the clause with the most theme evidence."""
    if len(sentence.split()) <= LONG_WORDS:
        return sentence
    parts = clauses(sentence)
    return max(parts, key=lambda c: (evidence(query, tokens(c)), -parts.index(c)))


def _group(labels: dict[str, float], common: Counter, n: int) -> str | None:
    """Return the sub-topic a passage is grouped under.

    The concept that contributes most to the passage's score (the rarest, most specific
    evidence), among those shared with another passage but not with most of them: a label
    on one passage groups nothing, and one on nearly all ("Japan" in a Japan briefing) says nothing.
    """
    if not labels:
        return None
    useful = [lab for lab in labels if 2 <= common[lab] <= max(2, GROUP_SHARE * n)]
    return max(useful or labels, key=lambda lab: labels[lab])


def _unify(labels: dict[int, dict[str, float]]) -> dict[int, dict[str, float]]:
    """Fold labels that are wordings of one sub-topic ("history issues", "historical issues";
    "denuclearization", "denuclearizing") into the wording used most, so groups are not split."""
    count = Counter(lab for ls in labels.values() for lab in ls)

    def signature(label: str) -> tuple[str, ...]:
        return tuple(k[:6] for k in content_keys(label)) or (label,)

    canon: dict[tuple[str, ...], str] = {}
    for lab in sorted(count, key=lambda x: (-count[x], x)):
        canon.setdefault(signature(lab), lab)
    out = {}
    for d, ls in labels.items():
        merged: dict[str, float] = {}
        for lab, part in ls.items():
            c = canon[signature(lab)]
            merged[c] = merged.get(c, 0.0) + part
        out[d] = merged
    return out


def _labels(
    unit_ids: Sequence[int], rel: dict[int, Relevance], matches: dict[int, Match]
) -> dict[str, float]:
    """Return {concept label: its score contribution} over the passage's sentences."""
    out: dict[str, float] = {}
    for u in unit_ids:
        m = matches.get(u)
        parts = m.contributions if m is not None else ()
        label = rel[u].label
        if not parts and label:
            parts = ((label, 0.0),)
        for label, part in parts:
            out[label] = out.get(label, 0.0) + part
    return out
