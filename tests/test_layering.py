"""The stages depend on the domain types, never on how a config file is loaded.

Checked in a fresh interpreter, because this test session has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import briefing.extract, briefing.select, briefing.model
for pkg in (briefing.extract, briefing.select, briefing.model):
    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(mod.name)
print(" ".join(sorted(m for m in sys.modules if m.startswith("briefing"))))
"""


def _imported_by_stages() -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_extract_and_select_do_not_import_config():
    loaded = _imported_by_stages()
    assert "briefing.extract.quotes.extract" in loaded  # the probe really walked the packages
    assert "briefing.config" not in loaded


def test_model_imports_nothing_else_of_ours():
    probe = "import sys, briefing.model; print(' '.join(m for m in sys.modules if m.startswith('briefing')))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert all(m == "briefing" or m.startswith("briefing.model") for m in out.stdout.split()), out.stdout


def test_text_handling_imports_nothing_else_of_ours():
    probe = (
        "import importlib, pkgutil, sys, briefing.text\n"
        "for mod in pkgutil.walk_packages(briefing.text.__path__, 'briefing.text.'):\n"
        "    importlib.import_module(mod.name)\n"
        "print(' '.join(m for m in sys.modules if m.startswith('briefing')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded = out.stdout.split()
    assert "briefing.text.sentences" in loaded
    assert all(m == "briefing" or m.startswith("briefing.text") for m in loaded), out.stdout
