"""Read an article's own metadata from its text: date stamps, headline, bylines, publisher.

News pages print these in a handful of forms ("Posted January. 14, 2026 10:01",
"Input 2026-01-12 18:32:08", "Written: 2026-01-09 10:26:24", "Tuesday, January 13,
2026", "SEOUL, Jan. 21 (Yonhap) --"); each recogniser is a narrow, anchored pattern
so that a date inside a sentence is never mistaken for the document's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.timex.dateline import match_dateline
from briefing.extract.timex.lexicon import DAY_FIRST, MONTHS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
_TIME = r"(?:[ T,]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
_ISO = r"(?P<year>\d{4})[-./](?P<mon>\d{1,2})[-./](?P<day>\d{1,2})" + _TIME
_WRITTEN = _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME
_WRITTEN_DMY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME
# "14/01/2026", "14.01.2026": day first by default (DAY_FIRST, shared with the temporal tagger)
_NUMERIC = r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})" + _TIME

# Labels that introduce the document's own stamp; earlier entries are preferred.
_LABELS = [
    ("published", r"(?:published|posted|written|input|created|date|dated|first published|released)"),
    ("updated", r"(?:updated|modified|last updated|edited)"),
]


@dataclass(frozen=True)
class Stamp:
    iso: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]
    kind: str  # "published" | "updated" | "page" | "dateline"
    line: int  # index of the (first) line it came from


def _iso(m: re.Match[str]) -> str | None:
    g = dict(m.groupdict())
    if g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        day_first = DAY_FIRST and a <= 31 and (b <= 12 or a > 12)
        if b > 12 and a <= 12:
            day_first = False
        g["day"], g["mon"] = (str(a), str(b)) if day_first else (str(b), str(a))
    month = int(g["mon"]) if g.get("mon") else MONTHS.get((g.get("month") or "").lower().rstrip("."))
    try:
        year, day = int(g["year"]), int(g["day"])
    except (TypeError, ValueError):
        return None
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31 or not 1900 <= year <= 2100:
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if g.get("hour"):
        hour = int(g["hour"])
        ampm = (g.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        out += f"T{hour:02d}:{g['minute']}"
        if g.get("second"):
            out += f":{g['second']}"
    return out


def _match_date(text: str) -> str | None:
    """Return the ISO form when `text` is exactly one date (optionally with weekday and time)."""
    s = text.strip().rstrip(",.")
    for pattern in _DATE_ONLY:
        m = pattern.fullmatch(s)
        if m:
            return _iso(m)
    return None


# compiled once: every line of every file is asked whether it is a date stamp
_DATE_ONLY = tuple(
    re.compile(r"(?:" + _WEEKDAY + r"\s*)?" + pattern + r"\s*(?:KST|UTC|GMT|[A-Z]{2,4}T)?", re.IGNORECASE)
    for pattern in (_ISO, _WRITTEN, _WRITTEN_DMY, _NUMERIC)
)


_ANY_LABEL = "|".join(label for _, label in _LABELS)
_LABELLED = re.compile(r"^(?:" + _ANY_LABEL + r")\s*[:：]?\s*(?P<rest>.*)$", re.IGNORECASE)
_NEXT_LABEL = re.compile(r"\s*(?:\||·|•|(?<=\s)(?:" + _ANY_LABEL + r")\s*[:：])", re.IGNORECASE)


def _first_field(rest: str) -> str:
    """The value of a stamp's first label: "2026-03-02 09:15" in "2026-03-02 09:15 Updated: ..."."""
    m = _NEXT_LABEL.search(rest)
    return rest[: m.start()] if m else rest


def _pieces(line: str) -> list[str]:
    """The fields of a stamp line split at "|" or "·" ("Politics | 14 January 2026")."""
    return [p.strip() for p in re.split(r"\s[|·•]\s", line) if p.strip()]


def find_stamps(lines: list[str], limit: int = 15) -> list[Stamp]:
    """Return the date stamps among the first `limit` lines (labels may stand on their own line).

    A line with two labels ("Written: 2026-03-02 09:15 Updated: 2026-03-02 10:40") gives its
    first; a line of fields ("By Jane Doe | 14 January 2026") gives the first field that is a date.
    """
    stamps: list[Stamp] = []
    for i, raw in enumerate(lines[:limit]):
        line = raw.strip()
        if not line:
            continue
        fields = _pieces(line)
        if len(fields) > 1 and len(line) <= 160:
            found = None
            for f in fields:
                found = _stamp_of(f, lines, i)
                if found:
                    break
            if found:
                stamps.append(found)
            continue
        found = _stamp_of(line, lines, i)
        if found:
            stamps.append(found)
    return stamps


def _stamp_of(line: str, lines: list[str], i: int) -> Stamp | None:
    for kind, label in _LABELS:
        m = re.match(r"^" + label + r"\s*[:：]?\s*(?P<rest>.*)$", line, re.IGNORECASE)
        if not m:
            continue
        rest = _first_field(m.group("rest"))
        value = _match_date(rest) if rest else None
        if value is None and not rest and i + 1 < len(lines):
            value = _match_date(lines[i + 1])
        if value:
            return Stamp(value, kind, i)
    value = _match_date(line)
    return Stamp(value, "page", i) if value else None


def find_dateline(paragraph: str, year_hint: int | None) -> Stamp | None:
    """Return the date of a wire dateline ("SEOUL, Jan. 21 (Yonhap) --") opening a paragraph."""
    d = match_dateline(paragraph)
    if d is None or d.month is None or not d.day:
        return None
    year = d.year or year_hint
    if year is None:
        return None
    return Stamp(f"{int(year):04d}-{d.month:02d}-{d.day:02d}", "dateline", 0)


def choose_published(stamps: list[Stamp]) -> str | None:
    """Return the document's own date: a labelled publication stamp beats a page date beats an update."""
    for kind in ("published", "page", "dateline", "updated"):
        for s in stamps:
            if s.kind == kind:
                return s.iso
    return None


def is_stamp_line(line: str) -> bool:
    """True for lines that only carry a date stamp or its label (never content)."""
    s = line.strip()
    if not s:
        return False
    if _match_date(s):
        return True
    while s:  # every labelled field a date: "Written: 2026-03-02 09:15 Updated: 2026-03-02 10:40"
        m = _LABELLED.match(s)
        if not m:
            return False
        rest = m.group("rest")
        value = _first_field(rest)
        if value and not _match_date(value):
            return False
        s = rest[len(value) :].strip(" |·•")
    return True


# -- headlines and bylines --------------------------------------------------------------------

_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "for",
    "of",
    "on",
    "in",
    "at",
    "to",
    "by",
    "with",
    "from",
    "as",
    "vs",
    "vs.",
    "via",
    "into",
    "over",
    "amid",
    "after",
    "before",
    "up",
    "is",
    "are",
    "be",
    "its",
}
_NAME_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le", "bin", "al", "el", "du", "dos", "del"}


def looks_like_headline(line: str) -> bool:
    """True for a short line without sentence-final punctuation, like a headline or section title."""
    s = line.strip()
    if not s or len(s) > 160 or len(s.split()) > 22:
        return False
    if s[-1] in ".,;:" and not s.endswith("..."):
        return False
    if not s[0].isupper() and not s[0].isdigit() and s[0] not in "[“\"'‘(":
        return False
    return True


def is_title_case(line: str) -> bool:
    """True when most content words are capitalised ("Speaker Woo Urges Swift Revision ...")."""
    words = [w.strip("“”\"'‘’()[]:?!,–—-") for w in line.split()]
    content = [w for w in words if w and w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return caps / len(content) >= 0.75


_MAX_BYLINE = 240  # 90 characters of names plus "Reporting by", a job title and an e-mail address


def parse_byline(line: str) -> tuple[str, ...] | None:
    """Return the author names when the line is a byline ("By Jane Doe and John Roe", "Alexander Eid").

    A line too long to be a byline even with its prefix, job title and e-mail is refused
    before any pattern runs: the suffix patterns are anchored at the end and would otherwise
    re-scan a long paragraph from every position.
    """
    s = line.strip()
    if len(s) > _MAX_BYLINE:
        return None
    s = re.sub(r"^(?:by|written by|words by|reporting by)\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(
        r"\s*[,|]\s*(?:staff (?:writer|reporter)|correspondent|reporter|contributor|editor)s?$",
        "",
        s,
        flags=re.I,
    )
    s = re.sub(r"\s*\S+@\S+$", "", s)
    if not s or len(s) > 90:
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", s) if p.strip()]
    if not parts or len(parts) > 4:
        return None
    for p in parts:
        words = p.split()
        if not 2 <= len(words) <= 4:
            return None
        for w in words:
            if w.lower() in _NAME_PARTICLES:
                continue
            if not re.fullmatch(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*", w):
                return None
    return tuple(parts)


_BIO = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}) is (?:a |an |the )?(?P<role>[^.]{3,120}?) "
    r"(?:at|with) (?:the )?(?P<org>[A-Z][^.]{2,120}?)\.(?=\s|$)"
)


def parse_author_bios(paragraph: str) -> list[tuple[str, str, str]]:
    """Return (name, role, organisation) from closing author notes ("Ellen Kim is Director ... at KEI.")."""
    return [(m.group("name"), m.group("role"), m.group("org")) for m in _BIO.finditer(paragraph)]


def is_author_note(paragraph: str) -> bool:
    """True for the closing author-bio/disclaimer paragraph, which is not reporting."""
    bios = parse_author_bios(paragraph)
    if not bios:
        return False
    covered = sum(len(m.group(0)) for m in _BIO.finditer(paragraph))
    rest = re.sub(
        r"The views expressed (?:here )?are (?:the )?(?:author|authors)['’]?s?['’]? (?:own|alone)\.?",
        "",
        paragraph,
    )
    return covered >= 0.6 * len(rest.strip())
