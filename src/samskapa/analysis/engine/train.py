"""Train the small linear model that turns term-list scores into area probabilities.

    python -m samskapa.analysis.engine.train [--check]

Reads the project's own example passages (data/examples.jsonl, written for the project
following the labelling rules of the taxonomy) and writes data/model.json. One logistic
model is shared by all areas (same weights on the score features, one bias per area), so
the few examples per area are enough. Fitting is plain Newton's method with an L2 penalty
in numpy: deterministic, no random state, no scikit-learn. ``--check`` retrains in memory
and exits non-zero when the result differs from the committed file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .classify import Classifier, features
from .lexicon import CODES, DATA_DIR, Lexicon
from .text import passage_shape, strip_bullet, word_count

L2 = 1.0
ITERATIONS = 50
DECIMALS = 5
FEATURE_NAMES = [
    "score",
    "log_score",
    "share_of_top",
    "share_of_total",
    "at_least_one",
    "log_words",
    "score_per_sqrt_word",
    "is_item",
    "named_in_enumeration",
]


def load_examples(path: Path = DATA_DIR / "examples.jsonl") -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def design_matrix(examples: list[dict], lexicon: Lexicon):
    import numpy as np

    clf = Classifier(lexicon, None)
    rows, targets = [], []
    for ex in examples:
        shape = passage_shape(ex["text"])
        if shape in ("heading", "toc", "meta", "procedural"):
            continue  # the rules, not the model, decide these
        body = strip_bullet(ex["text"]) if shape == "item" else ex["text"]
        cells = [c.strip() for c in body.split(" | ") if c.strip()]
        if len(cells) >= 3:
            body = max(cells, key=len)
        raw, _ = clf.raw_scores(body)
        feats = features(raw, shape, word_count(body))
        for k, code in enumerate(CODES):
            onehot = [1.0 if j == k else 0.0 for j in range(len(CODES))]
            rows.append(feats[code] + onehot)
            targets.append(1.0 if code in ex["labels"] else 0.0)
    return np.array(rows), np.array(targets)


def fit(x, y):
    """L2-penalised logistic regression by Newton's method (biases not penalised)."""
    import numpy as np

    n_feat = x.shape[1] - len(CODES)
    w = np.zeros(x.shape[1])
    penalty = np.array([L2] * n_feat + [0.0] * len(CODES))
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w


def train(examples: list[dict] | None = None, lexicon: Lexicon | None = None) -> dict:
    lexicon = lexicon or Lexicon.load()
    x, y = design_matrix(examples or load_examples(), lexicon)
    w = fit(x, y)
    n_feat = len(FEATURE_NAMES)
    coef = [round(float(v), DECIMALS) for v in w[:n_feat]]
    return {
        "about": "Logistic model over term-list features; trained by "
        "`python -m samskapa.analysis.engine.train` from data/examples.jsonl.",
        "features": FEATURE_NAMES,
        "threshold": 0.5,
        "n_examples": len(examples or load_examples()),
        "weights": {
            code: {"coef": coef, "bias": round(float(w[n_feat + k]), DECIMALS)} for k, code in enumerate(CODES)
        },
    }


def write_or_check(target: Path, model: dict, *, check: bool) -> int:
    """Write a trained model as JSON, or (``check``) say whether the committed file is the same."""
    text = json.dumps(model, indent=1, ensure_ascii=False) + "\n"
    if check:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print(f"{target.name} is up to date" if same else f"{target.name} differs from a retrain")  # noqa: T201
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} from {model['n_examples']} examples")  # noqa: T201 - command-line output
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with data/model.json")
    args = parser.parse_args(argv)
    return write_or_check(DATA_DIR / "model.json", train(), check=args.check)


if __name__ == "__main__":
    sys.exit(main())
