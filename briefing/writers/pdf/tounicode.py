"""Correct text extraction for characters beyond U+FFFF in the PDFs reportlab writes.

reportlab 4-5 writes each embedded subset's ToUnicode map as `<code> <%04X>`, which is right only
inside the Basic Multilingual Plane: U+1F600 becomes `<1F600>`, five hex digits that viewers read
as U+1F60, so copying "😀" or a mathematical letter such as "𝖪" out of the PDF (or a screen reader
reading it) gives a different character. A ToUnicode destination is UTF-16BE (PDF 32000-1, 9.10.3),
so a character beyond the BMP must be written as its surrogate pair. This module replaces the one
function that builds the map; for BMP-only text the map, and so the PDF, is byte-identical.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

_original = ttfonts.makeToUnicodeCMap


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's map with every destination written as UTF-16BE hex."""
    cmap: str = _original(fontname, subset)
    for code, value in enumerate(subset):
        if value > 0xFFFF:
            cmap = cmap.replace(f"<{code:02X}> <{value:04X}>\n", f"<{code:02X}> <{_utf16_hex(value)}>\n", 1)
    return cmap


def install() -> None:
    """Make reportlab use the corrected map (idempotent)."""
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
