"""Passages as a reader would cut them: paragraphs, list items and small groups of sentences.

A long block (a text export often puts a whole chapter in one) is split into sentences and
regrouped into passages of a few sentences, so that each passage is about one or two things
and the evidence a report shows is readable. Page furniture that repeats on many pages,
table-of-contents lines, captions and disclaimers keep their own kind (see shapes.py) and
are never evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .extract import ExtractedDocument
from .shapes import furniture_key, furniture_lines, is_toc_heading, kind_of, looks_like_toc_line
from .text import word_count

MAX_WORDS = 60  # a block longer than this is cut into groups of sentences
GROUP_WORDS = 30  # target size of one group: one or two ordinary sentences, each mostly about one thing
# A sentence ends at . ! ? followed by a capital or a digit; "t.ex. att" or "z. B. die" do not end one.
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-ZÅÄÖÆØÜ0-9\"“•–-])")
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:t\.ex|bl\.a|m\.m|m\.fl|d\.v\.s|dvs|osv|ca|esim|mm|jne|ym|ns|nr|kap|s|p|z\.\s?B|bzw|ggf|vgl|u\.a|"
    r"e\.g|i\.e|etc|f\.eks|bl\.a|jf|fig|tab)\.$",
    re.I,
)


@dataclass
class Passage:
    id: str
    text: str
    page: int
    kind: str  # heading | item | paragraph | table_cell | toc | meta | procedural | caption | disclaimer | boilerplate
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


def sentences(text: str) -> list[str]:
    """The sentences of a block, keeping abbreviations such as "t.ex." inside their sentence."""
    out: list[str] = []
    for piece in _SENTENCE.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"  # "bl.a." "z.B." "ca." are not the sentence's real end
        else:
            out.append(piece)
    return [s.strip() for s in out if s.strip()]


def split_long(text: str, max_words: int = MAX_WORDS, group_words: int = GROUP_WORDS) -> list[str]:
    """A long block as groups of whole sentences of about ``group_words`` words each."""
    if word_count(text) <= max_words:
        return [text]
    parts: list[str] = []
    current = ""
    for sentence in sentences(text):
        if current and word_count(current) + word_count(sentence) > group_words:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        parts.append(current)
    return parts


def shape_of(text: str, hint: str | None) -> str:
    """Kind of a bare passage (kept for callers that have no document around the text)."""
    return kind_of(text, hint)


def build_passages(doc: ExtractedDocument) -> list[Passage]:
    furniture = furniture_lines([[b.text for b in page.blocks] for page in doc.pages])
    passages: list[Passage] = []
    heading: str | None = None
    in_toc, toc_page = False, 0
    for page in doc.pages:
        for block in page.blocks:
            joined = " ".join(block.text.split())
            if not joined:
                continue
            block_kind = kind_of(joined, block.kind)
            for text in split_long(joined) if block_kind in ("paragraph", "item", "table_cell") else [joined]:
                kind = block_kind if text == joined else kind_of(text, "item" if block_kind == "item" else None)
                if word_count(text) <= 14 and furniture_key(text) in furniture:
                    kind = "meta"
                elif in_toc and (looks_like_toc_line(text) or (kind == "heading" and page.number == toc_page)):
                    kind = "toc"  # entries of the contents, with or without their page numbers
                passages.append(Passage(f"p{len(passages) + 1:04d}", text, page.number, kind, heading))
                if kind == "heading":
                    in_toc, toc_page = is_toc_heading(text), page.number
                    heading = None if in_toc else text
                elif kind not in ("toc", "meta"):
                    in_toc = False
    return passages
