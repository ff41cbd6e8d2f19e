"""The dashboard's early warning: groups not heard yet, or behind the plan."""

from django import template

from samskapa.cocreation.selectors import participation_overview

register = template.Library()


@register.simple_tag
def participation_alerts(organisation, user):
    """Groups that have not been heard or are behind the plan, for those who plan consultations."""
    if not user.has_perm("cocreation.change_consultations", organisation):
        return []
    overview = participation_overview(organisation=organisation)
    if not overview.consultations_held:
        return []
    return [g for g in overview.groups if g.status in ("not_heard", "behind")]
