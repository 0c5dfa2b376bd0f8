"""Benchmark quote extraction on the PolNeAR-derived quotation data (evaluation only, never copied here).

Two paths, both scored by the shared scorer:

* component: `extract_quotes` on each record, one document at a time, with an
  empty people registry (the benchmark's people are not in ours);
* product: the records written as `.txt` files to a temporary folder and run
  through `briefing extract` as one corpus, so the reader and the corpus-wide
  speaker unification (`unify_speakers`) take part, exactly as a user's build.

The dev split is the default; the test split is for a final figure only and
needs `--final`. Prints the scorer's summary per path (all speakers, then
`--speaker-kinds name`), documents per second, and one last line
`component_speaker_acc=<n> product_speaker_acc=<n> component_quote_F1=<n> product_quote_F1=<n>`.

    .venv/bin/python bench/bench_quotes.py                    # dev, both paths
    .venv/bin/python bench/bench_quotes.py --path product --errors
    .venv/bin/python bench/bench_quotes.py --final            # test split, once, for the note
    .venv/bin/python bench/bench_quotes.py --ablate           # what each named construction adds on dev
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.extract.quotes import extract_quotes  # noqa: E402
from briefing.extract.quotes.constructions import TABLE, without  # noqa: E402
from briefing.model import Document  # noqa: E402

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
if not BENCH.is_dir():
    BENCH = Path("/work/shared/bench")
LAST_LINE = re.compile(r"quote_F1=([\d.]+) speaker_acc=([\d.]+)")
CONFIG = """\
themes:
  - id: all
    title: Everything
    description: every article of the benchmark
    terms: [said]
"""


def to_document(record: dict) -> tuple[Document, list[int]]:
    """A Document whose text equals the record's text where paragraphs are split, plus paragraph offsets."""
    text = record["text"]
    paras, starts = [], []
    for m in re.finditer(r"(?:(?!\n\s*\n).)+", text, flags=re.DOTALL):
        chunk = m.group(0)
        if chunk.strip():
            paras.append(chunk)
            starts.append(m.start())
    date = record.get("date")
    doc = Document(record["doc"], record["doc"], record.get("title"), (), record.get("publisher"), date, False, None,
                   tuple(paras))  # fmt: skip
    return doc, starts


def predict_component(records: list[dict]) -> list[dict]:
    """One prediction line per record from `extract_quotes`, with offsets into the record's text."""
    out = []
    for rec in records:
        doc, starts = to_document(rec)
        doc_offsets, pos = [], 0
        for p in doc.paragraphs:
            doc_offsets.append(pos)
            pos += len(p) + 2
        quotes = []
        for q in extract_quotes(doc, ()):
            pi = max(i for i, o in enumerate(doc_offsets) if o <= q.start)
            start = starts[pi] + q.start - doc_offsets[pi]
            end = start + (q.end - q.start)
            assert rec["text"][start:end] == q.text
            quotes.append({"text": q.text, "speaker": q.speaker, "start": start, "end": end})
        out.append({"doc": rec["doc"], "quotes": quotes})
    return out


def predict_product(records: list[dict], workdir: Path) -> list[dict]:
    """Write every record as a `.txt` file and run `briefing extract` over the folder as one corpus."""
    seeds = workdir / "docs"
    seeds.mkdir()
    for rec in records:
        (seeds / f"{rec['doc']}.txt").write_text(rec["text"], encoding="utf-8")
    config = workdir / "config.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    cmd = [sys.executable, "-m", "briefing.cli", "extract", "--config", str(config), "--seeds", str(seeds)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"briefing extract failed ({res.returncode}):\n{res.stderr}")
    by_file: dict[str, list[dict]] = {}
    for d in json.loads(res.stdout)["documents"]:  # a file the reader splits into articles gives several
        by_file.setdefault(Path(d["file"]).stem, []).extend(
            {"text": q["text"], "speaker": q["speaker"]} for q in d["quotes"]
        )
    return [{"doc": rec["doc"], "quotes": by_file.get(rec["doc"], [])} for rec in records]


def score(gold: Path, preds: list[dict], scorer: Path, extra: list[str], workdir: Path) -> str:
    pred_path = workdir / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    cmd = [sys.executable, str(scorer), str(gold), str(pred_path), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.rstrip()


def run(
    split: str, paths: list[str], data: Path, scorer: Path, errors: bool
) -> dict[str, tuple[float, float]]:
    """Score each path on one split; returns path -> (quote F1, speaker accuracy) over all speakers."""
    gold = data / f"polnear_{split}.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    figures: dict[str, tuple[float, float]] = {}
    for path in paths:
        with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
            t0 = time.perf_counter()
            preds = predict_component(records) if path == "component" else predict_product(records, Path(tmp))
            seconds = time.perf_counter() - t0
            print(
                f"# {split}, {path} path: {len(records)} documents, {len(records) / seconds:.1f} documents/s"
            )
            for extra in ([], ["--speaker-kinds", "name"]):
                out = score(
                    gold, preds, scorer, extra + (["--errors"] if errors and not extra else []), Path(tmp)
                )
                print(f"## {' '.join(extra) or 'all speakers'}")
                print(out)
                m = LAST_LINE.search(out.splitlines()[-1])
                if m and not extra:
                    figures[path] = (float(m.group(1)), float(m.group(2)))
    return figures


def _quiet_score(gold: Path, preds: list[dict], scorer: Path, workdir: Path) -> tuple[float, float]:
    m = LAST_LINE.search(score(gold, preds, scorer, [], workdir).splitlines()[-1])
    assert m, "the scorer's last line changed"
    return float(m.group(1)), float(m.group(2))


def _sample_corpus() -> tuple[float, float]:
    """Quote F1 and speaker accuracy on the sample corpus against its gold (component path, registry on)."""
    import contextlib
    import importlib.util
    import io

    from briefing.config import load_config
    from briefing.extraction import extract_corpus
    from briefing.readers import read_corpus

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("gold_scorer", root.parent / "shared" / "eval" / "score.py")
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    docs = read_corpus(root / "seeds")
    extraction = extract_corpus(docs, load_config(root / "config.yaml").people)
    extract = {
        "documents": [
            {"file": d.file, "quotes": [{"text": q.text, "speaker": q.speaker} for q in extraction.quotes[d.id]]}
            for d in docs
        ]
    }
    with contextlib.redirect_stdout(io.StringIO()):
        figures = scorer.score_extract(root.parent / "shared" / "eval" / "seeds", extract)
    return figures["quote_F1"], figures["speaker_acc"]


def ablate(data: Path, scorer: Path) -> None:
    """Dev (component path) and sample-corpus figures with each named construction switched off in turn."""
    gold = data / "polnear_dev.jsonl"
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        f1, acc = _quiet_score(gold, predict_component(records), scorer, Path(tmp))
        s_f1, s_acc = _sample_corpus()
        print(f"{'construction':24s} {'dev speaker':>12s} {'dev quote F1':>12s} {'sample F1':>10s} {'sample spk':>10s}")
        print(f"{'(all on)':24s} {acc:12.2f} {f1:12.2f} {s_f1:10.3f} {s_acc:10.3f}")
        for c in TABLE:
            with without(c.name):
                c_f1, c_acc = _quiet_score(gold, predict_component(records), scorer, Path(tmp))
                cs_f1, cs_acc = _sample_corpus()
            print(
                f"{c.name:24s} {c_acc - acc:+12.2f} {c_f1 - f1:+12.2f} {cs_f1 - s_f1:+10.3f} {cs_acc - s_acc:+10.3f}"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--final", action="store_true", help="score the TEST split (once, for the final figure)")
    ap.add_argument("--path", choices=["component", "product", "both"], default="both")
    ap.add_argument(
        "--data", type=Path, default=BENCH / "quotes", help="folder with polnear_{dev,test}.jsonl"
    )
    ap.add_argument("--scorer", type=Path, default=BENCH / "score_quotes.py")
    ap.add_argument("--errors", action="store_true", help="pass --errors to the scorer")
    ap.add_argument("--ablate", action="store_true", help="switch each named construction off in turn (dev)")
    args = ap.parse_args()
    if args.ablate:
        ablate(args.data, args.scorer)
        return 0
    paths = ["component", "product"] if args.path == "both" else [args.path]
    figures = run("test" if args.final else "dev", paths, args.data, args.scorer, args.errors)
    print(" ".join(f"{p}_speaker_acc={figures[p][1]:.2f}" for p in paths), end=" ")
    print(" ".join(f"{p}_quote_F1={figures[p][0]:.2f}" for p in paths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
