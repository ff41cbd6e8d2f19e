"""Turn a stored report into what the pages show, in the reader's language."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskapa.analysis.framework import AREAS, ELEMENTS, STATUS


def highlight(text: str, terms: list[str]) -> SafeString:
    """Escape the passage, then mark the matched terms (case-insensitive, whole text kept)."""
    safe = escape(text)
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        needle = escape(term)
        index = safe.lower().find(needle.lower())
        if index >= 0:
            safe = f"{safe[:index]}<mark>{safe[index : index + len(needle)]}</mark>{safe[index + len(needle) :]}"
    return mark_safe(safe)  # noqa: S308 (built from escaped text only)


def area_rows(report: dict, practices: dict) -> list[dict]:
    rows = []
    for code, name in AREAS.items():
        area = report.get("areas", {}).get(code, {"status": "missing", "score": 0, "count": 0, "evidence": []})
        rows.append(
            {
                "code": code,
                "name": name,
                "status": area["status"],
                "status_label": STATUS[area["status"]],
                "score": area["score"],
                "count": area["count"],
                "evidence": [dict(e, html=highlight(e["text"], e.get("terms", []))) for e in area["evidence"]],
                "practices": practices.get(code, []) if area["status"] != "covered" else [],
            }
        )
    return rows


def element_rows(report: dict) -> list[dict]:
    return [
        {"name": name, **report.get("elements", {}).get(key, {"present": False, "evidence": []})}
        for key, name in ELEMENTS.items()
    ]


def summary(report: dict) -> list[str]:
    """A plain-language summary of the main gaps, as sentences."""
    areas = report.get("areas", {})
    covered = sum(1 for a in areas.values() if a["status"] == "covered")
    missing = [str(AREAS[c]).lower() for c, a in areas.items() if a["status"] == "missing"]
    weak = [str(AREAS[c]).lower() for c, a in areas.items() if a["status"] == "weak"]
    absent = [str(ELEMENTS[k]).lower() for k, e in report.get("elements", {}).items() if not e["present"]]
    sentences = [_("The document covers %(covered)d of the 10 areas of the framework.") % {"covered": covered}]
    if missing:
        sentences.append(_("Not found: %(areas)s.") % {"areas": ", ".join(missing)})
    if weak:
        sentences.append(_("Only touched on in a single passage: %(areas)s.") % {"areas": ", ".join(weak)})
    if absent:
        sentences.append(_("Structural elements missing: %(elements)s.") % {"elements": ", ".join(absent)})
    if not (missing or weak or absent):
        sentences.append(_("No gaps were found against the framework."))
    return sentences
