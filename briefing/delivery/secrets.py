"""Read a password or webhook URL at send time, and keep it out of everything we print.

A secret is read from the environment variable the config names, or from a file that only
its owner can read: a secrets file readable by group or others is refused (ssh does the
same with private keys), because a briefing folder is typically on a shared drive.

`Secret` hides its value from `str`/`repr`/f-strings, and `Redactor` removes every secret
read in this run (and the forms it may appear in: URL-quoted, base64 in SMTP AUTH) from any
text about to be shown, so even a server reply that echoes a token does not leak it.
"""

from __future__ import annotations

import base64
import os
import re
import stat
from urllib.parse import quote, urlsplit

from briefing.delivery.settings import SecretRef
from briefing.errors import ConfigError
from briefing.paths import user_path

MASK = "***"


class Secret:
    """A secret value that prints as `***`; call `reveal()` only where it is handed to a library."""

    __slots__ = ("_value", "source")

    def __init__(self, value: str, source: str):
        self._value = value
        self.source = source  # e.g. "$BRIEFING_SMTP_PASSWORD", for messages

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({self.source}, {MASK})"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)


class Redactor:
    """Collects the secrets of a run and masks them in any text before it is shown or stored."""

    def __init__(self) -> None:
        self._needles: set[str] = set()

    def add(self, value: str, *, user: str | None = None) -> None:
        if len(value) < 4:  # masking "a" everywhere would garble messages; such a secret is no secret
            return
        forms = {value, quote(value, safe=""), quote(value, safe="/:")}
        parts = urlsplit(value)
        if parts.scheme and parts.netloc:
            # a server may echo only the path it was called on, or the token segment of it
            forms |= {parts.path, parts.query, f"{parts.path}?{parts.query}"}
            pieces = re.split(r"[/?&=;]+", f"{parts.path}?{parts.query}")
            forms |= {p for p in pieces if len(p) >= 8 and re.search(r"\d", p)}
            forms.discard("?")
            forms = {f for f in forms if len(f) >= 4}
        forms.add(base64.b64encode(value.encode()).decode())
        if user is not None:  # what AUTH PLAIN / LOGIN put on the wire
            forms.add(base64.b64encode(f"\0{user}\0{value}".encode()).decode())
        self._needles |= {f for f in forms if f}

    def __call__(self, text: object) -> str:
        out = str(text)
        for needle in sorted(self._needles, key=len, reverse=True):
            out = out.replace(needle, MASK)
        return out


def read_secret(ref: SecretRef, redactor: Redactor, *, environ: dict[str, str] | None = None) -> Secret:
    """Return the secret `ref` points to, registered with `redactor`; ConfigError naming the key if not."""
    env = os.environ if environ is None else environ
    if ref.env:
        value = env.get(ref.env)
        if value is None or not value.strip():
            raise ConfigError(
                f"{ref.key}: environment variable {ref.env} is not set; export it before running "
                f"`briefing send` (for a scheduled job, in the environment the job runs with)"
            )
        value = value.strip()
        redactor.add(value)
        return Secret(value, f"${ref.env}")
    assert ref.file is not None
    path = user_path(ref.file, ref.key)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConfigError(f"{ref.key}: {path} not found; create it (chmod 600) or fix the path") from None
    except OSError as exc:
        raise ConfigError(f"{ref.key}: {path}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{ref.key}: {path} is not a regular file")
    if info.st_mode & 0o077:
        raise ConfigError(
            f"{ref.key}: {path} can be read by other users (mode {stat.S_IMODE(info.st_mode):04o}); "
            f"a secrets file must be private: run `chmod 600 {path}`"
        )
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise ConfigError(f"{ref.key}: {path} belongs to another user; a secrets file must be your own")
    try:
        value = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"{ref.key}: {path}: cannot read ({getattr(exc, 'strerror', None) or 'not UTF-8'})"
        ) from None
    if not value:
        raise ConfigError(f"{ref.key}: {path} is empty")
    redactor.add(value)
    return Secret(value, f"file {path}")
