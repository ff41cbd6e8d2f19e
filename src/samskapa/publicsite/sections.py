"""The parts of a public site a reader can go to, shown in its menu when they have content."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from samskapa.publicsite.selectors import public_strategy_list


@dataclass(frozen=True)
class Section:
    key: str
    url: str
    label: str


def sections(reader) -> list[Section]:
    """Home first, then each part that has published content."""
    org, args = reader.organisation, {"site_slug": reader.slug, "lang": reader.language}
    found = [Section("home", reverse("publicsite:home", kwargs=args), _("Home"))]
    if reader.once("strategies", lambda: public_strategy_list(organisation=org)):
        found.append(Section("strategy", reverse("publicsite:strategy", kwargs=args), _("Our strategy")))
    return found
