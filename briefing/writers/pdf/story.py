"""The flowables of the PDF, section by section, from the format-neutral layout.

Every piece of source text goes through `fonts.markup` (escaped, font runs);
citations are links to the `<a name>` anchors of the numbered source list.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from briefing.writers import layout as L
from briefing.writers.layout import Cited, Layout, TimelineRow
from briefing.writers.pdf.fonts import BOLD, ITALIC, REGULAR, markup
from briefing.writers.pdf.page import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    RULE,
    content_width,
    outline_entry,
)
from briefing.writers.text import cite_text, source_anchor

NEW_COLOUR = "#b35900"
SCHEDULED_COLOUR = colors.HexColor("#6a3d9a")
SCHEDULED_TINT = colors.HexColor("#f6f2fb")
HEADER_TINT = colors.HexColor("#eef2f7")
# A Table sets its (default Helvetica) cell font even around Paragraphs; name ours.
CELL_FONT = [("FONTNAME", (0, 0), (-1, -1), REGULAR)]


def _style(name: str, **kw: object) -> ParagraphStyle:
    # bulletFontName defaults to Helvetica, which is not embedded: name ours everywhere.
    base = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,
        "fontSize": 9.5,
        "leading": 13.5,
        "alignment": TA_LEFT,
    }
    base["spaceAfter"] = 4
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


BODY = _style("body")
SMALL = _style("small", fontSize=8.5, leading=11.5, spaceAfter=1)
MUTED_SMALL = _style("muted", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=1)
CONTEXT = _style("context", fontName=ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=0)
EMPTY = _style("empty", fontName=ITALIC, textColor=MUTED)
BULLET = _style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=3)
KICKER = _style("kicker", fontName=BOLD, fontSize=9, leading=12, textColor=ACCENT, spaceAfter=2)
TITLE = _style(
    "title", fontName=BOLD, fontSize=22, leading=27, textColor=colors.HexColor("#1d2330"), spaceAfter=4
)
DESCRIPTION = _style("description", fontName=ITALIC, textColor=MUTED, spaceAfter=6)
H1 = _style(
    "h1",
    fontName=BOLD,
    fontSize=14,
    leading=18,
    textColor=ACCENT,
    spaceBefore=14,
    spaceAfter=2,
    keepWithNext=1,
)
H1_LOOSE = ParagraphStyle("h1loose", parent=H1, keepWithNext=0)
H2 = _style("h2", fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=3, keepWithNext=1)
QUOTE = _style("quote", fontSize=10, leading=14, spaceAfter=2)
CELL = _style("cell", fontSize=8.5, leading=11.5, spaceAfter=0)
CELL_HEAD = _style("cellhead", fontName=BOLD, fontSize=8.5, leading=11.5, spaceAfter=0)
SOURCE = _style("source", leftIndent=22, bulletIndent=0, bulletFontName=BOLD, spaceAfter=5)
TOC_SECTION = _style("toc0", fontSize=9.5, leading=14, spaceAfter=0)
TOC_GROUP = _style("toc1", fontSize=8.5, leading=12, leftIndent=14, textColor=MUTED, spaceAfter=0)


class _Counter:
    """Hands out unique anchor names for headings within one story."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"sec-{self.n}"


def t(text: str, style: ParagraphStyle = BODY, font: str | None = None) -> str:
    """Return Paragraph markup for source text in a style (escaped, font runs)."""
    face = font or style.fontName
    return markup(text, face, style_font=style.fontName)


def cites(numbers: tuple[int, ...], sep: str = "", pages: tuple[tuple[int, int], ...] = ()) -> str:
    """Return the citation links "[1][3, p. 4]", each jumping to its source-list entry.

    In a narrow table cell `sep=" "` lets a line break fall only between two citations, never
    inside one ("[1][4][6" / "][7]")."""
    return sep.join(
        f'<a href="#{source_anchor(n)}" color="#1f4e79"><font size="7.5">{cite_text(n, pages)}</font></a>'
        for n in numbers
    )


def new_mark(flag: bool) -> str:
    """Return the NEW badge markup for items new since the previous edition."""
    if not flag:
        return ""
    return f'<font name="{BOLD}" size="7" color="{NEW_COLOUR}">{L.NEW_MARK}</font> '


def heading(title: str, counter: _Counter, level: int = 0, *, keep: bool = True) -> Flowable:
    """Return a section (level 0) or sub-section heading that appears in the PDF outline.

    `keep=False` is for headings followed by a table: keeping a heading with a
    page-long table pushes both to the next page and leaves half a page blank,
    so those headings get a conditional page break instead (see `_table_section`).
    """
    key = counter.next()
    style = (H1 if keep else H1_LOOSE) if level == 0 else H2
    para = Paragraph(f'<a name="{key}"/>{t(title, style)}', style)
    listed = t(title, TOC_SECTION if level == 0 else TOC_GROUP)
    return outline_entry(para, title, key, level, listed)


def table_of_contents() -> TableOfContents:
    """Return an empty table of contents in the document's type: sections, their passage groups
    indented, dotted leaders to the page numbers (which are links, as the entries are)."""
    return TableOfContents(
        levelStyles=[TOC_SECTION, TOC_GROUP],
        dotsMinLevel=0,
        rightColumnWidth=12 * mm,
        tableStyle=TableStyle(
            [*CELL_FONT, ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
        ),
    )


def build_story(lay: Layout, contents: Flowable | None = None) -> list[Flowable]:
    """Return the whole document's flowables in reading order, with the table of contents
    `contents` after the title block when the document is long (see `page.render_pages`)."""
    c = _Counter()
    story: list[Flowable] = _title_block(lay)
    if contents is not None:
        key = c.next()
        title = Paragraph(f'<a name="{key}"/>{t(L.CONTENTS, H1)}', H1)
        story += [outline_entry(title, L.CONTENTS, key, 0), contents]
    if lay.whats_new:
        story += _whats_new(lay, c)
    story.append(heading(L.SUMMARY, c))
    story += _bullets(lay.summary) or [Paragraph(t(L.NO_SUMMARY, EMPTY), EMPTY)]
    story += _table_section(L.TIMELINE, c)
    story.append(_timeline(lay.timeline) if lay.timeline else Paragraph(t(L.NO_EVENTS, EMPTY), EMPTY))
    if lay.background:
        story += _table_section(L.BACKGROUND, c)
        story.append(
            Paragraph(t("Earlier events the sources mention, outside the period covered.", EMPTY), EMPTY)
        )
        story.append(_timeline(lay.background))
    story += _quotes(lay, c)
    if lay.speakers:
        story += _speakers(lay, c)
    # read in five minutes: summary, timeline and quotes first, the passages behind them
    story += _passages(lay, c)
    if lay.notes:
        story.append(heading(L.NOTES, c))
        story += [Paragraph(t(n), BODY) for n in lay.notes]
    story += _sources(lay, c)
    return story


def _table_section(title: str, c: _Counter) -> list[Flowable]:
    """Return a heading that starts a new page only when less than a few table rows would fit."""
    return [CondPageBreak(45 * mm), heading(title, c, keep=False)]


def _title_block(lay: Layout) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("BRIEFING", KICKER), Paragraph(t(lay.title, TITLE), TITLE)]
    if lay.description:
        out.append(Paragraph(t(lay.description, DESCRIPTION), DESCRIPTION))
    rows = [[Paragraph(t(k, MUTED_SMALL), MUTED_SMALL), Paragraph(t(v, SMALL), SMALL)] for k, v in lay.facts]
    facts = Table(rows, colWidths=[32 * mm, content_width() - 32 * mm], hAlign="LEFT")
    facts.setStyle(
        TableStyle([*CELL_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)])
    )
    out += [facts, Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=2, color=ACCENT, spaceAfter=2 * mm)]
    return out


def _bullets(items: tuple[Cited, ...]) -> list[Flowable]:
    return [
        Paragraph(new_mark(i.new) + t(i.text, BULLET) + cites(i.cites), BULLET, bulletText="\u2022")
        for i in items
    ]


def _whats_new(lay: Layout, c: _Counter) -> list[Flowable]:
    wn = lay.whats_new
    assert wn is not None
    out: list[Flowable] = [heading(L.WHATS_NEW, c)]
    out.append(Paragraph(t(f"Changes since the edition of {wn.previous}."), BODY))
    for label, refs in (("Sources added", wn.added), ("Sources removed", wn.removed)):
        if refs:
            out.append(Paragraph(t(label, H2), H2))
            out += [Paragraph(t(r, BULLET), BULLET, bulletText="\u2022") for r in refs]
    out.append(Paragraph(t("New in this edition", H2), H2))
    if not wn.items:
        out.append(Paragraph(t("No new passages, events or quotes.", EMPTY), EMPTY))
    for item in wn.items:
        text = f"{t(item.kind + ':', BULLET, BOLD)} {t(item.text, BULLET)}{cites(item.cites)}"
        out.append(Paragraph(text, BULLET, bulletText="\u2022"))
    if wn.more:
        out.append(Paragraph(t(wn.more_text[:1].upper() + wn.more_text[1:] + ".", EMPTY), EMPTY))
    return out


def _passages(lay: Layout, c: _Counter) -> list[Flowable]:
    out: list[Flowable] = [heading(L.PASSAGES, c)]
    if not lay.passage_groups:
        return out + [Paragraph(t(L.NO_PASSAGES, EMPTY), EMPTY)]
    for name, items in lay.passage_groups:
        if name:
            out.append(heading(name, c, level=1))
        out += [Paragraph(new_mark(p.new) + t(p.text) + cites(p.cites, pages=p.pages), BODY) for p in items]
    return out


def _timeline(rows: tuple[TimelineRow, ...]) -> Table:
    """Return the timeline table: date, what (with conflicting dates), status, sources."""
    data: list[list[object]] = [[Paragraph(t(h, CELL_HEAD), CELL_HEAD) for h in L.TIMELINE_HEADER]]
    style = [
        *CELL_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_TINT),
        ("LINEBELOW", (0, 0), (-1, 0), 1, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for i, row in enumerate(rows, 1):
        what = new_mark(row.new) + t(row.text, CELL)
        if row.other_dates:
            other = "Other reported dates: " + ", ".join(row.other_dates)
            what += f'<br/><font color="{NEW_COLOUR}" size="7.5">{t(other, CELL)}</font>'
        if row.context:
            what += f'<br/><font color="#5b6475" size="7">{t("In: " + row.context, CELL, ITALIC)}</font>'
        status = t(row.status, CELL, ITALIC if row.scheduled else REGULAR)
        if row.scheduled:
            status = f'<font color="#6a3d9a">{markup(row.status, BOLD, style_font=REGULAR)}</font>'
            style.append(("BACKGROUND", (0, i), (-1, i), SCHEDULED_TINT))
        data.append(
            [
                Paragraph(t(row.when, CELL), CELL),
                Paragraph(what, CELL),
                Paragraph(status, CELL),
                Paragraph(cites(row.cites, " "), CELL),
            ]
        )
    width = content_width()
    widths = [27 * mm, width - 70 * mm, 24 * mm, 19 * mm]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=_needs_split(data, widths))
    table.setStyle(TableStyle(style))
    return table


def _needs_split(rows: list[list[object]], widths: list[float]) -> int:
    """Return 1 when some row is too tall to move whole to the next page, else 0.

    Splitting inside rows makes reportlab cut ordinary rows at every page foot
    (two orphaned lines under a repeated header), so it is only switched on for
    the rare row that could not fit on a page at all and would abort the build.
    """
    limit = (A4[1] - MARGIN_TOP - MARGIN_BOTTOM) * 0.6
    for row in rows:
        for cell, w in zip(row, widths, strict=True):
            if isinstance(cell, list):
                height = sum(f.wrap(w - 12, limit)[1] for f in cell)
            else:
                height = cell.wrap(w - 12, limit)[1]  # type: ignore[attr-defined]
            if height > limit:
                return 1
    return 0


def _quotes(lay: Layout, c: _Counter) -> list[Flowable]:
    out: list[Flowable] = [heading(L.QUOTES, c)]
    if not lay.quotes:
        return out + [Paragraph(t(L.NO_QUOTES, EMPTY), EMPTY)]
    for q in lay.quotes:
        cell: list[Flowable] = [Paragraph(new_mark(q.new) + t(f"\u201c{q.text}\u201d", QUOTE), QUOTE)]
        by = f"\u2014 {q.attribution}"
        if q.source_title:
            by += f" \u00b7 {q.source_title}"
        if q.date:
            by += f", {q.date}"
        cell.append(Paragraph(t(by, MUTED_SMALL) + " " + cites(q.cites), MUTED_SMALL))
        if q.context:
            cell.append(Paragraph(t(f"In context: {q.context}", CONTEXT), CONTEXT))
        widths = [content_width()]
        box = Table([[cell]], colWidths=widths, hAlign="LEFT", splitInRow=_needs_split([[cell]], widths))
        box.setStyle(
            TableStyle(
                [
                    *CELL_FONT,
                    ("LINEBEFORE", (0, 0), (0, 0), 2, ACCENT),
                    ("LEFTPADDING", (0, 0), (0, 0), 8),
                    ("TOPPADDING", (0, 0), (0, 0), 2),
                    ("BOTTOMPADDING", (0, 0), (0, 0), 2),
                ]
            )
        )
        out += [box, Spacer(1, 2.5 * mm)]
    return out


def _speakers(lay: Layout, c: _Counter) -> list[Flowable]:
    out: list[Flowable] = [heading(L.WHO_SAID_WHAT, c)]
    for sp in lay.speakers:
        name = t(sp.name, H2)
        if sp.role:
            name += f'<font color="#5b6475"> \u2014 {t(sp.role, H2, ITALIC)}</font>'
        lines = [Paragraph(name, H2)]
        for s in sp.said:
            text = f"\u201c{s.text}\u201d" if s.quoted else s.text
            lines.append(Paragraph(t(text, BULLET) + cites(s.cites), BULLET, bulletText="\u2022"))
        out.append(KeepTogether(lines[:2]))
        out += lines[2:]
    return out


def _sources(lay: Layout, c: _Counter) -> list[Flowable]:
    out: list[Flowable] = [heading(L.SOURCES, c)]
    if not lay.sources:
        return out + [Paragraph(t(L.NO_SOURCES, EMPTY), EMPTY)]
    for s in lay.sources:
        text = f'<a name="{s.anchor}"/>{new_mark(s.added)}{t(s.title, SOURCE, BOLD)}'
        meta = " \u00b7 ".join(x for x in (s.authors, s.publisher, s.date) if x)
        if meta:
            text += f'<br/><font color="#5b6475">{t(meta, SOURCE)}</font>'
        if s.href:
            href = escape(s.href, {'"': "&quot;"})
            text += f'<br/><a href="{href}" color="#1f4e79"><font size="8">{t(s.url, SOURCE)}</font></a>'
        elif s.url:
            text += f'<br/><font size="8">{t(s.url, SOURCE)}</font>'
        if s.file and s.file != s.title:
            text += f'<br/><font size="7.5" color="#5b6475">{t("File: " + s.file, SOURCE)}</font>'
        out.append(Paragraph(text, SOURCE, bulletText=f"[{s.number}]"))
    # never one or two sources stranded on a last page: the last three entries (or the whole list
    # when that is all) stay together, the rest flows onto the page before
    if len(out) <= 4:
        return [KeepTogether(out)]
    return out[:-3] + [KeepTogether(out[-3:])]
