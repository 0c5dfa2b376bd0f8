"""What a delivery is: recipients, the SMTP server, chat webhooks and how to attach the edition.

The types `briefing send` works from; `delivery.loading` reads them from config.yaml.
Secrets never live here: a password or a webhook URL (which carries its token) is only
*named* (`password_env`, `url_env`) or pointed to (`password_file`, `url_file`) and read at
send time by `briefing.delivery.secrets`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

SECURITY = ("starttls", "ssl", "none")
ATTACH = ("pdf", "docx", "both", "link")
STYLES = ("slack", "teams")
DEFAULT_TIMEOUT = 20.0


class Problems(Protocol):
    """What the config loader collects problems into (`config._Problems`)."""

    def add(self, key: str, message: str) -> None: ...


@dataclass(frozen=True)
class SecretRef:
    """Where a secret is read from at send time: an environment variable or a 0600 file.

    `key` is the config key that named it, so a missing variable is reported against it.
    """

    key: str
    env: str | None = None
    file: str | None = None

    def describe(self) -> str:
        """Return where the secret comes from, for messages (never the secret itself)."""
        return f"${self.env}" if self.env else f"file {self.file}"


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    security: str = "starttls"
    user: str | None = None
    password: SecretRef | None = None
    ca_file: str | None = None  # extra CA certificate(s) to trust, e.g. an internal mail server's


@dataclass(frozen=True)
class Email:
    to: tuple[str, ...]
    sender: str
    smtp: Smtp


@dataclass(frozen=True)
class Webhook:
    style: str  # "slack" | "teams"
    url: SecretRef
    name: str  # stable, non-secret identity recorded in the manifest, e.g. "slack:BRIEFING_SLACK_WEBHOOK"


@dataclass(frozen=True)
class Delivery:
    """Who gets a theme's editions and how; None on a theme means it is not delivered."""

    email: Email | None
    webhooks: tuple[Webhook, ...]
    only_when_new: bool = True
    attach: str = "pdf"  # pdf | docx | both | link
    publish_url: str | None = None  # where `briefing publish`'s output folder is served
    timeout: float = DEFAULT_TIMEOUT  # seconds, for every network call

    def recipients(self) -> tuple[str, ...]:
        """Return every recipient's identity as recorded in the manifest."""
        mail = tuple(f"mailto:{a}" for a in self.email.to) if self.email else ()
        return mail + tuple(w.name for w in self.webhooks)
