"""Progress and warnings on stderr: visible on a terminal, silent when output is piped or logged."""

from __future__ import annotations

import sys
from typing import TextIO

from briefing.errors import StrictFailure


class Reporter:
    """Shows progress lines only on a terminal; warnings always go to stderr, each naming its file."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False, strict: bool = False):
        self.stream = stream or sys.stderr
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)()) and not quiet
        self.strict = strict
        self.warnings: list[str] = []

    def progress(self, message: str) -> None:
        if self.interactive:
            self.stream.write(f"\r\033[K{message}")
            self.stream.flush()

    def done(self, message: str = "") -> None:
        if self.interactive:
            self.stream.write(f"\r\033[K{message}\n" if message else "\r\033[K")
            self.stream.flush()

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        if self.interactive:
            self.stream.write("\r\033[K")
        self.stream.write(f"warning: {message}\n")
        self.stream.flush()
        if self.strict:
            # the first warning stops the run; editions are renamed into place whole, so nothing
            # half-built is published, and themes finished before it had no warning
            raise StrictFailure(f"{message} (--strict turns warnings into failure)")
