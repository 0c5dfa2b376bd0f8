"""Readers: turn a folder of source files into `Document`s with metadata.

One bad document is a warning naming the file, never a lost build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest.index import metadata_by_file
from briefing.model import Document
from briefing.readers.corpus_files import corpus_files, too_long
from briefing.readers.registry import SUFFIXES, read_file
from briefing.readers.sidecar import load_sidecar
from briefing.safeio import describe_os_error

SIDECAR = "sources.yaml"
INFERRED_DATE = "no date printed; inferred"  # the warning for a date read off the events (the store counts them)
FEED_KEY = "feed"  # in a file's values: what the feed said about a page `briefing ingest` saved
Warn = Callable[[str], None]


def _ignore(_: str) -> None:
    return None


def read_corpus(
    seeds_dir: str | Path,
    warn: Warn = _ignore,
    progress: Callable[[int, int], None] | None = None,
    *,
    follow_links: bool = False,
) -> list[Document]:
    """Return every article in the folder's documents (any format in the reader table, see
    `briefing.readers.registry`), sidecar applied, undated ones dated by inference.

    Only regular files inside the folder are read (see `corpus_files`); links leaving it
    are read only with `follow_links`.
    """
    files, sidecar = list_sources(seeds_dir, warn, follow_links=follow_links)
    documents: list[Document] = []
    for n, path in enumerate(files, 1):
        documents.extend(read_source(path, sidecar.get(path.name), warn))
        if progress:
            progress(n, len(files))
    return documents


def list_sources(
    seeds_dir: str | Path, warn: Warn = _ignore, *, follow_links: bool = False
) -> tuple[list[Path], dict]:
    """Return the corpus files `read_corpus` would read and each one's sidecar values (by file name)."""
    folder = Path(seeds_dir)
    if not folder.is_dir():
        raise InputError(f"{folder}: seeds folder not found; pass --seeds DIR")
    files = corpus_files(folder, SUFFIXES, warn, follow_links=follow_links)
    if not files:
        raise InputError(f"{folder}: no documents found; add articles as {', '.join(SUFFIXES)} files")
    sidecar = load_sidecar(folder / SIDECAR)
    ingested = metadata_by_file(folder, warn)
    for name in sidecar:
        if not (folder / name).is_file():
            warn(f"{folder / SIDECAR}: entry '{name}' names no file in {folder}")
    values: dict[str, dict] = {name: dict(entry.values) for name, entry in sidecar.items()}
    for name, feed_values in ingested.items():  # what `briefing ingest` recorded: fills, never overrides
        values.setdefault(name, {})[FEED_KEY] = feed_values
    return files, values


def read_source(path: Path, sidecar_values: dict | None, warn: Warn = _ignore) -> list[Document]:
    """Return the articles of one corpus file, its sidecar values applied, dated by inference if
    it prints no date; [] (with a warning) when it cannot be read. The unit the corpus store caches."""
    try:
        result = read_file(path)
    except InputError as exc:
        warn(f"skipped: {exc}")
        return []
    except OSError as exc:
        warn(f"skipped: {describe_os_error(path, exc)}")
        return []
    long = too_long(path, sum(len(p) for d in result.documents for p in d.paragraphs))
    if long:
        warn(f"skipped: {long}")
        return []
    for w in result.warnings:
        warn(w)
    docs = result.documents
    if sidecar_values and sidecar_values.get(FEED_KEY):
        docs = _apply_feed(docs, sidecar_values[FEED_KEY])
    if sidecar_values:
        docs = _apply_sidecar(docs, {k: v for k, v in sidecar_values.items() if k != FEED_KEY})
    if docs and docs[0].published is None:
        docs = _infer_dates(docs, warn)
    return docs


def _apply_sidecar(docs: list[Document], values: dict) -> list[Document]:
    """Sidecar values override the text; title and authors apply to the file's first article."""
    shared = {k: values[k] for k in ("publisher", "published", "url") if k in values}
    if "published" in shared:
        shared["published_inferred"] = False
    out = [replace(d, **shared) for d in docs]
    first = {k: values[k] for k in ("title", "authors") if k in values}
    if first:
        out[0] = replace(out[0], **first)
    return out


def _apply_feed(docs: list[Document], values: dict) -> list[Document]:
    """What the feed said about a page it supplied fills what the page itself did not state;
    the item link is the page's URL unless the page names a canonical one."""
    first = docs[0]
    fill = {k: v for k, v in values.items() if not getattr(first, k)}
    if "published" in fill:
        fill["published_inferred"] = False
    return [replace(first, **fill), *docs[1:]] if fill else docs


def _infer_dates(docs: list[Document], warn: Warn) -> list[Document]:
    """Date an undated file by what it reports (all its articles together), marked as inferred."""
    from briefing.extract.events import infer_published

    whole = replace(docs[0], paragraphs=tuple(p for d in docs for p in d.paragraphs))
    inferred = infer_published(whole)
    if inferred is None:
        warn(
            f"{docs[0].file}: no date printed, and none can be inferred safely (a bare or historical year "
            f"does not date a report); its events with a full date are kept. To set it, add "
            f"'{docs[0].file}: {{published: YYYY-MM-DD}}' to {SIDECAR} beside the corpus"
        )
        return docs
    warn(f"{docs[0].file}: {INFERRED_DATE} {inferred} from the events it reports")
    return [d.with_published(inferred, True) for d in docs]
