"""Real loopback servers and a tiny corpus for the `briefing send` tests.

- `SmtpServer`: aiosmtpd on 127.0.0.1, optionally with STARTTLS (a self-signed certificate
  made here with `cryptography`) and a login check; it keeps every message it accepted.
- `BrokenSmtp`: a raw TCP server that either never answers or drops the connection after
  the greeting, the two ways a mail server fails that aiosmtpd cannot imitate.
- `WebhookServer`: http.server on 127.0.0.1 recording JSON posts; `/ok/...` answers 200,
  `/fail/...` 500, `/echo/...` 403 repeating the path, `/hang/...` never answers (until the test ends).

The corpus is three short hand-written articles about a fictional dispute (and a fourth
added later), so "what's new" between two editions is known.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ARTICLES = {
    "a.txt": """\
Harbour fee talks open in Port Vell

By Ada Scribe

Posted March. 2, 2026 09:00

Transport ministers from Westmark and Eastholm met in Port Vell on March 1 to discuss the harbour fee dispute that has slowed shipping between the two countries.

"We will keep negotiating until the harbour fees are settled," Westmark Transport Minister Ada Moss told reporters after the meeting.
""",
    "b.txt": """\
Eastholm studies retaliatory harbour fees

By Ben Writer

Posted March. 4, 2026 11:30

Eastholm's cabinet discussed retaliatory harbour fees on Westmark ships on March 3, officials said, as the shipping dispute dragged on.

Port operators warned that a fee war would hurt shippers in both countries.
""",
}

ADDED = {
    "c.txt": """\
Westmark and Eastholm agree draft harbour fee deal

By Cal Reporter

Posted March. 10, 2026 15:00

Negotiators from Westmark and Eastholm agreed a draft deal on harbour fees on March 9, ending months of shipping tension.

"This draft deal shows that patient talks on harbour fees work," Eastholm Transport Minister Ben Holt said at a news conference.

Under the draft, both countries would cut harbour fees by half by May.
""",
}

SIDECAR = """\
a.txt:
  url: https://news.example.org/harbour/talks-open?id=1&lang=en
b.txt:
  url: https://news.example.org/harbour/retaliation
"""

THEME = "harbour-fees"

BASE_CONFIG = """\
author: Test desk
people:
  - name: Ada Moss
    role: Transport Minister of Westmark
    aliases: [Moss]
  - name: Ben Holt
    role: Transport Minister of Eastholm
    aliases: [Holt]
themes:
  - id: harbour-fees
    title: Harbour fees
    description: The harbour fee dispute between Westmark and Eastholm.
    terms: [harbour, fees, fee, shipping]
    phrases: [harbour fees, harbour fee]
"""


def write_project(root: Path, delivery_yaml: str) -> Path:
    """Create seeds/ and config.yaml (BASE_CONFIG plus `delivery_yaml`) under `root`."""
    (root / "seeds").mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    (root / "seeds" / "sources.yaml").write_text(SIDECAR, encoding="utf-8")
    (root / "config.yaml").write_text(BASE_CONFIG + delivery_yaml, encoding="utf-8")
    return root


def add_article(root: Path) -> None:
    for name, text in ADDED.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    with open(root / "seeds" / "sources.yaml", "a", encoding="utf-8") as fh:
        fh.write("c.txt:\n  url: https://news.example.org/harbour/draft-deal\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- TLS ---------------------------------------------------------------------------------------------


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """Write a self-signed certificate for 127.0.0.1/localhost and its key; return (cert, key)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


# -- SMTP --------------------------------------------------------------------------------------------


class _Handler:
    def __init__(self, refuse: set[str]):
        self.messages: list[tuple[str, list[str], EmailMessage]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        msg = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), msg))  # type: ignore[arg-type]
        return f"250 2.0.0 Ok: queued as Q{len(self.messages)}"


class SmtpServer:
    """aiosmtpd on 127.0.0.1; with `tls=(cert, key)` it offers STARTTLS and requires a login."""

    def __init__(
        self,
        *,
        tls: tuple[Path, Path] | None = None,
        user: str | None = None,
        password: str | None = None,
        refuse: set[str] | None = None,
    ):
        self.handler = _Handler(refuse or set())
        self.port = free_port()
        self.logins: list[tuple[str, str]] = []
        kwargs: dict = {}
        if tls:
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(str(tls[0]), str(tls[1]))
            kwargs.update(tls_context=ctx, require_starttls=True, auth_require_tls=True)
        if user is not None:
            kwargs.update(authenticator=self._check, auth_required=True)
        self.user, self.password = user, password
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)

    def _check(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        return AuthResult(success=login == self.user and password == self.password, handled=False)

    @property
    def messages(self) -> list[tuple[str, list[str], EmailMessage]]:
        return self.handler.messages

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@contextmanager
def broken_smtp(mode: str) -> Iterator[int]:
    """A TCP server on 127.0.0.1 that, per connection, never answers ("hang") or greets and drops ("drop")."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if mode == "drop":
                conn.sendall(b"220 mail.test ESMTP\r\n")
                conn.recv(1024)
                conn.close()
            else:
                held.append(conn)  # keep it open and silent

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        server.close()


# -- webhooks ----------------------------------------------------------------------------------------


class WebhookServer:
    """Records every POST as (path, headers, parsed JSON)."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, dict[str, str], object]] = []
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    data: object = json.loads(body)
                except ValueError:
                    data = body
                outer.posts.append((self.path, dict(self.headers.items()), data))
                if self.path.startswith("/hang/"):
                    outer.release.wait(30)
                    return
                status, reply = (500, b"internal error") if self.path.startswith("/fail/") else (200, b"ok")
                if self.path.startswith("/echo/"):  # a careless server that repeats the URL it was sent to
                    status, reply = 403, f"invalid_token: {self.path}".encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> WebhookServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
