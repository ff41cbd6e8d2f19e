"""Who may work on one action: the role matrix (orgs/roles.py) plus the action's assignment.

Coordinators and administrators (``actions.manage_plan``) work on every action. Editors
(department staff, ``actions.change_action``) edit, and partners (``actions.post_progress``)
report on, the actions they are responsible for: a person is assigned to an action by
being one of its responsible people.
"""

import rules

from samskapa.orgs.roles import CAPABILITIES
from samskapa.orgs.rules import role_in

EDIT = "actions.edit_action"
REPORT = "actions.report_progress"


def _role_among(capability: str):
    roles = CAPABILITIES[capability]

    @rules.predicate
    def predicate(user, obj=None) -> bool:
        return obj is not None and role_in(user, obj) in roles

    return predicate


@rules.predicate
def is_responsible(user, action) -> bool:
    """Whether ``user`` is one of the action's responsible people (prefetched links are used if present)."""
    if action is None or not getattr(user, "is_authenticated", False) or action.pk is None:
        return False
    cache = getattr(action, "_prefetched_objects_cache", {})
    if "responsible_links" in cache:
        return any(link.user_id == user.pk for link in cache["responsible_links"])
    return action.responsible_links.filter(user_id=user.pk).exists()


manages_plan = _role_among("actions.manage_plan")

rules.add_perm(EDIT, manages_plan | (_role_among("actions.change_action") & is_responsible))
rules.add_perm(REPORT, manages_plan | (_role_among("actions.post_progress") & is_responsible))
