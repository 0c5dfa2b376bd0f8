"""The `feeds:` config section: which RSS/Atom feeds `briefing ingest` follows.

    feeds:
      - url: https://example.org/news/rss.xml
        name: Example News          # optional; the feed's own title otherwise
        themes: [north-korea]       # optional hints: themes this feed is mostly about
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from briefing.model.setting import declared, required, setting


class Problems(Protocol):
    def add(self, key: str, message: str) -> None: ...


@dataclass(frozen=True)
class Feed:
    url: str = required("the feed's http(s) address")
    name: str | None = setting(None, "name shown for its articles; the feed's own title otherwise")
    themes: tuple[str, ...] = setting((), "ids of the themes this feed is mostly about (hints)")


def load_feeds(raw: Any, problems: Problems, theme_ids: set[str]) -> tuple[Feed, ...]:
    """Return the configured feeds; every mistake is added to `problems` with its key."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add("feeds", "must be a list of {url, name, themes}")
        return ()
    feeds: list[Feed] = []
    for i, item in enumerate(raw):
        key = f"feeds[{i}]"
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            problems.add(key, "must be a mapping with 'url' (and optional 'name', 'themes')")
            continue
        allowed = sorted(f.name for f in declared(Feed))
        for k in item:
            if k not in allowed:
                problems.add(f"{key}.{k}", f"unknown key '{k}' (allowed: {', '.join(allowed)})")
        url = item.get("url")
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            problems.add(f"{key}.url", f"must be an http(s) URL (got {url!r})")
            continue
        name = item.get("name")
        if name is not None and not isinstance(name, str):
            problems.add(f"{key}.name", "must be a string")
            name = None
        themes = item.get("themes") or []
        if isinstance(themes, str):
            themes = [themes]
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            problems.add(f"{key}.themes", "must be a list of theme ids")
            themes = []
        for t in themes:
            if t not in theme_ids:
                problems.add(f"{key}.themes", f"unknown theme '{t}' (known: {', '.join(sorted(theme_ids))})")
        feeds.append(Feed(url=url, name=name, themes=tuple(themes)))
    return tuple(feeds)
