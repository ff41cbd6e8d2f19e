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


def test_one_passage_is_evidence_for_at_most_two_areas_and_covered_needs_two_passages():
    from samskapa.analysis.engine.classify import PassageLabels
    from samskapa.analysis.engine.report import area_results

    broad = PassageLabels(
        ["EMP", "HOU", "CHI", "EQU"], {c: 0.0 for c in CODES} | {"EMP": 0.7, "HOU": 0.6, "CHI": 0.55, "EQU": 0.8}
    )
    areas = area_results(_passages("Kvinnor och unga vuxna behöver arbete, bostad och skola."), [broad])
    assert {c for c, a in areas.items() if a.status != "missing"} == {"EQU", "EMP"}
    assert areas["EQU"].status == "weak"  # one passage, not clearly about the area
    twice = [PassageLabels(["HOU"], {c: 0.0 for c in CODES} | {"HOU": 0.6}) for _ in range(3)]
    texts = _passages("Fler hyresrätter byggs.", "Fler hyresrätter byggs.", "Bostadskön ska bli kortare.")
    assert area_results(texts, twice)["HOU"].status == "covered"
    repeated = area_results(_passages("Fler hyresrätter byggs.", "Fler hyresrätter byggs."), twice[:2])
    assert repeated["HOU"].status == "weak" and repeated["HOU"].count == 1  # the same line twice is one passage


def test_passages_the_model_is_unsure_of_make_an_area_weak_never_covered():
    from samskapa.analysis.engine.classify import PassageLabels
    from samskapa.analysis.engine.report import area_results

    unsure = [PassageLabels([], {c: 0.0 for c in CODES} | {"GOV": 0.35, "MON": 0.2}) for _ in range(3)]
    texts = _passages("Förvaltningarna träffas varje kvartal.", "Samrådet med föreningarna fortsätter.", "Ett möte.")
    areas = area_results(texts, unsure)
    assert areas["GOV"].status == "weak" and areas["GOV"].count == 0  # touched on, no passage carries the label
    assert areas["MON"].status == "missing"  # too unsure to count at all
    heading = area_results([Passage("h", "Samverkan", 1, "heading")], unsure[:1])
    assert heading["GOV"].status == "missing"  # headings are never evidence


def test_revision_when_needed_is_no_date_and_young_adults_are_not_children():
    from samskapa.analysis.engine.classify import PassageLabels

    found = detect_elements(
        _passages("Planen revideras vid behov.", "The plan is revised when needed."),
    )
    assert not found["revision_or_evaluation_date"].present and not found["timeline"].present
    cyclic = detect_elements(_passages("The programme is reviewed at least every four years."))
    assert cyclic["revision_or_evaluation_date"].present
    chi = PassageLabels(["CHI", "EMP"], {c: 0.0 for c in CODES} | {"CHI": 0.6, "EMP": 0.9})
    adults = detect_elements(_passages("Insatser för kvinnor och unga vuxna som står långt från arbete."), [chi])
    assert not adults["children_perspective"].present
    children = detect_elements(_passages("Barn och unga ska få stöd i skolan och på fritiden."), [chi])
    assert children["children_perspective"].present


def test_a_programme_period_in_the_title_is_its_timeline():
    found = detect_elements([Passage("h", "Kotouttamisohjelma 2018–2021", 1, "heading")])
    assert found["timeline"].present and not found["vision"].present


def test_the_report_says_how_sure_it_is():
    short = analyse_bytes("Kommunen erbjuder SFI och vuxenutbildning till alla nyanlända.".encode(), "kort.txt")
    assert {n["code"] for n in short.to_dict()["confidence"]} == {"short_document", "few_passages"}
    garbled = " ".join(["Ko mm un en e r bj ud er S F I o ch vu xe nu tb il dn in g ti ll al la ny an lä nd a."] * 30)
    assert "badly_extracted" in {n["code"] for n in analyse_bytes(garbled.encode(), "ocr.txt").confidence}
    assert "covered when at least two passages" in short.summary


def test_the_document_rule_caps_a_passage_at_two_areas_and_can_ask_more_of_long_documents():
    from samskapa.analysis.engine.report import areas_found, required_score

    broad = [0.0] * 10
    broad[0], broad[1], broad[5], broad[6] = 0.9, 0.8, 0.7, 0.6
    assert [i for i, f in enumerate(areas_found([broad])) if f] == [0, 1]
    # One unsure passage shows nothing; two unsure passages that agree do (long documents name an
    # area in several passages the model is unsure of one by one); two below the pair score do not.
    unsure, faint = [0.3] + [0.0] * 9, [0.2] + [0.0] * 9
    assert areas_found([unsure]) == [False] * 10
    assert areas_found([unsure, unsure])[0] and not any(areas_found([unsure, unsure])[1:])
    assert areas_found([faint, faint]) == [False] * 10
    assert abs(required_score(20) - 0.5) < 1e-9
    assert required_score(5, 0.3, 1.0) < 0.3 < required_score(80, 0.3, 1.0) <= 0.5
    assert required_score(10_000, 0.3, 1.0) == 0.5  # a labelled passage always shows its area


def test_a_persons_correction_counts_as_evidence_whatever_the_score():
    from samskapa.analysis.engine.classify import PassageLabels
    from samskapa.analysis.engine.report import area_results

    corrected = PassageLabels(["HOU"], {c: 0.0 for c in CODES})
    areas = area_results(_passages("Kommunen hyr lägenheter av privata värdar."), [corrected])
    assert areas["HOU"].status == "weak" and areas["EDU"].status == "missing"


def test_areas_found_on_thin_evidence_earn_a_note():
    from samskapa.analysis.engine.report import AreaResult, confidence_notes

    passages = _passages(*["Kommunen erbjuder SFI och vuxenutbildning till alla nyanlända i kommunen."] * 20)
    thin = {c: AreaResult("weak" if c in ("EDU", "HOU", "HEA") else "covered", 0.2, 1) for c in CODES}
    solid = {c: AreaResult("covered", 0.9, 3) for c in CODES}
    assert "thin_evidence" in {n["code"] for n in confidence_notes(passages, thin)}
    assert "thin_evidence" not in {n["code"] for n in confidence_notes(passages, solid)}
