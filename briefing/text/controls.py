"""Control characters: which ones a document may carry, and which ones nothing may.

Scraped news text arrives with stray NULs, form feeds and C1 mojibake that draw nothing and
that python-docx and XML refuse; a path written into a crontab or a unit file must not hold
even a newline, or it ends the line it is written on.  The three uses share one range table.
"""

from __future__ import annotations

import re

# C0 controls other than tab, newline and carriage return; DEL; the C1 block (U+0080–U+009F).
_STRAY = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"

# Removed from document text when it is read: they carry no text and break the writers.
STRAY_CONTROLS = re.compile(f"[{_STRAY}]")

# What XML 1.0 forbids (stray controls, lone surrogates, U+FFFE/U+FFFF), removed before writing.
NOT_XML = re.compile(f"[{_STRAY}\ud800-\udfff\ufffe\uffff]")

# What may never appear on one line of a crontab or unit file: every control character, the
# Unicode line and paragraph separators, and lone surrogates (undecodable bytes in a file name).
LINE_BREAKERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
