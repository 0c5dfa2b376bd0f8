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
    h.update(_entry_bytes(sidecar_values))
    return h.hexdigest()


# A file changed less than this long before its stamp was taken may change again within the same
# tick of its modification time without the stamp showing it (git's "racy clean" case).
RACY_SECONDS = 2.0


def file_stamp(path: Path, sidecar_values: dict | None, now: float) -> str:
    """Return what identifies the file as unchanged without reading it: its size, modification
    time (in nanoseconds) and inode, with a hash of its `sources.yaml` entry; "" (never equal to
    a stored stamp) for a file modified within `RACY_SECONDS` of `now`, which must be read.

    The same stamp means the same bytes, as for make, rsync and git, unless someone rewrites a
    file and puts its old modification time back; `briefing build --rebuild` reads every file."""
    st = path.stat()
    if now - st.st_mtime_ns / 1e9 < RACY_SECONDS:
        return ""
    entry = hashlib.sha256(_entry_bytes(sidecar_values)).hexdigest()[:16]
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{entry}"


def _entry_bytes(sidecar_values: dict | None) -> bytes:
    if sidecar_values is None:  # most files have no entry: the bytes json.dumps gives, without it
        return b"null"
    return json.dumps(sidecar_values, sort_keys=True, default=str, ensure_ascii=False).encode()
