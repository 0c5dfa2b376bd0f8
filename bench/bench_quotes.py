"""Benchmark the quote extractor on the PolNeAR-derived quotation data (evaluation only, never copied here).

Builds a Document from each record's text (paragraphs split on blank lines,
the record's date as the document date), runs `extract_quotes` with an empty
people registry (the benchmark's people are not in ours), writes predictions
to a temporary file, and runs the shared scorer on them. Prints the scorer's
summary, the score with `--speaker-kinds name`, and documents per second.

    .venv/bin/python bench/bench_quotes.py                 # dev and test
    .venv/bin/python bench/bench_quotes.py --split dev --errors
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
from briefing.model import Document  # noqa: E402

BENCH = Path("/work/shared/bench")


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


def predict(records: list[dict]) -> tuple[list[dict], float]:
    out = []
    t0 = time.perf_counter()
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
    return out, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both")
    ap.add_argument(
        "--data", type=Path, default=BENCH / "quotes", help="folder with polnear_{dev,test}.jsonl"
    )
    ap.add_argument("--scorer", type=Path, default=BENCH / "score_quotes.py")
    ap.add_argument("--errors", action="store_true", help="pass --errors to the scorer")
    args = ap.parse_args()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        gold = args.data / f"polnear_{split}.jsonl"
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        preds, seconds = predict(records)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p) + "\n")
            pred_path = fh.name
        print(f"# {split}: {len(records)} documents, {len(records) / seconds:.1f} documents/s")
        for extra in ([], ["--speaker-kinds", "name"]):
            cmd = [sys.executable, str(args.scorer), str(gold), pred_path, *extra]
            if args.errors and not extra:
                cmd.append("--errors")
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            label = " ".join(extra) or "all speakers"
            print(f"## {label}")
            print(res.stdout.rstrip())
        Path(pred_path).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
