"""`briefing send`: deliver each theme's newest edition to the recipients who have not had it.

Per theme: find the newest complete edition (`digest.latest_edition`), skip it when nothing
is new (`only_when_new`), drop the recipients its manifest already records as served, then
mail and post to the rest, recording each outcome in the manifest before trying the next.
A failure (a refused login, a 500, a timeout) is reported with the recipient and the
server's reply and does not stop the other recipients or themes; the run then ends with
`DeliveriesFailed` (exit code 6) and the next run retries exactly those recipients.

The whole run holds the output folder's build lock: a build cannot replace an edition's
manifest while its deliveries are being recorded, and two `send` runs (a scheduled one and
a manual one) cannot both send the same edition.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from briefing.config import Config
from briefing.delivery import chat, mail
from briefing.delivery.digest import Digest, Edition, build_digest, latest_edition, ranked_new_items
from briefing.delivery.errors import DeliveriesFailed, DeliveryError
from briefing.delivery.record import Outcome, delivered, record
from briefing.delivery.secrets import Redactor, Secret, read_secret
from briefing.delivery.settings import Delivery, SecretRef
from briefing.errors import BriefingError, ConfigError
from briefing.output.lock import BuildLock


@dataclass
class SendReport:
    sent: list[str] = field(default_factory=list)  # "theme date recipient"
    failed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # themes that could not be delivered at all


class Output:
    """Where `send` reports: status on stdout, failures on stderr, every line through the redactor."""

    def __init__(self, redactor: Redactor, out: TextIO | None = None, err: TextIO | None = None):
        self.redactor, self.out, self.err = redactor, out or sys.stdout, err or sys.stderr

    def info(self, text: str) -> None:
        print(self.redactor(text), file=self.out, flush=True)

    def error(self, text: str) -> None:
        print(self.redactor(text), file=self.err, flush=True)


def run_send(
    config: Config,
    out_dir: Path,
    theme_ids: Sequence[str],
    *,
    dry_run: bool = False,
    environ: Mapping[str, str] | None = None,
    output: Output | None = None,
) -> SendReport:
    """Deliver the newest edition of each theme in `theme_ids`; raise DeliveriesFailed if any failed."""
    redactor = output.redactor if output else Redactor()
    output = output or Output(redactor)
    report = SendReport()
    env = dict(environ) if environ is not None else None
    themes = [t for t in theme_ids if t in config.delivery]
    for tid in theme_ids:
        if tid not in config.delivery:
            output.info(f"{tid}: no delivery configured (add recipients under delivery: in {config.path})")
    if not themes:
        return report
    if dry_run:
        for tid in themes:
            _theme(tid, config.delivery[tid], out_dir, output, report, env, dry_run=True)
    else:
        with BuildLock(out_dir, command="send"):
            for tid in themes:
                _theme(tid, config.delivery[tid], out_dir, output, report, env, dry_run=False)
    if report.failed or report.problems:
        n = len(report.failed)
        parts = [f"{n} deliver{'y' if n == 1 else 'ies'} failed"] if n else []
        if report.problems:
            parts.append(f"{len(report.problems)} theme(s) could not be delivered")
        again = "; failed recipients are retried by the next `briefing send`" if n and not dry_run else ""
        raise DeliveriesFailed(", ".join(parts) + again)
    return report


def _theme(
    tid: str,
    settings: Delivery,
    out_dir: Path,
    output: Output,
    report: SendReport,
    env: dict[str, str] | None,
    *,
    dry_run: bool,
) -> None:
    try:
        edition = latest_edition(out_dir, tid)
    except BriefingError as exc:
        report.problems.append(f"{tid}: {exc}")
        output.error(f"{tid}: {exc}")
        return
    if edition is None:
        msg = f"{tid}: no edition in {out_dir / tid} yet; run `briefing build` first"
        report.problems.append(msg)
        output.error(msg)
        return
    label = f"{tid} {edition.date}"
    would = "would send" if dry_run else "sending"
    if settings.only_when_new and not ranked_new_items(edition.briefing):
        since = edition.briefing.edition.previous
        output.info(
            f"{label}: nothing new since the edition of {since}; nothing {'would be ' if dry_run else ''}sent"
        )
        return
    done = delivered(edition.manifest)
    pending = [r for r in settings.recipients() if r not in done]
    if not pending:
        output.info(f"{label}: already delivered to all {len(done)} recipient(s); nothing to send")
        return
    try:
        digest = build_digest(edition, settings)
    except BriefingError as exc:
        report.problems.append(f"{label}: {exc}")
        output.error(f"{label}: {exc}")
        return
    output.info(
        f"{label}: {would} \u201c{digest.subject}\u201d to {len(pending)} recipient(s)"
        + (f" ({len(done)} already served)" if done else "")
    )
    if dry_run:
        _dry_run(settings, digest, pending, output, report, env, label)
        return
    _deliver(edition, settings, digest, pending, output, report, env, label)


def _dry_run(
    settings: Delivery,
    digest: Digest,
    pending: list[str],
    output: Output,
    report: SendReport,
    env: dict[str, str] | None,
    label: str,
) -> None:
    """Say what would be sent, and check every secret can be read, without sending anything."""
    files = ", ".join(a.filename for a in digest.attachments) or "none"
    links = ", ".join(link.href for link in digest.links) or "none"
    output.info(f"  attachments: {files}; links: {links}")
    for r in pending:
        output.info(f"  {r}")
    secrets: list[SecretRef] = []
    if settings.email and any(r.startswith("mailto:") for r in pending) and settings.email.smtp.password:
        secrets.append(settings.email.smtp.password)
    secrets += [w.url for w in settings.webhooks if w.name in pending]
    for ref in secrets:
        try:
            read_secret(ref, output.redactor, environ=env)
            output.info(f"  {ref.key}: {ref.describe()} is set")
        except ConfigError as exc:
            report.problems.append(f"{label}: {exc}")
            output.error(f"  {exc}")


def _deliver(
    edition: Edition,
    settings: Delivery,
    digest: Digest,
    pending: list[str],
    output: Output,
    report: SendReport,
    env: dict[str, str] | None,
    label: str,
) -> None:
    def result(recipient: str, channel: str) -> Callable[[str, Outcome], None]:
        def note(_: str, outcome: Outcome) -> None:
            record(edition.directory, recipient, channel, outcome)
            if outcome.ok:
                report.sent.append(f"{label} {recipient}")
                output.info(f"{label}: sent to {recipient} ({outcome.reply})")
            else:
                report.failed.append(f"{label} {recipient}")
                output.error(f"{label}: FAILED to deliver to {recipient}: {outcome.reply}")

        return note

    mail_to = [r.removeprefix("mailto:") for r in pending if r.startswith("mailto:")]
    if mail_to and settings.email:
        password: Secret | None = None
        failure = None
        if settings.email.smtp.user and settings.email.smtp.password:
            try:
                password = read_secret(settings.email.smtp.password, output.redactor, environ=env)
            except ConfigError as exc:
                failure = str(exc)
        if failure:
            for addr in mail_to:
                result(f"mailto:{addr}", "email")(addr, Outcome(False, failure))
        else:
            mail.send_digest(
                digest,
                settings.email,
                mail_to,
                password=password,
                timeout=settings.timeout,
                redactor=output.redactor,
                on_result=lambda addr, outcome: result(f"mailto:{addr}", "email")(addr, outcome),
            )
    for hook in settings.webhooks:
        if hook.name not in pending:
            continue
        try:
            url = read_secret(hook.url, output.redactor, environ=env)
        except ConfigError as exc:
            result(hook.name, hook.style)(hook.name, Outcome(False, str(exc)))
            continue
        outcome = chat.post(hook.style, url, digest, timeout=settings.timeout, redactor=output.redactor)
        result(hook.name, hook.style)(hook.name, outcome)


__all__ = ["DeliveryError", "Output", "SendReport", "run_send"]
