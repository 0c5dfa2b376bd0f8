"""JSON writer: the Briefing model itself, for other tools and for re-rendering archived editions.

The field names are the documented ones (`briefing.model.to_dict`), the file
carries `schema_version`, and keys are sorted so two builds of the same model
give the same bytes and diff cleanly.
"""

from __future__ import annotations

from briefing.model import Briefing, to_dict
from briefing.prettyjson import pretty_json


def render(briefing: Briefing) -> bytes:
    """Return the briefing as pretty-printed UTF-8 JSON (non-ASCII kept readable)."""
    return pretty_json(to_dict(briefing))
