"""The gap report rebuilt from stored passages, so that people's corrections count."""

from samskapa.analysis import engine
from samskapa.analysis.engine.classify import PassageLabels
from samskapa.analysis.engine.elements import detect_elements
from samskapa.analysis.engine.passages import Passage as EnginePassage
from samskapa.analysis.engine.report import area_results, summarise


def rebuild_report(document) -> dict:
    rows = list(document.passages.order_by("position"))
    passages = [
        EnginePassage(
            id=str(r.position),
            text=r.text,
            page=r.page,
            kind=r.kind,
            heading=r.heading or None,
            language=r.language or None,
        )
        for r in rows
    ]
    labels = [
        PassageLabels(
            labels=r.effective_labels,
            # A person's yes or no is certain; the classifier's own scores stay for the rest.
            scores={
                c: (1.0 if c in r.effective_labels else 0.0) if r.corrected_labels is not None else r.scores.get(c, 0.0)
                for c in engine.CODES
            },
            terms=r.terms,
            shape=r.kind,
        )
        for r in rows
    ]
    areas = area_results(passages, labels)
    elements = detect_elements(passages, labels)
    report = dict(document.report)
    report.update(
        areas={c: a.to_dict() for c, a in areas.items()},
        elements={n: e.to_dict() for n, e in elements.items()},
        summary=summarise(areas, elements),
        corrections=sum(1 for r in rows if r.corrected_labels is not None),
    )
    return report
