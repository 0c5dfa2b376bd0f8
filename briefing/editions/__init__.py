"""Weekly editions: layout on disk, atomic writing, manifests, "what's new" and periods.

`briefing build` writes `<out>/<theme>/<YYYY-MM-DD>/` and refreshes `<out>/<theme>/latest/`;
see `atomic` for why writes cannot leave a half-written edition and `diff` for how items
are matched across editions.
"""

from briefing.editions.atomic import recover, write_edition
from briefing.editions.diff import mark_new
from briefing.editions.edition import diff_against_previous, save_edition
from briefing.editions.layout import (
    LATEST,
    MANIFEST,
    MODEL,
    edition_dates,
    edition_dir,
    file_name,
    latest_dir,
    load_edition_briefing,
    previous_edition,
    read_manifest,
)
from briefing.editions.manifest import build_manifest, dumps, sha256_file
from briefing.editions.period import (
    date_arg,
    edition_date_arg,
    generated_at_for,
    parse_date,
    parse_window,
    resolve_period,
    window_arg,
)

__all__ = [
    "LATEST",
    "MANIFEST",
    "MODEL",
    "build_manifest",
    "date_arg",
    "diff_against_previous",
    "edition_date_arg",
    "dumps",
    "edition_dates",
    "edition_dir",
    "file_name",
    "generated_at_for",
    "latest_dir",
    "load_edition_briefing",
    "mark_new",
    "parse_date",
    "parse_window",
    "previous_edition",
    "read_manifest",
    "recover",
    "resolve_period",
    "save_edition",
    "sha256_file",
    "window_arg",
    "write_edition",
]
