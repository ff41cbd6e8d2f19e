"""Match the curated term lists (data/terms.json) against a passage.

Terms are matched on folded tokens, so inflected and compound forms in Swedish, Finnish,
Norwegian, Danish and German are found without a lemmatiser: ``bostad*`` is a prefix,
``*bostad`` a compound head, ``*utbildning*`` anywhere inside a word.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .text import TOKEN_RE, fold

CODES = ("EDU", "EMP", "HEA", "HOU", "PAR", "CHI", "EQU", "INF", "GOV", "MON")
DATA_DIR = Path(__file__).parent / "data"
WEIGHTS = {"strong": 1.0, "weak": 0.5}
REPEAT_WEIGHT = 0.3  # a term said again adds a little, not as much as a new term
WEAK_CAP = 0.5  # weak terms only support strong ones: alone they never reach 1.0


@dataclass(frozen=True)
class _Word:
    kind: str  # exact | prefix | suffix | infix
    text: str

    def matches(self, token: str) -> bool:
        if self.kind == "exact":
            return token == self.text
        if self.kind == "prefix":
            return token.startswith(self.text)
        if self.kind == "suffix":
            return token.endswith(self.text)
        return self.text in token


@dataclass(frozen=True)
class _Term:
    area: str
    weight: float
    source: str
    words: tuple[_Word, ...]
    negative: bool = False


def _parse_word(raw: str) -> _Word:
    w = raw.strip("-") if raw not in ("-",) else raw
    if w.startswith("*") and w.endswith("*") and len(w) > 2:
        return _Word("infix", w[1:-1])
    if w.endswith("*"):
        return _Word("prefix", w[:-1])
    if w.startswith("*"):
        return _Word("suffix", w[1:])
    return _Word("exact", w)


def _parse_term(raw: str, area: str, weight: float, negative: bool = False) -> _Term:
    words = tuple(_parse_word(p) for p in fold(raw).split())
    return _Term(area, weight, raw, words, negative)


@dataclass
class AreaHits:
    score: float
    terms: list[str]


class Lexicon:
    """Compiled term lists with fast lookup by token."""

    def __init__(self, spec: dict) -> None:
        self.terms: list[_Term] = []
        for area, langs in spec["areas"].items():
            for lists in langs.values():
                for strength, words in lists.items():
                    for raw in words:
                        self.terms.append(_parse_term(raw, area, WEIGHTS[strength]))
        for area, words in spec.get("not", {}).items():
            for raw in words:
                self.terms.append(_parse_term(raw, area, 0.0, negative=True))
        self._index()

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        with open(path or DATA_DIR / "terms.json", encoding="utf-8") as f:
            return cls(json.load(f))

    def _index(self) -> None:
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.prefix: dict[str, list[int]] = defaultdict(list)
        self.suffix: dict[str, list[int]] = defaultdict(list)
        infix: dict[str, list[int]] = defaultdict(list)
        for i, term in enumerate(self.terms):
            first = term.words[0]
            table = {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix, "infix": infix}[first.kind]
            table[first.text].append(i)
        self.infix = dict(infix)
        alternatives = sorted(self.infix, key=len, reverse=True)
        self.infix_re = re.compile("(?=(" + "|".join(map(re.escape, alternatives)) + "))") if alternatives else None
        self.prefix_lengths = sorted({len(k) for k in self.prefix})
        self.suffix_lengths = sorted({len(k) for k in self.suffix})

    def _candidates(self, tokens: list[str], text: str, starts: list[int]) -> list[tuple[int, int]]:
        """(token index, term id) for every term whose first word matches a token."""
        found: list[tuple[int, int]] = []
        for i, tok in enumerate(tokens):
            forms = [tok] + (tok.split("-") if "-" in tok else [])
            for form in forms:
                found.extend((i, t) for t in self.exact.get(form, ()))
                for n in self.prefix_lengths:
                    if n > len(form):
                        break
                    found.extend((i, t) for t in self.prefix.get(form[:n], ()))
                for n in self.suffix_lengths:
                    if n >= len(form):
                        break
                    found.extend((i, t) for t in self.suffix.get(form[-n:], ()))
        if self.infix_re is not None:
            for m in self.infix_re.finditer(text):
                i = bisect.bisect_right(starts, m.start()) - 1
                if i >= 0:
                    found.extend((i, t) for t in self.infix[m.group(1)])
        return found

    def match(self, text: str) -> dict[str, AreaHits]:
        folded = fold(text)
        spans = [(m.start(), m.group()) for m in TOKEN_RE.finditer(folded)]
        tokens = [s[1] for s in spans]
        starts = [s[0] for s in spans]
        best: dict[str, dict[int, tuple[float, str, str]]] = defaultdict(dict)
        blocked: dict[str, set[int]] = defaultdict(set)
        candidates = sorted(
            set(self._candidates(tokens, folded, starts)), key=lambda c: (len(self.terms[c[1]].words), c[0], c[1])
        )
        for i, tid in candidates:
            term = self.terms[tid]
            n = len(term.words)
            if n > 1 and not all(i + k < len(tokens) and term.words[k].matches(tokens[i + k]) for k in range(1, n)):
                continue
            if term.negative:
                blocked[term.area].update(range(i, i + n))
                continue
            prev = best[term.area].get(i)
            if n > 1 or prev is None or prev[0] < term.weight:
                best[term.area][i] = (term.weight, term.source, " ".join(tokens[i : i + n]))
            for k in range(1, n):  # a phrase covers its later words
                best[term.area][i + k] = (0.0, term.source, "")
        result: dict[str, AreaHits] = {}
        for area, positions in best.items():
            seen: dict[str, int] = {}
            score = weak = 0.0
            terms: list[str] = []
            for pos in sorted(positions):
                weight, _source, surface = positions[pos]
                if pos in blocked[area] or weight == 0.0:
                    continue
                if surface in seen:
                    gain = REPEAT_WEIGHT * weight if seen[surface] < 3 else 0.0
                    seen[surface] += 1
                else:
                    seen[surface] = 1
                    gain = weight
                    terms.append(surface)
                if weight < 1.0:
                    weak += gain
                else:
                    score += gain
            score += min(weak, WEAK_CAP)
            if score > 0:
                result[area] = AreaHits(round(score, 3), terms)
        return result
