"""The inputs inbox's filters, read from the address so every view of it can be linked, paged and
acted on as a whole ("all 412 matching this filter"). Unknown or malformed values are ignored."""

from dataclasses import asdict, dataclass
from datetime import date

from django.conf import settings
from django.http import QueryDict

from samskapa.cocreation.models import Group
from samskapa.core.access import number_in
from samskapa.strategy.models import FrameworkCode

LANGUAGES = {code for code, _name in settings.SAMSKAPA_CONTENT_LANGUAGES}
# The most inputs one bulk action or one finding takes at once.
BULK_LIMIT = 5000
# The most inputs a new finding takes as its evidence at once.
MAX_EVIDENCE = 500


def _int(value: str) -> int | None:
    return number_in(value) if len(value) < 10 else None


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class InboxFilters:
    consultation_id: int | None = None
    code: str = ""
    group: str = ""
    focus_area_id: int | None = None
    reviewed: bool | None = None
    language: str = ""
    since: date | None = None
    until: date | None = None
    search: str = ""

    @classmethod
    def from_params(cls, params: QueryDict) -> "InboxFilters":
        def pick(name: str, allowed) -> str:
            value = params.get(name, "")
            return value if value in allowed else ""

        reviewed = {"yes": True, "no": False}.get(params.get("reviewed", ""))
        if params.get("unconfirmed") == "1":  # the older address of "not yet reviewed"
            reviewed = False
        return cls(
            consultation_id=_int(params.get("consultation", "")),
            code=pick("code", FrameworkCode.values),
            group=pick("group", Group.values),
            focus_area_id=_int(params.get("focus_area", "")),
            reviewed=reviewed,
            language=pick("language", LANGUAGES),
            since=_date(params.get("since", "")),
            until=_date(params.get("until", "")),
            search=params.get("q", "")[:200],
        )

    def selector_kwargs(self) -> dict:
        return asdict(self)

    @property
    def uses_more(self) -> bool:
        """Whether a filter beyond the first three is set (the page then shows them unfolded)."""
        return bool(self.since or self.until or self.search or self.code or self.group or self.focus_area_id)

    def is_empty(self) -> bool:
        return not any(asdict(self).values()) and self.reviewed is None

    @staticmethod
    def querystring(params: QueryDict) -> str:
        """The filter part of an address: the same filters, without the page or the selection."""
        keep = ("consultation", "code", "group", "focus_area", "reviewed", "unconfirmed", "language", "since", "until")
        copy = QueryDict(mutable=True)
        for name in (*keep, "q"):
            if value := params.get(name):
                copy[name] = value
        return copy.urlencode()
