"""User-facing errors: shown as `category: message` with an exit code, never a traceback.

Anything that is not a BriefingError is a bug and keeps its traceback (Sphinx's rule).
"""

from __future__ import annotations


class BriefingError(Exception):
    category = "error"
    exit_code = 1

    def __str__(self) -> str:
        return self.args[0] if self.args else self.category


class ConfigError(BriefingError):
    category = "configuration error"
    exit_code = 2


class InputError(BriefingError):
    """A document or input file that cannot be used as given."""

    category = "input error"
    exit_code = 3


class OutputError(BriefingError):
    category = "output error"
    exit_code = 4


class BuildLocked(BriefingError):
    category = "build locked"
    exit_code = 5


class BuildIncomplete(BriefingError):
    """Some themes failed; the others were built and published as usual."""

    category = "build incomplete"
    exit_code = 7


class StrictFailure(BriefingError):
    """`--strict`: a warning fails the run, for scheduled runs that must not publish a degraded briefing."""

    category = "strict"
    exit_code = 8
