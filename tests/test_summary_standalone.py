"""Summary points read on their own: the reading check an analyst makes on the first page.

A point that opens with a connective ("However, ..."), a pronoun or demonstrative with
nothing to refer to ("He added ...", "This is ..."), an outward reference ("A prime
example is ..."), a lower-case fragment, or a forecast of an event that has since passed,
cannot be forwarded as it stands.  The check below is written independently of the
selector's own rules, and runs on the sample corpus and on articles written for this test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.select.standalone import is_stale, standalone
from tests.eval_gate import ROOT

# What a reader trips over at the start of a point read out of context.
DANGLING_OPENING = re.compile(
    r"^(?:[a-z]"  # a lower-case fragment
    r"|(?:However|Moreover|Furthermore|Meanwhile|Additionally|In addition|Also|Still|Yet|Thus|Therefore"
    r"|Hence|Instead|Nevertheless|Nonetheless|Notably|Indeed|In fact|On the other hand|For (?:his|her|their)"
    r" part|As a result|Consequently|Similarly|Likewise|Finally|Then|But|And|So)\b"
    r"|(?:He|She|It|They|His|Her|Its|Their|This|That|These|Those|Such|Both|Another)\b"
    r"|(?:A|An|One|Another) (?:\w+ )?(?:example|case|instance|reason)\b"
    r"|The (?:summit|meeting|talks|leaders|two sides|two leaders|latter|former)\b(?! (?:of|in|between))"
    r"|(?:Recently|Lately|Earlier|Previously)\b"  # dated by when the source was written
    # a log line's date stamp: "Jan 10, 2026 – ...", "3 March: ..."
    r"|(?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)(?:,? \d{4})? ?(?:[\u2013\u2014:]|--?) "
    r")"
)

# Articles written for this test: each paragraph mixes sentences that stand alone with ones that do not.
ARTICLES = {
    "norland-talks.txt": (
        "Fisheries Talks Open in Vardo\n\nPublished: 2026-03-02\n\n"
        "However, the fishing quota for cod remains the main obstacle to a fisheries agreement. "
        "Norland and Estavia opened fisheries talks in Vardo on March 2 to settle the cod quota. "
        "He added that trawler crews need certainty before the season starts.\n\n"
        "This is the first time the two governments have negotiated a fisheries agreement since 2019. "
        "Moreover, both sides want the fishing quota fixed for five years.\n\n"
        "The summit also addressed the fishing quota for herring. "
        "A prime example is the dispute over trawler access to the Vardo banks. "
        "Estavian fisheries minister Lena Holm said the herring quota must fall by a tenth.\n\n"
        "The upcoming fisheries summit in Tromby is expected to settle the trawler licences. "
        "they say the fishing quota talks could last until the summer.\n"
    ),
    "estavia-quota.txt": (
        "Estavia Cuts Trawler Licences\n\nPublished: 2026-03-05\n\n"
        "Estavia cut the number of trawler licences for the Vardo banks by a fifth on March 4. "
        "It was a blow to the fishing towns of the north coast. "
        "Furthermore, the fisheries ministry will review the quota for mackerel in April.\n\n"
        "Fishing crews in Hammer protested against the new quota outside the fisheries ministry. "
        "These protests followed a year of falling catches. "
        "For his part, Norland's fisheries minister Odd Berg called the quota cut premature.\n"
    ),
    "quota-log.txt": (
        "Fisheries Quota Log\n\nPublished: 2026-03-09\n\n"
        "Mar 6, 2026 \u2013 In Tromby, Norland's fisheries minister Odd Berg signs the fishing quota "
        "decree for the Vardo trawler fleet.\n\n"
        "Mar 8, 2026 \u2013 Estavia's fisheries ministry publishes the trawler licence list for the "
        "fishing quota year.\n\n"
        "Recently, the fisheries agreement talks stalled over the trawler quota for mackerel.\n"
    ),
}


@pytest.fixture(scope="module")
def own_corpus_points(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("own")
    seeds = root / "articles"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    config = root / "config.yaml"
    config.write_text(
        "author: Test desk\noutput:\n  formats: [json]\n  summary_points: 5\nthemes:\n"
        "  - id: fisheries\n    title: Fisheries talks\n"
        "    description: Fishing quotas and the fisheries agreement between Norland and Estavia.\n"
        "    terms: [fisheries, fishing, quota, trawler]\n    phrases: [fisheries agreement, fishing quota]\n",
        encoding="utf-8",
    )
    return _points(root, seeds, config, "2026-11-29")


def _points(root: Path, seeds: Path, config: Path, edition: str) -> list[str]:
    out = root / "out"
    code = main(
        ["build", "--seeds", str(seeds), "--config", str(config), "--out", str(out), "--format", "json"]
        + ["--date", edition, "--quiet"]
    )
    assert code == 0
    points = []
    for path in sorted(out.glob("*/latest/*.json")):
        if path.name != "manifest.json" and path.name != "model.json":
            points += json.loads(path.read_text(encoding="utf-8"))["summary"]
    return points


def _check(points: list[str]) -> list[str]:
    bad = []
    for p in points:
        if DANGLING_OPENING.match(p.lstrip('\u201c"')) or not re.search(r"[.!?][\u201d\u2019\"')]*$", p):
            bad.append(p)
        if re.search(r"\bupcoming\b|\bforthcoming\b", p, re.IGNORECASE):
            bad.append(p)
    return bad


def test_points_on_articles_written_for_this_test_stand_alone(own_corpus_points):
    assert own_corpus_points, "the fisheries theme has material; the summary must not be empty"
    assert _check(own_corpus_points) == []
    # the trimmed forms are verbatim slices, never re-worded
    corpus = " ".join(ARTICLES.values())
    assert all(p in corpus for p in own_corpus_points)


def test_points_on_the_sample_corpus_stand_alone(tmp_path):
    points = _points(tmp_path, ROOT / "seeds", ROOT / "config.yaml", "2026-11-29")
    assert len(points) >= 20  # six themes, most with five points
    assert _check(points) == []


def test_the_reading_check_itself_catches_each_failure():
    assert _check(
        [
            "However, talks resumed on Monday in the capital.",
            "He added that the talks would resume on Monday.",
            "This is the first time the two sides met in the capital.",
            "A prime example is the fishing dispute over the northern banks.",
            "both leaders say they will pursue closer cooperation on trade.",
            "The summit also addressed security on the northern border.",
            "The upcoming summit is expected to address fishing quotas.",
            "Ministers met in the capital and agreed on a quota, with officials noting",
            "Jan 10, 2026 \u2013 In the capital, ministers agreed on a quota.",
            "Recently, ministers agreed on a quota for the northern banks.",
        ]
    ) == [
        "However, talks resumed on Monday in the capital.",
        "He added that the talks would resume on Monday.",
        "This is the first time the two sides met in the capital.",
        "A prime example is the fishing dispute over the northern banks.",
        "both leaders say they will pursue closer cooperation on trade.",
        "The summit also addressed security on the northern border.",
        "The upcoming summit is expected to address fishing quotas.",
        "Ministers met in the capital and agreed on a quota, with officials noting",
        "Jan 10, 2026 \u2013 In the capital, ministers agreed on a quota.",
        "Recently, ministers agreed on a quota for the northern banks.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a leading connective is cut off when what follows is itself a sentence
        ("However, the cod quota remains the main obstacle to a deal.", None),
        (
            "However, Estavia's cod quota remains the main obstacle to a deal.",
            "Estavia's cod quota remains the main obstacle to a deal.",
        ),
        (
            "For his part, Berg called the quota cut premature and harmful.",
            "Berg called the quota cut premature and harmful.",
        ),
        (
            "On the other hand, Holm said the herring quota must fall.",
            "Holm said the herring quota must fall.",
        ),
        # a log line's date stamp is cut off: the point starts where the statement does
        (
            "Mar 5, 2026 \u2013 In Vardo, Norland's fisheries minister signs the cod quota deal.",
            "In Vardo, Norland's fisheries minister signs the cod quota deal.",
        ),
        (
            "Thursday, 5 March: Estavia cut trawler licences for the Vardo banks.",
            "Estavia cut trawler licences for the Vardo banks.",
        ),
        ("2026-03-05 - Estavia cut trawler licences for the Vardo banks.", "Estavia cut trawler licences for the Vardo banks."),
        # a date range is not a stamp
        (
            "March 4 - 6 saw Norland and Estavia meet in Vardo for talks.",
            "March 4 - 6 saw Norland and Estavia meet in Vardo for talks.",
        ),
        # dated by when it was written: the adverb is cut off, or the sentence has no standalone form
        ("Recently, Estavia cut trawler licences for the Vardo banks.", "Estavia cut trawler licences for the Vardo banks."),
        ("Recently, the ministry cut trawler licences for the Vardo banks.", None),
        ("Recently the Estavian ministry cut trawler licences for the banks.", None),
        # references outside the sentence: no standalone form
        ("He added that trawler crews need certainty before the season.", None),
        ("This is the first time the governments have negotiated a deal.", None),
        ("A prime example is the dispute over trawler access to the banks.", None),
        ("The summit also addressed the fishing quota for herring.", None),
        ("The talks ended without agreement after three long days.", None),
        ("During his visit, the minister met trawler crews in the port.", None),
        ("Estavia says these protests followed a year of falling catches.", None),
        ("Norland signed another agreement on trawler access in May.", None),
        ("they say the talks could last until the summer months.", None),
        ("Ministers met in Vardo and agreed on a quota, with officials noting", None),
        # names before the pronoun, a time "this", an expletive "it": standalone
        (
            "Holm said her ministry would cut the herring quota this year.",
            "Holm said her ministry would cut the herring quota this year.",
        ),
        (
            "It is likely that Norland and Estavia will sign in June.",
            "It is likely that Norland and Estavia will sign in June.",
        ),
        (
            "The talks between Norland and Estavia ended on March 4.",
            "The talks between Norland and Estavia ended on March 4.",
        ),
    ],
)
def test_standalone_form(sentence, expected):
    assert standalone(sentence) == expected


def test_a_forecast_is_stale_once_the_edition_is_well_past_its_source():
    forecast = "The upcoming fisheries summit in Tromby is expected to settle the licences."
    assert is_stale(forecast, "2026-03-02", "2026-11-29")
    assert not is_stale(forecast, "2026-03-02", "2026-03-05")  # a weekly edition: still ahead
    assert is_stale("Berg will visit Tromby on March 20 for the talks.", "2026-03-02", "2026-11-29")
    # what someone said about the future is reported speech, not the reporter's forecast
    assert not is_stale("Holm said the quota will fall next year.", "2026-03-02", "2026-11-29")
    assert not is_stale("Norland and Estavia signed the fisheries agreement.", "2026-03-02", "2026-11-29")
