"""The warnings of files an earlier build read: shown again only for new or changed files.

A weekly build over an archive would otherwise repeat every unchanged file's warnings ("no date
printed; inferred ...") each week; they are stored with the file and counted in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefing.readers import INFERRED_DATE

Warn = Callable[[str], None]


def replay(warnings: list[str], show: bool, warn: Warn, earlier: list[list[str]]) -> None:
    """Show a file's stored warnings now (`show`), or keep them for `earlier_warnings`' one line."""
    if show:
        for w in warnings:
            warn(w)
    elif warnings:
        earlier.append(warnings)


def earlier_warnings(per_file: Sequence[Sequence[str]]) -> str:
    """Return the one line that stands for unchanged files' stored warnings, counted by kind:
    "12 unchanged documents have inferred dates, 1 has other warnings (...)"."""
    inferred = sum(any(INFERRED_DATE in w for w in ws) for ws in per_file)
    other = sum(any(INFERRED_DATE not in w for w in ws) for ws in per_file)

    def have(n: int) -> str:
        return "have" if n != 1 else "has"

    parts = []
    if inferred:
        parts.append(f"{inferred} unchanged document{'s' * (inferred != 1)} {have(inferred)} inferred dates")
    if other and inferred:
        parts.append(f"{other} {have(other)} other warnings")
    elif other:
        parts.append(f"{other} unchanged document{'s' * (other != 1)} {have(other)} warnings")
    return ", ".join(parts) + " (warned when first read; build with --rebuild or --strict to list them again)"
