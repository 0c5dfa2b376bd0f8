"""The DOCX as a reader opens it: converted by a real LibreOffice, not only parsed by python-docx.

python-docx reads back what python-docx wrote; a file Word or LibreOffice cannot open, or opens
with text missing, would still pass that. LibreOffice (Debian's libreoffice-writer-nogui, which
`.ci/run` installs) converts the produced file to PDF, and poppler reads the text of its pages.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.writers import WRITERS
from tests.briefing_fixture import make_briefing


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("LibreOffice (soffice) is not installed: `.ci/run` installs libreoffice-writer-nogui")


def through_libreoffice(docx: bytes, tmp: Path) -> str:
    source = tmp / "briefing.docx"
    source.write_bytes(docx)
    profile = tmp / "profile"  # a private profile: no clash with another LibreOffice running
    subprocess.run(
        [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp / "briefing.pdf"
    assert pdf.is_file(), "LibreOffice could not open the DOCX"
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return flat(out.stdout.decode("utf-8"))


def flat(text: str) -> str:
    """Text compared as a reader sees it: white space folded, and U+2011 as the hyphen it is drawn as
    (the DOCX writes it as Word's non-breaking hyphen, which a PDF export draws as "-")."""
    return " ".join(text.replace("\u2011", "-").split())


def test_libreoffice_opens_the_docx_with_every_section_and_non_latin_names(tmp_path):
    b = make_briefing()
    text = through_libreoffice(WRITERS["docx"].render(b), tmp_path)
    for heading in ("Summary", "Timeline", "Quotes", "Sources"):
        assert heading in text
    assert flat(b.theme.title) in text
    assert flat(b.quotes[0].text) in text
    assert flat(b.summary[0].text)[:60] in text
    assert "\u4e60\u8fd1\u5e73" in text  # CJK in a source title
    assert "\uc774\uc7ac\uba85" in text  # Hangul in an author
