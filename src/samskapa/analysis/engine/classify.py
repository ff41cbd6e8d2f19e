"""Passage classifier: which of the ten framework areas a passage is about.

The learned model (model.py: word and character n-grams, term-list scores, the section a
passage sits under and its shape, one logistic regression per area) gives each area a
score; labelling rules from the taxonomy are applied around it: headings, table-of-contents
lines, captions, page furniture, disclaimers, dates, links and adoption statements get no
labels, and an enumeration of themes in running text gets every theme it names.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .lexicon import CODES, DATA_DIR, Lexicon
from .model import MODEL_PATH, Inputs, LexiconCache, PassageModel
from .shapes import NON_EVIDENCE, kind_of
from .text import fold, strip_bullet

UNLABELLED_SHAPES = NON_EVIDENCE
BATCH = 256  # passages vectorised together; progress is reported per batch
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


def model_body(text: str, kind: str) -> str:
    """The words the model reads: a list item without its bullet, a table row's longest cell."""
    body = strip_bullet(text) if kind == "item" else text
    cells = [c.strip() for c in body.split(" | ") if c.strip()]
    if len(cells) >= 3:  # a table row: the action itself, not its theme/owner/time columns
        body = max(cells, key=len)
    return body


class Classifier:
    """Labelling rules around the learned model (or, without a model file, the term lists)."""

    def __init__(self, lexicon: Lexicon, model: PassageModel | None = None) -> None:
        self.lexicon = lexicon
        self.cache = LexiconCache(lexicon)
        self.model = model
        self.threshold = 0.5

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Classifier:
        model_path = data_dir / MODEL_PATH.name
        return cls(Lexicon.load(data_dir / "terms.json"), PassageModel.load(model_path))

    def raw_scores(self, text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
        return self.cache.scores(text)

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

    def _scores(self, bodies: list[str], kinds: list[str], sections: list[str | None], raws: list[dict]) -> list:
        if self.model is not None:
            return self.model.probabilities(Inputs(bodies, kinds, sections), raws, self.cache).tolist()
        # No model file (a fresh checkout before training): the term lists alone decide.
        return [[1.0 / (1.0 + math.exp(-3.0 * (r.get(c, 0.0) - 0.99))) for c in CODES] for r in raws]

    def _batch(self, texts: list[str], kinds: list[str], sections: list[str | None]) -> list[PassageLabels]:
        bodies = [model_body(t, k) for t, k in zip(texts, kinds, strict=True)]
        hits = [self.raw_scores(b) for b in bodies]
        read = [i for i, k in enumerate(kinds) if k not in UNLABELLED_SHAPES]
        scores = self._scores(
            [bodies[i] for i in read], [kinds[i] for i in read], [sections[i] for i in read], [hits[i][0] for i in read]
        )
        out = [PassageLabels([], {c: 0.0 for c in CODES}, hits[i][1], kinds[i]) for i in range(len(texts))]
        for i, row in zip(read, scores, strict=True):
            probs = dict(zip(CODES, row, strict=True))
            for code in self.enumerated_areas(bodies[i]) if ":" in bodies[i] else ():
                probs[code] = max(probs[code], self.threshold)
            labels = [c for c in CODES if probs[c] >= self.threshold]
            out[i] = PassageLabels(labels, {c: round(float(p), 4) for c, p in probs.items()}, hits[i][1], kinds[i])
        return out

    def classify(self, text: str, shape: str | None = None, section: str | None = None) -> PassageLabels:
        return self.classify_many([text], [shape], sections=[section])[0]

    def classify_many(
        self,
        texts: list[str],
        shapes: list[str | None] | None = None,
        progress=None,
        sections: list[str | None] | None = None,
    ) -> list[PassageLabels]:
        """Label passages; ``shapes`` are kinds already known (or None: guessed from the text)."""
        shapes = shapes or [None] * len(texts)
        sections = sections or [None] * len(texts)
        kinds = [
            s if s in UNLABELLED_SHAPES or s in ("paragraph", "item", "table_cell") else kind_of(t, s)
            for t, s in zip(texts, shapes, strict=True)
        ]
        out: list[PassageLabels] = []
        for start in range(0, len(texts), BATCH):
            end = start + BATCH
            out.extend(self._batch(texts[start:end], kinds[start:end], sections[start:end]))
            if progress is not None:
                progress(min(end, len(texts)), len(texts))
        return out


@lru_cache(maxsize=1)
def load_classifier() -> Classifier:
    """The shipped classifier, loaded once per process."""
    return Classifier.load()


def classify_texts(texts: list[str], *, shapes: list[str | None] | None = None, progress=None) -> list[PassageLabels]:
    """Label passages with area codes; ``shapes`` may say which are headings or items."""
    return load_classifier().classify_many(texts, shapes, progress)
