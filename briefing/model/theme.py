"""What a user asks for: themes, the people registry and the output budget.

These are domain types, not configuration plumbing: the extractors and the selector take them
as arguments, so they live here, where nothing else of ours is imported, and `briefing.config`
only loads YAML into them.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model.setting import required, setting

FORMATS = ("docx", "pdf", "html", "json")
SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


@dataclass(frozen=True)
class Person:
    name: str = required("canonical name, as the corpus spells it most fully; quotes are attributed to it")
    role: str | None = setting(None, "role shown beside the name in Who said what")
    aliases: tuple[str, ...] = setting((), "other spellings and short forms that name the person")


@dataclass(frozen=True)
class Theme:
    id: str = required(
        "short name used in folder and file names",
        pattern=SLUG_PATTERN,
        pattern_doc="a safe slug (lower-case letters, digits and single hyphens)",
    )
    title: str = required("title printed on the briefing")
    description: str = required("what the theme is about, in a sentence or two")
    terms: tuple[str, ...] = setting((), "words or short phrases that signal the theme")
    phrases: tuple[str, ...] = setting((), "multi-word expressions that signal it strongly")
    aliases: tuple[str, ...] = setting((), "other names of the theme's core subject")
    exclude: tuple[str, ...] = setting((), "terms whose presence makes a sentence off-theme")
    people: tuple[str, ...] = setting((), "people of interest: canonical names from people:")


@dataclass(frozen=True)
class OutputSettings:
    folder: str = setting("output", "folder the editions are written to (~ and $VARIABLES are expanded)")
    formats: tuple[str, ...] = setting(FORMATS, "formats to write", choices=FORMATS)
    max_passages: int = setting(30, "most passages selected, after merging duplicates", minimum=0)
    max_events: int = setting(60, "most timeline rows", minimum=0)
    max_quotes: int = setting(30, "most quotations", minimum=0)
    summary_points: int = setting(5, "key points in the summary", minimum=0, maximum=7)
    # the lowest-ranked passages, background events and quotes are left out of the PDF, DOCX and
    # HTML to fit; the JSON keeps everything
    pages: int = setting(4, "length of the PDF, DOCX and HTML in pages (0: no limit); the JSON keeps all", minimum=0)
