"""JSON writer: the Briefing model itself, for other tools and for re-rendering archived editions.

The field names are the documented ones (`briefing.model.to_dict`), the file
carries `schema_version`, and keys are sorted so two builds of the same model
give the same bytes and diff cleanly.
"""

from __future__ import annotations

import json
import re

from briefing.model import Briefing, to_dict


def render(briefing: Briefing) -> bytes:
    """Return the briefing as pretty-printed UTF-8 JSON (non-ASCII kept readable)."""
    text = json.dumps(to_dict(briefing), ensure_ascii=False, indent=2, sort_keys=True)
    # a lone surrogate (from undecodable bytes) cannot be written as UTF-8 and used to abort
    # every theme here; it is no character, so it becomes U+FFFD like in the other formats
    return (_SURROGATE.sub("\ufffd", text) + "\n").encode("utf-8")


_SURROGATE = re.compile("[\ud800-\udfff]")
