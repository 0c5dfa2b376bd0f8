"""Bundled fonts for the PDF writer and the per-run font choice reportlab does not make itself.

reportlab draws a missing glyph as an empty box and has no font fallback, so
every piece of text is split into runs, each set in the first font whose cmap
has all its characters: the requested DejaVu face, then DejaVu Sans, then
Droid Sans Fallback for Hangul and CJK.  All are TrueType (glyf) files in
`briefing/fonts/` and are embedded as subsets.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefing.errors import OutputError
from briefing.writers.pdf import tounicode

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
CJK = "DroidSansFallback"

FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    CJK: "DroidSansFallback.ttf",
}

# Drawn when no bundled font has a glyph (an emoji, say): a visible, honest
# "character not shown" mark instead of an invisible or boxed .notdef.
REPLACEMENT = "\ufffd"

# reportlab breaks lines at U+202F (it is in its white-space set) and then
# draws an ordinary space; U+00A0 is the one no-break space it keeps together.
_PDF_SUBSTITUTES = str.maketrans({"\u202f": "\u00a0"})


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the bundled fonts with reportlab once per process."""
    tounicode.install()  # characters beyond U+FFFF must copy out of the PDF as themselves
    for name, file in FILES.items():
        path = FONT_DIR / file
        if not path.is_file():
            raise OutputError(f"bundled font {path} is missing; reinstall briefing (PDFs embed their fonts)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)


@cache
def coverage(font: str) -> frozenset[int]:
    """Return the code points the font's cmap maps to a glyph."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return frozenset(cp for cp, glyph in face.charToGlyph.items() if glyph)


def prepare(text: str) -> str:
    """Return text as the PDF draws it (U+202F becomes U+00A0, see `_PDF_SUBSTITUTES`)."""
    return text.translate(_PDF_SUBSTITUTES)


def font_runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """Return (font, text) runs covering `text`, each run fully covered by its font.

    White space stays in the current run so a Hangul name followed by a space
    does not switch fonts twice.  A character no bundled font covers becomes
    U+FFFD in the requested font.
    """
    chain = (font, REGULAR, CJK) if font != REGULAR else (REGULAR, CJK)
    runs: list[tuple[str, list[str]]] = []
    for ch in prepare(text):
        if ch.isspace() and ch != "\u00a0" and ord(ch) not in coverage(font):
            ch = " "  # a tab or line break that reached here is only a gap between words
        cp = ord(ch)
        if runs and ch.isspace() and cp in coverage(runs[-1][0]):
            chosen = runs[-1][0]
        else:
            chosen = next((f for f in chain if cp in coverage(f)), "")
            if not chosen:
                chosen, ch = font, REPLACEMENT
        if runs and runs[-1][0] == chosen:
            runs[-1][1].append(ch)
        else:
            runs.append((chosen, [ch]))
    return [(f, "".join(chars)) for f, chars in runs]


def markup(text: str, font: str = REGULAR, *, style_font: str = REGULAR) -> str:
    """Return `text` escaped for a reportlab Paragraph, with a <font> tag around every run
    whose font differs from the paragraph style's.

    Why escape here: Paragraph parses its text as markup, so "x < y" raises and
    "AT&T" loses its ampersand unless every piece of source text is escaped.
    """
    parts = []
    for run_font, run in font_runs(text, font):
        escaped = escape(run)
        parts.append(escaped if run_font == style_font else f'<font name="{run_font}">{escaped}</font>')
    return "".join(parts)


def text_width(text: str, font: str, size: float) -> float:
    """Return the drawn width of `text` set run by run (for the page header and footer)."""
    return sum(pdfmetrics.stringWidth(run, f, size) for f, run in font_runs(text, font))
