"""`briefing send` e-mail through a real SMTP server on 127.0.0.1 (aiosmtpd).

Each test builds real editions of a small corpus, runs `briefing send` through the command
line and reads what the server received with the standard `email` package.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from briefing.cli import main
from tests.delivery_helpers import (
    THEME,
    SmtpServer,
    add_article,
    broken_smtp,
    make_certificate,
    write_project,
)

PASSWORD = "s3cret-Pa55word-xyz"


def mail_config(port: int, *, to: str = "[ann@example.org, bob@example.org]", extra: str = "") -> str:
    return f"""\
delivery:
  timeout: 3
  email:
    to: {to}
    from: "Briefing desk <briefing@example.org>"
    smtp:
      host: 127.0.0.1
      port: {port}
      security: none
{extra}"""


def build(root: Path, day: str) -> None:
    args = ["build", "--config", str(root / "config.yaml"), "--seeds", str(root / "seeds")]
    assert main([*args, "--out", str(root / "out"), "--date", day, "--quiet"]) == 0


def send(root: Path, *extra: str) -> int:
    return main(["send", "--config", str(root / "config.yaml"), "--out", str(root / "out"), *extra])


def manifest(root: Path, day: str) -> dict:
    return json.loads((root / "out" / THEME / day / "manifest.json").read_text(encoding="utf-8"))


def test_digest_is_a_multipart_mail_with_subject_both_parts_links_and_the_editions_pdf(tmp_path, capsys):
    with SmtpServer() as smtp:
        root = write_project(tmp_path, mail_config(smtp.port))
        build(root, "2026-03-02")
        add_article(root)
        build(root, "2026-03-11")
        assert send(root) == 0
        assert len(smtp.messages) == 2

    by_rcpt = {rcpts[0]: msg for _, rcpts, msg in smtp.messages}
    assert sorted(by_rcpt) == ["ann@example.org", "bob@example.org"]
    assert {sender for sender, _, _ in smtp.messages} == {"briefing@example.org"}
    msg = by_rcpt["ann@example.org"]
    assert msg["To"] == "ann@example.org"  # each recipient sees only their own address
    assert msg["Subject"] == "Harbour fees briefing \u2014 edition of 11 March 2026"
    assert msg.get_content_type() == "multipart/mixed"

    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert all(len(line) <= 78 for line in text.splitlines() if "://" not in line)  # wrapped for plain text
    text = " ".join(text.split())  # compare across line wraps
    # What's new: the added article's deal leads; the summary follows, each with its citation.
    assert "WHAT'S NEW" in text and "since the edition of 2 March 2026" in text
    assert "draft deal on harbour fees" in text
    assert re.search(r"draft deal on harbour fees.*\[\d\]", text)
    # the summary points not listed under What's new follow; none is shown twice
    assert "ALSO IN THE SUMMARY" in text
    assert re.search(r"Transport ministers from Westmark and Eastholm met in Port Vell.*\[1\]", text)
    assert text.count("agreed a draft deal on harbour fees") == 1
    assert "https://news.example.org/harbour/draft-deal" in text
    assert "What\u2019s new" in html and "Also in the summary" in html
    assert "draft deal on harbour fees" in html
    # citations link to the source's URL; `&` in a URL is escaped in the HTML
    assert 'href="https://news.example.org/harbour/draft-deal"' in html
    assert "talks-open?id=1&amp;lang=en" in html
    assert "<img" not in html.lower() and "<link" not in html.lower()  # nothing external to load
    assert "style=" in html and "<style" not in html.lower()  # inline CSS only

    # The attachment is the edition's PDF, byte for byte, found through its manifest.
    entry = manifest(root, "2026-03-11")["formats"]["pdf"]
    attachments = list(msg.iter_attachments())
    assert [a.get_filename() for a in attachments] == [entry["file"]]
    assert attachments[0].get_content_type() == "application/pdf"
    pdf = (root / "out" / THEME / "2026-03-11" / entry["file"]).read_bytes()
    assert attachments[0].get_content() == pdf

    out = capsys.readouterr().out
    assert "sent to mailto:ann@example.org (250 2.0.0 Ok: queued as" in out


def test_docx_is_attached_too_when_configured_and_links_replace_files_with_a_publish_url(tmp_path):
    with SmtpServer() as smtp:
        root = write_project(
            tmp_path, mail_config(smtp.port, to="[ann@example.org]", extra="  attach: both\n")
        )
        build(root, "2026-03-02")
        assert send(root) == 0
        names = [a.get_filename() for a in smtp.messages[0][2].iter_attachments()]
        assert names == ["harbour-fees-briefing-2026-03-02.pdf", "harbour-fees-briefing-2026-03-02.docx"]

        (root / "config.yaml").write_text(
            (root / "config.yaml")
            .read_text()
            .replace("  attach: both\n", "  publish_url: https://intranet.example.org/briefings\n")
        )
        add_article(root)
        build(root, "2026-03-11")
        assert send(root) == 0
        msg = smtp.messages[1][2]
    assert list(msg.iter_attachments()) == []
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    link = (
        "https://intranet.example.org/briefings/harbour-fees/2026-03-11/harbour-fees-briefing-2026-03-11.pdf"
    )
    assert f'href="{link}"' in html and link in text
    assert "https://intranet.example.org/briefings/index.html" in text


def test_starttls_with_a_self_signed_certificate_and_a_login(tmp_path, monkeypatch):
    cert, key = make_certificate(tmp_path)
    monkeypatch.setenv("TEST_SMTP_PASSWORD", PASSWORD)
    with SmtpServer(tls=(cert, key), user="desk", password=PASSWORD) as smtp:
        config = mail_config(smtp.port, to="[ann@example.org]").replace(
            "security: none",
            f"security: starttls\n      user: desk\n      password_env: TEST_SMTP_PASSWORD\n      ca_file: {cert}",
        )
        root = write_project(tmp_path, config)
        build(root, "2026-03-02")
        assert send(root) == 0
    assert smtp.logins == [("desk", PASSWORD)]
    assert len(smtp.messages) == 1
    assert manifest(root, "2026-03-02")["deliveries"]["mailto:ann@example.org"]["status"] == "sent"


def test_an_untrusted_certificate_is_refused_with_a_clear_message(tmp_path, monkeypatch, capsys):
    cert, key = make_certificate(tmp_path)
    monkeypatch.setenv("TEST_SMTP_PASSWORD", PASSWORD)
    with SmtpServer(tls=(cert, key), user="desk", password=PASSWORD) as smtp:
        config = mail_config(smtp.port, to="[ann@example.org]").replace(
            "security: none", "security: starttls\n      user: desk\n      password_env: TEST_SMTP_PASSWORD"
        )
        root = write_project(tmp_path, config)
        build(root, "2026-03-02")
        assert send(root) == 6
    assert smtp.messages == [] and smtp.logins == []  # the password never went to an unverified server
    err = capsys.readouterr().err
    assert "FAILED to deliver to mailto:ann@example.org" in err
    assert "TLS certificate not trusted" in err and "smtp.ca_file" in err
    assert "Traceback" not in err


def test_a_refused_login_is_reported_with_the_servers_reply_and_retried_next_run(
    tmp_path, monkeypatch, capsys
):
    cert, key = make_certificate(tmp_path)
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong-password-123")
    with SmtpServer(tls=(cert, key), user="desk", password=PASSWORD) as smtp:
        config = mail_config(smtp.port).replace(
            "security: none",
            f"security: starttls\n      user: desk\n      password_env: TEST_SMTP_PASSWORD\n      ca_file: {cert}",
        )
        root = write_project(tmp_path, config)
        build(root, "2026-03-02")
        assert send(root) == 6
        err = capsys.readouterr().err
        assert smtp.messages == []
        for rcpt in ("ann@example.org", "bob@example.org"):
            assert (
                f"FAILED to deliver to mailto:{rcpt}: 127.0.0.1:{smtp.port} refused the login of user desk: 535"
                in err
            )
        assert "delivery failed: 2 deliveries failed" in err
        record = manifest(root, "2026-03-02")["deliveries"]["mailto:ann@example.org"]
        assert record["status"] == "failed" and record["reply"].endswith("Authentication credentials invalid")

        monkeypatch.setenv("TEST_SMTP_PASSWORD", PASSWORD)  # fixed: the next run delivers
        assert send(root) == 0
        assert len(smtp.messages) == 2
        record = manifest(root, "2026-03-02")["deliveries"]["mailto:ann@example.org"]
        assert record["status"] == "sent" and record["attempts"] == 2  # sent at the second attempt


def test_a_refused_recipient_fails_alone(tmp_path, capsys):
    with SmtpServer(refuse={"ann@example.org"}) as smtp:
        root = write_project(tmp_path, mail_config(smtp.port))
        build(root, "2026-03-02")
        assert send(root) == 6
    assert [rcpts for _, rcpts, _ in smtp.messages] == [["bob@example.org"]]
    err = capsys.readouterr().err
    assert "FAILED to deliver to mailto:ann@example.org: recipient refused: 550 5.1.1" in err
    deliveries = manifest(root, "2026-03-02")["deliveries"]
    assert deliveries["mailto:bob@example.org"]["status"] == "sent"
    assert deliveries["mailto:ann@example.org"]["status"] == "failed"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("hang", "no answer within 1 s (timed out)"), ("drop", "the server closed the connection")],
)
def test_a_server_that_hangs_or_drops_the_connection_fails_quickly_with_a_message(
    tmp_path, capsys, mode, expected
):
    with broken_smtp(mode) as port:
        root = write_project(tmp_path, mail_config(port).replace("timeout: 3", "timeout: 1"))
        build(root, "2026-03-02")
        started = time.monotonic()
        assert send(root) == 6
        elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert f"FAILED to deliver to mailto:ann@example.org: 127.0.0.1:{port}: {expected}" in err
    assert "Traceback" not in err
    assert elapsed < 10
