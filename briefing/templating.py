"""Find and load the jinja2 templates, wherever briefing is installed.

A source checkout or editable install has `templates/` beside the `briefing/` package;
an installed wheel carries the same files as package data in `briefing/templates/`.
Autoescaping is always on: every string in a template comes from source documents.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from briefing.errors import OutputError

_PACKAGE = Path(__file__).resolve().parent


def template_dirs(name: str) -> list[Path]:
    """Return the folders holding template `name`, most specific first."""
    return [d for d in (_PACKAGE.parent / "templates", _PACKAGE / "templates") if (d / name).is_file()]


def load_template(name: str) -> jinja2.Template:
    """Return the template with autoescaping on, or raise OutputError saying how to fix it."""
    dirs = template_dirs(name)
    if not dirs:
        raise OutputError(
            f"template {name} not found in templates/ beside the briefing package; reinstall briefing"
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template(name)
