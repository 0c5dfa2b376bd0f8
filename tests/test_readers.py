"""Readers: metadata from the text, furniture removed, newsletters split, bad files reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.readers import read_corpus
from briefing.readers.text import read_text_file

BODY = "The ministry said on Monday that talks with the delegation would continue next month in the capital."


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(text.encode(encoding))
    return p


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Posted March. 3, 2025 09:15,   \n\nUpdated March. 3, 2025 11:00", "2025-03-03T09:15"),
        ("Input\n2025-02-10 18:32:08\nUpdated\n2025-02-11 08:00:00", "2025-02-10T18:32:08"),
        ("Written: 2024-12-09 10:26:24", "2024-12-09T10:26:24"),
        ("Wednesday, April 2, 2025", "2025-04-02"),
    ],
)
def test_document_date_stamps(tmp_path, header, expected):
    p = write(tmp_path, "a.txt", f"Go to contents\n\nTalks Continue in the Capital\n\n{header}\n\n{BODY}\n")
    doc = read_text_file(p).documents[0]
    assert doc.published == expected
    assert doc.title == "Talks Continue in the Capital"
    assert doc.paragraphs == (BODY,)  # stamps, labels and furniture are not content


def test_dateline_gives_the_date_and_agency(tmp_path):
    p = write(
        tmp_path,
        "wire.txt",
        "SEOUL, Jan. 21 (Yonhap) -- Officials met in 2026 to discuss the plan. They agreed.\n",
    )
    doc = read_text_file(p).documents[0]
    assert doc.published == "2026-01-21"
    assert doc.publisher == "Yonhap"


def test_furniture_and_citation_markers_never_reach_the_body(tmp_path):
    text = (
        "Top Headlines\n\nFeeds\n\nMarkets Rally on Rate Cut Hopes\n\nUpdated (12 articles)\n\n"
        "Shares rose sharply on Friday as traders bet on lower rates[1]. Bonds also gained[2][3].\n\n"
        "Stories about this story (4 stories)\n\nAll related articles (12 articles)\n"
        "Feature image from Example Agency.\n"
    )
    doc = read_text_file(write(tmp_path, "agg.txt", text)).documents[0]
    assert doc.title == "Markets Rally on Rate Cut Hopes"
    assert doc.paragraphs == (
        "Shares rose sharply on Friday as traders bet on lower rates. Bonds also gained.",
    )


def test_captions_are_kept_apart_from_the_body(tmp_path):
    text = (
        "Leaders Meet\n\nThe two leaders met in Paris last May. / Photo by Example Images\n\n"
        + BODY
        + "\n\nThe mayor will open the bridge on Friday. The picture shows the mayor at the old bridge "
        "in 2019.\n\nPictured above: the new bridge under construction in March.\n\n"
        "The image of the bridge on the poster was drawn by local pupils, the mayor said on Monday.\n"
    )
    doc = read_text_file(write(tmp_path, "cap.txt", text)).documents[0]
    assert doc.paragraphs == (
        BODY,
        "The image of the bridge on the poster was drawn by local pupils, the mayor said on Monday.",
    )
    assert doc.captions == (
        "The two leaders met in Paris last May.",
        "The mayor will open the bridge on Friday. The picture shows the mayor at the old bridge in 2019.",
        "Pictured above: the new bridge under construction in March.",
    )


def test_fused_sub_headlines_are_cut_off_their_paragraphs(tmp_path):
    text = (
        "Top Headlines\n\nPort Deal Talks Resume in Harbor City\n\n"
        "Ministers Weigh Port Expansion Costs Harbor officials said the port expansion would cost more "
        "than planned. The ministers met Harbor officials twice.\n\n"
        "Fishing Quota Dispute Deepens Along Coast Fishermen in Dunmore protested the new quota on Tuesday. "
        "The Dunmore cooperative called the fishing quota unfair. Dunmore boats stayed in port.\n\n"
        "Mayor Ruiz Backs Rail Link to Harbor Mayor Ruiz told reporters the harbor needs a rail link. "
        "Ruiz has pushed for it since 2019.\n\n"
        "South Korean President Lee Park met harbor officials on Monday to discuss the port.\n\n"
        "Eastern Province Governor Lee Park opened the new terminal on Friday. Park thanked workers.\n"
    )
    doc = read_text_file(write(tmp_path, "agg.txt", text)).documents[0]
    assert doc.title == "Port Deal Talks Resume in Harbor City"
    assert [p.split(".")[0] for p in doc.paragraphs] == [
        "Harbor officials said the port expansion would cost more than planned",
        "Fishermen in Dunmore protested the new quota on Tuesday",
        "Mayor Ruiz told reporters the harbor needs a rail link",
        # a sentence opening with a long name and title is not a headline
        "South Korean President Lee Park met harbor officials on Monday to discuss the port",
        "Eastern Province Governor Lee Park opened the new terminal on Friday",
    ]


def test_newsletter_is_split_into_articles_with_their_own_bylines(tmp_path):
    text = (
        "Weekly\n"
        "Ministers Agree on a New Fisheries Deal\nJane Doe\n"
        "Ministers agreed on Tuesday to a new fisheries deal after long talks. It takes effect in May.\n"
        "Parliament Passes the Budget Bill\nJohn Roe\n"
        "Parliament passed the budget on Wednesday by a wide margin. The vote was 201 to 90.\n"
        "This Week in History\n"
        "On March 1, 1919, crowds gathered across the country to declare independence.\n"
    )
    docs = read_text_file(write(tmp_path, "news.txt", text)).documents
    assert [(d.title, d.authors) for d in docs] == [
        ("Ministers Agree on a New Fisheries Deal", ("Jane Doe",)),
        ("Parliament Passes the Budget Bill", ("John Roe",)),
        ("This Week in History", ()),
    ]
    assert [d.id for d in docs] == ["news.txt", "news.txt#2", "news.txt#3"]
    assert all(d.file == "news.txt" for d in docs)


def test_closing_author_notes_give_authors_and_publisher(tmp_path):
    text = (
        BODY + "\n"
        "Jane Doe is Senior Fellow at the Institute for Policy Studies (IPS). John Roe is Analyst at IPS. "
        "The views expressed are the authors’ alone.\n"
        "IPS is registered under the FARA as an agent of a foreign principal.\n"
    )
    doc = read_text_file(write(tmp_path, "bio.txt", text)).documents[0]
    assert doc.authors == ("Jane Doe", "John Roe")
    assert doc.publisher == "Institute for Policy Studies (IPS)"
    assert doc.paragraphs == (BODY,)


def test_latin1_file_is_detected_and_named_in_a_warning(tmp_path):
    text = (
        "Café Talks Resume\n\nLe président a déclaré que les négociations reprendront à Genève la semaine prochaine, a-t-il précisé.\n"
        * 3
    )
    write(tmp_path, "latin.txt", text, encoding="latin-1")
    warnings: list[str] = []
    docs = read_corpus(tmp_path, warnings.append)
    assert "déclaré" in docs[0].text
    assert any("latin.txt" in w and "not UTF-8" in w for w in warnings)


def test_one_bad_file_is_a_warning_and_the_rest_still_read(tmp_path):
    write(tmp_path, "good.txt", "Wednesday, April 2, 2025\n\n" + BODY + "\n")
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    warnings: list[str] = []
    docs = read_corpus(tmp_path, warnings.append)
    assert [d.file for d in docs] == ["good.txt"]
    assert any("empty.txt" in w and "empty" in w for w in warnings)


def test_sidecar_overrides_the_text(tmp_path):
    write(tmp_path, "a.txt", "Wednesday, April 2, 2025\n\nOld Headline Here\n\n" + BODY + "\n")
    write(
        tmp_path,
        "sources.yaml",
        "a.txt:\n  title: Corrected Title\n  authors: [Ann Lee]\n  publisher: Example Post\n"
        "  published: 2025-04-01\n  url: https://example.org/a\n",
    )
    doc = read_corpus(tmp_path)[0]
    assert (doc.title, doc.authors, doc.publisher, doc.published, doc.url) == (
        "Corrected Title",
        ("Ann Lee",),
        "Example Post",
        "2025-04-01",
        "https://example.org/a",
    )
    assert doc.published_inferred is False


def test_bad_sidecar_names_file_line_and_key(tmp_path):
    write(tmp_path, "a.txt", BODY + "\n")
    write(tmp_path, "sources.yaml", "a.txt:\n  title: X\nb.txt:\n  pubished: 2025-01-01\n")
    with pytest.raises(InputError, match=r"sources.yaml:3: b.txt: unknown key 'pubished'"):
        read_corpus(tmp_path)


def test_undated_file_gets_an_inferred_date_marked_as_such(tmp_path):
    write(
        tmp_path,
        "u.txt",
        "The summit took place on March 3, 2025, and the ministers met again on March 9, 2025.\n",
    )
    doc = read_corpus(tmp_path)[0]
    assert doc.published_inferred is True
    assert doc.published == "2025-03-09"


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="seeds folder not found; pass --seeds DIR"):
        read_corpus(tmp_path / "none")
