"""The build: read the corpus once, extract once, then assemble and render each theme.

A theme that fails to render is reported and the others still build.  Each theme's
formats are written as one edition (`<out>/<theme>/<date>/` plus `latest/`, see
`briefing.output`), assembled aside and renamed into place, so a failed or
interrupted build never replaces a good edition with a broken one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from briefing.allocation import kept_from_cycle_collection
from briefing.assemble import build_briefing
from briefing.config import Config
from briefing.errors import BriefingError, BuildIncomplete, StrictFailure
from briefing.extract.timex import prepare as prepare_dates
from briefing.extraction import Corpus, extract_corpus
from briefing.fit import fit_pages
from briefing.forked import in_order
from briefing.model import Briefing, Theme
from briefing.output import diff_against_previous, generated_at_for, resolve_period, save_edition
from briefing.output.lock import BuildLock
from briefing.progress import Reporter
from briefing.readers import read_corpus
from briefing.writers import WRITERS


@dataclass
class _Assembled:
    """One theme as a worker hands it back: its warnings, then its briefing and rendered files,
    or why it could not be built."""

    warnings: list[str]
    briefing: Briefing | None = None
    outputs: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    error: str = ""


# Above this many articles, themes are assembled one at a time, so the build's peak memory holds
# one theme's reading, not two. Measured on news articles at 10,000: 144 MB (PSS, whole build) one
# at a time, 289 MB two at a time, against a 500 MB budget; a theme's reading grows with the
# articles it matches, so two at once stay within it up to about this size.
PARALLEL_THEMES_UP_TO = 12_000


def _workers(themes: int, articles: int) -> int:
    """One theme assembly per core (the machine's 2 cores are the design point); one process
    for a single theme, where forking buys nothing, or for a large corpus (see above)."""
    if articles > PARALLEL_THEMES_UP_TO:
        return 1
    return min(themes, os.cpu_count() or 1, 2)


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "theme: reason"


# Formats a person reads, shortened to the configured length; JSON keeps the whole selection.
READ_FORMATS = ("docx", "pdf", "html")


def render_all(briefing: Briefing, formats: Sequence[str], pages: int = 0) -> dict[str, bytes]:
    """Return {format: bytes}; rendering finishes for every format before anything is written.

    The read formats show the briefing fitted to about `pages` pages (`fit.fit_pages`)."""
    json_name = "the JSON edition" if "json" in formats else "a JSON build (--format json)"
    readable = fit_pages(briefing, pages, json_name)
    return {fmt: WRITERS[fmt].render(readable if fmt in READ_FORMATS else briefing) for fmt in formats}


@contextmanager
def _corpus(
    config: Config, seeds_dir: Path, out_dir: Path, reporter: Reporter, *, follow_links: bool, rebuild: bool
) -> Iterator[Corpus]:
    """Read and extract the corpus: through the corpus store (only new or changed files are
    processed, and each theme reads only the stored files containing its words, so the store
    stays open for the whole build), or, with `store: none`, every file afresh in memory."""
    if config.store is not None and config.store.strip().lower() == "none":
        docs = read_corpus(
            seeds_dir,
            reporter.warn,
            lambda i, n: reporter.progress(f"reading documents {i}/{n}"),
            follow_links=follow_links,
        )
        reporter.progress(f"extracting events and quotes from {len(docs)} articles")
        yield extract_corpus(docs, config.people, reporter.warn)
        return
    from briefing.store import open_store
    from briefing.store.corpus import open_corpus

    store = open_store(config.store, out_dir, reporter.warn)
    try:
        corpus, _ = open_corpus(
            seeds_dir,
            config.people,
            store,
            reporter.warn,
            reporter.progress,
            rebuild=rebuild,
            follow_links=follow_links,
            repeat_warnings=reporter.strict,  # a strict run fails on a degraded corpus every time
        )
        yield corpus
    finally:
        store.close()


def build_editions(
    config: Config,
    corpus: Path,
    out_dir: Path,
    theme_ids: Sequence[str],
    formats: Sequence[str] | None,
    reporter: Reporter,
    *,
    edition_date: dt.date | None,
    since: dt.date | None = None,
    window: dt.timedelta | None = None,
    follow_links: bool = False,
    rebuild: bool = False,
) -> BuildResult:
    """`briefing build`: check the request, then build; raise BuildIncomplete if any theme failed.

    Unknown theme ids and an impossible period fail before any work, so a typo costs nothing.
    """
    theme_ids = list(theme_ids) or [t.id for t in config.themes]
    for tid in theme_ids:
        config.theme(tid)  # unknown ids fail before any work, listing the known ones
    try:
        period_start, period_end = resolve_period(edition_date or dt.date.today(), since, window)
    except ValueError as exc:
        raise BriefingError(str(exc)) from None
    result = run_build(
        config,
        corpus,
        out_dir,
        theme_ids,
        formats or list(config.output.formats),
        reporter,
        edition_date=edition_date,
        period_start=period_start,
        period_end=period_end,
        follow_links=follow_links,
        rebuild=rebuild,
    )
    if result.failed:
        raise BuildIncomplete(f"{len(result.failed)} theme(s) failed: " + "; ".join(result.failed))
    return result


def run_build(
    config: Config,
    seeds_dir: Path,
    out_dir: Path,
    theme_ids: Sequence[str],
    formats: Sequence[str],
    reporter: Reporter,
    *,
    now: dt.datetime | None = None,
    period_start: str | None = None,
    period_end: str | None = None,
    edition_date: dt.date | None = None,
    follow_links: bool = False,
    rebuild: bool = False,
) -> BuildResult:
    """Build every requested theme as one edition `out_dir/<theme>/<date>/`, refreshing `latest/`.

    `edition_date` (`--date`) also fixes `generated_at` to that day, so a rebuild reproduces
    the same bytes; without it the edition is today's and stamped with the current time.
    The whole build holds the output folder's lock, so two builds never interleave.
    """
    themes = [config.theme(t) for t in theme_ids]
    day = (edition_date or (now.date() if now else dt.date.today())).isoformat()
    generated_at = generated_at_for(edition_date, now)
    with BuildLock(out_dir) as lock:
        if lock.recovered:
            reporter.warn(lock.recovered)
        return _build_locked(
            config,
            seeds_dir,
            out_dir,
            themes,
            formats,
            reporter,
            day=day,
            generated_at=generated_at,
            period_start=period_start,
            period_end=period_end,
            follow_links=follow_links,
            rebuild=rebuild,
        )


def _build_locked(
    config: Config,
    seeds_dir: Path,
    out_dir: Path,
    themes: Sequence[Theme],
    formats: Sequence[str],
    reporter: Reporter,
    *,
    day: str,
    generated_at: str,
    period_start: str | None,
    period_end: str | None,
    follow_links: bool = False,
    rebuild: bool = False,
) -> BuildResult:
    """The build proper; runs while holding the output folder's lock.

    Themes are assembled and rendered in parallel worker processes (`forked.in_order`) and saved
    here, in order, each with the warnings it raised: the editions, the log and a failure are
    those of a build that did one theme after another."""
    # the open corpus lives for the whole build and holds no garbage: kept out of the cyclic
    # collector's reach, its runs (here and in each worker) walk only what assembling and saving make
    # (about a tenth of a one-document rebuild at 10,000 articles)
    with (
        _corpus(config, seeds_dir, out_dir, reporter, follow_links=follow_links, rebuild=rebuild) as corpus,
        kept_from_cycle_collection(),
    ):
        articles = len(corpus.dated())
        if not articles:
            raise BriefingError(f"{seeds_dir}: no document could be read (see the warnings above)")
        result = BuildResult()

        def assemble(i: int) -> _Assembled:
            theme = themes[i]
            warnings: list[str] = []
            try:
                briefing = build_briefing(
                    corpus,
                    theme,
                    config,
                    generated_at=generated_at,
                    period_start=period_start,
                    period_end=period_end,
                )
                # the "What's new" flags
                briefing = diff_against_previous(out_dir, briefing, day, warnings.append)
                rendered = render_all(briefing, formats, config.output.pages)
            except BriefingError as exc:
                return _Assembled(warnings, error=str(exc))
            return _Assembled(
                warnings, briefing, {fmt: (WRITERS[fmt].suffix, data) for fmt, data in rendered.items()}
            )

        for fmt in formats:
            WRITERS[fmt].warm()  # once, before the workers fork, not once in each
        prepare_dates()  # the date rules' search plans (a quote's date is read from its sentence), likewise
        reporter.progress(f"assembling {len(themes)} themes")
        assembled = in_order(len(themes), assemble, _workers(len(themes), articles), corpus.reconnect)
        source_hashes: dict[str, str | None] = {}  # each cited file hashed once per build
        for i, (theme, done) in enumerate(zip(themes, assembled, strict=True), 1):
            reporter.progress(f"theme {i}/{len(themes)}: {theme.id}")
            try:
                for message in done.warnings:
                    reporter.warn(message)
                if done.briefing is None:
                    raise BriefingError(done.error)
                result.written.append(
                    save_edition(
                        out_dir,
                        done.briefing,
                        edition_date=day,
                        outputs=done.outputs,
                        seeds_dir=seeds_dir,
                        config_path=config.path,
                        warn=reporter.warn,
                        source_hashes=source_hashes,
                    )
                )
            except StrictFailure:
                raise
            except BriefingError as exc:
                result.failed.append(f"{theme.id}: {exc}")
                reporter.warn(f"theme {theme.id} not built: {exc}")
    reporter.done(f"built {len(themes) - len(result.failed)}/{len(themes)} themes into {out_dir}")
    return result
