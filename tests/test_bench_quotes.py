"""PolNeAR dev through both paths (component and `briefing extract` over files) stays above its floors.

The data lives in ../shared/bench beside the repository and is never copied here; the test fails, never
skips, when it is missing. Floors are the dev figures measured when they were last raised (speaker
accuracy over all gold speakers, quote F1), so a change that loses attributions on unseen text fails.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {  # path -> (quote F1, speaker accuracy), dev split
    "component": (95.5, 94.5),
    "product": (95.5, 94.5),
}


def _bench():
    spec = importlib.util.spec_from_file_location("bench_quotes", ROOT / "bench" / "bench_quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_polnear_dev_speaker_accuracy_floors_on_both_paths(capsys):
    bench = _bench()
    data = bench.BENCH / "quotes"
    assert (data / "polnear_dev.jsonl").is_file(), (
        f"{data}/polnear_dev.jsonl missing: the shared bench is needed"
    )
    figures = bench.run("dev", ["component", "product"], data, bench.BENCH / "score_quotes.py", False)
    capsys.readouterr()
    for path, (f1_floor, acc_floor) in FLOORS.items():
        f1, acc = figures[path]
        assert acc >= acc_floor, f"{path} path: speaker accuracy {acc} fell below {acc_floor}"
        assert f1 >= f1_floor, f"{path} path: quote F1 {f1} fell below {f1_floor}"
