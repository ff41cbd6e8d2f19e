"""Passage classifier: which of the ten framework areas a passage is about.

Default mode ("lexicon"): the curated multilingual term lists give each area a raw score;
a small linear model (data/model.json, trained by ``python -m
samskapa.analysis.engine.train`` on the project's own example passages) turns the raw
scores and the passage's shape into a probability per area. Labelling rules from the
taxonomy are applied first: headings, table-of-contents lines, dates and links get no
labels. Runtime needs only the standard library (numpy is not required for predicting).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import CODES, DATA_DIR, Lexicon
from .text import fold, passage_shape, strip_bullet, word_count

UNLABELLED_SHAPES = frozenset({"heading", "toc", "meta", "procedural"})
# "The programme has four themes: work, housing, education and health." The taxonomy labels
# such enumerations in running text item by item: every theme named in the list counts.
_ENUMERATION = re.compile(
    r"(?:area|theme|priorit|focus|pillar|strand|omrad|tema|helhet|fokus|malen|painopist|teema|"
    r"osa-alue|tavoitte|innsats|satsning|handlungsfeld|schwerpunkt|themen|bereich)"
    r"[^:.;!?]{0,60}:\s*([^:.;!?]{8,300})"
)
_LIST_SEPARATOR = re.compile(r",|\s(?:och|and|ja|sekä|og|und|samt|&)\s|\s[-–•]\s")


@dataclass
class PassageLabels:
    """The areas a passage is about, with a probability per area and the terms seen."""

    labels: list[str]
    scores: dict[str, float]
    terms: dict[str, list[str]] = field(default_factory=dict)
    shape: str = "paragraph"

    def to_dict(self) -> dict:
        return {"labels": self.labels, "scores": self.scores}


def features(raw: dict[str, float], shape: str, n_words: int) -> dict[str, list[float]]:
    """Per-area feature vectors for the linear model (same function in training)."""
    total = sum(raw.values()) or 1.0
    top = max(raw.values(), default=0.0) or 1.0
    length = math.log1p(n_words)
    named = sum(1 for v in raw.values() if v >= 1.0)  # several areas named: an enumeration
    enumeration = 1.0 if named >= 3 else 0.0
    out = {}
    for code in CODES:
        s = raw.get(code, 0.0)
        out[code] = [
            s,
            math.log1p(s),
            s / top,
            s / total,
            1.0 if s >= 1.0 else 0.0,
            length,
            s / math.sqrt(max(n_words, 1)),
            1.0 if shape == "item" else 0.0,
            enumeration * (1.0 if s >= 1.0 else 0.0),
        ]
    return out


class Classifier:
    """Lexicon scores, shape rules and a per-area logistic model."""

    def __init__(self, lexicon: Lexicon, model: dict | None = None) -> None:
        self.lexicon = lexicon
        self.model = model
        self.threshold = (model or {}).get("threshold", 0.5)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Classifier:
        model_path = data_dir / "model.json"
        model = None
        if model_path.exists():
            with open(model_path, encoding="utf-8") as f:
                model = json.load(f)
        return cls(Lexicon.load(data_dir / "terms.json"), model)

    def raw_scores(self, text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
        hits = self.lexicon.match(text)
        return {a: h.score for a, h in hits.items()}, {a: h.terms for a, h in hits.items()}

    def probabilities(self, raw: dict[str, float], shape: str, n_words: int) -> dict[str, float]:
        feats = features(raw, shape, n_words)
        probs = {}
        for code in CODES:
            if self.model is None:
                z = 3.0 * (raw.get(code, 0.0) - 0.99)
            else:
                w = self.model["weights"][code]
                z = w["bias"] + sum(a * b for a, b in zip(w["coef"], feats[code], strict=True))
            probs[code] = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        return probs

    def enumerated_areas(self, text: str) -> set[str]:
        """Areas named in a short-item list after a colon (at least three items)."""
        found: set[str] = set()
        for m in _ENUMERATION.finditer(fold(text)):
            items = [i for i in _LIST_SEPARATOR.split(m.group(1)) if i.strip()]
            if len(items) < 3 or max(len(i.split()) for i in items) > 5:
                continue
            for item in items:
                raw, _ = self.raw_scores(item)
                if raw:
                    top = max(raw.values())
                    found.update(a for a, v in raw.items() if v == top and v >= 0.5)
        return found

    def classify(self, text: str, shape: str | None = None) -> PassageLabels:
        shape = shape or passage_shape(text)
        body = strip_bullet(text) if shape == "item" else text
        cells = [c.strip() for c in body.split(" | ") if c.strip()]
        if len(cells) >= 3:  # a table row: the action itself, not its theme/owner/time columns
            body = max(cells, key=len)
        raw, terms = self.raw_scores(body)
        if shape in UNLABELLED_SHAPES:
            return PassageLabels([], {c: 0.0 for c in CODES}, terms, shape)
        probs = self.probabilities(raw, shape, word_count(body))
        enumerated = self.enumerated_areas(body) if ":" in body else set()
        for code in enumerated:
            probs[code] = max(probs[code], self.threshold)
        labels = [c for c in CODES if probs[c] >= self.threshold]
        return PassageLabels(labels, {c: round(p, 4) for c, p in probs.items()}, terms, shape)

    def classify_many(
        self, texts: list[str], shapes: list[str | None] | None = None, progress=None
    ) -> list[PassageLabels]:
        shapes = shapes or [None] * len(texts)
        out = []
        for n, (text, shape) in enumerate(zip(texts, shapes, strict=True), 1):
            out.append(self.classify(text, shape))
            if progress is not None and (n % 200 == 0 or n == len(texts)):
                progress(n, len(texts))
        return out


@lru_cache(maxsize=1)
def load_classifier() -> Classifier:
    """The shipped classifier, loaded once per process."""
    return Classifier.load()


def classify_texts(
    texts: list[str], *, shapes: list[str | None] | None = None, progress=None, mode: str = "fast"
) -> list[PassageLabels]:
    """Label passages with area codes; ``shapes`` may say which are headings or items.

    ``mode="accurate"`` uses the optional language model (see accurate.py); it raises
    DocumentError when that is not installed.
    """
    if mode == "fast":
        return load_classifier().classify_many(texts, shapes, progress)
    from .report import classifier_for

    return classifier_for(mode).classify_many(texts, shapes, progress)
