"""`briefing publish`: a static `index.html` over the output folder's editions.

The output folder is meant to be copied as is to a shared drive or a plain web server, so
the index uses only relative links and needs no server-side code or network; it is built
from the edition manifests (not by guessing from file names) and lists only files that
exist.  Themes are in title order, editions newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from briefing.atomic import write_bytes_atomic
from briefing.editions import MANIFEST, edition_dates, read_manifest, recover
from briefing.errors import OutputError
from briefing.lock import BuildLock
from briefing.templating import load_template
from briefing.writers.text import format_date

TEMPLATE = "index.html.j2"
INDEX = "index.html"
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word", "html": "Web page", "json": "JSON"}
FORMAT_ORDER = ("pdf", "docx", "html", "json")


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # relative to index.html, URL-quoted
    size: str


@dataclass(frozen=True)
class EditionRow:
    date: str
    display_date: str
    links: tuple[Link, ...]
    counts: dict[str, int]
    sources_added: int
    sources_removed: int
    is_latest: bool


@dataclass(frozen=True)
class ThemeEntry:
    id: str
    title: str
    editions: tuple[EditionRow, ...]


def _href(*parts: str) -> str:
    return "/".join(quote(p) for p in parts)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def collect(out_dir: Path) -> list[ThemeEntry]:
    """Return every theme folder's complete editions, read from their manifests."""
    themes = []
    for tdir in sorted(p for p in Path(out_dir).iterdir() if p.is_dir() and not p.name.startswith(".")):
        dates = edition_dates(out_dir, tdir.name)
        if not dates:
            continue
        rows = []
        title = tdir.name
        for i, day in enumerate(reversed(dates)):
            edir = tdir / day
            try:
                manifest = read_manifest(edir)
            except (OSError, ValueError):
                continue
            if i == 0:
                title = (manifest.get("theme") or {}).get("title") or tdir.name
            formats = manifest.get("formats") or {}
            links = []
            for fmt in sorted(formats, key=lambda f: (FORMAT_ORDER + (f,)).index(f)):
                name = (formats[fmt] or {}).get("file")
                if name and (edir / name).is_file():
                    links.append(
                        Link(
                            FORMAT_LABELS.get(fmt, fmt.upper()),
                            _href(tdir.name, day, name),
                            _size((edir / name).stat().st_size),
                        )
                    )
            links.append(
                Link("Manifest", _href(tdir.name, day, MANIFEST), _size((edir / MANIFEST).stat().st_size))
            )
            rows.append(
                EditionRow(
                    date=day,
                    display_date=format_date(day),
                    links=tuple(links),
                    counts={k: int(v) for k, v in (manifest.get("counts") or {}).items()},
                    sources_added=len(manifest.get("sources_added") or ()),
                    sources_removed=len(manifest.get("sources_removed") or ()),
                    is_latest=i == 0,
                )
            )
        if rows:
            themes.append(ThemeEntry(tdir.name, title, tuple(rows)))
    return sorted(themes, key=lambda t: (t.title.casefold(), t.id))


def render_index(themes: list[ThemeEntry]) -> str:
    newest = max((t.editions[0].date for t in themes), default=None)
    return load_template(TEMPLATE).render(themes=themes, newest=format_date(newest) if newest else None)


def publish(out_dir: Path) -> Path:
    """Write `<out_dir>/index.html` atomically and return its path.

    Holds the build lock so it never indexes an edition that is being swapped into place,
    and first repairs what a killed build may have left (see `editions.recover`).
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise OutputError(f"{out_dir}: output folder not found; run `briefing build` first or pass --out DIR")
    with BuildLock(out_dir, command="publish"):
        for tdir in out_dir.iterdir():
            if tdir.is_dir() and not tdir.name.startswith("."):
                recover(tdir)
        themes = collect(out_dir)
        if not themes:
            raise OutputError(f"{out_dir}: no editions found; run `briefing build` first")
        html = render_index(themes)
        target = out_dir / INDEX
        try:
            write_bytes_atomic(target, html.encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    return target
