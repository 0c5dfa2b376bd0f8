"""`briefing publish`: a static `index.html` over the output folder's editions.

The output folder is meant to be copied as is to a shared drive or a plain web server, so
the index uses only relative links and needs no server-side code or network; it is built
from the edition manifests (not by guessing from file names) and lists only files that
exist.  Themes are in title order, editions newest first.  Each theme also links the files
of `latest/` under their stable names (`cptpp/latest/cptpp-briefing.pdf`): the address to
bookmark or share, which always opens the newest edition.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from briefing.output.atomic_file import write_bytes_atomic
from briefing.output import LATEST, MANIFEST, edition_dates, recover
from briefing.output.ownership import is_edition, owns_theme_dir, read_manifest_safely
from briefing.errors import OutputError
from briefing.output.lock import BuildLock
from briefing.safeio import read_regular
from briefing.templating import load_template
from briefing.writers.text import format_date

Warn = Callable[[str], None]
TEMPLATE = "index.html.j2"
GENERATOR = '<meta name="generator" content="briefing publish">'  # in the template: marks our index
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
    latest: tuple[Link, ...] = ()  # latest/'s files, whose names never change


def _href(*parts: str) -> str:
    return "/".join(quote(p) for p in parts)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} B"


def theme_dirs(out_dir: Path) -> list[Path]:
    """Return the theme folders briefing wrote in `out_dir` (see `editions.ownership`), by name."""
    try:
        entries = sorted(Path(out_dir).iterdir())
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot list the output folder ({exc.strerror})") from None
    return [p for p in entries if not p.name.startswith(".") and owns_theme_dir(p)]


def collect(out_dir: Path, warn: Warn | None = None) -> list[ThemeEntry]:
    """Return every theme folder's complete editions, read from their manifests.

    An edition whose manifest is malformed is skipped (with a warning), not fatal.
    """
    themes = []
    for tdir in theme_dirs(out_dir):
        dates = edition_dates(out_dir, tdir.name)
        if not dates:
            continue
        rows = []
        title = tdir.name
        for i, day in enumerate(reversed(dates)):
            edir = tdir / day
            manifest = read_manifest_safely(edir)
            formats = (manifest or {}).get("formats") or {}
            if manifest is None or not isinstance(formats, dict):
                if warn is not None:
                    warn(f"{edir / MANIFEST} is malformed; that edition is left out of the index")
                continue
            if i == 0 or title == tdir.name:
                theme = manifest.get("theme")
                title = str((theme if isinstance(theme, dict) else {}).get("title") or tdir.name)
            links = _format_links(tdir.name, day, edir, formats)
            links.append(
                Link("Manifest", _href(tdir.name, day, MANIFEST), _size((edir / MANIFEST).stat().st_size))
            )
            rows.append(
                EditionRow(
                    date=day,
                    display_date=format_date(day),
                    links=tuple(links),
                    counts=_counts(manifest.get("counts")),
                    sources_added=len(manifest.get("sources_added") or ()),
                    sources_removed=len(manifest.get("sources_removed") or ()),
                    is_latest=i == 0,
                )
            )
        if rows:
            themes.append(ThemeEntry(tdir.name, title, tuple(rows), _latest_links(tdir)))
    return sorted(themes, key=lambda t: (t.title.casefold(), t.id))


def _format_links(theme: str, folder_name: str, folder: Path, formats: dict) -> list[Link]:
    """Return a link per format file the manifest names and the folder holds, PDF first."""
    links = []
    for fmt in sorted(formats, key=lambda f: (FORMAT_ORDER + (f,)).index(f)):
        name = (formats[fmt] if isinstance(formats[fmt], dict) else {}).get("file")
        if isinstance(name, str) and name and "/" not in name and (folder / name).is_file():
            links.append(
                Link(
                    FORMAT_LABELS.get(fmt, fmt.upper()),
                    _href(theme, folder_name, name),
                    _size((folder / name).stat().st_size),
                )
            )
    return links


def _latest_links(tdir: Path) -> tuple[Link, ...]:
    """Return the links to `latest/`'s files (stable names), or () when it is not briefing's."""
    latest = tdir / LATEST
    manifest = read_manifest_safely(latest) if is_edition(latest) else None
    formats = (manifest or {}).get("formats")
    return tuple(_format_links(tdir.name, LATEST, latest, formats)) if isinstance(formats, dict) else ()


def _counts(raw: object) -> dict[str, int]:
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, int) and not isinstance(v, bool)}


def render_index(themes: list[ThemeEntry]) -> str:
    newest = max((t.editions[0].date for t in themes), default=None)
    return load_template(TEMPLATE).render(themes=themes, newest=format_date(newest) if newest else None)


def publish(out_dir: Path, warn: Warn | None = None) -> Path:
    """Write `<out_dir>/index.html` atomically and return its path.

    Holds the build lock so it never indexes an edition that is being swapped into place,
    and first repairs what a killed build may have left (see `editions.recover`), but
    only in theme folders briefing wrote: before it checks there is anything to publish
    it touches nothing, so `publish --out /` changes nothing.  An `index.html` that
    `briefing publish` did not write is never overwritten.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise OutputError(f"{out_dir}: output folder not found; run `briefing build` first or pass --out DIR")
    if not theme_dirs(out_dir):
        raise OutputError(f"{out_dir}: no editions found; run `briefing build` first or pass --out DIR")
    target = out_dir / INDEX
    _check_index_is_ours(target)
    with BuildLock(out_dir, command="publish"):
        for tdir in theme_dirs(out_dir):
            recover(tdir)
        themes = collect(out_dir, warn)
        if not themes:
            raise OutputError(f"{out_dir}: no editions found; run `briefing build` first")
        html = render_index(themes)
        _check_index_is_ours(target)
        try:
            write_bytes_atomic(target, html.encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    return target


def _check_index_is_ours(target: Path) -> None:
    if not os.path.lexists(target):
        return
    try:
        ours = GENERATOR.encode() in read_regular(target, 64 << 20)
    except OSError:
        ours = False
    if not ours:
        raise OutputError(
            f"{target} exists and was not written by `briefing publish`; it was left alone. "
            "Move it away, or publish into another folder with --out"
        )
