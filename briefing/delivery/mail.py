"""The e-mail digest: a multipart message (plain text + HTML, attachments) sent over SMTP.

Built with the standard library's `email` package and sent with `smtplib`: both are what
mail servers are tested against, and neither needs a dependency.  One message per recipient
(each sees only their own address, and a refused address fails alone); one connection is
reused for a theme's recipients and re-opened if the server drops it.

Every step has the configured timeout, certificates are verified (a private CA can be
trusted with `smtp.ca_file`), and each failure becomes one sentence with the server's reply.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import textwrap
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, make_msgid, parseaddr
from functools import lru_cache

import jinja2

from briefing.delivery.digest import Digest, Item
from briefing.delivery.record import Outcome
from briefing.delivery.secrets import Redactor, Secret
from briefing.delivery.settings import Email, Smtp
from briefing.templating import load_template

TEMPLATE = "digest.html.j2"
FOOTER = (
    "Every item is quoted or taken from the cited sources; numbers refer to the source list "
    "of the full briefing. Sent by briefing, once per edition."
)


# -- composing ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    return load_template(TEMPLATE)


def render_html(digest: Digest) -> str:
    return _template().render(D=digest)


def _cites_text(item: Item) -> str:
    return "".join(f"[{c.number}]" for c in item.cites)


def render_text(digest: Digest) -> str:
    """Return the plain-text alternative: the same content, links written out in full."""
    wrap = textwrap.TextWrapper(
        width=76, subsequent_indent="   ", break_long_words=False, break_on_hyphens=False
    )
    lines = [digest.title, f"Briefing, edition of {digest.edition_display}", ""]
    if digest.description:
        lines += [textwrap.fill(digest.description, 76), ""]
    lines += ["WHAT'S NEW", ""]
    if digest.first:
        lines.append("First edition of this briefing: its main points.")
    elif not digest.new_count:
        lines.append(f"Nothing new since the edition of {digest.previous_display}.")
    else:
        more = f"; the {len(digest.top)} most important below" if digest.new_count > len(digest.top) else ""
        plural = "" if digest.new_count == 1 else "s"
        lines.append(
            f"{digest.new_count} new item{plural} since the edition of {digest.previous_display}{more}."
        )
    lines.append("")
    for i, item in enumerate(digest.top, 1):
        lines.append(wrap.fill(f"{i}. {item.text} {_cites_text(item)}"))
    if digest.summary:
        lines += ["", digest.summary_heading.upper(), ""]
        for item in digest.summary:
            mark = "NEW " if item.new else ""
            lines.append(wrap.fill(f" - {mark}{item.text} {_cites_text(item)}"))
    if digest.links:
        lines += ["", "READ THE FULL BRIEFING", ""]
        lines += [f"{link.label}: {link.href}" for link in digest.links]
    if digest.attachments:
        lines += ["", "Attached: " + ", ".join(a.filename for a in digest.attachments) + "."]
    if digest.sources:
        lines += ["", "SOURCES CITED ABOVE", ""]
        for s in digest.sources:
            entry = f"[{s.number}] {s.title}" + (f", {s.details}" if s.details else "")
            lines.append(wrap.fill(entry))
            if s.href:
                lines.append(f"    {s.href}")
    lines += ["", textwrap.fill(FOOTER, 76)]
    return "\n".join(lines) + "\n"


def compose(digest: Digest, sender: str, recipient: str) -> EmailMessage:
    """Return the message for one recipient: text and HTML alternatives, then the attachments."""
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["Subject"] = digest.subject
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid("briefing", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies to the bot
    msg.set_content(render_text(digest))
    msg.add_alternative(render_html(digest), subtype="html")
    for a in digest.attachments:
        maintype, subtype = a.media_type.split("/", 1)
        msg.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    return msg


# -- sending --------------------------------------------------------------------------------------


class _Failed(Exception):
    """A failure already put in words (server reply included, secrets removed)."""


def _reply(code: int, resp: bytes | str) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return f"{code} {' '.join(text.split())}"


def _connect(smtp: Smtp, password: Secret | None, timeout: float) -> smtplib.SMTP:
    where = f"{smtp.host}:{smtp.port}"
    try:
        context = (
            ssl.create_default_context(cafile=smtp.ca_file) if smtp.ca_file else ssl.create_default_context()
        )
    except (OSError, ssl.SSLError) as exc:
        raise _Failed(f"cannot load smtp.ca_file {smtp.ca_file}: {exc}") from None
    conn: smtplib.SMTP | None = None
    try:
        if smtp.security == "ssl":
            conn = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout, context=context)
        else:
            conn = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
        conn.ehlo()
        if smtp.security == "starttls":
            if not conn.has_extn("starttls"):
                raise _Failed(
                    f"{where} does not offer STARTTLS; use security: ssl (port 465), or none only on a trusted network"
                )
            conn.starttls(context=context)
            conn.ehlo()
        if smtp.user:
            assert password is not None
            conn.login(smtp.user, password.reveal())
        return conn
    except smtplib.SMTPAuthenticationError as exc:
        _close(conn)
        raise _Failed(
            f"{where} refused the login of user {smtp.user}: {_reply(exc.smtp_code, exc.smtp_error)}"
        ) from None
    except _Failed:
        _close(conn)
        raise
    except OSError as exc:  # smtplib, ssl, socket and timeout errors are all OSErrors
        _close(conn)
        raise _Failed(f"{where}: {_describe(exc, timeout)}") from None


def _describe(exc: BaseException, timeout: float) -> str:
    """Put a network failure in words a user can act on."""
    if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
        # smtplib turns a read timeout into SMTPServerDisconnected; the cause is the timeout
        return f"no answer within {timeout:g} s (timed out)"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "the server closed the connection" + (f" ({exc})" if str(exc) else "")
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({exc.verify_message}); set smtp.ca_file to your server's CA"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc})"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused (is the host and port right?)"
    if isinstance(exc, socket.gaierror):
        return f"host not found ({exc.strerror})"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


def _close(conn: smtplib.SMTP | None) -> None:
    if conn is None:
        return
    try:
        conn.quit()
    except OSError:  # closing a broken connection may fail too
        conn.close()


def _send_one(conn: smtplib.SMTP, msg: EmailMessage, sender: str, recipient: str) -> str:
    """Send one message; return the server's final reply (e.g. "250 2.0.0 queued as ...")."""
    data = msg.as_bytes(policy=SMTP_POLICY)
    code, resp = conn.mail(sender)
    if code != 250:
        conn.rset()
        raise _Failed(f"sender {sender} refused: {_reply(code, resp)}")
    code, resp = conn.rcpt(recipient)
    if code not in (250, 251):
        conn.rset()
        raise _Failed(f"recipient refused: {_reply(code, resp)}")
    code, resp = conn.data(data)
    if code != 250:
        conn.rset()
        raise _Failed(f"message refused: {_reply(code, resp)}")
    return _reply(code, resp)


def send_digest(
    digest: Digest,
    email: Email,
    recipients: list[str],
    *,
    password: Secret | None,
    timeout: float,
    redactor: Redactor,
    on_result: Callable[[str, Outcome], None] | None = None,
) -> dict[str, Outcome]:
    """Send the digest to each recipient; return {address: Outcome}, never raising for one recipient.

    A connection or login failure fails every recipient still waiting (with the same reply);
    a recipient the server refuses, or a connection dropped during one message, fails that
    recipient only, and the next one gets a new connection.  `on_result` is called as soon
    as each recipient's outcome is known, so it can be recorded before the next is tried.
    """
    sender = parseaddr(email.sender)[1]
    outcomes: dict[str, Outcome] = {}

    def done(rcpt: str, outcome: Outcome) -> None:
        outcomes[rcpt] = outcome
        if on_result is not None:
            on_result(rcpt, outcome)

    conn: smtplib.SMTP | None = None
    try:
        for i, rcpt in enumerate(recipients):
            if conn is None:
                try:
                    conn = _connect(email.smtp, password, timeout)
                except _Failed as exc:
                    for rest in recipients[i:]:
                        done(rest, Outcome(False, redactor(exc)))
                    break
            try:
                reply = _send_one(conn, compose(digest, email.sender, rcpt), sender, rcpt)
                done(rcpt, Outcome(True, redactor(reply)))
            except _Failed as exc:
                done(rcpt, Outcome(False, redactor(exc)))
            except OSError as exc:  # a dropped or stalled connection fails this recipient only
                where = f"{email.smtp.host}:{email.smtp.port}"
                done(rcpt, Outcome(False, redactor(f"{where}: {_describe(exc, timeout)}")))
                _close(conn)
                conn = None
    finally:
        _close(conn)
    return outcomes
