"""Output formats: one literal table of name → writer (as pandoc's Writers.hs).

A writer turns a `Briefing` into the bytes of one file and sees nothing else:
no config, readers or selector.  The caller decides the file name (`suffix`)
and writes atomically.  Adding a format is one module plus one line below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from briefing.model import Briefing


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


def _lazy(module: str) -> Callable[[Briefing], bytes]:
    """Return `render` of a writer module, imported on first use: a JSON-only build should not pay
    for importing reportlab and python-docx."""

    def render(briefing: Briefing) -> bytes:
        renderer: Callable[[Briefing], bytes] = importlib.import_module(f"briefing.writers.{module}").render
        return renderer(briefing)

    render.__name__ = f"{module}.render"
    return render


WRITERS: dict[str, Writer] = {
    "docx": Writer(
        "docx",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _lazy("docx"),
    ),
    "pdf": Writer("pdf", ".pdf", "application/pdf", _lazy("pdf")),
    "html": Writer("html", ".html", "text/html; charset=utf-8", _lazy("html")),
    "json": Writer("json", ".json", "application/json", _lazy("json")),
}

__all__ = ["WRITERS", "Writer"]
