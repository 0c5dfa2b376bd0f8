"""Plain-text article reader: one `.txt` file in, one or more `Document`s out.

Saved web pages and newsletters mix the article with chrome (navigation, stamps,
credits) and sometimes hold several articles, each a headline followed by a
byline. The reader keeps body paragraphs verbatim and moves everything else into
metadata or drops it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.extract.timex.dateline import match_dateline
from briefing.model import Document
from briefing.readers import furniture, headlines, metadata
from briefing.readers.base import ReadResult
from briefing.readers.decode import decode_file


@dataclass
class _Article:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)


def _body_lines(lines: list[str], captions: list[str] | None = None) -> list[str]:
    """Return content lines: furniture and date stamps removed, inline markers cleaned.

    Photo captions are not content either; they are appended to `captions` when given.
    """
    out = []
    skip_next = False
    for i, raw in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        line = raw.strip()
        if not line or furniture.is_furniture(line):
            continue
        if metadata.is_stamp_line(line):
            # a bare label ("Input") is followed by its value on the next line
            if not metadata._match_date(line) and i + 1 < len(lines) and metadata._match_date(lines[i + 1]):
                skip_next = True
            continue
        if furniture.is_caption(line):
            if captions is not None:
                captions.append(furniture.clean_inline(line))
            continue
        cleaned = furniture.clean_inline(line)
        if cleaned:
            out.append(cleaned)
    return out


def _unfuse(articles: list[_Article], lines: list[str]) -> None:
    """Cut a sub-headline fused onto its paragraph's first sentence off the paragraph: it is a
    section heading, not body text, and must never reach a passage or a summary point."""
    names = functools.cache(lambda: headlines.NameStats.of(lines))  # when a paragraph asks
    for art in articles:
        art.paragraphs = [headlines.split_fused_headline(p, names)[1] for p in art.paragraphs]


def _is_section_label(line: str, following: str | None) -> bool:
    """True for a one- or two-word label ("News", "Opinion") standing above the real headline."""
    return len(line.split()) <= 2 and following is not None and metadata.looks_like_headline(following)


def _is_heading(line: str) -> bool:
    return metadata.looks_like_headline(line) and (metadata.is_title_case(line) or line.endswith("?"))


def _split_articles(lines: list[str]) -> list[_Article]:
    """Group content lines into articles; a new article starts at a headline followed by a byline."""
    articles: list[_Article] = []
    current = _Article()
    i = 0
    # the first headline (possibly under a section label) is the title
    if lines and metadata.looks_like_headline(lines[0]):
        if _is_section_label(lines[0], lines[1] if len(lines) > 1 else None):
            lines = lines[1:]
        if (
            lines
            and metadata.looks_like_headline(lines[0])
            and (
                len(lines) == 1
                or not metadata.looks_like_headline(lines[1])
                or metadata.parse_byline(lines[1])
            )
        ):
            current.title = lines[0]
            i = 1
            if i < len(lines) and metadata.parse_byline(lines[i]):
                current.authors = list(metadata.parse_byline(lines[i]) or ())
                i += 1
    split_by_byline = False
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        heading = _is_heading(line)
        byline = metadata.parse_byline(nxt) if nxt and heading else None  # only a heading's byline counts
        if heading and byline and current.paragraphs and nxt is not None and i + 2 < len(lines):
            articles.append(current)
            current = _Article(title=line, authors=list(byline))
            split_by_byline = True
            i += 2
            continue
        if (
            split_by_byline
            and heading
            and len(line.split()) >= 3
            and current.paragraphs
            and nxt is not None
            and not metadata.looks_like_headline(nxt)
        ):
            articles.append(current)
            current = _Article(title=line)
            i += 1
            continue
        if metadata.looks_like_headline(line) and len(line.split()) <= 6 and nxt is not None:
            i += 1  # a section heading ("Timeline"): structure, not content
            continue
        current.paragraphs.append(line)
        i += 1
    articles.append(current)
    return [a for a in articles if a.paragraphs]


def read_text_file(path: Path) -> ReadResult:
    """Return the articles in one plain-text file, with the metadata its text states."""
    decoded = decode_file(path)
    warnings = [decoded.warning] if decoded.warning else []
    raw_lines = decoded.text.split("\n")
    stamps = metadata.find_stamps([ln for ln in raw_lines if ln.strip()])
    captions: list[str] = []
    lines = _body_lines(raw_lines, captions)
    articles = _split_articles(lines)
    _unfuse(articles, lines)
    if not articles:
        from briefing.errors import InputError

        raise InputError(f"{path}: no article text found (only headings, stamps or page furniture)")

    published = metadata.choose_published(stamps)
    publisher = None
    first_para = articles[0].paragraphs[0]
    if published is None:
        years = [int(y) for y in re.findall(r"\b(19\d{2}|20\d{2})\b", decoded.text)]
        dl = metadata.find_dateline(first_para, max(years) if years else None)
        if dl:
            published = dl.iso
            line = match_dateline(first_para)
            if line and line.agency:
                publisher = line.agency

    # closing author notes: authors and publisher for articles without a byline
    last = articles[-1]
    bios: list[tuple[str, str, str]] = []
    while last.paragraphs and metadata.is_author_note(last.paragraphs[-1]):
        bios = metadata.parse_author_bios(last.paragraphs.pop()) + bios
    if bios:
        if not any(a.authors for a in articles):
            articles[0].authors = [name for name, _, _ in bios]
        orgs = {org.strip() for _, _, org in bios}
        full = [o for o in orgs if "(" in o or len(o.split()) > 2]
        if publisher is None and full:
            publisher = max(full, key=len)
    articles = [a for a in articles if a.paragraphs]

    documents = []
    for n, art in enumerate(articles, 1):
        documents.append(
            Document(
                id=path.name if n == 1 else f"{path.name}#{n}",
                file=path.name,
                title=art.title,
                authors=tuple(art.authors),
                publisher=publisher,
                published=published,
                published_inferred=False,
                url=None,
                paragraphs=tuple(art.paragraphs),
                captions=tuple(captions) if n == 1 else (),
            )
        )
    return ReadResult(documents, warnings)


def read(path: Path) -> ReadResult:
    """Registry entry point (see `briefing.readers.registry`)."""
    return read_text_file(path)
