"""Every format's text, as a reader gets it out of the file, matches the reviewed goldens.

On a difference: if the change is intended, run `.venv/bin/python tests/golden.py --accept` and
review `git diff tests/golden/expected` before committing.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden import EXPECTED, render


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render(tmp_path_factory.mktemp("golden"))


def test_every_golden_is_produced_and_nothing_more(rendered):
    assert sorted(rendered) == sorted(p.name for p in EXPECTED.glob("*.txt"))


@pytest.mark.parametrize("name", sorted(p.name for p in EXPECTED.glob("*.txt")))
def test_output_matches_golden(rendered, name):
    expected = (EXPECTED / name).read_text(encoding="utf-8")
    got = rendered.get(name, "")
    if got != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), got.splitlines(keepends=True), "golden", "now", n=1
            )
        )
        pytest.fail(f"{name} differs from its golden (accept with tests/golden.py --accept):\n{diff[:4000]}")
