"""Golden outputs, as pandoc keeps them: one hand-written corpus rendered to every format.

The test (tests/test_golden.py) builds `tests/golden/corpus` with `tests/golden/config.yaml` on a
fixed edition date and compares what a reader would get out of each file with the checked-in
goldens in `tests/golden/expected/`:
- DOCX: one line per paragraph, `Style name | text`;
- PDF: the text of each page, as poppler's pdftotext gives it, pages separated by a form feed;
- HTML: the visible text, one line per block;
- JSON: the file itself.

A change that alters output on purpose is accepted by rewriting the goldens and reviewing the diff:
    .venv/bin/python tests/golden.py --accept && git diff tests/golden/expected
"""

from __future__ import annotations

import contextlib
import html.parser
import io
import sys
import tempfile
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXPECTED = GOLDEN / "expected"
EDITION_DATE = "2026-11-29"
FORMATS = ("docx", "pdf", "html", "json")


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    lines = [f"{p.style.name if p.style is not None else ''} | {p.text}" for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("Table row | " + " | ".join(cell.text for cell in row.cells))
    return "\n".join(lines) + "\n"


def pdf_text(data: bytes) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.pdftext import pdf_text_of

    pages = pdf_text_of(data).split("\f")
    return "\f\n".join("\n".join(line.rstrip() for line in page.splitlines()) for page in pages)


class _VisibleText(html.parser.HTMLParser):
    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "tr", "div", "section", "header", "footer", "title", "td"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.hidden -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _VisibleText()
    parser.feed(data.decode("utf-8"))
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


EXTRACTORS = {"docx": docx_text, "pdf": pdf_text, "html": html_text, "json": lambda data: data.decode("utf-8")}


def render(out: Path) -> dict[str, str]:
    """Build the golden corpus into `out` and return {golden file name: extracted text}."""
    from briefing.cli import main

    args = ["build", "--config", str(GOLDEN / "config.yaml"), "--corpus", str(GOLDEN / "corpus")]
    args += ["--out", str(out), "--date", EDITION_DATE, "--quiet"]
    with contextlib.redirect_stderr(io.StringIO()) as err:
        code = main(args)
    if code != 0:
        raise RuntimeError(f"golden build failed ({code}): {err.getvalue()}")
    found: dict[str, str] = {}
    for theme_dir in sorted(p for p in out.iterdir() if p.is_dir()):
        edition = theme_dir / EDITION_DATE
        for fmt in FORMATS:
            files = sorted(edition.glob(f"*.{fmt}"))
            files = [f for f in files if f.name not in ("manifest.json", "model.json")]
            if len(files) != 1:
                raise RuntimeError(f"expected one .{fmt} in {edition}, found {[f.name for f in files]}")
            found[f"{theme_dir.name}.{fmt}.txt"] = EXTRACTORS[fmt](files[0].read_bytes())
    return found


def accept() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        found = render(Path(tmp))
    EXPECTED.mkdir(parents=True, exist_ok=True)
    for old in EXPECTED.glob("*.txt"):
        if old.name not in found:
            old.unlink()
    for name, text in found.items():
        (EXPECTED / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(found)} goldens to {EXPECTED.relative_to(ROOT)}; review them with git diff")


if __name__ == "__main__":
    if sys.argv[1:] != ["--accept"]:
        sys.exit("usage: python tests/golden.py --accept   (rewrites tests/golden/expected for review)")
    accept()
