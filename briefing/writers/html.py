"""HTML writer: one self-contained page from the jinja2 template `templates/briefing.html.j2`.

Autoescaping is on for the whole template, so source text such as
"<script>" or "AT&T" is always shown, never interpreted.  The page has inline
CSS only, anchors for every source and print styles, so it can be mailed or put
on a shared drive as is.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from briefing.model import Briefing
from briefing.templating import load_template
from briefing.writers import layout
from briefing.writers.layout import lay_out
from briefing.writers.text import cite_text, format_timestamp

TEMPLATE = "briefing.html.j2"


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    return load_template(TEMPLATE)


def render(briefing: Briefing) -> bytes:
    """Return the briefing as a UTF-8 HTML page."""
    template = _template()
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
            "CONTENTS",
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
        L=lay_out(briefing),
        generated=format_timestamp(briefing.generated_at),
        cite_text=cite_text,
        **constants,
    )
    return page.encode("utf-8")
