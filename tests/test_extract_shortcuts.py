"""Shortcuts in per-document extraction, each against the plain way it replaced (kept here as the
reference): they must give exactly the same answers, on our own sentences and on generated text."""

from __future__ import annotations

import random
import re

from briefing.extract.quotes import paragraph
from briefing.extract.quotes.speaker import QUOTE_MARKS
from briefing.extract.quotes.tokens import Token, is_abbrev_dot, is_party_state, tokenize
from briefing.extraction import document_keys
from briefing.model import Document
from briefing.select.units import document_units
from briefing.text.sentences import Span, split_sentences

WORDS = (
    "Sen.", "Rep.", "Mr.", "U.S.", "J.", "R-S.C.", "(R-Ky.)", "said", "the", "plan", "It", "“We", "won.”",
    "Smith", "No.", "5", "Jan.", "ended.", "“Yes,”", "he", "—", "e.g.", "Inc.", "St.", "café", "ﬁnal",
    "Ｆull", "x\u0301", "\u00a0", "don’t", "it's", "A.", "?", "!", "...", "'", "\t", "2026.", "N.Y.",
)


def made_up(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice((" ", " ", "  ", "\u00a0", "")) for _ in range(n))


def reference_sentences(masked: str) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in paragraph._split_before_quotes(masked, split_sentences(masked)):
        if out:
            toks = tokenize(out[-1].text)
            label = len(toks) > 1 and is_party_state(toks[-2]) and s.text[:1] in QUOTE_MARKS
            if toks and is_abbrev_dot(toks, len(toks) - 1) and s.text[:1].isupper() and not label:
                prev = out.pop()
                s = Span(prev.start, s.end, masked[prev.start : s.end])
        out.append(s)
    return tuple(out)


def test_quote_sentences_read_only_the_last_words_and_split_the_same():
    rng = random.Random(3)
    for _ in range(4000):
        text = made_up(rng, rng.randint(1, 30))
        assert paragraph._sentences(text)[0] == reference_sentences(text), text


def reference_keys(doc: Document, texts: list[str]) -> tuple[str, ...]:
    from briefing.select.tokenize import tokens

    every = [doc.title or "", *doc.paragraphs, *doc.captions, *texts]
    return tuple(sorted({t.key for text in every for t in tokens(text)}))


def test_document_keys_from_sentence_units_are_those_of_the_paragraphs():
    rng = random.Random(4)
    for k in range(600):
        paragraphs = [made_up(rng, rng.randint(0, 25)) for _ in range(rng.randint(1, 4))]
        doc = Document(
            id=f"d{k}",
            file="made-up.txt",
            title=made_up(rng, 3),
            authors=(),
            publisher=None,
            published=None,
            published_inferred=False,
            url=None,
            paragraphs=tuple(paragraphs),
            captions=(made_up(rng, 4),),
        )
        units = [(row[4], row[5]) for row in document_units(doc)]
        assert document_keys(doc, [], [], [], units) == reference_keys(doc, []), paragraphs
        assert document_keys(doc, [], [], []) == reference_keys(doc, [])


PLAIN_TOKEN = re.compile(r"\w(?:[\w’'\-./]*\w)?|[^\w\s]")


def test_quote_tokens_are_the_plain_regex_tokens():
    rng = random.Random(5)
    chars = "aZé9_ .-/'’\n\t,;“”()x\u00a0\u0301—"
    texts = [made_up(rng, rng.randint(0, 30)) for _ in range(1500)]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = [(m.group(0), m.start() + start, m.end() + start) for m in PLAIN_TOKEN.finditer(text[start:end])]
        assert [tuple(t) for t in tokenize(text, start, end)] == want, (text, start, end)
        assert tokenize(text) == [Token(m.group(0), m.start(), m.end()) for m in PLAIN_TOKEN.finditer(text)]


def test_caption_tests_skip_only_lines_that_name_no_picture():
    from briefing.readers import furniture

    def plain_is_caption(line: str) -> bool:
        s = line.strip()
        return bool(furniture._TRAILING_CREDIT.search(s) or furniture._PHOTO_SENTENCE.search(s))

    def plain_clean(line: str) -> str:
        return furniture._TRAILING_CREDIT.sub("", furniture._CITATION_MARKERS.sub("", line)).strip()

    pieces = (
        "The", "photo", "PHOTO", "Photo", "phOto", "shows", "Pictured", "above:", "/", "|", "—", "by", "Newsis",
        "image", "İmage", "ımage", "pictures", "illustration", "pho[1]to", "[2]", "Illustration", "depicts",
        "leaders", ".", "said", "credit:", "Yonhap", "-",
    )
    rng = random.Random(6)
    for _ in range(4000):
        line = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert furniture.is_caption(line) == plain_is_caption(line), line
        assert furniture.clean_inline(line) == plain_clean(line), line


def test_name_stats_count_the_words_as_before():
    from collections import Counter

    from briefing.readers import headlines

    def plain(lines: list[str]) -> headlines.NameStats:
        cap: Counter[str] = Counter()
        low: set[str] = set()
        for line in lines:
            for tok in headlines._TOKEN.findall(line):
                w = headlines._bare(tok)
                if not w or not w[0].isalpha():
                    continue
                if w[0].isupper():
                    cap[w] += 1
                else:
                    low.add(w.lower())
        return headlines.NameStats(cap, frozenset(low))

    rng = random.Random(7)
    for _ in range(500):
        lines = [made_up(rng, rng.randint(0, 12)) for _ in range(rng.randint(0, 5))]
        assert headlines.NameStats.of(lines) == plain(lines), lines


def test_stamp_test_stops_at_the_fourth_content_word():
    import re as re_

    from briefing.extract.events.clauses import _STAMP, is_stamp

    def plain(paragraph: str) -> bool:
        if _STAMP.match(paragraph) and len(paragraph.split()) <= 12:
            return True
        letters = re_.sub(r"[^A-Za-z]+", " ", paragraph).split()
        date_words = {"am", "pm", "kst", "gmt", "utc", "est", "updated", "posted", "input", "written"}
        content = [w for w in letters if w.lower() not in date_words and len(w) > 2]
        return len(content) <= 3 and bool(re_.search(r"\d", paragraph))

    pieces = ("Posted", "Updated", "2026-01-12", "18:32", "KST", "by", "Jane", "Doe", "a", "on", "10:01", "PM",
              "Input", "written", "٣", "said", "the", "minister", ".", ",", "Jan.", "14")
    rng = random.Random(8)
    for _ in range(3000):
        paragraph = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        assert is_stamp(paragraph) == plain(paragraph), paragraph


class _Everything:
    """A set that holds every word: turns the statement finder's line test off."""

    def __contains__(self, _word: object) -> bool:
        return True


def test_statement_finder_skips_only_lines_without_a_reporting_word(monkeypatch):
    from briefing.extract.quotes import statements as st
    from briefing.model import Person

    people = (Person("Helena Varga", "Prime Minister", ("Varga",)),)
    pieces = (
        "Trade Minister Jonas Ek stated that the two sides discussed tariffs.",
        "According to Varga, the border crossings will reopen before the summer.",
        "The talks will resume next week, the foreign ministry said.",
        "Officials said the port would reopen and that ships would wait.",
        "“We will not wait,” Ek said.",
        "The bridge opened on Monday.",
        "He added that the plan was final, while Varga insisted it was not.",
        "Fishermen protested in the harbour.",
        "The minister warned of delays; the council disagreed.",
    )
    rng = random.Random(9)
    for k in range(150):
        paragraphs = tuple(
            " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 4))
        )
        doc = Document(
            id=f"s{k}", file="s.txt", title=None, authors=(), publisher=None, published="2026-02-01",
            published_inferred=False, url=None, paragraphs=paragraphs,
        )
        found = st.extract_statements(doc, people)
        with monkeypatch.context() as m:
            m.setattr(st, "_STATES", _Everything())
            assert st.extract_statements(doc, people) == found, paragraphs


def test_fused_headlines_are_split_the_same_with_stats_worked_out_on_demand():
    from briefing.readers import headlines

    lines = [
        "Ministers Weigh New Port Deal Harbor officials said on Monday that the port would reopen.",
        "Harbor officials met again. The Port Deal was signed by Harbor officials.",
        "Fishermen In Dunmore Protest Again Fishermen in Dunmore protested the new quotas on Friday.",
        "the quotas were cut, officials said.",
    ]
    stats = headlines.NameStats.of(lines)
    asked: list[int] = []

    def on_demand() -> headlines.NameStats:
        asked.append(1)
        return stats

    for line in lines:
        assert headlines.split_fused_headline(line, on_demand) == headlines.split_fused_headline(line, stats)
    assert headlines.split_fused_headline(lines[0], stats)[0] is not None  # the stats were used
    assert len(asked) < len(lines)  # paragraphs that open with a lower-case word never ask
