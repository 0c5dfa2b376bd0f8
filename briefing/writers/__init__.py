"""Output formats: one literal table of name → writer (as pandoc's Writers.hs).

A writer turns a `Briefing` into the bytes of one file and sees nothing else:
no config, readers or selector.  The caller decides the file name (`suffix`)
and writes atomically.  Adding a format is one module plus one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from briefing.model import Briefing
from briefing.writers import docx, html, json, pdf


@dataclass(frozen=True)
class Writer:
    """One output format.

    `name` is what `--format` accepts, `suffix` the file extension including the
    dot, `media_type` what a web server should send, and `render` returns the
    complete file content; the same model always gives the same bytes.
    """

    name: str
    suffix: str
    media_type: str
    render: Callable[[Briefing], bytes]


WRITERS: dict[str, Writer] = {
    "docx": Writer(
        "docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        docx.render,
    ),
    "pdf": Writer("pdf", ".pdf", "application/pdf", pdf.render),
    "html": Writer("html", ".html", "text/html; charset=utf-8", html.render),
    "json": Writer("json", ".json", "application/json", json.render),
}

__all__ = ["WRITERS", "Writer"]
