"""Test-wide settings.

BRIEFING_DEBUG=1: an exception inside extraction is a bug and is raised with its traceback,
instead of the warning a user's build shows (briefing/assemble.extract_document), so no test can
pass over a bug as a warning. Worker processes inherit it through the environment.
"""

from __future__ import annotations

import os

os.environ["BRIEFING_DEBUG"] = "1"
