"""End to end: one story told in .txt, .html, .pdf, .docx and .eml builds one briefing.

The timeline must merge the same dated event reported in every format into one row citing
all five sources, and the sources list must link each document's URL.
"""

from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage
from pathlib import Path

import docx

from briefing.cli import main
from tests.html_fixture import news_page
from tests.pdf_fixture import single_column

EVENT = "On May 13, 2025, the Eastport harbour authority approved a plan to dredge the northern channel."
MORE = [
    "The council had debated the dredging project for more than three years before the vote.",
    "Ferry operators said the deeper channel would let larger vessels call at the harbour.",
]
CONFIG = """\
themes:
  - id: harbour
    title: Eastport harbour
    description: Dredging and port works in Eastport.
    terms: [dredging, dredge, harbour, channel]
output:
  formats: [json]
"""


def make_corpus(folder: Path) -> dict[str, str]:
    """Write the story in five formats; return {file: URL the briefing must link}."""
    folder.mkdir()
    urls = {
        "wire.txt": "https://wire.example.com/eastport-dredging",
        "ledger.html": "https://ledger.example.org/2025/05/13/dredging",
        "report.pdf": "https://institute.example.net/papers/dredging.pdf",
        "memo.docx": "https://intranet.example.com/memos/dredging",
        "newsletter.eml": "https://weekly.example.com/issues/19",
    }
    (folder / "wire.txt").write_text(
        "Harbour Authority Backs Dredging Plan\n\nBy Ann Lee\n\nMay 13, 2025\n\n" + "\n\n".join([EVENT, *MORE]) + "\n",
        encoding="utf-8",
    )
    page = news_page(headline="Eastport Votes to Dredge Its Northern Channel", canonical=urls["ledger.html"])
    page = page.replace("<article>", f"<article><p>{EVENT}</p>", 1)
    (folder / "ledger.html").write_text(page, encoding="utf-8")
    single_column(
        folder / "report.pdf",
        [["On May 13, 2025, the Eastport harbour authority approved a plan", "to dredge the northern channel.", "",
          "The council had debated the dredging project for more than", "three years before the vote."]],
        title="Dredging the Northern Channel: A Policy Review",
    )
    memo = docx.Document()
    memo.add_heading("Dredging decision", level=1)
    for text in (EVENT, MORE[1]):
        memo.add_paragraph(text)
    memo.core_properties.title = "Memo: Eastport dredging decision"
    memo.core_properties.author = "Bo Chan"
    memo.core_properties.created = dt.datetime(2025, 5, 14, 9, 0)
    memo.save(str(folder / "memo.docx"))
    msg = EmailMessage()
    msg["From"] = "Harbour Weekly <news@weekly.example.com>"
    msg["Subject"] = "Harbour Weekly: dredging approved"
    msg["Date"] = "Thu, 15 May 2025 07:00:00 +0000"
    msg.set_content(EVENT)
    body = "".join(f"<p>{p}</p>" for p in [EVENT, *MORE])
    msg.add_alternative(
        f"<html><body><p><a href='{urls['newsletter.eml']}'>View in browser</a></p>{body}"
        "<p><a href='https://weekly.example.com/u'>Unsubscribe</a></p></body></html>",
        subtype="html",
    )
    (folder / "newsletter.eml").write_bytes(msg.as_bytes())
    (folder / "sources.yaml").write_text(
        "".join(f"{f}:\n  url: {u}\n" for f, u in urls.items() if f in ("wire.txt", "report.pdf", "memo.docx")),
        encoding="utf-8",
    )
    return urls


def test_one_story_in_five_formats_builds_one_briefing(tmp_path):
    urls = make_corpus(tmp_path / "seeds")
    (tmp_path / "config.yaml").write_text(CONFIG, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["build", "--config", str(tmp_path / "config.yaml"), "--seeds", str(tmp_path / "seeds"),
                 "--out", str(out), "--date", "2025-05-20", "--quiet"])
    assert code == 0
    data = json.loads(next(p for p in out.rglob("*.json") if "latest" not in p.parts and p.name != "manifest.json")
                      .read_text(encoding="utf-8"))
    sources = {s["file"]: s for s in data["sources"]}
    assert set(sources) == set(urls)
    for file, url in urls.items():
        assert sources[file]["url"] == url, file
        assert sources[file]["title"] and sources[file]["title"] != file
    rows = [e for e in data["events"] if e["date"] == "2025-05-13" and "dredge" in e["text"]]
    assert len(rows) == 1, rows  # one event, not one row per format
    cited = {next(s["file"] for s in data["sources"] if s["id"] == sid) for sid in rows[0]["sources"]}
    assert cited == set(urls), cited
