"""Reader speed per format: documents read per second (reader only, no extraction).

Writes N synthetic articles of each format (txt, html, pdf, docx, eml) into a temporary
folder with the test fixtures' generators, then times `read_file` over each format.
The shared HTML pages (real saved pages, larger than the synthetic ones) are timed too
when ../shared/bench/html/pages exists.

    .venv/bin/python bench/bench_readers.py [-n 40]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from briefing.readers.registry import read_file  # noqa: E402
from tests.html_fixture import PARAS, news_page  # noqa: E402
from tests.pdf_fixture import single_column  # noqa: E402

SHARED_PAGES = ROOT.parent / "shared" / "bench" / "html" / "pages"


def write_all(folder: Path, n: int) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {f: [] for f in ("txt", "html", "pdf", "docx", "eml")}
    lines = [w for p in PARAS for w in [p[i : i + 70] for i in range(0, len(p), 70)] + [""]]
    for i in range(n):
        p = folder / f"a{i}.txt"
        p.write_text(f"Harbour Plan Approved {i}\n\nMay 13, 2025\n\n" + "\n\n".join(PARAS * 3), encoding="utf-8")
        out["txt"].append(p)
        p = folder / f"a{i}.html"
        p.write_text(news_page(headline=f"Harbour Plan Approved {i}"), encoding="utf-8")
        out["html"].append(p)
        out["pdf"].append(single_column(folder / f"a{i}.pdf", [lines * 2, lines * 2, lines * 2]))
        d = docx.Document()
        d.add_heading(f"Harbour Plan Approved {i}", level=1)
        for para in PARAS * 3:
            d.add_paragraph(para)
        d.core_properties.created = dt.datetime(2025, 5, 13)
        d.save(str(folder / f"a{i}.docx"))
        out["docx"].append(folder / f"a{i}.docx")
        m = EmailMessage()
        m["From"], m["Subject"], m["Date"] = "Weekly <w@example.com>", f"Issue {i}", "Tue, 13 May 2025 07:00 +0000"
        m.set_content("\n\n".join(PARAS))
        m.add_alternative("<html><body>" + "".join(f"<p>{p}</p>" for p in PARAS * 3) + "</body></html>",
                          subtype="html")
        (folder / f"a{i}.eml").write_bytes(m.as_bytes())
        out["eml"].append(folder / f"a{i}.eml")
    return out


def rate(paths: list[Path]) -> float:
    read_file(paths[0])  # import the reader's libraries outside the timing
    start = time.perf_counter()
    for p in paths:
        read_file(p)
    return len(paths) / (time.perf_counter() - start)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=40, help="documents per format")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_all(Path(tmp), args.n)
        for fmt, paths in files.items():
            print(f"{fmt:5s} {rate(paths):8.1f} documents/s  ({len(paths)} synthetic documents)")
    if SHARED_PAGES.is_dir():
        pages = sorted(SHARED_PAGES.glob("*.html"))
        print(f"html  {rate(pages):8.1f} documents/s  ({len(pages)} real saved pages, ../shared/bench/html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
