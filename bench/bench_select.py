"""Benchmark passage selection: quality against the gold anchors, and how time grows with corpus size.

Prints, per theme and on average, passage recall and precision of our selector next
to a plain BM25 baseline (the theme's terms as a bag of single words, equal weights,
any match counts; same sentence units joined into passages the same way, same
length budget), both scored by the shared scorer's own code (loaded from `score.py`,
not copied).  Then the contribution of each step (passage length, context, MMR), and
selection time for 1x, 10x and 100x the corpus (documents repeated with shifted dates
and distinct ids) with the growth exponent, which must not exceed about 1 (linear).

    .venv/bin/python bench/bench_select.py [--seeds seeds] [--gold DIR] [--scorer FILE] [--config FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import math
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.config import load_config  # noqa: E402
from briefing.model import Document  # noqa: E402
from briefing.readers import read_corpus  # noqa: E402
from briefing.select import pipeline, select_passages  # noqa: E402
from briefing.select.pipeline import select_with_query  # noqa: E402
from briefing.select.query import build_query, plain_query  # noqa: E402

EVAL = Path("/work/shared/eval")


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer from its file, so the figures are computed exactly as the gate computes them."""
    spec = importlib.util.spec_from_file_location("briefing_eval_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, gold: Path, theme: str, texts: list[str], verbose: bool) -> tuple[float, float]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        res = scorer.score_theme(gold, theme, {"passages": [{"text": t} for t in texts]})
    if verbose:
        print(out.getvalue(), end="")
    return res["passage_R"], res["passage_P"]


def scaled(docs: list[Document], times: int) -> list[Document]:
    """Return the corpus repeated `times` times, each copy with distinct ids and dates shifted by weeks."""
    out = []
    for k in range(times):
        for d in docs:
            published = d.published
            if published and k:
                day = date.fromisoformat(published[:10]) + timedelta(weeks=k)
                published = day.isoformat() + published[10:]
            out.append(replace(d, id=f"{d.id}~{k}" if k else d.id, published=published))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--gold", default=str(EVAL / "seeds"))
    ap.add_argument("--scorer", default=str(EVAL / "score.py"))
    ap.add_argument("--config", default=str(ROOT / "config.yaml"))
    ap.add_argument("--verbose", action="store_true", help="list missed anchors")
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args()

    scorer = load_scorer(Path(args.scorer))
    config = load_config(args.config)
    docs = read_corpus(args.seeds)
    gold = Path(args.gold)
    budget = config.output.max_passages

    print(f"{len(docs)} documents, budget {budget} passages per theme\n")
    print(f"{'theme':20} {'ours R':>7} {'ours P':>7} {'n':>3}   {'bm25 R':>7} {'bm25 P':>7} {'n':>3}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for theme in config.themes:
        ours = [s.text for s in select_passages(docs, theme, config.people, config.output)]
        base = [
            s.text
            for s in select_with_query(
                docs, plain_query(theme), budget, gate=0.0, diverse=False, context=False
            )
        ]
        r, p = score(scorer, gold, theme.id, ours, args.verbose)
        br, bp = score(scorer, gold, theme.id, base, False)
        for k, v in enumerate((r, p, br, bp)):
            totals[k] += v
        print(f"{theme.id:20} {r:7.3f} {p:7.3f} {len(ours):3}   {br:7.3f} {bp:7.3f} {len(base):3}")
    n = len(config.themes)
    print(
        f"{'mean':20} {totals[0] / n:7.3f} {totals[1] / n:7.3f}       {totals[2] / n:7.3f} {totals[3] / n:7.3f}"
    )

    print("\nwhat each step contributes (mean over themes, same budget):")
    variants = {
        "ours": {},
        "ours, 1-sentence passages": {"max_sentences": 1},
        "ours, 2-sentence passages": {"max_sentences": 2},
        "ours, 4-sentence passages": {"max_sentences": 4},
        "ours, no context": {"context": False},
        "ours, no MMR (top-k)": {"diverse": False},
    }
    for name, switches in variants.items():
        rs, ps = [], []
        for theme in config.themes:
            got = select_with_query(docs, build_query(theme, config.people), budget, **switches)
            r, p = score(scorer, gold, theme.id, [s.text for s in got], False)
            rs.append(r)
            ps.append(p)
        print(f"  {name:28} R {sum(rs) / n:.3f}  P {sum(ps) / n:.3f}")

    if args.no_timing:
        return
    print("\nselection time, all themes (best of 3 runs; 2 at 100x):")
    timings = {}
    for times in (1, 10, 100):
        corpus = scaled(docs, times)
        best = float("inf")
        for _ in range(3 if times < 100 else 2):
            pipeline._CORPORA.clear()  # each run pays for reading the corpus once, as a build does
            t0 = time.perf_counter()
            for theme in config.themes:
                select_passages(corpus, theme, config.people, config.output)
            best = min(best, time.perf_counter() - t0)
        timings[times] = best
        print(f"  {times:4}x  {len(corpus):5} docs  {best:8.3f} s  {best / len(corpus) * 1000:7.3f} ms/doc")
    # growth exponent: 1.0 is linear; fixed start-up costs make the 1x figure the least telling
    for a, b in ((1, 10), (10, 100)):
        print(f"  growth {a}x -> {b}x: time ~ size^{math.log(timings[b] / timings[a]) / math.log(b / a):.2f}")


if __name__ == "__main__":
    main()
