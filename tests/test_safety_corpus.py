"""Issue 16, item 2 (links out of the corpus, FIFOs, devices) and the file-name part of item 8.

Each build runs the installed `briefing` command in a subprocess with a timeout, so a FIFO
that blocks the reader fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.safety_helpers import make_project, run_briefing, snapshot

SECRET = "PRIVATE-TOKEN-7f3a9 do not publish"


def hostile_seeds(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "proj")
    seeds = project / "seeds"
    private = tmp_path / "private.txt"
    private.write_text(f"Steel tariff notes\n\n{SECRET}. Steel tariffs and trade.\n", encoding="utf-8")
    os.symlink(private, seeds / "leak.txt")  # a link leaving the corpus
    os.symlink("/proc/self/environ", seeds / "environ.txt")
    os.symlink("/dev/zero", seeds / "zero.txt")  # a device: would never end
    os.mkfifo(seeds / "pipe.txt")  # a FIFO: would block forever
    (seeds / "folder.txt").mkdir()  # a directory named like a document
    os.symlink(seeds / "missing.txt", seeds / "dangling.txt")
    os.symlink(seeds / "loop.txt", seeds / "loop.txt")
    os.symlink("a.txt", seeds / "alias.txt")  # a link that stays inside: read
    return project


SKIPPED = ("leak.txt", "environ.txt", "zero.txt", "pipe.txt", "folder.txt", "dangling.txt", "loop.txt")


def test_build_reads_only_regular_files_inside_the_corpus(tmp_path):
    project = hostile_seeds(tmp_path)
    before = snapshot(tmp_path, skip=("proj/out",))
    proc = run_briefing(["build", "--date", "2026-01-19"], project, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    for name in SKIPPED:
        assert f"skipped: seeds/{name}" in proc.stderr, (name, proc.stderr)
    assert "outside the corpus folder" in proc.stderr and "--follow-links" in proc.stderr
    assert "a named pipe" in proc.stderr and "a device" in proc.stderr and "a directory" in proc.stderr
    assert "a dangling link" in proc.stderr and "a link loop" in proc.stderr
    model = (project / "out" / "steel" / "2026-01-19" / "model.json").read_text(encoding="utf-8")
    assert SECRET not in model and "PATH=" not in model
    files = {s["file"] for s in json.loads(model)["sources"]}
    assert files <= {"a.txt", "b.txt", "alias.txt"}
    assert snapshot(tmp_path, skip=("proj/out",)) == before


def test_extract_skips_them_too_and_follow_links_is_the_explicit_opt_in(tmp_path):
    project = hostile_seeds(tmp_path)
    proc = run_briefing(["extract"], project, timeout=60)
    assert proc.returncode == 0, proc.stderr
    ids = {d["id"] for d in json.loads(proc.stdout)["documents"]}
    assert ids == {"a.txt", "b.txt", "alias.txt"}
    proc = run_briefing(["extract", "--follow-links"], project, timeout=60)
    assert proc.returncode == 0, proc.stderr
    ids = {d["id"] for d in json.loads(proc.stdout)["documents"]}
    assert {"leak.txt", "environ.txt"} <= ids  # the user asked for links to be followed
    # but a device, a FIFO or a directory is never read, links or not
    for name in ("zero.txt", "pipe.txt", "folder.txt", "dangling.txt", "loop.txt"):
        assert f"skipped: seeds/{name}" in proc.stderr


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_rest_builds(tmp_path):
    project = make_project(tmp_path / "proj")
    bad = os.fsencode(project / "seeds") + b"/caf\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(b"Steel tariffs rise\n\nSteel tariffs rose on January 9, 2026, officials said.\n")
    proc = run_briefing(["build", "--date", "2026-01-19"], project, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "caf\\xe9.txt: the file name is not valid UTF-8; rename the file" in proc.stderr
    data = json.loads((project / "out" / "steel" / "latest" / "model.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in data["sources"]} <= {"a.txt", "b.txt"}


def test_a_document_over_the_size_limit_is_skipped_with_a_warning(tmp_path):
    from briefing.readers.corpus_files import MAX_DOCUMENT_CHARS

    project = make_project(tmp_path / "proj")
    big = project / "seeds" / "huge.txt"
    line = "Steel tariffs were discussed again by the trade ministers today. "
    big.write_text(line * (3_000_000 // len(line) + 1), encoding="utf-8")
    assert big.stat().st_size > MAX_DOCUMENT_CHARS
    proc = run_briefing(["build", "--date", "2026-01-19"], project, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "skipped: seeds/huge.txt: 3.0 million characters of text, over the per-document limit" in proc.stderr
    assert json.loads((project / "out" / "steel" / "latest" / "model.json").read_text(encoding="utf-8"))["sources"]
