"""The accessibility statement of a public site, made from the product's own checks.

Two kinds of check feed it. The public page templates are checked before every release by
the browser tests (axe-core's WCAG 2.1 A and AA rules in Chromium, in several languages and
screen sizes, and keyboard-only navigation); their result is recorded in
``data/accessibility-checks.json`` (``make accessibility-record``). The organisation's own
content is checked live: texts not yet translated into a language the site offers, focus
areas without a plain-language summary, texts that are very hard to read, and the problems
the organisation declares itself. The structure follows the EU model statement
(Commission Implementing Decision (EU) 2018/1523).
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.utils import timezone

from samskapa.publicsite.completeness import Tally, assess, published_items
from samskapa.publicsite.models import PublicSite
from samskapa.publicsite.registry import kinds
from samskapa.publicsite.texts import Text, Unit, language_name, lookup

RECORD = Path(__file__).resolve().parent / "data" / "accessibility-checks.json"
# LIX (läsbarhetsindex) above this is "very hard" reading; the index suits Swedish, Norwegian,
# Danish and English texts (Finnish words are long by nature, so Finnish is not scored).
LIX_VERY_HARD = 60
# A statement is reviewed by a person at least once a year (Directive (EU) 2016/2102, article 7).
REVIEW_VALID_DAYS = 366
LIX_LANGUAGES = {"sv", "no", "da", "en"}
WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)")


@cache
def platform_record() -> dict[str, Any] | None:
    """The last recorded check of the public page templates, or None when never recorded."""
    if not RECORD.exists():
        return None
    return json.loads(RECORD.read_text(encoding="utf-8"))


def lix(text: str) -> int | None:
    """LIX readability: words per sentence plus the share of long words (over six letters) in per cent."""
    words = WORD.findall(text)
    if len(words) < 15:
        return None  # too short to score fairly
    sentences = max(1, len(SENTENCE_END.findall(text.strip() + " ")))
    long_words = sum(1 for word in words if len(word) > 6)
    return round(len(words) / sentences + 100 * long_words / len(words))


@dataclass
class LanguageGap:
    language: str
    tally: Tally

    @property
    def name(self) -> str:
        return language_name(self.language)


@dataclass
class Statement:
    """What the statement page shows."""

    site: PublicSite
    platform: dict[str, Any] | None
    language_gaps: list[LanguageGap] = field(default_factory=list)
    missing_summaries: list[str] = field(default_factory=list)
    hard_texts: list[tuple[str, int]] = field(default_factory=list)
    known_issues: Text | None = None
    checked_on: date = field(default_factory=timezone.localdate)

    @property
    def platform_passes(self) -> bool:
        record = self.platform or {}
        return record.get("violations") == 0 and record.get("keyboard") is True

    @property
    def reviewed_recently(self) -> bool:
        """Whether a person at the organisation reviewed the statement within the last year."""
        reviewed = self.site.statement_reviewed_on
        return bool(reviewed) and (self.checked_on - reviewed).days <= REVIEW_VALID_DAYS

    @property
    def compliance(self) -> str:
        """What the checks allow us to say: "compliant" only when the automated checks found nothing,
        nothing is declared inaccessible and a person has reviewed the pages; "checked" when only
        the automated checks speak for them (they cannot find everything); else "partial"."""
        if not self.platform_passes or self.known_issues:
            return "partial"
        return "compliant" if self.reviewed_recently else "checked"

    @property
    def compliant(self) -> bool:
        return self.compliance == "compliant"


def _summary_gaps(items) -> list[str]:
    """Titles of published focus areas that have no plain-language summary."""
    areas: dict[int, dict[str, Unit]] = {}
    for item in items:
        for unit in item.units:
            if unit.model._meta.label_lower == "strategy.focusarea":
                areas.setdefault(unit.object_id, {})[unit.field] = unit
    return sorted(
        str(fields["title"].source) for fields in areas.values() if "summary" not in fields and "title" in fields
    )


def _hard_texts(items) -> list[tuple[str, int]]:
    found = []
    for item in items:
        if item.source_language not in LIX_LANGUAGES:
            continue
        for unit in item.units:
            if isinstance(unit.source, str) and (score := lix(unit.source)) and score > LIX_VERY_HARD:
                found.append((f"{item.kind.title(item.row)} — {unit.label}", score))
    return found


def statement(site: PublicSite, language: str) -> Statement:
    """The statement as of now, from the recorded template checks and a live check of the content."""
    organisation = site.organisation
    items = assess(organisation, [item for kind in kinds().values() for item in published_items(organisation, kind)])
    gaps = [LanguageGap(code, tally) for code, tally in _merge(items).items() if tally.missing]
    issues_unit = Unit(PublicSite, site.pk, "known_issues", site.known_issues)
    found = lookup(organisation=organisation, units=[issues_unit], language=language)
    issues = found.text(issues_unit, organisation.default_language)
    return Statement(
        site=site,
        platform=platform_record(),
        language_gaps=sorted(gaps, key=lambda gap: organisation.all_languages.index(gap.language)),
        missing_summaries=_summary_gaps(items),
        hard_texts=_hard_texts(items),
        known_issues=issues if issues else None,
    )


def _merge(items) -> dict[str, Tally]:
    result: dict[str, Tally] = {}
    for item in items:
        for language, tally in item.tallies.items():
            result.setdefault(language, Tally()).merge(tally)
    return result
