"""Low-level OOXML helpers python-docx has no API for: links, bookmarks, fields, shading.

Each one writes the WordprocessingML elements in schema order, so Word opens
the file without a repair prompt (LibreOffice is more forgiving and would hide
such mistakes).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x5B, 0x64, 0x75)
NEW = RGBColor(0xB3, 0x59, 0x00)
SCHEDULED = RGBColor(0x6A, 0x3D, 0x9A)


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    color: RGBColor | None = None,
) -> Run:
    """Return a new formatted run; unset flags stay None so the paragraph style decides."""
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    return run


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """Append a simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in on display."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")  # same look as the footer text around the number
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(MUTED))
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # half-points: 8 pt
    props.extend([colour, size])
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def add_hyperlink(
    paragraph: Paragraph, text: str, *, url: str = "", anchor: str = "", size: float | None = None
) -> None:
    """Append a clickable run: to an external `url`, or to a bookmark `anchor` in the document."""
    link = OxmlElement("w:hyperlink")
    if url:
        link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    else:
        link.set(qn("w:anchor"), anchor)
    run = add_run(paragraph, text, size=size, color=ACCENT)
    if url:
        run.underline = True
    link.append(run._r)  # moves the run from the paragraph into the link
    paragraph._p.append(link)


def repeat_as_header(row: _Row) -> None:
    """Mark a table row as a header row, repeated at the top of each page the table spans."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def set_cell_margins(table: Table, **twips: int) -> None:
    """Give every cell of a table some padding (Table Grid's default is cramped)."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips[side]))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    # Schema order matters to Word: tblCellMar comes before tblLook.
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def shade(cell: _Cell, fill: str) -> None:
    """Give a table cell a background colour (python-docx has no API for it)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def pin_zip_times(data: bytes, when: datetime) -> bytes:
    """Return the DOCX with every ZIP entry dated `when` (python-docx stamps the wall clock)."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int, *, first: bool = False) -> None:
    """Put a bookmark in the paragraph so internal links can jump to it: after what it holds so
    far, or (`first`) around its whole content, as Word's `_Toc` bookmarks are."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    if first:
        props = paragraph._p.pPr
        if props is None:
            paragraph._p.insert(0, start)
        else:
            props.addnext(start)
    else:
        paragraph._p.append(start)
    paragraph._p.append(end)


TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '  # headings 1-2, as links, by outline level


def _field_char(kind: str, dirty: bool = False) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def add_toc_field(at: Paragraph, entries: list[tuple[int, str, str]], styles: dict[int, ParagraphStyle]) -> None:
    """Turn the empty paragraph `at` into a TOC field whose shown result is `entries`.

    `entries` are (level 1|2, heading text, bookmark name).  The field is a complex one
    (begin / instruction / separate / result / end) spanning one paragraph per entry in
    the "toc 1" and "toc 2" styles, each entry a link to its heading's bookmark.  It is
    marked dirty so Word recomputes it, with page numbers, on opening.  The shown result has
    no page numbers: the writer cannot know Word's pagination, and LibreOffice shows a TOC's
    stored result as it is, so a guessed number would be printed as fact."""
    if not entries:
        return
    paragraphs = [at]
    for _ in entries[1:]:
        element = OxmlElement("w:p")
        paragraphs[-1]._p.addnext(element)
        paragraphs.append(Paragraph(element, at._parent))
    for p, (level, text, name) in zip(paragraphs, entries, strict=True):
        p.style = styles[min(max(level, 1), 2)]
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        link.append(p.add_run(text)._r)  # moves the run into the link
        p._p.append(link)
    instruction = OxmlElement("w:r")
    instr_text = OxmlElement("w:instrText")
    instr_text.set(qn("xml:space"), "preserve")
    instr_text.text = TOC_INSTRUCTION
    instruction.append(instr_text)
    first = paragraphs[0]._p
    anchor = first.pPr
    for element in (_field_char("begin", dirty=True), instruction, _field_char("separate")):
        if anchor is None:
            first.insert(0, element)
        else:
            anchor.addnext(element)
        anchor = element
    paragraphs[-1]._p.append(_field_char("end"))


def toc_styles(document: DocxDocument) -> dict[int, ParagraphStyle]:
    """Return Word's built-in "toc 1" and "toc 2" paragraph styles, added when the template lacks
    them: entries indented by level, with a right tab and dot leader for the page number."""
    out: dict[int, ParagraphStyle] = {}
    for level in (1, 2):
        found = [s for s in document.styles if s.style_id == f"TOC{level}"]
        if found and isinstance(found[0], ParagraphStyle):
            out[level] = found[0]
            continue
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.element.styleId = f"TOC{level}"
        style.base_style = document.styles["Normal"]
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.5 * (level - 1))
        fmt.space_after = Pt(2 if level == 1 else 0)
        fmt.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if level > 1:
            style.font.size = Pt(9.5)
        out[level] = style
    return out
