"""Template helpers for strategy pages and the dashboard reminder."""

from django import template

from samskapa.strategy.models import FrameworkCode
from samskapa.strategy.selectors import revision_reminders

register = template.Library()


@register.filter
def framework_label(code: str) -> str:
    """An area of the framework in words ("Education and language"), never its code ("EDU")."""
    try:
        return FrameworkCode(code).label
    except ValueError:
        return code


@register.filter
def framework_labels(codes) -> list[str]:
    return [str(framework_label(code)) for code in codes or []]


@register.simple_tag
def strategy_revision_reminders(organisation, user):
    """Reminders for those who can act on them (coordinators and administrators); others see none."""
    if not user.has_perm("strategy.change_strategy", organisation):
        return []
    return revision_reminders(organisation=organisation)


@register.filter
def is_list(value) -> bool:
    return isinstance(value, list)
