"""What a user asks for: themes, the people registry and the output budget.

These are domain types, not configuration plumbing: the extractors and the selector take them
as arguments, so they live here, where nothing else of ours is imported, and `briefing.config`
only loads YAML into them.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("docx", "pdf", "html", "json")


@dataclass(frozen=True)
class Person:
    name: str  # canonical name, as the corpus spells it most fully
    role: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    description: str
    terms: tuple[str, ...]  # single words or short phrases that signal the theme
    phrases: tuple[str, ...] = ()  # multi-word expressions that strongly signal it
    aliases: tuple[str, ...] = ()  # other names of the theme's core subject
    exclude: tuple[str, ...] = ()  # terms whose presence means a sentence is off-theme
    people: tuple[str, ...] = ()  # canonical names of people of interest


@dataclass(frozen=True)
class OutputSettings:
    folder: str = "output"
    formats: tuple[str, ...] = FORMATS
    max_passages: int = 30
    max_events: int = 60
    max_quotes: int = 30
    summary_points: int = 5
    # length of the documents (PDF, DOCX, HTML) in pages; the lowest-ranked passages, background
    # events and quotes are left out of them to fit (JSON keeps everything). 0: no limit
    pages: int = 4
