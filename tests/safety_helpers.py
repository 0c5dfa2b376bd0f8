"""Shared pieces of the hostile-input tests: a tiny corpus, a config, a file snapshot, a CLI runner.

The corpus is two short hand-written articles about a fictional trade dispute; the config
builds one theme as JSON only, so each build through the command line takes about a second.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

from briefing.cli import main

ARTICLES = {
    "a.txt": """\
Steel tariff talks resume in Geneva

By Ann Writer

Posted January. 8, 2026 10:01

Trade ministers from Norland and Southia met in Geneva on January 7 to discuss the steel tariff dispute.

"We will keep talking until the tariff dispute is settled," Norland Trade Minister Ann Lee told reporters.
""",
    "b.txt": """\
Southia weighs retaliatory tariffs on steel

By Bo Reporter

Posted January. 10, 2026 09:30

Southia's cabinet discussed retaliatory tariffs on Norland steel on January 9, officials said.

Economists warned that a tariff war would hurt exporters in both countries.
""",
}

CONFIG = """\
themes:
  - id: steel
    title: Steel trade dispute
    description: Tariffs and talks between Norland and Southia over steel.
    terms: [steel, tariff, tariffs, trade]
output:
  folder: out
  formats: [json]
"""


def make_project(root: Path, config: str = CONFIG) -> Path:
    """Write `root/config.yaml` and `root/seeds/` with the two articles; return root."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(config, encoding="utf-8")
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return root


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    """Return {relative path: (kind, content hash or link target)} for everything under root.

    Links are not followed and FIFOs are not opened, so taking a snapshot cannot hang.
    Paths starting with any of `skip` (the tool's own output) are left out.
    """
    out: dict[str, tuple[str, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = os.fsdecode(path.relative_to(root))
            if any(rel == s or rel.startswith(s.rstrip("/") + "/") for s in skip):
                continue
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISREG(st.st_mode):
                out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir", "")
            else:
                out[rel] = ("special", oct(stat.S_IFMT(st.st_mode)))
    return out


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit code, stdout, stderr)."""
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_briefing(argv: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed `briefing` command in a subprocess (for hangs and process-level effects)."""
    exe = Path(sys.executable).parent / "briefing"
    return subprocess.run(
        [str(exe), *argv], cwd=cwd, capture_output=True, text=True, timeout=timeout, errors="replace"
    )


def assert_clean_error(code: int, err: str, expected_code: int, *needles: str) -> None:
    """The run failed with the documented code and a one-paragraph message, not a traceback."""
    assert code == expected_code, err
    assert "Traceback" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)
