"""The dashboard's early warning (groups not heard yet, or behind the plan), and names for codes."""

from django import template

from samskapa.cocreation.selectors import participation_overview
from samskapa.strategy.models import FrameworkCode

register = template.Library()


@register.filter
def area_name(code: str) -> str:
    """An area of the framework in words (a person reads "Education", not "EDU")."""
    return str(dict(FrameworkCode.choices).get(code, code))


@register.filter
def language_label(code: str) -> str:
    """A content language by its own name (العربية, Suomi)."""
    from samskapa.cocreation.forms import language_name

    return language_name(code) if code else ""


@register.simple_tag
def participation_alerts(organisation, user):
    """Groups that have not been heard or are behind the plan, for those who plan consultations."""
    if not user.has_perm("cocreation.change_consultations", organisation):
        return []
    overview = participation_overview(organisation=organisation)
    if not overview.consultations_held:
        return []
    return [g for g in overview.groups if g.status in ("not_heard", "behind")]
