"""A real HTTP server on 127.0.0.1 for the ingest tests: feeds, pages, and every way a fetch can fail."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.html_fixture import news_page


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Eastport Ledger") -> bytes:
    """Return an RSS 2.0 feed; items are (path, title, pubDate)."""
    xml = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><pubDate>{d}</pubDate>"
        f"<author>desk@ledger.example (Jonas Berg)</author></item>"
        for p, t, d in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>x</description>{xml}</channel></rss>").encode()


class FeedServer:
    """Serves `pages` (path -> bytes); special paths: /slow, /loop, /big, /ftp, /missing (404)."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        self.user_agents: list[str] = []
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return None

            def do_GET(self) -> None:  # noqa: N802
                try:
                    self._get()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, size cap): what the test wants

            def _get(self) -> None:
                server.user_agents.append(self.headers.get("User-Agent", ""))
                server.requests.append(self.path)
                if self.path == "/slow":
                    time.sleep(3)
                if self.path == "/loop":
                    self.send_response(302)
                    self.send_header("Location", "/loop")
                    self.end_headers()
                    return
                if self.path == "/ftp":
                    self.send_response(301)
                    self.send_header("Location", "ftp://127.0.0.1/page.html")
                    self.end_headers()
                    return
                if self.path == "/big":
                    body = b"<html><body>" + b"<p>" + b"x" * 400_000 + b"</p></body></html>"
                elif self.path in server.pages:
                    body = server.pages[self.path]
                else:
                    self.send_error(404, "Not Found")
                    return
                self.send_response(200)
                ctype = "application/rss+xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page(headline: str, extra: str = "") -> bytes:
    """Return an article page without a canonical link (the feed's item link must become its URL)."""
    html = news_page(headline=headline, canonical="")
    html = html.replace('<link rel="canonical" href="">', "")
    return html.replace("</article>", f"<p>{extra}</p></article>" if extra else "</article>").encode()
