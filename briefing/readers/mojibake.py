"""Repair mojibake ("â€œ" for a curly quote): UTF-8 text that was once decoded as cp1252 or Latin-1.

ftfy is the maintained tool for exactly this; it is asked only to undo wrong decodings
(and never to straighten quotes or change widths), so correct text passes through
unchanged and a repair is reported, not silent.
"""

from __future__ import annotations

import ftfy
from ftfy.badness import is_bad

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair(text: str) -> tuple[str, bool]:
    """Return (text with mojibake repaired, whether anything changed)."""
    if not text or not is_bad(text):
        return text, False
    fixed = ftfy.fix_text(text, _CONFIG)
    return fixed, fixed != text


def repair_all(paragraphs: list[str], where: str) -> tuple[list[str], list[str]]:
    """Return the paragraphs repaired, and a warning naming `where` when any was mojibake."""
    out, changed = [], 0
    for p in paragraphs:
        fixed, did = repair(p)
        out.append(fixed)
        changed += did
    warnings = [
        f"{where}: repaired mojibake (text decoded with the wrong encoding) in {changed} paragraph(s)"
    ]
    return out, warnings if changed else []
