"""Writes on many inputs at once from the inbox: tag them with areas and focus areas, mark them reviewed.

"Reviewed" is what the single-input page calls "areas confirmed by a person": a person has read the
input and its areas are theirs, not only the classifier's suggestion.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from samskapa.cocreation.inbox import BULK_LIMIT
from samskapa.cocreation.models import Input, InputFocusArea
from samskapa.cocreation.services._common import CHANGE, own_all
from samskapa.core.errors import ApplicationError
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require
from samskapa.strategy.models import FocusArea, FrameworkCode


def _own_inputs(organisation: Organisation, input_ids) -> list[Input]:
    ids = list(input_ids)
    if not ids:
        raise ApplicationError(_("Choose at least one input."))
    if len(ids) > BULK_LIMIT:
        raise ApplicationError(_("Choose at most %(n)s inputs at a time.") % {"n": BULK_LIMIT})
    return own_all(Input.objects.all(), organisation, ids, _("Choose inputs of your organisation."))


@transaction.atomic
def inputs_tag(
    *, actor, organisation: Organisation, input_ids, codes=(), focus_area_ids=(), mark_reviewed: bool = False
) -> int:
    """Add areas of the framework and focus areas to many inputs; areas chosen by a person are confirmed.
    Marking reviewed without areas accepts the suggestion of inputs that have no areas of their own."""
    require(actor, CHANGE, organisation)
    codes = list(codes)
    if not set(codes) <= set(FrameworkCode.values):
        raise ApplicationError(_("Choose areas of the framework from the list."))
    items = _own_inputs(organisation, input_ids)
    message = _("Choose focus areas of your organisation's strategy.")
    areas = own_all(FocusArea.objects.all(), organisation, focus_area_ids, message)
    if not codes and not areas and not mark_reviewed:
        raise ApplicationError(_("Choose areas to add, or mark the inputs reviewed."))
    for item in items:
        if codes:
            item.framework_codes = sorted(set(item.framework_codes) | set(codes))
            item.codes_confirmed = True
        if mark_reviewed and not item.codes_confirmed:
            item.framework_codes = item.framework_codes or list(item.suggested_codes)
            item.codes_confirmed = True
    bulk_update_with_history(items, Input, ["framework_codes", "codes_confirmed"], default_user=actor)
    _link_focus_areas(organisation, items, areas)
    return len(items)


def _link_focus_areas(organisation: Organisation, items: list[Input], areas: list[FocusArea]) -> None:
    if not areas:
        return
    ids = [item.pk for item in items]
    links = InputFocusArea.objects.filter(input_id__in=ids, focus_area__in=areas)
    have = set(links.values_list("input_id", "focus_area_id"))
    InputFocusArea.objects.bulk_create(
        [
            InputFocusArea(organisation=organisation, input=item, focus_area=area)
            for item in items
            for area in areas
            if (item.pk, area.pk) not in have
        ]
    )
