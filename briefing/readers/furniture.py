"""Recognise page furniture: text a web page or newsletter prints that is not article content.

Navigation labels, feed counters, citation markers, image credits and
registration disclaimers must never become passages or quotes, but the same
words inside a real sentence must survive, so whole-line patterns are anchored
and inline patterns are narrow.
"""

from __future__ import annotations

import re

from briefing.text.normalise import lowered_for_test

# Whole lines (after stripping) that are navigation or feed chrome.
_FURNITURE_LINES = [
    r"go to (?:contents|content|main content)",
    r"skip to (?:main )?content",
    r"top (?:headlines|stories|news)",
    r"feeds?",
    r"(?:latest|breaking) news",
    r"menu",
    r"search",
    r"share(?: this)?(?: article| story)?",
    r"print(?: this)?(?: article| page)?",
    r"subscribe(?: now)?",
    r"sign in|log in|register",
    r"advertisement",
    r"read (?:more|the rest here)\.?",
    r"(?:updated|sources?|all related articles|related articles|stories about this story)\s*\(\d+ (?:articles?|stories|sources?)\)",
    r"(?:all )?related (?:articles|stories|news)",
    r"more (?:stories|news|from .{1,40})",
    r"comments?(?: \(\d+\))?",
    r"(?:font size|text size)\s*[-+a-z ]*",
    r"photo|video|image|graphic",
    r"[^\w\s]{1,5}",  # lone bullets, arrows, separators
]
_FURNITURE_LINE = re.compile(r"^(?:" + "|".join(_FURNITURE_LINES) + r")$", re.IGNORECASE)

# Lines that are credits or legal boilerplate rather than reporting.
_BOILERPLATE = re.compile(
    r"^(?:(?:feature |header |cover |lead |top )?(?:image|photo|picture|illustration|graphic)s? "
    r"(?:from|by|courtesy of|credit|via)\b"
    r"|\(?(?:photo|image)s?\s*(?:credit)?\s*[:=]"
    r"|copyright\b|©|all rights reserved"
    r"|.{0,120}\bis registered under the (?:FARA|Foreign Agents Registration Act)\b"
    r"|additional information is available at the department of justice"
    r"|this (?:article|story) (?:was|has been) (?:updated|corrected)\b.{0,80}$"
    r")",
    re.IGNORECASE,
)

# Inline: bracketed citation markers like [1] or [21][24] left by aggregators.
_CITATION_MARKERS = re.compile(r"\s?(?:\[\d{1,3}\])+")
# Inline: a trailing photo credit on a caption ("... last November. / Photo by Newsis").
_TRAILING_CREDIT = re.compile(
    r"\s*(?:/|\||—|-)\s*(?:photo|image|picture)s?\s*(?:by|from|courtesy of|credit)?\s*:?\s*[^./]{0,80}\.?\s*$",
    re.IGNORECASE,
)


# A sentence that describes a picture rather than reports: "The photo shows ...", "Pictured above: ...".
_PHOTO_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:The|This|That|In the|In this|Above|Below|Top|Left|Right)\s+)?"
    r"(?:file |accompanying |above |top |main )?(?:photo(?:graph)?|picture|image|illustration)s?\b"
    r"[^.!?]{0,40}?\b(?:shows?|showing|depicts?|depicting|pictured|taken|features?)\b"
    r"|(?:^|(?<=[.!?]\s))Pictured(?:\s+(?:above|below|here|left|right))?\s*[:,(-]",
    re.IGNORECASE,
)


def is_caption(line: str) -> bool:
    """True for a photo caption: a line ending in a photo credit ("... / Photo by Newsis") or
    holding a sentence that describes a picture ("The photo shows the leaders ...").

    A caption restates the lead or describes an image; it is not the article's reporting, so
    it must not become a passage or a summary point (readers keep it apart, see Document.captions).
    """
    s = line.strip()
    return _names_a_picture(s) and bool(_TRAILING_CREDIT.search(s) or _PHOTO_SENTENCE.search(s))


def is_furniture(line: str) -> bool:
    """True when a whole line is navigation chrome, a feed counter, a credit or a disclaimer."""
    s = line.strip()
    return bool(s) and bool(_FURNITURE_LINE.match(s) or _BOILERPLATE.match(s))


def clean_inline(line: str) -> str:
    """Return the line without citation markers and trailing photo credits (the rest verbatim)."""
    s = _CITATION_MARKERS.sub("", line) if "[" in line else line
    if _names_a_picture(s):
        s = _TRAILING_CREDIT.sub("", s)
    return s.strip()


# Every caption sentence and photo credit above names a picture with one of these words.
_PICTURE_WORDS = ("photo", "picture", "image", "illustration")


def _names_a_picture(text: str) -> bool:
    """False when `text` holds none of `_PICTURE_WORDS` in any case, so neither caption pattern
    can match it: every line of every file is asked, and the patterns search it from every place."""
    low = lowered_for_test(text)
    return low is None or any(w in low for w in _PICTURE_WORDS)
