"""One way to turn a path the user wrote (option or config value) into a Path.

`output.folder: ~/briefings` must mean the same folder in a manual `briefing build` as in
the job `briefing schedule` installs; before, the build made a literal `./~` folder while
the schedule expanded `~`, so the two wrote to different places.  Every command therefore
expands `~` and environment variables (`$HOME`, `${XDG_DATA_HOME}`) here, and nowhere else.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from briefing.errors import ConfigError

_UNSET = re.compile(r"\$(\w+|\{[^}]*\})")


def user_path(text: str | os.PathLike[str], what: str = "path") -> Path:
    """Return `text` with `~` and `$VAR` expanded; ConfigError naming `what` if a variable is unset.

    A variable left unexpanded would otherwise become a folder literally named `$VAR`.
    """
    raw = os.fspath(text)
    if "\x00" in raw:  # no file system accepts it; `~\x00` even crashed the user lookup
        raise ConfigError(f"{what} {raw!r} contains a NUL character, which no path can hold")
    try:
        expanded = os.path.expandvars(os.path.expanduser(raw))
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"{what} {raw!r} cannot be expanded ({exc})") from None
    missing = _UNSET.search(expanded)
    if missing and missing.group(0) in raw:
        name = missing.group(1).strip("{}")
        raise ConfigError(
            f"{what} {raw!r}: environment variable ${name} is not set; set it or write the path out"
        )
    return Path(expanded)


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    """`--corpus DIR`, the folder of the user's documents; `--seeds` is its first name, kept so
    existing scripts and installed schedules keep working."""
    parser.add_argument(
        "--corpus",
        "--seeds",
        dest="corpus",
        default="seeds",
        metavar="DIR",
        help="the corpus folder: the documents to read (default: seeds; --seeds is an old alias)",
    )
