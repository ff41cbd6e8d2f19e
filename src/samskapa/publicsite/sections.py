"""The parts of a public site a reader can go to, shown in its menu when they have content."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from samskapa.publicsite import progress
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
    for key, label, queryset in (
        ("actions", _("What we do"), progress.public_action_queryset),
        ("indicators", _("How it is going"), progress.public_indicator_queryset),
        ("consultations", _("Consultations"), progress.public_consultation_queryset),
        ("findings", _("You said, we did"), progress.public_finding_queryset),
    ):
        if reader.once(f"has-{key}", lambda queryset=queryset: queryset(org).exists()):
            found.append(Section(key, reverse(f"publicsite:{key}", kwargs=args), label))
    return found
