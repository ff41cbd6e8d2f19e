"""Passages: the paragraphs and list items of a document, with page and heading context."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .extract import ExtractedDocument
from .text import passage_shape, word_count

MAX_WORDS = 220  # longer blocks are split at sentence ends so evidence stays readable
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÆØÜ0-9\"“])")


@dataclass
class Passage:
    id: str
    text: str
    page: int
    kind: str  # heading | item | paragraph | toc | meta | procedural
    heading: str | None = None
    language: str | None = None

    def to_dict(self) -> dict:
        return {
            "passage_id": self.id,
            "text": self.text,
            "page": self.page,
            "kind": self.kind,
            "heading": self.heading,
            "language": self.language,
        }


def split_long(text: str, max_words: int = MAX_WORDS) -> list[str]:
    if word_count(text) <= max_words:
        return [text]
    parts, current = [], ""
    for sentence in _SENTENCE.split(text):
        if current and word_count(current) + word_count(sentence) > max_words:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        parts.append(current)
    return parts


def shape_of(text: str, hint: str | None) -> str:
    """The format's own markup wins for headings; the text decides the rest."""
    guessed = passage_shape(text)
    if hint == "heading":
        return "heading" if word_count(text) <= 25 else guessed
    if hint == "item" and guessed in ("paragraph", "heading"):
        return "item"
    return guessed


def build_passages(doc: ExtractedDocument) -> list[Passage]:
    passages: list[Passage] = []
    heading: str | None = None
    for page in doc.pages:
        for block in page.blocks:
            for text in split_long(" ".join(block.text.split())):
                if not text:
                    continue
                kind = shape_of(text, block.kind)
                passages.append(Passage(f"p{len(passages) + 1:04d}", text, page.number, kind, heading))
                if kind == "heading":
                    heading = text
    return passages
