"""E-mailed newsletters (`.eml`) via the standard library's `email` with `policy.default`.

The HTML part is preferred and read through the HTML reader (the same extraction as a
saved page); the plain part is the fallback.  Date and sender come from the headers,
the title from the subject.  Newsletter furniture ("View in browser", "Unsubscribe",
"You are receiving this…") is dropped, and the "view online" link becomes the URL.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from briefing.errors import InputError
from briefing.model import Document
from briefing.readers import mojibake
from briefing.readers.base import ReadResult, split_paragraphs

_FURNITURE = re.compile(
    r"^(?:.{0,60}\b(?:view (?:this (?:e-?mail|newsletter) )?(?:in (?:your )?browser|online|as a web ?page)"
    r"|web version|unsubscribe|manage (?:your )?(?:subscription|preferences)|update (?:your )?preferences"
    r"|forward (?:this|to a friend)|you (?:are|were) receiving this|you received this"
    r"|add us to your address book|email preferences|privacy policy)\b.{0,120})$",
    re.I,
)
_VIEW_ONLINE = re.compile(
    r"view (?:this (?:e-?mail|newsletter) )?(?:in (?:your )?browser|online|as a web ?page)|web version|read online",
    re.I,
)
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|fwd?|fw)\s*:\s*)+", re.I)


def read(path: Path) -> ReadResult:
    """Registry entry point (see `briefing.readers.registry`)."""
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    if not isinstance(msg, EmailMessage) or not (msg.get("From") or msg.get("Subject")):
        raise InputError(f"{path}: not an e-mail message (no From or Subject header); save it as .eml")
    warnings: list[str] = []
    url = None
    html_part = msg.get_body(preferencelist=("html",))
    text_part = msg.get_body(preferencelist=("plain",))
    paragraphs: list[str] = []
    base: Document | None = None
    if html_part is not None:
        html = _content(html_part)
        url = _view_online_link(html)
        from briefing.readers.html import read_html

        try:
            result = read_html(html, path.name, str(path), fmt="eml")
            base = result.documents[0]
            paragraphs = list(base.paragraphs)
            warnings += result.warnings
        except InputError:
            paragraphs = []
    if not paragraphs and text_part is not None:
        paragraphs, fixed = mojibake.repair_all(split_paragraphs(_content(text_part)), str(path))
        warnings += fixed
    paragraphs = [p for p in paragraphs if not _FURNITURE.match(p)]
    if not paragraphs:
        raise InputError(f"{path}: the e-mail has no readable text part")
    subject = _SUBJECT_PREFIX.sub("", " ".join(str(msg.get("Subject") or "").split())) or None
    sender = getaddresses([str(msg.get("From") or "")])
    name, addr = sender[0] if sender else ("", "")
    published = None
    if msg.get("Date"):
        try:
            published = (
                parsedate_to_datetime(str(msg["Date"])).replace(tzinfo=None).isoformat(timespec="minutes")
            )
        except (TypeError, ValueError):
            warnings.append(
                f"{path}: the Date header '{msg['Date']}' is not a date; add the date to sources.yaml"
            )
    authors = tuple(a for a in (base.authors if base else ()) if a) or ((name,) if name else ())
    doc = Document(
        id=path.name,
        file=path.name,
        title=subject or (base.title if base else None),
        authors=authors,
        publisher=name or (addr.split("@")[-1] if addr else None),
        published=published,
        published_inferred=False,
        url=url or (base.url if base else None),
        paragraphs=tuple(paragraphs),
        format="eml",
    )
    return ReadResult([doc], warnings)


def _content(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):  # an unknown charset name: decode the bytes leniently
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    return content if isinstance(content, str) else content.decode("utf-8", "replace")


def _view_online_link(html: str) -> str | None:
    """Return the href of the newsletter's "view in browser" link, the issue's public URL."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if href.startswith(("http://", "https://")) and _VIEW_ONLINE.search(" ".join(a.itertext())):
            return href
    return None
