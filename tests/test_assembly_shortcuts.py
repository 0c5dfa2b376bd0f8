"""The shortcuts that make assembling a theme from a large corpus cheap must give exactly what the
plain computation gives: each is checked here against a reference written the slow, obvious way."""

from __future__ import annotations

import dataclasses
import json
import math
import random
from dataclasses import dataclass

from briefing.extract.events import DocEvent
from briefing.extract.quotes import FoundQuote, FoundStatement
from briefing.extract.quotes.corpus import Speakers
from briefing.extraction import document_keys
from briefing.model import Document, Person, Theme
from briefing.select.bm25 import Index, _same, evidence
from briefing.select.match import theme_filter, theme_keys
from briefing.select.near import near_test
from briefing.select.pipeline import GATE
from briefing.select.query import build_query
from briefing.select.tokenize import tokens
from briefing.select.units import build_units
from briefing.store.codec import decode, encode

PEOPLE = (Person("Mara Quell", "Harbour master", ("Quell",)),)
THEME = Theme(
    id="harbour",
    title="Harbour policy",
    description="Harbour policy.",
    terms=("ferry", "policy", "AI"),
    phrases=("harbour authority", "the new pier"),
    aliases=("the Port",),
    exclude=("ferry timetable",),
    people=("Mara Quell",),
)

TEXTS = [
    "The Port said the new pier would open in May.",
    "Ferries\u2019 owners met the harbour\u00a0authority on Monday.",
    "The ferry timetable changes next week.",
    "Quell said the policies were under review.",
    "An AI lab opened near the port, the Port said.",
    "Nothing here is about the theme.",
    "The new pier, the new pier and the new pier.",
    "the Port the Port",
    "",
]


def _doc(doc_id: str, paragraphs: tuple[str, ...], **more) -> Document:
    fields = dict(file=doc_id, title="", authors=(), publisher=None, published=None, published_inferred=False, url=None)
    fields.update(more)
    return Document(id=doc_id, paragraphs=paragraphs, **fields)


def _naive_occurrences(index: Index, pattern: tuple) -> dict[int, int]:
    """The count of every start of `pattern` in every unit, trying every position."""
    out = {}
    for i, u in enumerate(index.units):
        toks = u.tokens
        n = sum(
            1
            for pos in range(len(toks) - len(pattern) + 1)
            if all(_same(toks[pos + j], p, j > 0) for j, p in enumerate(pattern))
        )
        if n:
            out[i] = n
    return out


def test_anchored_occurrences_equal_a_scan_of_every_position() -> None:
    docs = [_doc(f"d{i}", (text,)) for i, text in enumerate(TEXTS)]
    units = build_units(docs)
    query = build_query(THEME, PEOPLE)
    for concept in (*query.concepts, *query.exclude):
        index = Index(units)
        assert index.occurrences(concept) == _naive_occurrences(index, concept.pattern), concept.label
    # the on-demand postings of a part of a corpus (a theme's reading of the store) give the same
    full = Index(units)
    from briefing.select.bm25 import Stats

    part = Index(units, Stats(units=len(units), tokens=sum(len(u) for u in units), df=full.df_keys))
    assert part.search(query) == full.search(query)


def test_the_test_within_a_document_agrees_with_the_test_of_any_text() -> None:
    on_theme = theme_filter(THEME, PEOPLE)
    query = build_query(THEME, PEOPLE)
    signatures = theme_keys(THEME, PEOPLE)
    rng = random.Random(7)
    for _ in range(200):
        texts = rng.sample(TEXTS, 3)
        doc = _doc("d", tuple(texts))
        keys = document_keys(doc, [], [], [])
        within = on_theme.within(signatures.intersection(keys))
        for text in texts:
            expected = evidence(query, tokens(text)) >= GATE
            assert on_theme(text) == expected
            assert within(text) == expected, text


def _naive_near(key_text: list[str], n: str) -> bool:
    return bool(n) and any(k and (n in k or k in n) for k in key_text)


def test_near_agrees_with_comparing_every_key_text() -> None:
    keys = [
        "the new pier would open in may",
        "owners met the harbour authority",
        "ab",
        "quell said the policies were under review",
        "x",
    ]
    near = near_test(keys)
    words = "the new pier would open in may owners met harbour authority quell said policies ab x review".split()
    rng = random.Random(3)
    probes = ["", "pier", "ab", "new pier would", "the new pier would open in may and more", "owners met the harbour"]
    probes += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(500)]
    probes += [k[i:j] for k in keys for i in range(len(k)) for j in range(i + 1, len(k) + 1, 3)]
    for n in probes:
        assert near(n) == _naive_near(keys, n), n


def _stored_units(doc: Document) -> list:
    """The sentence units of `doc` as the store keeps them (`store.corpus.process_file`)."""
    from briefing.select.tokenize import pack
    from briefing.select.units import document_units

    rows = []
    for p, s, start, end, text, toks in document_units(doc):
        own = None if doc.paragraphs[p][start:end] == text else text
        rows.append([p, s, start, end, own, *pack(toks)])
    return rows


@dataclass(frozen=True)
class _Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


def test_decoding_makes_the_same_objects_as_the_constructor() -> None:
    doc = _doc("a", ("p1", "p2"), title="T", captions=("c",), authors=("A B",), pages=(1, 2))
    items = [
        DocEvent("2025-01-02", None, "It opened.", "happened", "a", 3, "ctx", "2025-01-03"),
        FoundQuote("text", "Mara Quell", None, False, "ctx", 1, 5),
        FoundStatement("Mara Quell", "Harbour master", "it is open", "ctx", 9),
        doc,
    ]
    for item in items:
        back = decode(type(item), encode(item))
        assert back == item and hash(back) == hash(item) and repr(back) == repr(item)
        assert dataclasses.asdict(back) == dataclasses.asdict(item)
    # a class that checks its values in __post_init__ is built through its constructor
    assert decode(_Checked, {"value": 2}) == _Checked(2)
    try:
        decode(_Checked, {"value": -1})
    except ValueError:
        pass
    else:
        raise AssertionError("__post_init__ was skipped")


def test_renaming_a_document_without_short_names_changes_nothing() -> None:
    speakers = Speakers([("Mara Quell", "Harbour master"), ("Quell", None)])
    full = [FoundQuote("t", "Mara Quell", None, False, "c", 0, 1), FoundQuote("u", "the ministry", None, False, "c", 2, 3)]
    assert speakers.rename(full) == full
    short = [FoundQuote("t", "Quell", None, False, "c", 0, 1)]
    assert speakers.rename(short)[0].speaker == "Mara Quell"
    assert speakers.rename(short)[0].role == "Harbour master"


def test_stored_json_is_read_as_pythons_parser_reads_it() -> None:
    import orjson  # a dependency: a missing one fails here, though the store would still work

    from briefing.store import codec
    from briefing.store.codec import dumps, loads

    assert codec.orjson is orjson

    payload = dumps(
        {"docs": [{"text": "caf\u00e9 \u201cquoted\u201d \u2014 \U0001f600 \x00", "n": 3, "none": None, "f": 0.1, "t": True}]}
    )
    assert loads(payload) == json.loads(payload)
    assert json.dumps(loads(payload)) == json.dumps(json.loads(payload))
    # what orjson refuses, Python's parser still reads
    assert math.isnan(loads('{"x": NaN}')["x"])
    # the stored integers are offsets and counts: any of them reads back exactly
    assert loads('{"x": [0, -1, 9223372036854775807]}') == {"x": [0, -1, 9223372036854775807]}


def test_stored_json_is_written_as_encode_and_pythons_writer_write_it() -> None:
    from briefing.store.codec import dumps

    doc = _doc("a", ("p1 \ud800", "p2"), title="T", captions=("c",), authors=("A B",), pages=(1, 2))
    payload = {
        "warnings": ["w"],
        "docs": [
            {
                "document": doc,
                "events": [DocEvent("2025-01-02", None, "It opened.", "happened", "a", 3, "ctx", "2025-01-03")],
                "quotes": [FoundQuote("text \u201cq\u201d", "Mara Quell", None, False, "ctx", 1, 5)],
                "statements": [FoundStatement("Mara Quell", "Harbour master", "it is open", "ctx", 9)],
                "units": [[0, 0, 0, 5, None, "a b", "00"], [1, 2, 3, 9, "own", "c", "1"]],
                "count": 2**70,
            }
        ],
    }
    for value in (payload, {"docs": [{"document": _doc("b", ("plain",))}]}):
        assert dumps(value) == json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def _naive_evidence(query, toks) -> float:
    def at(pattern, i: int) -> bool:
        return i + len(pattern) <= len(toks) and all(_same(toks[i + j], p, j > 0) for j, p in enumerate(pattern))

    if any(at(c.pattern, i) for c in query.exclude for i in range(len(toks))):
        return 0.0
    found = [k for k, c in enumerate(query.concepts) if any(at(c.pattern, i) for i in range(len(toks)))]
    return sum(query.concepts[k].weight for k in sorted(found))


def test_evidence_equals_trying_every_concept_at_every_position() -> None:
    query = build_query(THEME, PEOPLE)
    rng = random.Random(11)
    words = " ".join(TEXTS).split() + ["ferry", "timetable", "Port", "new", "pier"]
    texts = TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(400)]
    for text in texts:
        assert evidence(query, tokens(text)) == _naive_evidence(query, tokens(text)), text


def test_a_theme_is_assembled_with_the_cyclic_collector_paused_and_restored() -> None:
    import gc

    from briefing.allocation import without_cycle_collection

    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
        with without_cycle_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block leaves it as the outer one set it
    assert gc.isenabled()
    try:
        with without_cycle_collection():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()  # set back after a failure too


def test_units_made_for_one_theme_serve_the_next_with_their_documents_renumbered() -> None:
    from briefing.select.units import prime_built_units, prime_stored_units

    docs = [_doc(f"d{i}", (text, TEXTS[(i + 1) % len(TEXTS)])) for i, text in enumerate(TEXTS[:6])]

    def shape(units) -> list:
        return [(u.doc, u.para, u.sent, u.start, u.end, u.text, u.tokens) for u in units]

    kept: dict[str, list] = {}
    first = docs[:4]
    for doc in first:
        prime_stored_units(doc, _stored_units(doc), lambda units, doc=doc: kept.__setitem__(doc.id, units))
    assert shape(build_units(first)) == shape(build_units(list(first)))  # second: made afresh
    second = [docs[5], docs[2], docs[4], docs[0]]  # shared documents at other places
    for doc in second:
        if doc.id in kept:
            prime_built_units(doc, kept[doc.id])
        else:
            prime_stored_units(doc, _stored_units(doc))
    reused = build_units(second)
    assert any(u is v for u in reused for v in kept["d2"])  # really the same objects
    assert shape(reused) == shape(build_units(list(second)))


def test_postings_looked_for_through_each_documents_keys_are_the_same() -> None:
    from briefing.select.bm25 import Stats
    from briefing.select.units import document_units

    rng = random.Random(5)
    words = " ".join(TEXTS).split() + ["ferry", "timetable", "Port", "pier", "authority", "said", "AI."]
    docs = [
        _doc(f"d{i}", tuple(" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(3)))
        for i in range(40)
    ]
    units = build_units(docs)
    keys = [document_keys(d, [], [], [], [(r[4], r[5]) for r in document_units(d)]) for d in docs]
    full = Index(units)
    stats = Stats(units=len(units), tokens=sum(len(u) for u in units), df=full.df_keys)
    query = build_query(THEME, PEOPLE)
    plain = Index(units, stats)
    by_doc = Index(units, stats, lambda d: keys[d])
    assert by_doc.search(query) == plain.search(query) == full.search(query)
    assert by_doc.excluded(query) == plain.excluded(query)
    assert by_doc.postings == plain.postings


def test_postings_of_stored_units_and_copies_of_articles_are_the_same() -> None:
    """Units as the store gives them back (keys and flags packed, never unpacked by the index), in
    runs of copies of one article (searched once) and of articles without a theme word, give the
    postings, phrase counts and matches of the plain index, in the same order."""
    from briefing.select.bm25 import Stats
    from briefing.select.units import document_units, prime_stored_units

    rng = random.Random(11)
    words = " ".join(TEXTS).split() + ["ferry", "timetable", "Port", "pier", "authority", "AI", "ai", "new", "the"]
    words += ["harbour-authority", "Harbour", "PIER", "piers,", "the, new pier"]
    articles = [
        tuple(" ".join(rng.choice(words) for _ in range(rng.randint(3, 25))) + "." for _ in range(rng.randint(1, 4)))
        for _ in range(25)
    ]
    articles.append(("Nothing on the theme here. Nor here.",))
    docs = [_doc(f"d{i}", rng.choice(articles)) for i in range(80)]  # most articles come as copies

    plain_units = build_units(docs)
    keys = [document_keys(d, [], [], [], [(r[4], r[5]) for r in document_units(d)]) for d in docs]
    for doc in docs:
        prime_stored_units(doc, _stored_units(doc))
    packed_units = build_units(docs)
    assert all(u._tokens is None for u in packed_units)
    full = Index(plain_units)
    stats = Stats(units=len(plain_units), tokens=sum(len(u) for u in plain_units), df=full.df_keys)
    query = build_query(THEME, PEOPLE)
    packed = Index(packed_units, stats, lambda d: keys[d])
    assert packed.search(query) == full.search(query)
    assert all(u._tokens is None for u in packed_units)  # matched on keys and flags alone
    for concept in (*query.concepts, *query.exclude):
        assert packed.occurrences(concept) == _naive_occurrences(full, concept.pattern), concept.label
    for key, units in packed.postings.items():
        assert list(units.items()) == list(full.postings.get(key, {}).items()), key


def _every_unit_relevance(units, matches, gate, excluded, on_topic):
    """`context.relevance` as it was: every unit of the reading walked through."""
    from briefing.select import context as cx

    out, steps = {}, {}
    for i, unit in enumerate(units):
        m = matches.get(i)
        if m is not None and m.evidence >= gate:
            out[i] = cx.Relevance(m.score, m.contributions[0][0], True)
            steps[i] = 0
        if i == 0 or i in excluded or i in out:
            continue
        prev, before = units[i - 1], out.get(i - 1)
        if (
            before is None
            or steps[i - 1] >= cx.MAX_STEPS
            or prev.doc != unit.doc
            or prev.para != unit.para
            or prev.sent + 1 != unit.sent
            or not cx.continues(unit.text)
        ):
            continue
        out[i] = cx.Relevance(cx.DECAY * before.score, before.label, False)
        steps[i] = steps[i - 1] + 1
    paragraphs: dict = {}
    for i, u in enumerate(units):  # every paragraph, as it was
        paragraphs.setdefault((u.doc, u.para), []).append(i)
    _share(out, excluded, [m for m in paragraphs.values() if len(m) >= 2], cx.PARAGRAPH_SHARE, cx.PARAGRAPH, set())
    documents: dict = {}
    for i, u in enumerate(units):
        documents.setdefault(u.doc, []).append(i)
    on_topic_members = {id(m) for d, m in documents.items() if d in on_topic}
    _share(out, excluded, list(documents.values()), cx.DOCUMENT_SHARE, cx.DOCUMENT, on_topic_members)
    return out


def _share(out, excluded, groups, share, part, always) -> None:
    from briefing.select import context as cx

    for members in groups:
        direct = [out[i] for i in members if i in out and out[i].direct]
        if not direct or (id(members) not in always and len(direct) / len(members) < share):
            continue
        mean = sum(r.score for r in direct) / len(direct)
        label = max(direct, key=lambda r: r.score).label
        for i in members:
            if i not in out and i not in excluded:
                out[i] = cx.Relevance(part * mean, label, False)


def test_context_relevance_walks_only_the_units_that_can_change_and_gives_the_same() -> None:
    from briefing.select.bm25 import Match
    from briefing.select.context import relevance

    rng = random.Random(9)
    openings = ["He said", "However, it", "The two sides", "Rain fell", "They agreed", "It rained", "A port"]
    for _ in range(60):
        docs = [
            _doc(
                f"d{i}",
                tuple(
                    " ".join(f"{rng.choice(openings)} on day {j}." for j in range(rng.randint(1, 5)))
                    for _ in range(rng.randint(1, 4))
                ),
                title="Port news" if rng.random() < 0.3 else "",
            )
            for i in range(rng.randint(1, 6))
        ]
        units = build_units(docs)
        matches = {
            i: Match(i, rng.random() * 5, rng.choice([0.5, 1.0, 1.6]), (("port", 1.0),))
            for i in range(len(units))
            if rng.random() < 0.25
        }
        excluded = {i for i in range(len(units)) if rng.random() < 0.1}
        on_topic = {d for d in range(len(docs)) if rng.random() < 0.3}
        got = relevance(units, matches, 1.0, excluded, on_topic)
        want = _every_unit_relevance(units, matches, 1.0, excluded, on_topic)
        assert got == want and list(got) == list(want)  # the same, in the same order


def test_content_key_sets_are_the_content_keys() -> None:
    from briefing.select.tokenize import content_key_set, content_keys

    rng = random.Random(13)
    words = " ".join(TEXTS).split() + ["1", "7", "12", "2026", "the", "said", "x", "AI", "U.S.", "one", "two"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 20)))
        toks = tokens(text)
        assert content_key_set(t.key for t in toks) == frozenset(content_keys(toks)), text
