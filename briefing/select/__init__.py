"""Passage selection, cross-source de-duplication and the extractive summary.

Public API (called by the build):
  select_passages(docs, theme, people, settings) -> list[Selected]
  summarize(selected, n) -> list[Selected]
  theme_filter(theme, people) -> Callable[[str], bool]  (is one sentence on theme?)
"""

from briefing.select.match import theme_filter
from briefing.select.pipeline import KeySentence, Selected, select_passages
from briefing.select.summary import summarize

__all__ = ["KeySentence", "Selected", "select_passages", "summarize", "theme_filter"]
