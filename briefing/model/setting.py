"""One declaration per config option: its default, its rules and its one-line doc, in one place.

An option used to be written three times (the dataclass default, the loader's checks, the
README table) and the three drifted.  Now a settings dataclass declares each field with
`setting(...)`; the config loader validates by reading the declarations, and the README's
option table is checked against them by a test.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rules:
    """What a value must satisfy, beyond its type (which the field's annotation gives)."""

    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()  # allowed values (for a list: allowed items)
    lower: bool = False  # compared and kept in lower case ("Monday" is "monday")
    pattern: str | None = None  # a regular expression the whole value must match
    pattern_doc: str = ""  # what the pattern means, for the error message
    advice: str = ""  # what to do about a value that does not match ("quote it in YAML")
    required: bool = False


def setting(default: Any, doc: str, **rules: Any) -> Any:
    """Return a dataclass field for a config option: `default`, a one-line `doc`, and its rules."""
    return dataclasses.field(default=default, metadata={"doc": doc, "rules": Rules(**rules)})


def required(doc: str, **rules: Any) -> Any:
    """Return a dataclass field for an option the user must write (no default)."""
    return dataclasses.field(metadata={"doc": doc, "rules": Rules(required=True, **rules)})


def declared(cls: type) -> list[dataclasses.Field[Any]]:
    """The fields of a settings dataclass that are config options (declared with `setting`)."""
    return [f for f in dataclasses.fields(cls) if "doc" in f.metadata]
