"""The gap report: areas covered, weak or missing with evidence; elements; summary."""

from __future__ import annotations

from samskapa.analysis.engine import CODES, ELEMENTS, analyse_bytes
from samskapa.analysis.engine.elements import detect_elements
from samskapa.analysis.engine.passages import Passage


def test_report_of_a_pdf_has_areas_with_evidence_and_page_numbers(strategy_pdf):
    seen = []
    report = analyse_bytes(strategy_pdf, "strategi.pdf", progress=lambda *a: seen.append(a))
    data = report.to_dict()
    assert data["doc_id"] == "strategi"
    assert data["language"] == "sv"
    assert set(data["areas"]) == set(CODES)
    assert set(data["elements"]) == set(ELEMENTS)
    assert data["areas"]["EDU"]["status"] in ("covered", "weak")
    assert data["areas"]["EDU"]["evidence"][0]["page"] == 1
    assert data["areas"]["MON"]["evidence"][0]["page"] == 2
    assert data["areas"]["HEA"] == {"status": "missing", "score": 0.0, "count": 0, "evidence": []}
    assert data["elements"]["revision_or_evaluation_date"]["present"] is True
    assert "health and wellbeing" in data["summary"]
    assert {s[0] for s in seen} >= {"extract", "classify"}


def test_language_can_be_overridden(strategy_pdf):
    assert analyse_bytes(strategy_pdf, "s.pdf", lang="fi").language == "fi"


def _passages(*texts):
    return [Passage(f"p{i}", t, 1, "paragraph") for i, t in enumerate(texts)]


def test_elements_found_in_passages_not_in_headings():
    found = detect_elements(
        _passages(
            "Visionen är att alla invånare ska känna sig delaktiga.",
            "Programmet gäller för åren 2023–2026.",
            "Strategin revideras senast 2027 och följs upp årligen.",
            "Strategin togs fram i dialog med invånare genom en enkät och fokusgrupper.",
            "Socialnämnden ansvarar för samordningen.",
        )
    )
    assert found["vision"].present and found["timeline"].present
    assert found["revision_or_evaluation_date"].present
    assert found["co_creation_described"].present and found["responsible_actors"].present
    assert found["vision"].evidence[0]["passage_id"] == "p0"
    heading_only = detect_elements([Passage("h", "Vision 2030", 1, "heading")])
    assert not heading_only["vision"].present
