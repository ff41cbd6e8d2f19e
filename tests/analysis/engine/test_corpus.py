"""The training corpus the gap model learns from: well-formed, labelled by the taxonomy's codes,
split into whole documents, and rebuilt exactly from its hand-written sources."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "src" / "samskapa" / "analysis" / "engine" / "data" / "corpus"
CODES = {"EDU", "EMP", "HEA", "HOU", "PAR", "CHI", "EQU", "INF", "GOV", "MON"}
KINDS = {"paragraph", "heading", "list_item", "table_cell", "caption", "toc", "boilerplate", "disclaimer", "answer"}
# Passages that the taxonomy says never carry a code, whatever words they contain.
NEVER_CODED = {"heading", "toc", "caption", "boilerplate", "disclaimer"}
MIN_PER_LANGUAGE = {"sv": 1400, "fi": 1400, "en": 1000, "no": 700, "da": 700, "de": 700, "ar": 140}
MIN_PER_CODE = 300
MIN_PER_CODE_AND_LANGUAGE = 4
MIN_TOTAL = 6500
# Whole documents per written language: cross-validation needs many to leave out.
MIN_DOCUMENTS_PER_LANGUAGE = 20


def _rows() -> list[dict]:
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:  # pragma: no cover - the assertion message is the point
                pytest.fail(f"{path.name}:{number} is not JSON: {error}")
    return rows


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return _rows()


def test_every_passage_has_the_fields_a_valid_code_and_a_known_kind(rows):
    for row in rows:
        assert set(row) == {"id", "doc", "lang", "text", "labels", "kind", "section"}, row["id"]
        assert row["text"].strip() and row["id"].startswith(row["lang"] + "-"), row["id"]
        assert set(row["labels"]) <= CODES and len(set(row["labels"])) == len(row["labels"]), row["id"]
        assert row["kind"] in KINDS, row["id"]
        assert row["doc"].startswith(row["lang"] + "-doc-"), row["id"]


def test_ids_are_unique_across_languages(rows):
    duplicates = [key for key, count in Counter(row["id"] for row in rows).items() if count > 1]
    assert not duplicates


def test_headings_contents_captions_and_page_furniture_carry_no_code(rows):
    coded = [row["id"] for row in rows if row["kind"] in NEVER_CODED and row["labels"]]
    assert not coded


def test_each_language_and_each_code_is_well_represented(rows):
    languages = Counter(row["lang"] for row in rows)
    for lang, minimum in MIN_PER_LANGUAGE.items():
        assert languages[lang] >= minimum, (lang, languages[lang])
    codes = Counter(code for row in rows for code in row["labels"])
    assert all(codes[code] >= MIN_PER_CODE for code in CODES), codes
    for lang in MIN_PER_LANGUAGE:
        in_lang = Counter(code for row in rows if row["lang"] == lang for code in row["labels"])
        assert all(in_lang[code] >= MIN_PER_CODE_AND_LANGUAGE for code in CODES), (lang, in_lang)
    assert len(rows) >= MIN_TOTAL
    assert sum(1 for row in rows if not row["labels"]) >= len(rows) // 5  # negatives are taught too


def test_documents_can_be_left_out_whole(rows):
    """Cross-validation leaves whole documents out, so each is a coherent, mixed unit of one language."""
    docs: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        docs[row["doc"]].append(row)
    for doc, passages in docs.items():
        assert len({p["lang"] for p in passages}) == 1, doc
        assert len({p["kind"] for p in passages}) >= 2, doc
        # Short documents are real too (a web page, a leaflet, a motion, a set of minutes).
        assert 8 <= len(passages) <= 70, (doc, len(passages))
    per_language = Counter(passages[0]["lang"] for passages in docs.values())
    for lang in ("sv", "fi", "en", "no", "da", "de"):
        assert per_language[lang] >= MIN_DOCUMENTS_PER_LANGUAGE, (lang, per_language[lang])


def test_the_committed_corpus_is_what_the_sources_build():
    script = ROOT / "scripts" / "build_corpus.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
