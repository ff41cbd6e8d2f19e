"""Turn a stored report into what the pages show, in the reader's language."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskapa.analysis.framework import AREAS, ELEMENTS, STATUS


def highlight(text: str, terms: list[str]) -> SafeString:
    """Escape the passage, then mark the matched terms (case-insensitive, whole text kept)."""
    safe: str = escape(text)
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
                "name": str(name),
                "status": area["status"],
                "status_label": str(STATUS[area["status"]]),
                "score": area["score"],
                "count": area["count"],
                "evidence": [dict(e, html=highlight(e["text"], e.get("terms", []))) for e in area["evidence"]],
                "practices": practices.get(code, []) if area["status"] != "covered" else [],
            }
        )
    return rows


def element_rows(report: dict) -> list[dict]:
    return [
        {"key": key, "name": str(name), **report.get("elements", {}).get(key, {"present": False, "evidence": []})}
        for key, name in ELEMENTS.items()
    ]


def summary(report: dict) -> list[str]:
    """A plain-language summary of the main gaps, as sentences."""
    areas = report.get("areas", {})
    covered = sum(1 for a in areas.values() if a["status"] == "covered")
    missing = [str(AREAS[c]).lower() for c, a in areas.items() if a["status"] == "missing"]
    weak = [str(AREAS[c]).lower() for c, a in areas.items() if a["status"] == "weak"]
    absent = [str(ELEMENTS[k]).lower() for k, e in report.get("elements", {}).items() if not e["present"]]
    sentences = [
        _("The document covers %(covered)d of the 10 areas of the framework.") % {"covered": covered},
        _(
            "An area counts as covered when at least two passages address it, or one passage is clearly about "
            "it; one passage counts for at most two areas, and headings, contents, captions and disclaimers "
            "never count. The score from 0 to 1 grows with the number of passages and how clearly they are "
            "about the area."
        ),
    ]
    if missing:
        sentences.append(_("Not found: %(areas)s.") % {"areas": ", ".join(missing)})
    if weak:
        sentences.append(_("Only touched on in a single passage: %(areas)s.") % {"areas": ", ".join(weak)})
    if absent:
        sentences.append(_("Structural elements missing: %(elements)s.") % {"elements": ", ".join(absent)})
    if not (missing or weak or absent):
        sentences.append(_("No gaps were found against the framework."))
    return sentences


def confidence(report: dict) -> list[str]:
    """Why this report is less sure than usual, as sentences in the reader's language."""
    messages = {
        "short_document": _(
            "Short document: a missing area may only mean that this text is a summary, not that the "
            "strategy leaves it out."
        ),
        "few_passages": _("Few passages: each area rests on very little text."),
        "thin_evidence": _(
            "Several areas rest on a single passage or on passages the analysis is unsure of: read their "
            "evidence before counting them as covered."
        ),
        "badly_extracted": _(
            "The text looks badly extracted (broken words or stray symbols, as after poor text recognition): "
            "check the passages before relying on the report."
        ),
    }
    return [str(messages[n["code"]]) for n in report.get("confidence", []) if n.get("code") in messages]


def bad_ids_message() -> str:
    return _("Give the documents as numbers separated by commas.")


def status_counts(report: dict) -> dict[str, int]:
    counts = {"covered": 0, "weak": 0, "missing": 0}
    for area in report.get("areas", {}).values():
        counts[area["status"]] += 1
    return counts


def failure_message(document) -> str:
    """Why a document could not be read, in the reader's language ('' when it did not fail)."""
    from samskapa.analysis.jobs import error_message

    return error_message(document.error_code) if document.status == document.Status.FAILED else ""


def compare_summary(total: int, counts: dict[str, dict[str, int]]) -> list[dict]:
    """Per area: how many of the compared documents cover it, touch on it, or miss it.

    ``total`` and ``counts`` come from ``selectors.compare_summary`` (counted in the database, over
    every document the filters match, not only the page shown).
    """
    summary = []
    for code, name in AREAS.items():
        covered, weak = counts[code]["covered"], counts[code]["weak"]
        summary.append(
            {
                "code": code,
                "name": name,
                "covered": covered,
                "weak": weak,
                "missing": total - covered - weak,
                "share": round(100 * covered / total) if total else 0,
            }
        )
    return summary
