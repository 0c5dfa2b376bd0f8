"""The chat notice: a short Slack or Microsoft Teams incoming-webhook message.

Each service gets the payload it documents: Slack a `text` fallback plus Block Kit blocks
(header, one mrkdwn section, a button); Teams an Adaptive Card wrapped in a `message`
attachment, which both the classic Office 365 connector webhooks and the Workflows
webhooks that replace them accept.  A notice names the theme and edition date, shows the
top three new items and links to the published briefing; the e-mail carries the rest.

Posted with `urllib.request` (no dependency needed for one JSON POST), with a timeout, and
a refusal is reported with the HTTP status and the start of the body, never the URL (it
holds the webhook's token).
"""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import briefing
from briefing.delivery.digest import Digest, Item
from briefing.delivery.record import Outcome
from briefing.delivery.secrets import Redactor, Secret

ITEM_CHARS = 220  # a notice is a pointer, not the briefing: long passages are cut at a word
REPLY_CHARS = 200


def shorten(text: str, limit: int = ITEM_CHARS) -> str:
    """Return `text` cut at a word boundary with an ellipsis when longer than `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def _headline(digest: Digest) -> str:
    return f"{digest.title} briefing \u2014 edition of {digest.edition_display}"


def _context(digest: Digest, *, lead_in: bool = True) -> str:
    """Return "21 new items since 12 January 2026. Top 3:" (without the lead-in for a fallback)."""
    if digest.first:
        return "First edition. Main points:" if lead_in else "First edition."
    n = digest.new_count
    if not n:
        return f"Nothing new since {digest.previous_display}."
    text = f"{n} new item{'' if n == 1 else 's'} since {digest.previous_display}."
    shown = len(digest.chat_items())
    return f"{text} Top {shown}:" if lead_in and shown < n else text


# -- Slack -----------------------------------------------------------------------------------------


def _slack_escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn reserves."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_url(url: str) -> str:
    return url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")


def _slack_item(item: Item) -> str:
    cites = "".join(f"<{_slack_url(c.href)}|[{c.number}]>" if c.href else f"[{c.number}]" for c in item.cites)
    return f"\u2022 {_slack_escape(shorten(item.text))} {cites}".rstrip()


def slack_payload(digest: Digest) -> dict[str, Any]:
    """Return a Slack incoming-webhook payload (Block Kit, with a plain `text` fallback)."""
    items = "\n".join(_slack_item(i) for i in digest.chat_items())
    link = digest.main_link
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": shorten(_headline(digest), 150)}},
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": f"*{_slack_escape(_context(digest))}*\n{items}"[:3000]},
        },
    ]
    if link:
        blocks.append(
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "text": {"type": "plain_text", "text": "Read the briefing"},
                        "url": link,
                    }
                ],
            }
        )
    fallback = f"{_headline(digest)}: {_context(digest, lead_in=False)}" + (f" {link}" if link else "")
    return {"text": fallback, "blocks": blocks}


# -- Teams -----------------------------------------------------------------------------------------


def teams_payload(digest: Digest) -> dict[str, Any]:
    """Return a Teams incoming-webhook payload: one Adaptive Card (schema 1.4) in a message."""
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": _headline(digest), "weight": "Bolder", "size": "Medium", "wrap": True},
        {"type": "TextBlock", "text": _context(digest), "isSubtle": True, "spacing": "None", "wrap": True},
    ]
    for item in digest.chat_items():
        cites = "".join(f"[{c.number}]" for c in item.cites)
        body.append(
            {"type": "TextBlock", "text": f"\u2022 {shorten(item.text)} {cites}".rstrip(), "wrap": True}
        )
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    if digest.main_link:
        card["actions"] = [{"type": "Action.OpenUrl", "title": "Read the briefing", "url": digest.main_link}]
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }


PAYLOADS = {"slack": slack_payload, "teams": teams_payload}


# -- posting ---------------------------------------------------------------------------------------


def post(style: str, url: Secret, digest: Digest, *, timeout: float, redactor: Redactor) -> Outcome:
    """POST the notice in `style` to the webhook; return the outcome (never raises for the network)."""
    where = f"{style} webhook ({url.source})"
    target = url.reveal()
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return Outcome(False, f"{where}: the value is not an http(s) URL")
    data = json.dumps(PAYLOADS[style](digest), ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        target,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"briefing/{briefing.__version__}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            reply = response.read(REPLY_CHARS).decode("utf-8", "replace").strip()
            return Outcome(True, redactor(f"HTTP {response.status}" + (f": {reply}" if reply else "")))
    except urllib.error.HTTPError as exc:
        try:
            body = exc.read(REPLY_CHARS).decode("utf-8", "replace").strip()
        except (OSError, http.client.HTTPException):
            body = ""
        text = f"{where} answered HTTP {exc.code} {exc.reason}" + (
            f": {' '.join(body.split())}" if body else ""
        )
        return Outcome(False, redactor(text))
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            return Outcome(False, f"{where}: no answer within {timeout:g} s (timed out)")
        why = getattr(reason, "strerror", None) or str(reason)
        return Outcome(False, redactor(f"{where}: cannot connect ({why})"))
    except TimeoutError:
        return Outcome(False, f"{where}: no answer within {timeout:g} s (timed out)")
    except (OSError, http.client.HTTPException) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        return Outcome(False, redactor(f"{where}: the connection failed ({why})"))
