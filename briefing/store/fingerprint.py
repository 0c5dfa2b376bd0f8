"""What a cached extraction depends on besides the file itself: the tool and the people registry.

The tool fingerprint hashes the version and every source file of the package, so a changed
rule in any extractor (another helper's fix tomorrow, an upgrade next month) invalidates what
the old code extracted, without anyone having to remember to bump a number. The people
registry changes who quotes are attributed to, so it is part of the key too; themes are not
(they only select among extraction results, at build time).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from briefing import __version__
from briefing.model import Person

PACKAGE = Path(__file__).resolve().parent.parent


def tool_fingerprint() -> str:
    """Return a short hash of the package version and the bytes of its Python sources.

    Computed for every build (a few milliseconds), not once per process, so a long-lived process
    and a fresh one agree about the code on disk."""
    h = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(str(path.relative_to(PACKAGE)).encode())
        h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:16]}"


def people_fingerprint(people: Sequence[Person]) -> str:
    """Return a hash of the people registry as extraction sees it."""
    data = [[p.name, p.role, list(p.aliases)] for p in people]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:16]


def source_key(path: Path, sidecar_values: dict | None) -> str:
    """Return the key of one corpus file: its bytes plus what `sources.yaml` says about it.

    Read in blocks, so a huge file (which the reader will refuse) never sits in memory whole.
    Raises OSError when the file cannot be read."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    if sidecar_values is None:  # most files have no entry; the same bytes json.dumps gives, without it
        h.update(b"null")
    else:
        h.update(json.dumps(sidecar_values, sort_keys=True, default=str, ensure_ascii=False).encode())
    return h.hexdigest()
