"""Saved web pages (`.html`, `.htm`): the article body and its metadata, page furniture dropped.

trafilatura finds the main text (the best-measured open extractor, see README design
notes) and, through htmldate, the publication date.  Our layer in
`briefing.readers.htmlmeta` corrects what trafilatura takes from SEO metadata: the
headline as the page displays it and the byline as printed.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import InputError
from briefing.model import Document
from briefing.readers import htmlmeta, mojibake
from briefing.readers.base import ReadResult, split_paragraphs

MIN_WORDS = 12  # less than this after extraction is a menu or a consent wall, not an article


def _drop_heading_lines(paragraphs: list[str], titles: list[str], authors: list[str]) -> list[str]:
    """Return the body without the headline and byline the extractor left at its top (they are metadata)."""
    fold = {htmlmeta.fold(t) for t in titles}
    out = list(paragraphs)
    for _ in range(3):
        if len(out) < 2:
            break
        first = out[0]
        if htmlmeta.fold(first) in fold or (authors and htmlmeta.names_in_byline(first) == authors):
            out.pop(0)
        else:
            break
    return out


def read(path: Path) -> ReadResult:
    """Registry entry point (see `briefing.readers.registry`)."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty; save the page again or remove the file")
    return read_html(data, path.name, str(path))


def read_html(data: bytes | str, file: str, where: str, fmt: str = "html") -> ReadResult:
    """Return the article in one HTML page; `where` names it in warnings, `fmt` is the reported format."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise InputError(f"{where}: not readable as HTML; save the page again as HTML")
    page = htmlmeta.read_page(tree)
    try:
        result = bare_extraction(
            tree,  # read_page only reads the tree; trafilatura may prune it now
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_formatting=False,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup: one bad page, not a bug
        raise InputError(
            f"{where}: the page could not be parsed ({type(exc).__name__}); save it again"
        ) from None
    text = (getattr(result, "text", None) or "") if result is not None else ""
    paragraphs = split_paragraphs(text)
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise InputError(f"{where}: no article text found in the page (only navigation or scripts?)")
    paragraphs, warnings = mojibake.repair_all(paragraphs, where)
    traf_title = getattr(result, "title", None)
    traf_author = getattr(result, "author", None)
    traf_site = getattr(result, "sitename", None)
    title = htmlmeta.choose_title(page, traf_title, traf_site)
    authors = htmlmeta.choose_authors(page, traf_author, traf_site)
    paragraphs = _drop_heading_lines(paragraphs, [title] if title else [], authors)
    doc = Document(
        id=file,
        file=file,
        title=title,
        authors=tuple(authors),
        publisher=page.site_name or traf_site or None,
        published=getattr(result, "date", None) or None,
        published_inferred=False,
        url=page.canonical or getattr(result, "url", None) or None,
        paragraphs=tuple(paragraphs),
        format=fmt,
    )
    return ReadResult([doc], warnings)
