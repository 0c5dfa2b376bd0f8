"""Slack and Teams notices posted by `briefing send` to a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import time

from tests.delivery_helpers import THEME, WebhookServer, add_article, write_project
from tests.test_delivery_email import build, manifest, send

TOKEN = "T0KEN-9f8e7d6c5b4a"


def hooks_config(*, timeout: int = 3) -> str:
    return f"""\
delivery:
  timeout: {timeout}
  publish_url: https://intranet.example.org/briefings/
  webhooks:
    - style: slack
      url_env: TEST_SLACK_HOOK
    - style: teams
      url_env: TEST_TEAMS_HOOK
"""


def test_slack_and_teams_get_the_payload_each_expects(tmp_path, monkeypatch, capsys):
    with WebhookServer() as server:
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{server.url}/ok/slack/{TOKEN}")
        monkeypatch.setenv("TEST_TEAMS_HOOK", f"{server.url}/ok/teams/{TOKEN}")
        root = write_project(tmp_path, hooks_config())
        build(root, "2026-03-02")
        add_article(root)
        build(root, "2026-03-11")
        assert send(root) == 0
    posts = {path.split("/")[2]: (headers, body) for path, headers, body in server.posts}
    assert sorted(posts) == ["slack", "teams"]
    pdf = (
        "https://intranet.example.org/briefings/harbour-fees/2026-03-11/harbour-fees-briefing-2026-03-11.pdf"
    )

    headers, slack = posts["slack"]
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert isinstance(slack, dict) and set(slack) == {"text", "blocks"}
    assert slack["text"].startswith("Harbour fees briefing \u2014 edition of 11 March 2026")
    header, section, actions = slack["blocks"]
    assert header == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Harbour fees briefing \u2014 edition of 11 March 2026"},
    }
    assert section["type"] == "section" and section["text"]["type"] == "mrkdwn"
    lines = section["text"]["text"].split("\n")
    assert lines[0].startswith("*") and "since 2 March 2026" in lines[0]
    bullets = [line for line in lines if line.startswith("\u2022 ")]
    assert 1 <= len(bullets) <= 3
    assert "draft deal on harbour fees" in bullets[0]
    assert "<https://news.example.org/harbour/draft-deal|[3]>" in bullets[0]  # cited, linked to the source
    assert actions["elements"][0]["url"] == pdf
    assert len(json.dumps(slack)) < 3000  # a notice, not the briefing

    _, teams = posts["teams"]
    assert isinstance(teams, dict) and teams["type"] == "message"
    (attachment,) = teams["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    texts = [block["text"] for block in card["body"]]
    assert texts[0] == "Harbour fees briefing \u2014 edition of 11 March 2026"
    assert any("draft deal on harbour fees" in t for t in texts)
    assert len([t for t in texts if t.startswith("\u2022 ")]) <= 3
    assert card["actions"] == [{"type": "Action.OpenUrl", "title": "Read the briefing", "url": pdf}]

    deliveries = manifest(root, "2026-03-11")["deliveries"]
    assert set(deliveries) == {"slack:TEST_SLACK_HOOK", "teams:TEST_TEAMS_HOOK"}
    assert all(d["status"] == "sent" and d["reply"] == "HTTP 200: ok" for d in deliveries.values())
    assert TOKEN not in json.dumps(deliveries) + capsys.readouterr().out


def test_a_500_answer_fails_that_webhook_only_and_is_retried(tmp_path, monkeypatch, capsys):
    with WebhookServer() as server:
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{server.url}/fail/slack/{TOKEN}")
        monkeypatch.setenv("TEST_TEAMS_HOOK", f"{server.url}/ok/teams/{TOKEN}")
        root = write_project(tmp_path, hooks_config())
        build(root, "2026-03-02")
        assert send(root) == 6
        err = capsys.readouterr().err
        assert (
            "FAILED to deliver to slack:TEST_SLACK_HOOK: slack webhook ($TEST_SLACK_HOOK) "
            "answered HTTP 500 Internal Server Error: internal error"
        ) in err
        assert TOKEN not in err
        deliveries = manifest(root, "2026-03-02")["deliveries"]
        assert deliveries["slack:TEST_SLACK_HOOK"]["status"] == "failed"
        assert deliveries["teams:TEST_TEAMS_HOOK"]["status"] == "sent"

        monkeypatch.setenv("TEST_SLACK_HOOK", f"{server.url}/ok/slack/{TOKEN}")
        assert send(root) == 0  # only the failed one is tried again
    paths = [p.split("/")[1:3] for p, _, _ in server.posts]
    assert paths == [["fail", "slack"], ["ok", "teams"], ["ok", "slack"]]


def test_a_hanging_webhook_times_out_without_holding_up_the_others(tmp_path, monkeypatch, capsys):
    with WebhookServer() as server:
        monkeypatch.setenv("TEST_SLACK_HOOK", f"{server.url}/hang/slack/{TOKEN}")
        monkeypatch.setenv("TEST_TEAMS_HOOK", f"{server.url}/ok/teams/{TOKEN}")
        root = write_project(tmp_path, hooks_config(timeout=1))
        build(root, "2026-03-02")
        started = time.monotonic()
        assert send(root) == 6
        elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert (
        "FAILED to deliver to slack:TEST_SLACK_HOOK: slack webhook ($TEST_SLACK_HOOK): no answer within 1 s"
        in err
    )
    assert "Traceback" not in err
    assert elapsed < 10
    assert manifest(root, "2026-03-02")["deliveries"]["teams:TEST_TEAMS_HOOK"]["status"] == "sent"
    assert THEME in err


def test_a_missing_webhook_variable_is_named_and_the_other_still_goes(tmp_path, monkeypatch, capsys):
    with WebhookServer() as server:
        monkeypatch.delenv("TEST_SLACK_HOOK", raising=False)
        monkeypatch.setenv("TEST_TEAMS_HOOK", f"{server.url}/ok/teams/{TOKEN}")
        root = write_project(tmp_path, hooks_config())
        build(root, "2026-03-02")
        assert send(root) == 6
    err = capsys.readouterr().err
    assert "delivery.webhooks[0].url_env: environment variable TEST_SLACK_HOOK is not set" in err
    assert [p.split("/")[2] for p, _, _ in server.posts] == ["teams"]
