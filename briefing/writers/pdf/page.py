"""Page furniture of the PDF: A4 frame, running header, footer with "Page x of y", outline.

The total page count is only known after layout. Rather than lay the story out
twice, each page's footer refers to a PDF form (an XObject) that is drawn after
the last page, when the total is known, and saved with the document: one layout
pass, and bookmarks stay on their real pages (which deferred-page canvases break).

A briefing that runs past `fit.CONTENTS_AFTER` pages is laid out again with a table
of contents (reportlab's TableOfContents, by `multiBuild`, which repeats the layout
until the contents' page numbers stop moving); the footer forms are drawn at the end
of every pass, so the last pass saves with its own totals.  Every pass is
deterministic, so the bytes still depend on the model only.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from briefing.writers.pdf.fonts import BOLD, REGULAR, font_runs, text_width

MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6475")
RULE = colors.HexColor("#c9ced8")


@dataclass(frozen=True)
class PageInfo:
    """What the page furniture and the document properties say."""

    title: str
    header_right: str
    footer: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    creator: str
    pdf_date: str  # "D:YYYYMMDDHHmmSS+HH'mm'", pinned to the briefing's generation time


def outline_entry(flowable: Flowable, title: str, key: str, level: int, contents: str = "") -> Flowable:
    """Mark a heading so the document adds it to the PDF outline when it is placed.

    `key` must be the name of an `<a name>` anchor inside the heading, so the
    bookmark lands on the heading itself rather than the top of its page.
    `contents` is the heading's Paragraph markup for the table of contents ("" = not listed).
    """
    flowable._briefing_outline = (title, key, level)  # type: ignore[attr-defined]
    flowable._briefing_contents = contents  # type: ignore[attr-defined]
    return flowable


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *, right: bool = False
) -> None:
    """Draw one line of text run by run, so CJK in a theme title gets a real glyph."""
    if right:
        x -= text_width(text, font, size)
    for run_font, run in font_runs(text, font):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, run_font, size)


def fit(text: str, font: str, size: float, width: float) -> str:
    """Return `text`, shortened with an ellipsis if needed to fit `width` (header/footer only)."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


class _Document(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, info: PageInfo) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=list(info.keywords),
            creator=info.creator,
            invariant=1,
            lang="en",  # the catalog's /Lang: screen readers and hyphenation need the language
            initialFontName=REGULAR,  # else every page names Helvetica, a font the PDF does not embed
        )
        self.info = info
        self.pages = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates(
            [
                PageTemplate(
                    id="first", frames=[frame], onPage=self._first_page, autoNextPageTemplate="later"
                ),
                PageTemplate(id="later", frames=[frame], onPage=self._later_page),
            ]
        )

    def beforeDocument(self) -> None:
        pinned = self.info.pdf_date
        self.canv.setDateFormatter(lambda *_: pinned)
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        entry = getattr(flowable, "_briefing_outline", None)
        if entry:
            title, key, level = entry
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
            listed = getattr(flowable, "_briefing_contents", "")
            if listed:
                self.contents.append((level, listed, self.page, key))
                self.notify("TOCEntry", (level, listed, self.page, key))

    def _startBuild(self, filename: object = None, canvasmaker: object = Canvas) -> None:
        self.contents: list[tuple[int, str, int, str]] = []  # what a table of contents would list
        super()._startBuild(filename, canvasmaker)  # type: ignore[arg-type]

    def _endBuild(self) -> None:
        super()._endBuild()
        self.draw_footers()  # after the last page: the total is known

    def _footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, _ = A4
        y = MARGIN_BOTTOM - 10 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 4 * mm, width - MARGIN_X, y + 4 * mm)
        canvas.restoreState()
        # the text names the total, unknown yet: it goes in a form drawn by `draw_footers`
        canvas.doForm(_footer_form(doc.page))
        self.pages = doc.page

    def draw_footers(self) -> None:
        """Draw every page's footer text ("theme · date", "Page x of y") now the total is known."""
        canvas = self.canv
        width, _ = A4
        y = MARGIN_BOTTOM - 10 * mm
        for number in range(1, self.pages + 1):
            canvas.beginForm(_footer_form(number))
            canvas.setFillColor(MUTED)
            page = f"Page {number} of {self.pages}"
            room = width - 2 * MARGIN_X - text_width(page, REGULAR, 7.5) - 8 * mm
            draw_text(canvas, MARGIN_X, y, fit(self.info.footer, REGULAR, 7.5, room), REGULAR, 7.5)
            draw_text(canvas, width - MARGIN_X, y, page, REGULAR, 7.5, right=True)
            canvas.endForm()

    def _first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._footer(canvas, doc)

    def _later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = A4
        y = height - MARGIN_TOP + 8 * mm
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        room = width - 2 * MARGIN_X - text_width(self.info.header_right, REGULAR, 8) - 8 * mm
        draw_text(canvas, MARGIN_X, y, fit(self.info.title, BOLD, 8, room), BOLD, 8)
        canvas.setFillColor(MUTED)
        draw_text(canvas, width - MARGIN_X, y, self.info.header_right, REGULAR, 8, right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 2.5 * mm, width - MARGIN_X, y - 2.5 * mm)
        canvas.restoreState()
        self._footer(canvas, doc)


def content_width() -> float:
    """Return the width of the text frame, for sizing tables."""
    return A4[0] - 2 * MARGIN_X


def _footer_form(page: int) -> str:
    return f"BriefingFooter{page}"


def render_pages(
    make_story: Callable[[Flowable | None], list[Flowable]],
    info: PageInfo,
    contents: Callable[[], TableOfContents],
    contents_after: int,
) -> bytes:
    """Return the PDF bytes: the story laid out once, the footers' page totals drawn at save time.

    When that runs past `contents_after` pages, the story is laid out again with the table of
    contents `contents()` in it, seeded with the first layout's entries so it settles in two
    or three passes."""
    buffer = io.BytesIO()
    document = _Document(buffer, info)
    document._doSave = 0  # saved below, once the footers are drawn
    document.build(make_story(None))
    document.canv.save()
    if document.pages <= contents_after:
        return buffer.getvalue()
    toc = contents()
    toc.addEntries(document.contents)
    long = io.BytesIO()
    try:
        _Document(long, info).multiBuild(make_story(toc))  # saves once the page numbers settle
    except IndexError:  # they never settled: the briefing without contents beats no briefing
        return buffer.getvalue()
    return long.getvalue()
