"""Score the pipeline on the sample corpus against the gold in ../shared/eval (the shared scorer).

Used by tests/test_eval_gate.py (floors) and runnable by hand to print the figures:
    .venv/bin/python tests/eval_gate.py
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
GOLD = SHARED_EVAL / "seeds"
THEMES = ["cptpp", "north-korea", "china-relations", "japan-relations", "history-issues", "economic-security"]


def measured_on() -> str:
    """Return a fingerprint of what the floors were measured on: the gold, the scorer and the corpus.

    A floor means something only against the files it was measured on; when they change (as the
    scorer did when event spans became strict), the gate says so instead of failing on a score.
    """
    digest = hashlib.sha256()
    files = [*sorted(GOLD.iterdir()), SHARED_EVAL / "score.py", *sorted((ROOT / "seeds").iterdir())]
    for path in files:
        if path.is_file():
            digest.update(f"{path.parent.name}/{path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def load_scorer():
    path = SHARED_EVAL / "score.py"
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: the gold and scorer live in ../shared/eval beside the repository"
        )
    spec = importlib.util.spec_from_file_location("briefing_gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_cli(args: list[str]) -> str:
    from briefing.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    if code != 0:
        raise RuntimeError(f"briefing {' '.join(args)} exited {code}: {err.getvalue()}")
    return out.getvalue()


def score_all(tmp: Path) -> dict[str, float]:
    scorer = load_scorer()
    seeds, config = str(ROOT / "seeds"), str(ROOT / "config.yaml")
    extract = json.loads(run_cli(["extract", "--corpus", seeds, "--config", config]))
    figures: dict[str, float] = {}
    with contextlib.redirect_stdout(io.StringIO()) as details:
        figures.update(scorer.score_extract(GOLD, extract))
        run_cli(
            ["build", "--format", "json", "--corpus", seeds, "--config", config, "--out", str(tmp), "--quiet"]
        )
        recalls, precisions = [], []
        for theme in THEMES:
            built = sorted(tmp.rglob(f"{theme}*.json"))
            built = [p for p in built if p.name != "manifest.json"]
            res = scorer.score_theme(GOLD, theme, json.loads(built[-1].read_text(encoding="utf-8")))
            figures[f"{theme}_R"], figures[f"{theme}_P"] = res["passage_R"], res["passage_P"]
            recalls.append(res["passage_R"])
            precisions.append(res["passage_P"])
    figures["passage_R_mean"] = sum(recalls) / len(recalls)
    figures["passage_P_mean"] = sum(precisions) / len(precisions)
    figures["_details"] = details.getvalue()  # type: ignore[assignment]
    return figures


def per_file(extract: dict) -> dict[str, dict[str, float]]:
    """Return the extract scores for each gold file on its own (the scorer, fed one file at a time)."""
    import tempfile

    scorer = load_scorer()
    out = {}
    gold_q = (GOLD / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    gold_e = (GOLD / "events.jsonl").read_text(encoding="utf-8").splitlines()
    for name in sorted({d["file"] for d in extract["documents"]}):
        with tempfile.TemporaryDirectory() as tmp:
            for fname, lines in (("quotes.jsonl", gold_q), ("events.jsonl", gold_e)):
                keep = [ln for ln in lines if ln.strip() and json.loads(ln)["doc"] == name]
                (Path(tmp) / fname).write_text("\n".join(keep) + "\n", encoding="utf-8")
            docs = {"documents": [d for d in extract["documents"] if d["file"] == name]}
            with contextlib.redirect_stdout(io.StringIO()):
                out[name] = scorer.score_extract(Path(tmp), docs)
    return out


if __name__ == "__main__":
    if "--per-file" in sys.argv:
        ex = json.loads(
            run_cli(["extract", "--corpus", str(ROOT / "seeds"), "--config", str(ROOT / "config.yaml")])
        )
        for name, res in per_file(ex).items():
            print(name, " ".join(f"{k}={v:.3f}" for k, v in res.items()))
        sys.exit(0)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        figs = score_all(Path(tmp))
    if "-v" in sys.argv:
        print(figs.pop("_details"))
    else:
        figs.pop("_details")
    for k, v in figs.items():
        print(f"{k:24s} {v:.3f}")
    print(f"{'measured_on':24s} {measured_on()}")
