"""The build: read the corpus once, extract once, then assemble and render each theme.

A theme that fails to render is reported and the others still build; every file is
written atomically, so a failed or interrupted build never replaces a good output
with a broken one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.assemble import build_briefing, extract_corpus
from briefing.atomic import write_bytes_atomic
from briefing.config import Config
from briefing.errors import BriefingError, OutputError
from briefing.model import Briefing
from briefing.progress import Reporter
from briefing.readers import read_corpus
from briefing.writers import WRITERS


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "theme: reason"


def render_all(briefing: Briefing, formats: Sequence[str]) -> dict[str, bytes]:
    """Return {format: bytes}; rendering finishes for every format before anything is written."""
    return {fmt: WRITERS[fmt].render(briefing) for fmt in formats}


def output_path(out_dir: Path, theme_id: str, fmt: str) -> Path:
    return out_dir / f"{theme_id}{WRITERS[fmt].suffix}"


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
) -> BuildResult:
    """Build every requested theme in every requested format under `out_dir`."""
    themes = [config.theme(t) for t in theme_ids]
    generated_at = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    docs = read_corpus(seeds_dir, reporter.warn, lambda i, n: reporter.progress(f"reading documents {i}/{n}"))
    if not docs:
        raise BriefingError(f"{seeds_dir}: no document could be read (see the warnings above)")
    reporter.progress(f"extracting events and quotes from {len(docs)} articles")
    extraction = extract_corpus(docs, config.people, reporter.warn)
    result = BuildResult()
    for i, theme in enumerate(themes, 1):
        reporter.progress(f"theme {i}/{len(themes)}: {theme.id}")
        try:
            briefing = build_briefing(
                extraction,
                theme,
                config,
                generated_at=generated_at,
                period_start=period_start,
                period_end=period_end,
            )
            rendered = render_all(briefing, formats)
            for fmt, data in rendered.items():
                path = output_path(out_dir, theme.id, fmt)
                try:
                    write_bytes_atomic(path, data)
                except OSError as exc:
                    raise OutputError(
                        f"{path}: cannot write ({exc.strerror}); check the --out folder"
                    ) from None
                result.written.append(path)
        except BriefingError as exc:
            result.failed.append(f"{theme.id}: {exc}")
            reporter.warn(f"theme {theme.id} not built: {exc}")
    reporter.done(f"built {len(themes) - len(result.failed)}/{len(themes)} themes into {out_dir}")
    return result
