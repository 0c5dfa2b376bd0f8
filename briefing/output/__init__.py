"""The output folder: everything `briefing` writes, replaces or deletes lives behind this package.

`briefing build` writes `<out>/<theme>/<YYYY-MM-DD>/` and refreshes `<out>/<theme>/latest/`
under a lock (`lock`); `briefing publish` writes `<out>/index.html` (`publish`).  One package,
because the rules are shared: files and editions are replaced atomically (`atomic_file`,
`atomic_edition`), and only what the tool can prove it wrote is replaced or removed
(`ownership`, `manifest`).  `layout` names the paths, `diff` matches items across editions
for "what's new", and `period` says which dates an edition covers.
"""

from briefing.output.atomic_edition import recover, write_edition
from briefing.output.diff import mark_new
from briefing.output.edition import diff_against_previous, save_edition
from briefing.output.layout import (
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
from briefing.output.manifest import build_manifest, sha256_file
from briefing.output.period import (
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
