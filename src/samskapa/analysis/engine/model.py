"""The learned passage model: features that carry to new text, and a linear model per area.

Features of a passage (the same function in training and at run time):

* word uni- and bigrams and character n-grams (2-5, inside word boundaries, which suits the
  compounds and inflections of Swedish, Finnish, Norwegian, Danish and German), TF-IDF
  weighted, on accent-folded text;
* the curated term lists' score per area (lexicon.py), for the passage and for the heading
  of the section it sits under;
* its shape: paragraph, list item or table cell, and its length.

The model is one logistic regression per area (one-vs-rest), trained by
``python -m samskapa.analysis.engine.train`` on the project's own corpus. It is stored as
plain arrays in ``data/model.npz`` (vocabularies, IDF weights, coefficients, per-area
thresholds chosen by cross-validation), loaded with ``allow_pickle=False``: nothing in the
file can run code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from .lexicon import CODES, DATA_DIR, Lexicon
from .text import fold, word_count

MODEL_PATH = DATA_DIR / "model.npz"
KIND_FEATURES = ("paragraph", "item", "table_cell")
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
WORD_PATTERN = r"(?u)\b\w\w+\b"  # two letters or more, as scikit-learn counts words
DENSE_NAMES = (
    [f"lex_{c}" for c in CODES]
    + [f"section_{c}" for c in CODES]
    + [f"kind_{k}" for k in KIND_FEATURES]
    + ["log_words", "areas_named"]
)


def word_vectorizer(vocabulary: dict[str, int] | None = None, **kwargs) -> CountVectorizer:
    return CountVectorizer(
        analyzer="word",
        token_pattern=WORD_PATTERN,
        ngram_range=WORD_NGRAMS,
        preprocessor=fold,
        vocabulary=vocabulary,
        dtype=np.float32,
        **kwargs,
    )


def char_vectorizer(vocabulary: dict[str, int] | None = None, **kwargs) -> CountVectorizer:
    return CountVectorizer(
        analyzer="char_wb",
        ngram_range=CHAR_NGRAMS,
        preprocessor=fold,
        vocabulary=vocabulary,
        dtype=np.float32,
        **kwargs,
    )


def tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear term frequency times IDF, each row scaled to unit length."""
    counts = counts.tocsr(copy=True)
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts.multiply(idf[None, :]).tocsr(), copy=False)


def dense_features(raw: dict[str, float], section: dict[str, float], kind: str, n_words: int) -> list[float]:
    named = sum(1 for v in raw.values() if v >= 1.0)
    return (
        [math.log1p(raw.get(c, 0.0)) for c in CODES]
        + [0.5 * math.log1p(section.get(c, 0.0)) for c in CODES]
        + [1.0 if kind == k else 0.0 for k in KIND_FEATURES]
        + [math.log1p(n_words) / 5.0, min(named, 4) / 4.0]
    )


@dataclass
class Inputs:
    """What the model reads of each passage; ``sections`` are the headings they sit under."""

    texts: list[str]
    kinds: list[str]
    sections: list[str | None]


class LexiconCache:
    """Term-list scores; section headings repeat, so theirs are remembered."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._sections: dict[str, dict[str, float]] = {}

    def scores(self, text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
        hits = self.lexicon.match(text)
        return {a: h.score for a, h in hits.items()}, {a: h.terms for a, h in hits.items()}

    def section(self, heading: str | None) -> dict[str, float]:
        if not heading:
            return {}
        if heading not in self._sections:
            if len(self._sections) > 5000:
                self._sections.clear()
            self._sections[heading] = self.scores(heading)[0]
        return self._sections[heading]


def feature_matrix(
    inputs: Inputs,
    raw: list[dict[str, float]],
    lexicon: LexiconCache,
    word: CountVectorizer,
    char: CountVectorizer,
    idf_word: np.ndarray,
    idf_char: np.ndarray,
) -> sparse.csr_matrix:
    dense = np.array(
        [
            dense_features(r, lexicon.section(s), k, word_count(t))
            for t, k, s, r in zip(inputs.texts, inputs.kinds, inputs.sections, raw, strict=True)
        ],
        dtype=np.float32,
    ).reshape(len(inputs.texts), len(DENSE_NAMES))
    return sparse.hstack(
        [
            tfidf(word.transform(inputs.texts), idf_word),
            tfidf(char.transform(inputs.texts), idf_char),
            sparse.csr_matrix(dense),
        ],
        format="csr",
    )


class PassageModel:
    """Vocabularies, IDF weights, coefficients and thresholds, as stored in model.npz."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.word_vocab = {t: i for i, t in enumerate(arrays["word_vocab"].tolist())}
        self.char_vocab = {t: i for i, t in enumerate(arrays["char_vocab"].tolist())}
        self.idf_word = arrays["idf_word"].astype(np.float32)
        self.idf_char = arrays["idf_char"].astype(np.float32)
        self.coef = arrays["coef"].astype(np.float32)  # areas x features
        self.intercept = arrays["intercept"].astype(np.float32)
        self.thresholds = arrays["thresholds"].astype(np.float64)
        self.word = word_vectorizer(self.word_vocab)
        self.char = char_vectorizer(self.char_vocab)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> PassageModel | None:
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as data:
            return cls({k: data[k] for k in data.files})

    def probabilities(self, inputs: Inputs, raw: list[dict[str, float]], lexicon: LexiconCache) -> np.ndarray:
        """One row per passage, one column per area: scores where 0.5 is the area's threshold.

        The model's probability is shifted on the logit scale so that the threshold chosen
        by cross-validation for each area lands on 0.5; "score >= 0.5" means "labelled".
        """
        if not inputs.texts:
            return np.zeros((0, len(CODES)))
        x = feature_matrix(inputs, raw, lexicon, self.word, self.char, self.idf_word, self.idf_char)
        z = np.asarray(x @ self.coef.T, dtype=np.float64) + self.intercept
        t = np.clip(self.thresholds, 1e-6, 1 - 1e-6)
        z -= np.log(t / (1 - t))
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
