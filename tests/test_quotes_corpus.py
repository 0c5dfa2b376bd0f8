"""One speaker, one name across a corpus, and two people who share a name never merged (texts written here)."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main
from briefing.extract.quotes import unify_speakers
from briefing.extraction import extract_corpus
from briefing.model import Document

FATHER = (
    "Senator Harold Brandt Sr. spoke at the county fair on Saturday.",
    "“The farms built this state,” Brandt said.",
)
SON = (
    "Harold Brandt Jr., who runs the family dairy, joined the protest outside the statehouse.",
    "“Milk prices are killing us,” Harold Brandt Jr. said.",
)
OTHER = (
    "Harold Brandt opened the new bridge on Monday.",
    "“This bridge took ten years,” Harold Brandt said.",
    "“It was worth the wait,” Brandt added.",
)


def _doc(name: str, *paragraphs: str) -> Document:
    return Document(name, name, None, (), None, "2026-03-01", False, None, tuple(paragraphs))


def _speakers(corpus: dict[str, tuple[str, ...]]) -> dict[str, list[str | None]]:
    extraction = extract_corpus([_doc(k, *v) for k, v in corpus.items()], ())
    return {k: [q.speaker for q in v] for k, v in extraction.quotes.items()}


def test_a_full_name_is_never_extended_to_a_son_quoted_in_another_document():
    found = _speakers({"son.txt": SON, "other.txt": OTHER})
    assert found["son.txt"] == ["Harold Brandt Jr"]
    assert found["other.txt"] == ["Harold Brandt", "Harold Brandt"]


def test_a_bare_surname_is_not_given_to_the_son_named_only_in_another_document():
    found = _speakers({"son.txt": SON, "bare.txt": ("“We will see,” Brandt said on Monday.",)})
    assert found["bare.txt"] == ["Brandt"]


def test_a_bare_surname_stays_bare_when_two_people_in_the_corpus_carry_it():
    found = _speakers({"son.txt": SON, "other.txt": OTHER, "bare.txt": ("“We will see,” Brandt said.",)})
    assert found["bare.txt"] == ["Brandt"]


def test_a_bare_surname_takes_the_only_full_name_in_the_corpus():
    found = _speakers({"other.txt": OTHER, "bare.txt": ("“We will see,” Brandt said on Monday.",)})
    assert found["bare.txt"] == ["Harold Brandt"]


def test_the_document_own_evidence_decides_for_a_surname():
    # the father's article calls him "Brandt"; the son is quoted elsewhere in the corpus
    found = _speakers({"father.txt": FATHER, "son.txt": SON})
    assert found["father.txt"] == ["Harold Brandt Sr"]
    assert found["son.txt"] == ["Harold Brandt Jr"]


def test_korean_family_names_shared_by_two_people_stay_apart():
    found = _speakers(
        {
            "a.txt": ("“The talks went well,” Kim Min-seo said.",),
            "b.txt": ("“The talks failed,” Kim Tae-ho said.",),
            "c.txt": ("“We need more time,” Kim said.",),
        }
    )
    assert found == {"a.txt": ["Kim Min-seo"], "b.txt": ["Kim Tae-ho"], "c.txt": ["Kim"]}


def test_unify_speakers_handles_many_documents_by_index():
    # thousands of speakers: an all-pairs comparison would take minutes, an index is instant
    from briefing.extract.quotes import FoundQuote

    items = {
        f"d{n}": [
            FoundQuote("x", f"Person{n} Family{n}", None, False, "x", 0, 1),
            FoundQuote("y", f"Family{n}", None, False, "y", 0, 1),
        ]
        for n in range(20000)
    }
    out = unify_speakers(items)
    assert out["d7"][1].speaker == "Person7 Family7"


def test_briefing_extract_keeps_father_and_son_apart_across_files(tmp_path: Path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "son.txt").write_text("\n\n".join(SON) + "\n", encoding="utf-8")
    (seeds / "other.txt").write_text("\n\n".join(OTHER) + "\n", encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(
        "themes:\n  - id: all\n    title: All\n    description: everything\n    terms: [said]\n",
        encoding="utf-8",
    )
    assert main(["extract", "--config", str(config), "--seeds", str(seeds)]) == 0
    docs = {Path(d["file"]).name: d for d in json.loads(capsys.readouterr().out)["documents"]}
    assert [q["speaker"] for q in docs["other.txt"]["quotes"]] == ["Harold Brandt", "Harold Brandt"]
    assert [q["speaker"] for q in docs["son.txt"]["quotes"]] == ["Harold Brandt Jr"]
