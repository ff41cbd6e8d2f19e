"""Choose the report's document-area rule by leave-documents-out cross-validation on our corpus.

    python bench/gap_doc_rule.py

Each made-up document of the training corpus gets passage scores from a model that never saw
it (the same scale as the report: each fold's thresholds on 0.5). For every candidate rule (the
score one passage needs, how that need grows with the document's length, how many areas one
passage may count for) the document-area accuracy is measured; the figure printed last is
nested: for each fold the rule is chosen on the other folds and scored on that fold. The dev set
plays no part. Prints figures; changes nothing.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def oof_scores():
    from gap_eval import corpus_scores

    return corpus_scores()


def accuracy(corpus, scores, docs, rule) -> tuple[int, int]:
    from samskapa.analysis.engine.report import areas_found

    groups = np.array(corpus.groups)
    right = total = 0
    for doc in docs:
        rows = np.where(groups == doc)[0]
        found = np.array(areas_found([list(scores[r]) for r in rows], **rule))
        right += int((found == corpus.labels[rows].any(axis=0)).sum())
        total += scores.shape[1]
    return right, total


def main() -> int:
    corpus, scores, fold_of = oof_scores()
    groups = np.array(corpus.groups)
    doc_fold = {d: int(fold_of[np.where(groups == d)[0][0]]) for d in sorted(set(corpus.groups))}
    grid = [
        {"min_score": t, "length_slope": a, "per_passage": k, "pair_score": pair}
        for t, a, k, pair in itertools.product((0.2, 0.3, 0.4, 0.5), (0.0, 0.5, 1.0), (1, 2, 3), (None, 0.25))
        if pair is None or pair < t
    ]
    table = {}
    for i, rule in enumerate(grid):
        table[i] = {
            k: accuracy(corpus, scores, [d for d, f in doc_fold.items() if f == k], rule)
            for k in set(doc_fold.values())
        }
    whole = sorted(
        ((sum(r for r, _ in v.values()) / sum(t for _, t in v.values()), i) for i, v in table.items()), reverse=True
    )
    for acc, i in whole[:8]:
        print(f"{acc:.4f}  {grid[i]}")
    right = total = 0
    for k in sorted(set(doc_fold.values())):
        best = max(table, key=lambda i: (sum(table[i][j][0] for j in table[i] if j != k), -i))
        r, t = table[best][k]
        right, total = right + r, total + t
        print(f"fold {k}: chosen on the other folds {grid[best]} -> {r / t:.4f}")
    print(f"nested leave-documents-out document-area accuracy {right / total:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
