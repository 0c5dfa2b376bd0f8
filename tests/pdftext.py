"""The text a reader gets out of a PDF, through poppler's pdftotext as a user's viewer would.

poppler-utils is installed by `.ci/run`; a machine without it fails these tests rather than
skipping them, because a PDF whose text cannot be copied out is a defect a user would notice.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def pdf_text_of(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")
