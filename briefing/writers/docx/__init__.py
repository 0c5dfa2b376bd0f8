"""DOCX writer (python-docx): the briefing as a Word document colleagues can edit.

Built-in styles (Title, Heading 1/2, List Bullet, Quote) keep Word's navigation
pane and restyling working; the timeline is a table with a repeating header row;
citations link to bookmarks on the numbered source list; the footer has
"Page x of y" fields.  Document properties are set, and every timestamp
(core properties and ZIP entries) is pinned to the briefing's generation time
so the same model gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from briefing import __version__
from briefing.model import Briefing
from briefing.writers import layout as L
from briefing.writers.docx.body import BodyWriter
from briefing.writers.docx.ooxml import MUTED, add_field, add_run, pin_zip_times
from briefing.writers.layout import Layout
from briefing.writers.text import parse_timestamp


def render(briefing: Briefing) -> bytes:
    """Return the briefing as DOCX bytes."""
    lay = L.lay_out(briefing)
    document = docx.Document()
    _set_up_page(document, lay)
    _set_properties(document, lay, parse_timestamp(briefing.generated_at))
    w = BodyWriter(document)
    w.title_block(lay)
    contents = w.contents_heading() if lay.long else None
    if lay.whats_new:
        w.whats_new(lay)
    w.heading(L.SUMMARY)
    if not w.bullets(lay.summary):
        w.empty(L.NO_SUMMARY)
    w.heading(L.TIMELINE)
    if lay.timeline:
        w.timeline(lay.timeline)
    else:
        w.empty(L.NO_EVENTS)
    if lay.background:
        w.heading(L.BACKGROUND)
        w.empty("Earlier events the sources mention, outside the period covered.")
        w.timeline(lay.background)
    w.quotes(lay)
    if lay.speakers:
        w.speakers(lay)
    w.passages(lay)  # summary, timeline and quotes first (the PDF's and HTML's order too)
    if lay.notes:
        w.heading(L.NOTES)
        for note in lay.notes:
            document.add_paragraph(note)
    w.sources(lay)
    if contents is not None:
        w.contents(contents)
    buffer = io.BytesIO()
    document.save(buffer)
    return pin_zip_times(buffer.getvalue(), parse_timestamp(briefing.generated_at))


def _set_up_page(document: DocxDocument, lay: Layout) -> None:
    """A4 with 2 cm margins, a running header with the theme and a "Page x of y" footer."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    set_style_fonts(document)
    header = section.header.paragraphs[0]
    add_run(header, lay.title, size=8, color=MUTED)
    footer = section.footer.paragraphs[0]
    add_run(footer, f"{lay.footer} \u00b7 Page ", size=8, color=MUTED)
    add_field(footer, "PAGE")
    add_run(footer, " of ", size=8, color=MUTED)
    add_field(footer, "NUMPAGES")


# One typographic identity with the PDF (bundled DejaVu Sans, Droid Sans Fallback for Hangul and
# CJK) and the HTML: Word's defaults (Cambria headings, Calibri body via theme fonts) are replaced
# in every style the writer uses, the East-Asian slot included, and the text is marked English.
BODY_FONT = "DejaVu Sans"
EAST_ASIAN_FONT = "Droid Sans Fallback"
_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Quote")


def set_style_fonts(document: DocxDocument) -> None:
    for name in _STYLES:
        try:
            style = document.styles[name]
        except KeyError:
            continue
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), BODY_FONT)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        if name == "Title":  # as the PDF's and HTML's title: bold, in the ink colour
            style.font.bold = True
            style.font.color.rgb = RGBColor(0x1D, 0x23, 0x30)
        if name == "Normal":
            lang = rpr.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                rpr.append(lang)
            lang.set(qn("w:val"), "en-GB")
            lang.set(qn("w:eastAsia"), "ko-KR")


def _set_properties(document: DocxDocument, lay: Layout, when: datetime) -> None:
    props = document.core_properties
    props.title = lay.title
    props.subject = lay.subject
    props.author = lay.author
    props.last_modified_by = lay.author
    props.keywords = ", ".join(lay.keywords)
    props.category = "Briefing"
    props.comments = f"Generated by briefing {__version__}"
    props.revision = 1
    stamp = when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when
    props.created = props.modified = props.last_printed = stamp
