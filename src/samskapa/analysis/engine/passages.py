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
from .shapes import (
    furniture_key,
    furniture_lines,
    is_toc_heading,
    kind_of,
    looks_like_toc_line,
    repeated_lines,
)
from .text import word_count

MAX_WORDS = 60  # a block longer than this is cut into groups of sentences
GROUP_WORDS = 30  # target size of one group: one or two ordinary sentences, each mostly about one thing
# A sentence ends at . ! ? followed by a capital or a digit; "t.ex. att" or "z. B. die" do not end one.
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-ZÅÄÖÆØÜ0-9\"“•–-])")
# Abbreviations a sentence goes on after, in the six languages (compared without case). "etc.", "osv.",
# "usw.", "jne.", "m.m.", "m.fl." and "mv." end a list and often the sentence with it, so before a capital
# they are taken as its end (before a small letter no sentence ends anyway).
_ABBREVIATIONS = str.split(
    "t.ex bl.a d.v.s dvs s.k fr.o.m t.o.m f.d jfr resp inkl exkl ca kap st kl nr s p pp "  # sv
    "esim mm ns n ks vrt yms tms ym klo s.k "  # fi
    "e.g i.e cf vs approx dr mr mrs ms st no para fig figs tab ch sec "  # en
    "f.eks fx pga evt ift vedr jf bl.a mht hhv "  # no, da
    "z.b d.h u.a bzw ggf vgl evtl sog abs art prof hr fr gem bzgl ziff "  # de
)
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:" + "|".join(re.escape(a) for a in sorted(set(_ABBREVIATIONS), key=len, reverse=True)) + r")\.$",
    re.I,
)
# Abbreviations written with a space inside ("z. B.", "d. h.", "u. a.", "t. ex.") are kept whole.
_SPACED_ABBREVIATION = re.compile(r"\b(z|d|u|o|t|b|m|s|e|i)\.\s(B|h|a|ä|ex|a|m|k|g|e)\.", re.I)
_GLUE = "\ue000"
# An initial ("K. Nieminen") or an ordinal before a month ("am 1. Januar", "den 3. Mai") is not an end.
_INITIAL = re.compile(r"(?:^|\s)[A-ZÅÄÖÆØÜ]\.$")
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|mai|maj|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|tammi|helmi|maalis|huhti|touko|"
    r"kesä|heinä|elo|syys|loka|marras|joulu)",
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
    glued = _SPACED_ABBREVIATION.sub(lambda m: f"{m.group(1)}.{_GLUE}{m.group(2)}.", text)
    out: list[str] = []
    for piece in _SENTENCE.split(glued):
        if out and _goes_on(out[-1], piece):
            out[-1] = f"{out[-1]} {piece}"  # "bl.a." "z.B." "ca." are not the sentence's real end
        else:
            out.append(piece)
    return [s.replace(_GLUE, " ").strip() for s in out if s.strip()]


def _goes_on(before: str, after: str) -> bool:
    """Whether the sentence ``before`` really goes on into ``after`` (it ended in an abbreviation)."""
    return bool(
        _ABBREVIATION.search(before.replace(_GLUE, ""))
        or _INITIAL.search(before)
        or (_ORDINAL.search(before) and _MONTH.match(after))
    )


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
    texts = [[" ".join(b.text.split()) for b in page.blocks] for page in doc.pages]
    furniture = furniture_lines(texts)
    if len(doc.pages) < 3:  # no page breaks to compare: lines that keep coming back
        furniture |= repeated_lines([t for page in texts for t in page])
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
                kind = block_kind if text == joined else _piece_kind(text, block_kind)
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
    _mark_contents_runs(passages)
    return passages


def _piece_kind(text: str, block_kind: str) -> str:
    """A sentence cut out of a paragraph stays running text unless it is a caption, disclaimer ..."""
    kind = kind_of(text, "item" if block_kind == "item" else None)
    return block_kind if kind == "heading" else kind


def _mark_contents_runs(passages: list[Passage], min_run: int = 3) -> None:
    """Three or more lines in a row that end in a page number are a table of contents, even untitled."""
    run: list[Passage] = []
    for p in [*passages, None]:
        if p is not None and p.kind in ("heading", "paragraph", "item", "toc") and looks_like_toc_line(p.text):
            run.append(p)
            continue
        if len(run) >= min_run:
            for q in run:
                q.kind = "toc"
        run = []
