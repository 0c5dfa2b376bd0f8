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
    dot, `media_type` what a web server should send, and `module` the module under
    `briefing.writers` whose `render(briefing)` returns the complete file content;
    the same model always gives the same bytes. The module is imported on first
    use: a JSON-only build should not pay for importing reportlab and python-docx.
    """

    name: str
    suffix: str
    media_type: str
    module: str

    def render(self, briefing: Briefing) -> bytes:
        renderer: Callable[[Briefing], bytes] = importlib.import_module(
            f"briefing.writers.{self.module}"
        ).render
        return renderer(briefing)

    def warm(self) -> None:
        """Import the writer and load what it loads once per process (the PDF fonts): the build
        calls this before forking the processes that render its themes, so they share it."""
        warm_up = getattr(importlib.import_module(f"briefing.writers.{self.module}"), "warm", None)
        if warm_up is not None:
            warm_up()


WRITERS: dict[str, Writer] = {
    "docx": Writer(
        "docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
    ),
    "pdf": Writer("pdf", ".pdf", "application/pdf", "pdf"),
    "html": Writer("html", ".html", "text/html; charset=utf-8", "html"),
    "json": Writer("json", ".json", "application/json", "json"),
}

__all__ = ["WRITERS", "Writer"]
