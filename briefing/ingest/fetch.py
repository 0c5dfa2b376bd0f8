"""Polite, bounded HTTP GET for feeds and article pages.

Names the tool in its User-Agent, gives up after a timeout, stops reading past a size cap,
and follows redirects itself so that only http(s) targets are followed, a loop is caught,
and the number of hops is bounded.  Every failure is a `FetchError` with a message a user
can act on; nothing here writes to disk.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from briefing import __version__

USER_AGENT = f"briefing/{__version__} (feed ingest; +https://pypi.org/project/briefing/)"
TIMEOUT = 20.0  # seconds for connecting and for each read
MAX_BYTES = 5 * 1024 * 1024  # a news page is well under 2 MB; a feed under 1 MB
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A URL that could not be fetched; the message says why."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    data: bytes
    content_type: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None  # we follow redirects ourselves, checking each target


def _opener() -> urllib.request.OpenerDirector:
    """Built per fetch so the user's proxy settings (http_proxy, no_proxy...) are read as they are now."""
    return urllib.request.build_opener(_NoRedirect)


def _read_bounded(resp, url: str, timeout: float, max_bytes: int) -> bytes:  # type: ignore[no-untyped-def]
    """Read the body in chunks: stop past `max_bytes`, and past `timeout` in total (a trickling server)."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = resp.read(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: larger than the {max_bytes}-byte limit; skipped")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: no complete response within {timeout:g} s")
        chunks.append(chunk)


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Response:
    """Return the body at `url`, following at most MAX_REDIRECTS http(s) redirects."""
    seen: set[str] = set()
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        if urlsplit(current).scheme not in ("http", "https"):
            raise FetchError(f"{url}: redirected to a non-http(s) URL ({current}); not followed")
        if current in seen:
            raise FetchError(f"{url}: redirect loop at {current}")
        seen.add(current)
        request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with _opener().open(request, timeout=timeout) as resp:
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise FetchError(f"{url}: {int(length)} bytes is over the {max_bytes}-byte limit; skipped")
                data = _read_bounded(resp, url, timeout, max_bytes)
                return Response(current, data, resp.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                current = urljoin(current, exc.headers["Location"])
                continue
            raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except TimeoutError:
            raise FetchError(f"{url}: no response within {timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise FetchError(f"{url}: no response within {timeout:g} s") from None
            raise FetchError(f"{url}: cannot connect ({reason})") from None
        except (OSError, ValueError) as exc:
            raise FetchError(f"{url}: {exc}") from None
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects; not followed")
