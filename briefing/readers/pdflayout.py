"""Reading order for PDF text: positioned text runs → lines → columns → paragraphs.

A PDF stores text as runs placed on the page, in whatever order the producer wrote
them.  pypdf gives each run with its position; this module puts the runs back in the
order a person reads them: lines top to bottom, a two-column page one column after
the other (a full-width heading stays where it stands), running headers and footers
that repeat on most pages dropped, and words hyphenated at a line end joined again.
Pure geometry, no pypdf import, so it is tested on hand-made runs as well as real PDFs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

CHAR_WIDTH = 0.5  # average glyph width as a share of the font size, to estimate where a run ends


@dataclass(frozen=True)
class Run:
    x: float
    y: float  # baseline, PDF units from the bottom of the page
    size: float  # font size in PDF units
    text: str

    @property
    def end(self) -> float:
        return self.x + len(self.text) * self.size * CHAR_WIDTH


@dataclass
class Line:
    x: float
    y: float
    size: float
    text: str
    end: float


@dataclass(frozen=True)
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line]


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Group runs sharing a baseline (within a third of the font size), top of the page first."""
    rows: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if rows and abs(rows[-1][0].y - run.y) <= max(rows[-1][0].size, run.size) / 3:
            rows[-1].append(run)
        else:
            rows.append([run])
    return [sorted(r, key=lambda r: r.x) for r in rows]


def _segments(row: list[Run]) -> list[Line]:
    """Split one row where the gap between runs is wider than two characters (a column gutter)."""
    out: list[Line] = []
    for run in row:
        text = run.text.replace("\n", " ")
        if out and run.x - out[-1].end <= 2 * run.size * CHAR_WIDTH * 2:
            cur = out[-1]
            sep = "" if cur.text.endswith(" ") or text.startswith(" ") else " "
            if len(text) > len(cur.text):
                cur.size = run.size  # a line's size is its body text's, not a badge's or a footnote mark's
            cur.text += sep + text
            cur.end = max(cur.end, run.end)
        else:
            out.append(Line(run.x, run.y, run.size, text, run.end))
    for line in out:
        line.text = " ".join(line.text.split())
    return [line for line in out if line.text]


def _gutter(segments: list[list[Line]], width: float) -> float | None:
    """Return the x where a second column starts, when enough rows have one; else None."""
    starts = Counter(round(s.x / 6) * 6 for row in segments for s in row if s.x > width * 0.35)
    if not starts:
        return None
    x, _ = starts.most_common(1)[0]
    rows_with_text = sum(1 for row in segments if row)
    right = sum(1 for row in segments if any(abs(s.x - x) <= 8 for s in row))
    beside = sum(1 for row in segments if len(row) > 1 and any(abs(s.x - x) <= 8 for s in row[1:]))
    if right >= 3 and beside >= 2 and right >= 0.25 * rows_with_text:
        return float(x) - 8
    return None


def order_page(runs: list[Run], width: float) -> list[Line]:
    """Return the page's lines in reading order (left column before right column, band by band)."""
    segs = [_segments(row) for row in _rows(runs)]
    gutter = _gutter(segs, width)
    if gutter is None:
        return [line for row in segs for line in row]
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in segs:
        full = len(row) == 1 and row[0].x < gutter and row[0].end > gutter + 20
        if full:  # a heading across both columns closes the band above it
            out += left + right + row
            left, right = [], []
            continue
        for seg in row:
            (right if seg.x >= gutter else left).append(seg)
    return out + left + right


_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s+of\s+\d{1,4})?$", re.I)


def _signature(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).strip()


def drop_running_lines(pages: list[PageText]) -> list[PageText]:
    """Return the pages without lines repeated near the top or bottom of most pages, and page numbers."""
    edge = 3  # lines from each end of a page that may be a header or footer
    counts: Counter[str] = Counter()
    for page in pages:
        for sig in {_signature(ln.text) for ln in page.lines[:edge] + page.lines[-edge:]}:
            counts[sig] += 1
    need = max(2, (len(pages) + 1) // 2)
    repeated = {sig for sig, n in counts.items() if n >= need} if len(pages) >= 2 else set()
    out = []
    for page in pages:
        lines = list(page.lines)
        keep = []
        for i, ln in enumerate(lines):
            near_edge = i < edge or i >= len(lines) - edge
            if near_edge and (_signature(ln.text) in repeated or _PAGE_NUMBER.match(ln.text)):
                continue
            keep.append(ln)
        out.append(PageText(page.number, page.width, page.height, keep))
    return out


_HYPHEN_END = re.compile(r"(\w)[-\u00ad]$")
_SENTENCE_END = re.compile(r"[.!?:\"”’)\]]$")


def _join(prev: str, nxt: str) -> str:
    """Join two lines of one paragraph; a word hyphenated at the line end is made whole again."""
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    if _HYPHEN_END.search(prev) and nxt[:1].islower():
        return prev[:-1] + nxt
    if prev.endswith("-") and nxt[:1].isupper():
        return prev + nxt  # "Jean-" + "Pierre": a real hyphen at the line end
    return prev + " " + nxt


def paragraphs(pages: list[PageText]) -> list[tuple[int, str]]:
    """Return (page number, paragraph) in reading order.

    A wide vertical gap, a change of font size, or a short line ending a sentence ends a
    paragraph.  At a column or page break the paragraph goes on unless its last line ended
    a sentence, so a paragraph split by the layout is one paragraph again.
    """
    gaps = sorted(
        a.y - b.y
        for p in pages
        for a, b in zip(p.lines, p.lines[1:], strict=False)
        if 0 < a.y - b.y < 3 * a.size
    )
    spacing = gaps[len(gaps) // 4] if gaps else 14.0  # the usual line step: most gaps are inside paragraphs
    widths = sorted(ln.end - ln.x for p in pages for ln in p.lines)
    full = widths[int(len(widths) * 0.8)] if widths else 0.0
    out: list[tuple[int, str]] = []
    cur: list[str] = []
    cur_page = 0
    prev: Line | None = None
    prev_page = 0
    for page in pages:
        for ln in page.lines:
            if prev is None:
                new = True
            elif page.number != prev_page or ln.y > prev.y + 0.5 * ln.size:  # next page or next column
                new = bool(_SENTENCE_END.search(prev.text))
            else:
                short = prev.end - prev.x < 0.75 * full
                new = (
                    prev.y - ln.y > 1.45 * spacing
                    or abs(ln.size - prev.size) > 1.5
                    or short
                    and bool(_SENTENCE_END.search(prev.text))
                    # a short line without a full stop before a capital is a heading
                    or prev.end - prev.x < 0.5 * full
                    and ln.text[:1].isupper()
                    and prev.y - ln.y > 0.5 * ln.size
                )
            if new and cur:
                out.append((cur_page, _collapse(cur)))
                cur = []
            if not cur:
                cur_page = page.number
            cur.append(ln.text)
            prev, prev_page = ln, page.number
    if cur:
        out.append((cur_page, _collapse(cur)))
    return out


def _collapse(lines: list[str]) -> str:
    text = lines[0]
    for nxt in lines[1:]:
        text = _join(text, nxt)
    return text
