"""The body of the DOCX: the briefing's sections added to a python-docx Document in reading order."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing.writers import layout as L
from briefing.writers.docx.ooxml import (
    ACCENT,
    MUTED,
    NEW,
    SCHEDULED,
    add_bookmark,
    add_hyperlink,
    add_run,
    add_toc_field,
    repeat_as_header,
    set_cell_margins,
    shade,
    toc_styles,
)
from briefing.writers.layout import Cited, Layout, TimelineRow
from briefing.writers.text import cite_text, source_anchor


class BodyWriter:
    """Adds the briefing's parts to one python-docx Document, in reading order."""

    def __init__(self, document: DocxDocument) -> None:
        self.doc = document
        self.bookmark_id = 0
        self.headings: list[tuple[int, Paragraph]] = []  # what a TOC field lists, in order

    def heading(self, text: str, level: int = 1) -> Paragraph:
        p = self.doc.add_heading(text, level=level)
        self.headings.append((level, p))
        return p

    def contents_heading(self) -> Paragraph:
        """Add the "Contents" title (Word's TOC Heading style: not itself listed) and return the
        empty paragraph the table of contents goes in once every heading is written."""
        self.doc.add_paragraph(L.CONTENTS, style="TOC Heading")
        return self.doc.add_paragraph()

    def contents(self, at: Paragraph) -> None:
        """Put a TOC field at `at`, listing the Heading 1 and 2 paragraphs written so far.

        Each heading gets a `_Toc` bookmark and the field's shown result links to it, so the
        contents read and work as is (LibreOffice shows them; Word marks the field dirty and
        refreshes it, page numbers included, when the document is opened)."""
        entries = []
        for level, p in self.headings:
            self.bookmark_id += 1
            name = f"_Toc{self.bookmark_id:08d}"
            add_bookmark(p, name, self.bookmark_id, first=True)
            entries.append((level, p.text, name))
        add_toc_field(at, entries, toc_styles(self.doc))

    def empty(self, text: str) -> Paragraph:
        p = self.doc.add_paragraph()
        add_run(p, text, italic=True, color=MUTED)
        return p

    def cite(
        self,
        paragraph: Paragraph,
        numbers: tuple[int, ...],
        size: float = 8,
        pages: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """Append "[1][3, p. 4]", each citation a link to its source-list bookmark."""
        for n in numbers:
            add_hyperlink(paragraph, cite_text(n, pages), anchor=source_anchor(n), size=size)

    def mark_new(self, paragraph: Paragraph, flag: bool) -> None:
        if flag:
            add_run(paragraph, f"{L.NEW_MARK} ", bold=True, size=7.5, color=NEW)

    def cited(self, item: Cited, style: str | None = None) -> Paragraph:
        p = self.doc.add_paragraph(style=style)
        self.mark_new(p, item.new)
        p.add_run(item.text)
        self.cite(p, item.cites, pages=item.pages)
        return p

    def bullets(self, items: tuple[Cited, ...]) -> bool:
        for item in items:
            self.cited(item, "List Bullet")
        return bool(items)

    def title_block(self, lay: Layout) -> None:
        kicker = self.doc.add_paragraph()
        add_run(kicker, "BRIEFING", bold=True, size=9, color=ACCENT)
        self.doc.add_paragraph(lay.title, style="Title")
        if lay.description:
            p = self.doc.add_paragraph()
            add_run(p, lay.description, italic=True, color=MUTED)
        for label, value in lay.facts:
            p = self.doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            add_run(p, f"{label}: ", color=MUTED, size=9.5)
            add_run(p, value, size=9.5)

    def whats_new(self, lay: Layout) -> None:
        wn = lay.whats_new
        assert wn is not None
        self.heading(L.WHATS_NEW)
        self.doc.add_paragraph(f"Changes since the edition of {wn.previous}.")
        for label, refs in (("Sources added", wn.added), ("Sources removed", wn.removed)):
            if refs:
                self.heading(label, 2)
                for ref in refs:
                    self.doc.add_paragraph(ref, style="List Bullet")
        self.heading("New in this edition", 2)
        if not wn.items:
            self.empty("No new passages, events or quotes.")
        for item in wn.items:
            p = self.doc.add_paragraph(style="List Bullet")
            add_run(p, f"{item.kind}: ", bold=True)
            p.add_run(item.text)
            self.cite(p, item.cites)
        if wn.more:
            self.empty(wn.more_text[:1].upper() + wn.more_text[1:] + ".")

    def passages(self, lay: Layout) -> None:
        self.heading(L.PASSAGES)
        if not lay.passage_groups:
            self.empty(L.NO_PASSAGES)
        for name, items in lay.passage_groups:
            if name:
                self.heading(name, 2)
            for item in items:
                self.cited(item)

    def timeline(self, rows: tuple[TimelineRow, ...]) -> Table:
        table = self.doc.add_table(rows=1, cols=4)
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        set_cell_margins(table, top=50, bottom=50, left=90, right=90)
        widths = (Cm(2.8), Cm(9.6), Cm(2.4), Cm(2.2))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid LibreOffice lays out by; cells carry it for Word
        header = table.rows[0]
        repeat_as_header(header)
        for cell, text, width in zip(header.cells, L.TIMELINE_HEADER, widths, strict=True):
            cell.width = width
            shade(cell, "EEF2F7")
            add_run(cell.paragraphs[0], text, bold=True, size=9)
        for row in rows:
            cells = table.add_row().cells
            add_run(cells[0].paragraphs[0], row.when, size=9)
            what = cells[1].paragraphs[0]
            self.mark_new(what, row.new)
            add_run(what, row.text, size=9)
            if row.other_dates:
                add_run(
                    cells[1].add_paragraph(),
                    "Other reported dates: " + ", ".join(row.other_dates),
                    size=8,
                    color=NEW,
                )
            if row.context:
                add_run(cells[1].add_paragraph(), "In: " + row.context, italic=True, size=7.5, color=MUTED)
            if row.scheduled:
                add_run(cells[2].paragraphs[0], row.status, bold=True, italic=True, size=9, color=SCHEDULED)
                for cell in cells:
                    shade(cell, "F6F2FB")
            else:
                add_run(cells[2].paragraphs[0], row.status, size=9)
            self.cite(cells[3].paragraphs[0], row.cites, size=9)
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
        self.doc.add_paragraph()
        return table

    def quotes(self, lay: Layout) -> None:
        self.heading(L.QUOTES)
        if not lay.quotes:
            self.empty(L.NO_QUOTES)
        for q in lay.quotes:
            p = self.doc.add_paragraph(style="Quote")
            self.mark_new(p, q.new)
            p.add_run(f"\u201c{q.text}\u201d")
            by = self.doc.add_paragraph()
            by.paragraph_format.left_indent = Cm(0.8)
            text = f"\u2014 {q.attribution}"
            if q.source_title:
                text += f" \u00b7 {q.source_title}"
            if q.date:
                text += f", {q.date}"
            add_run(by, text + " ", size=9, color=MUTED)
            self.cite(by, q.cites)
            if q.context:
                ctx = self.doc.add_paragraph()
                ctx.paragraph_format.left_indent = Cm(0.8)
                add_run(ctx, f"In context: {q.context}", italic=True, size=8.5, color=MUTED)

    def speakers(self, lay: Layout) -> None:
        self.heading(L.WHO_SAID_WHAT)
        for sp in lay.speakers:
            h = self.heading(sp.name, 2)
            if sp.role:
                add_run(h, f" \u2014 {sp.role}", italic=True, color=MUTED)
            for s in sp.said:
                p = self.doc.add_paragraph(style="List Bullet")
                p.add_run(f"\u201c{s.text}\u201d" if s.quoted else s.text)
                self.cite(p, s.cites)

    def sources(self, lay: Layout) -> None:
        self.heading(L.SOURCES)
        if not lay.sources:
            self.empty(L.NO_SOURCES)
        for s in lay.sources:
            p = self.doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(0.9)
            p.paragraph_format.first_line_indent = Cm(-0.9)
            self.bookmark_id += 1
            add_bookmark(p, s.anchor, self.bookmark_id)
            add_run(p, f"[{s.number}]\t", bold=True, color=ACCENT)
            self.mark_new(p, s.added)
            add_run(p, s.title, bold=True)
            meta = " \u00b7 ".join(x for x in (s.authors, s.publisher, s.date) if x)
            if meta:
                p.add_run().add_break()
                add_run(p, meta, color=MUTED, size=9.5)
            if s.url:
                p.add_run().add_break()
                if s.href:
                    add_hyperlink(p, s.url, url=s.href, size=8.5)
                else:
                    add_run(p, s.url, size=8.5)
            if s.file and s.file != s.title:
                p.add_run().add_break()
                add_run(p, f"File: {s.file}", size=8, color=MUTED)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))
