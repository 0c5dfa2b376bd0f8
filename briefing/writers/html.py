"""HTML writer: one self-contained page from the jinja2 template `templates/briefing.html.j2`.

Autoescaping is on for the whole template, so source text such as
"<script>" or "AT&T" is always shown, never interpreted.  The page has inline
CSS only, anchors for every source and print styles, so it can be mailed or put
on a shared drive as is.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from briefing.errors import OutputError
from briefing.model import Briefing
from briefing.writers import layout
from briefing.writers.layout import lay_out
from briefing.writers.text import format_timestamp

TEMPLATE = "briefing.html.j2"


def template_dirs() -> list[Path]:
    """Return the folders searched for the template, most specific first.

    A source checkout or editable install has `templates/` next to the
    `briefing/` package (the repository root); an installed wheel can carry
    the same file as package data in `briefing/templates/`.
    """
    package = Path(__file__).resolve().parent.parent
    candidates = [package.parent / "templates", package / "templates"]
    return [d for d in candidates if (d / TEMPLATE).is_file()]


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    dirs = template_dirs()
    if not dirs:
        raise OutputError(
            f"HTML template {TEMPLATE} not found in templates/ beside the briefing package; reinstall briefing"
        )
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def render(briefing: Briefing) -> bytes:
    """Return the briefing as a UTF-8 HTML page."""
    template = _environment().get_template(TEMPLATE)
    constants = {
        name: getattr(layout, name)
        for name in (
            "WHATS_NEW",
            "SUMMARY",
            "PASSAGES",
            "TIMELINE",
            "BACKGROUND",
            "QUOTES",
            "WHO_SAID_WHAT",
            "NOTES",
            "SOURCES",
            "NO_PASSAGES",
            "NO_SUMMARY",
            "NO_EVENTS",
            "NO_QUOTES",
            "NO_SOURCES",
            "NEW_MARK",
            "TIMELINE_HEADER",
        )
    }
    page = template.render(
        L=lay_out(briefing), generated=format_timestamp(briefing.generated_at), **constants
    )
    return page.encode("utf-8")
