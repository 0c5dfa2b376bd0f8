"""No secret in any output: stdout, stderr, logs, error messages, manifests or any file written.

The SMTP password and the webhook tokens go through every path that could show them: a
successful STARTTLS login, a refused login, a webhook that answers 403 repeating the URL
(with its token) it was called on, a dry run, and a secrets file with the wrong mode.
"""

from __future__ import annotations

import base64
import logging
import os

from briefing.cli import main
from tests.delivery_helpers import SmtpServer, WebhookServer, add_article, make_certificate, write_project
from tests.test_delivery_email import build, send

PASSWORD = "Pw-7c41e0b2d9-unique"
SLACK_TOKEN = "xoxb-SLACK-4f1a2b3c4d5e"
TEAMS_TOKEN = "TEAMS-ab12cd34ef56-token"
SECRETS = (PASSWORD, SLACK_TOKEN, TEAMS_TOKEN)


def leaks(text: str) -> list[str]:
    """Return the secrets (or their base64 forms) that appear in `text`."""
    found = []
    for s in SECRETS:
        forms = (s, base64.b64encode(s.encode()).decode(), base64.b64encode(f"\0desk\0{s}".encode()).decode())
        found += [s for f in forms if f in text]
    return found


def test_no_secret_appears_in_any_output_log_error_or_file(tmp_path, monkeypatch, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    cert, key = make_certificate(tmp_path)
    teams_file = tmp_path / "teams-webhook"
    seen: list[str] = []

    def run(*args: str) -> int:
        code = send(root, *args)
        out = capsys.readouterr()
        seen.extend([out.out, out.err])
        return code

    with SmtpServer(tls=(cert, key), user="desk", password=PASSWORD) as smtp, WebhookServer() as hooks:
        monkeypatch.setenv("TEST_SMTP_PASSWORD", "wrong-" + PASSWORD)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{hooks.url}/echo/slack/{SLACK_TOKEN}")
        teams_file.write_text(f"{hooks.url}/echo/teams/{TEAMS_TOKEN}\n")
        os.chmod(teams_file, 0o644)
        config = f"""\
delivery:
  timeout: 3
  publish_url: https://intranet.example.org/briefings/
  attach: pdf
  email:
    to: [ann@example.org]
    from: briefing@example.org
    smtp:
      host: 127.0.0.1
      port: {smtp.port}
      security: starttls
      user: desk
      password_env: TEST_SMTP_PASSWORD
      ca_file: {cert}
  webhooks:
    - style: slack
      url_env: TEST_SLACK_HOOK
    - style: teams
      url_file: {teams_file}
"""
        root = write_project(tmp_path, config)
        build(root, "2026-03-02")
        assert run("--dry-run") == 6  # the secrets file is refused: readable by others
        assert run() == 6  # wrong password, both webhooks refuse and echo their URL, teams file refused
        os.chmod(teams_file, 0o600)
        assert run() == 6  # the webhooks still refuse
        monkeypatch.setenv("TEST_SMTP_PASSWORD", PASSWORD)
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{hooks.url}/ok/slack/{SLACK_TOKEN}")
        teams_file.write_text(f"{hooks.url}/ok/teams/{TEAMS_TOKEN}\n")
        add_article(root)
        build(root, "2026-03-09")
        assert run("--dry-run") == 0
        assert run() == 0
        assert main(["schedule", "--config", str(root / "config.yaml"), "--seeds", str(root / "seeds")]) == 0
        seen.append(capsys.readouterr().out)

    assert smtp.logins[-1] == ("desk", PASSWORD) and len(smtp.messages) == 1  # the secrets were used ...
    assert [p.split("/")[1] for p, _, _ in hooks.posts] == ["echo", "echo", "echo", "ok", "ok"]
    joined = "\n".join(seen)
    assert "invalid_token" in joined and "can be read by other users" in joined  # ... and failures shown
    assert "refused the login of user desk" in joined
    assert leaks(joined) == []
    # our own log records (aiosmtpd's server-side log, "mail.log", is the test server's, not ours)
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith("mail.log")]
    assert leaks("\n".join(ours)) == []
    # every file the tool wrote: manifests with their delivery records, editions, the e-mails
    for path in (root / "out").rglob("*"):
        if path.is_file():
            assert leaks(path.read_bytes().decode("latin-1")) == [], path
    for _, _, msg in smtp.messages:
        assert leaks(msg.as_string()) == []
