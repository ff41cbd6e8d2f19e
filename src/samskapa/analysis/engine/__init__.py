"""Offline gap-analysis engine: documents in, framework coverage and structural elements out.

Pure Python, no Django: the web app, the background worker and the command line call the
same functions.

    analyse_bytes(data, filename, *, lang=None, progress=None) -> DocumentReport
    classify_texts(texts) -> list[PassageLabels]
    load_classifier() -> Classifier (cached)
"""

from .classify import Classifier, PassageLabels, classify_texts, load_classifier
from .elements import ELEMENTS
from .errors import DocumentError
from .extract import Limits, ocr_available
from .lexicon import CODES
from .report import DocumentReport, analyse_bytes, analyse_file, analyse_passages

__all__ = [
    "CODES",
    "ELEMENTS",
    "Classifier",
    "DocumentError",
    "DocumentReport",
    "Limits",
    "PassageLabels",
    "analyse_bytes",
    "analyse_file",
    "analyse_passages",
    "classify_texts",
    "load_classifier",
    "ocr_available",
]
