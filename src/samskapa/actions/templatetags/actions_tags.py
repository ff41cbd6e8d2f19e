"""The action plan's part of the organisation's overview page."""

from django import template

from samskapa.actions import selectors
from samskapa.actions.models import Status

register = template.Library()


@register.simple_tag
def action_dashboard(organisation, user) -> dict:
    """Open actions assigned to the person; for coordinators, missing child impact assessments.

    How many actions are overdue or delayed is on the overview's figures (samskapa.orgs.overview).
    """
    assigned = selectors.ActionFilter(responsible_id=user.pk)
    mine = selectors.action_rows(organisation=organisation, filters=assigned).exclude(
        status__in=[Status.DONE, Status.CANCELLED]
    )
    # The first five and how many there are: the page lists the rest.
    board = {"mine": selectors.label_statuses(mine[:5]), "mine_count": mine.count(), "awaiting": 0}
    if user.has_perm("actions.manage_plan", organisation):
        board["awaiting"] = selectors.actions_awaiting_assessment(organisation=organisation).count()
    return board
