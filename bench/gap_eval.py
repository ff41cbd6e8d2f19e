"""How well the gap analysis generalises: our corpus's cross-validation beside the dev set.

    python bench/gap_eval.py [--eval-dir ../shared/eval] [--out var/gap_eval] [--no-cv]

1. Leave-documents-out cross-validation on the project's own training corpus
   (samskapa.analysis.engine.train): passage F1 per area, each fold's thresholds chosen on the
   other folds.
2. The dev set in ../shared/eval through the product's command line, as a user would run it:
   `samskapa classify IN.jsonl -o OUT.jsonl` for passages, `samskapa analyse FILE... --format json`
   for documents (each dev document's passages written as one plain-text file), scored by the
   set's own score_gap.py. Only the final figures are read; the dev set measures, never trains.
   Skipped with a message when the set is absent.

A large gap between the two means the model learned our corpus rather than the framework.
Prints figures; never fails a build.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CLI = [sys.executable, "-m", "samskapa.analysis.engine.cli"]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run(args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(args, capture_output=True, text=True, check=False, env=env)


def figure(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    return found.group(1) if found else "?"


def corpus_cv() -> tuple[dict[str, float], float]:
    """Passage F1 per area and document-area accuracy, each document predicted by a model that never saw it."""
    from samskapa.analysis.engine.train import cross_validated_f1

    corpus, scores, fold_of, probs = corpus_scores(with_probs=True)
    per_area = cross_validated_f1(corpus, probs, fold_of)
    print(f"corpus: {len(corpus.texts)} passages read by the model, {len(set(corpus.groups))} documents")
    return per_area, document_accuracy(corpus, scores)


def corpus_scores(with_probs: bool = False):
    """Out-of-fold passage scores of the corpus on the report's scale (each fold's thresholds on 0.5)."""
    import numpy as np

    from samskapa.analysis.engine.lexicon import Lexicon
    from samskapa.analysis.engine.model import LexiconCache
    from samskapa.analysis.engine.train import best_thresholds, build_corpus, out_of_fold, read_rows

    corpus = build_corpus(read_rows())
    probs, fold_of = out_of_fold(corpus, LexiconCache(Lexicon.load()))
    scores = np.zeros(probs.shape)
    for k in np.unique(fold_of):
        # The report's scale: each fold's thresholds (from the other folds) land on 0.5.
        t = np.clip(best_thresholds(corpus.labels[fold_of != k], probs[fold_of != k]), 1e-6, 1 - 1e-6)
        p = np.clip(probs[fold_of == k], 1e-9, 1 - 1e-9)
        scores[fold_of == k] = 1.0 / (1.0 + np.exp(-(np.log(p / (1 - p)) - np.log(t / (1 - t)))))
    return (corpus, scores, fold_of, probs) if with_probs else (corpus, scores, fold_of)


def document_accuracy(corpus, scores) -> float:
    """Areas found (covered or weak) per made-up document, by the report's own rule (report.areas_found)."""
    import numpy as np

    from samskapa.analysis.engine.report import areas_found

    groups = np.array(corpus.groups)
    right = total = 0
    for doc in sorted(set(corpus.groups)):
        rows = np.where(groups == doc)[0]
        found = np.array(areas_found(scores[rows].tolist()))
        right += int((found == corpus.labels[rows].any(axis=0)).sum())
        total += scores.shape[1]
    return right / total


def element_cases(path: Path = ROOT / "tests" / "analysis" / "engine" / "elements_cases.txt") -> str:
    """Accuracy of the structural-element rules on the project's own cases (six languages, hard negatives)."""
    from samskapa.analysis.engine.classify import load_classifier
    from samskapa.analysis.engine.elements import detect_elements
    from samskapa.analysis.engine.passages import Passage

    cases = [
        [part.strip() for part in line.split("|", 3)]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    labels = load_classifier().classify_many([c[3] for c in cases], ["paragraph"] * len(cases))
    right = sum(
        detect_elements([Passage("p1", text, 1, "paragraph")], [lab])[element].present == (sign == "+")
        for (_, element, sign, text), lab in zip(cases, labels, strict=True)
    )
    return f"{right / len(cases):.3f}"


def dev_passages(rows: list[dict], out: Path, scorer: Path, gold: Path) -> tuple[str, float]:
    src, pred = out / "passages-in.jsonl", out / "passages.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps({"passage_id": row["passage_id"], "text": row["text"]}, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    done = run([*CLI, "classify", str(src), "-o", str(pred)])
    elapsed = time.perf_counter() - started
    if done.returncode:
        print(done.stderr)
    return run([sys.executable, str(scorer), "passages", str(gold), str(pred)]).stdout, elapsed


def dev_documents(rows: list[dict], out: Path, scorer: Path, gold: Path) -> str:
    """Each dev document's passages as one text file (blank line between them), analysed by the CLI."""
    docs_dir = out / "documents"
    docs_dir.mkdir(exist_ok=True)
    by_doc: dict[str, list[str]] = {}
    for row in rows:
        by_doc.setdefault(row["doc_id"], []).append(row["text"])
    paths = []
    for doc_id, texts in by_doc.items():
        path = docs_dir / f"{doc_id}.txt"
        path.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
        paths.append(str(path))
    done = run([*CLI, "analyse", *paths, "--format", "json"])
    reports = json.loads(done.stdout or "[]")
    reports = reports if isinstance(reports, list) else [reports]
    pred = out / "documents.jsonl"
    with open(pred, "w", encoding="utf-8") as f:
        for report in reports:
            shape = {
                "doc_id": report["doc_id"],
                "areas": {c: a["status"] != "missing" for c, a in report["areas"].items()},
                "elements": {n: e["present"] for n, e in report["elements"].items()},
            }
            f.write(json.dumps(shape) + "\n")
    return run([sys.executable, str(scorer), "documents", str(gold), str(pred)]).stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--out", default=str(ROOT / "var" / "gap_eval"))
    parser.add_argument("--verbose", action="store_true", help="print the scorer's per-label tables")
    parser.add_argument("--no-cv", action="store_true", help="skip the corpus cross-validation")
    args = parser.parse_args(argv)
    cv, cv_docs = ({}, float("nan")) if args.no_cv else corpus_cv()
    eval_dir, out = Path(args.eval_dir), Path(args.out)
    gold_passages, gold_docs, scorer = (
        eval_dir / "gap-dev.jsonl",
        eval_dir / "gap-dev-docs.jsonl",
        eval_dir / "score_gap.py",
    )
    dev: dict[str, str] = {}
    if gold_passages.exists() and gold_docs.exists() and scorer.exists():
        out.mkdir(parents=True, exist_ok=True)
        rows = read_jsonl(gold_passages)
        passage_out, elapsed = dev_passages(rows, out, scorer, gold_passages)
        doc_out = dev_documents(rows, out, scorer, gold_docs)
        if args.verbose:
            print(passage_out, doc_out, sep="\n")
        for code in ("EDU", "EMP", "HEA", "HOU", "PAR", "CHI", "EQU", "INF", "GOV", "MON"):
            dev[code] = figure(rf"{code}\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)", passage_out)
        dev["macro"] = figure(r"macro_f1=([\d.]+)", passage_out)
        dev["areas"] = figure(r"areas_accuracy=([\d.]+)", doc_out)
        dev["elements"] = figure(r"elements_accuracy=([\d.]+)", doc_out)
        dev["time"] = f"{elapsed:.1f} s for {len(rows)} passages (CLI, with start-up)"
    else:
        print(f"dev set not found in {eval_dir}; its column is skipped")
    print(f"{'passage F1':22} {'corpus CV':>10} {'dev (CLI)':>10}")
    for code in ("EDU", "EMP", "HEA", "HOU", "PAR", "CHI", "EQU", "INF", "GOV", "MON"):
        print(f"  {code:20} {cv.get(code, float('nan')):10.3f} {dev.get(code, '-'):>10}")
    macro = sum(cv.values()) / len(cv) if cv else float("nan")
    print(f"{'macro-F1 (>= 0.75)':22} {macro:10.3f} {dev.get('macro', '-'):>10}")
    print(f"{'document areas (>= 0.90)':22} {cv_docs:10.3f} {dev.get('areas', '-'):>10}")
    print(f"{'elements (>= 0.85)':22} {'':>10} {dev.get('elements', '-'):>10}")
    print(f"{'elements, own cases':22} {element_cases():>10}")
    if "time" in dev:
        print(f"dev classification: {dev['time']}; predictions in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
