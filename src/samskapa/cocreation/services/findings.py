"""Writes for findings: their evidence (inputs) and what was decided because of them."""

from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.actions.models import Action
from samskapa.cocreation.models import Finding, FindingDecision, FindingInput, Input
from samskapa.cocreation.models.decisions import TARGET_FIELDS
from samskapa.cocreation.services._common import CHANGE, own, own_all, set_links
from samskapa.core.errors import ApplicationError, ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require
from samskapa.strategy.models import FocusArea, Goal

FINDING_FIELDS = ("statement", "detail", "outcome", "is_published")
TARGET_MODELS = {"focus_area": FocusArea, "goal": Goal, "action": Action}


def _set_inputs(actor, organisation, finding, input_ids) -> None:
    inputs = own_all(Input.objects, organisation, input_ids, _("Choose inputs of your organisation's consultations."))
    set_links(
        actor=actor,
        organisation=organisation,
        link_model=FindingInput,
        owner_field="finding",
        owner=finding,
        target_field="input",
        targets=inputs,
    )


@transaction.atomic
def finding_create(*, actor, organisation: Organisation, input_ids=(), **fields) -> Finding:
    """A finding with the inputs it rests on."""
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, FINDING_FIELDS)
    finding = save_as(Finding(organisation=organisation, **fields), actor)
    _set_inputs(actor, organisation, finding, input_ids)
    return finding


@transaction.atomic
def finding_update(*, actor, organisation: Organisation, finding: Finding, input_ids=None, **changes) -> Finding:
    require(actor, CHANGE, finding)
    refuse_unknown_fields(changes, FINDING_FIELDS)
    for field, value in changes.items():
        setattr(finding, field, value)
    save_as(finding, actor)
    if input_ids is not None:
        _set_inputs(actor, organisation, finding, input_ids)
    return finding


@transaction.atomic
def finding_add_evidence(*, actor, organisation: Organisation, finding: Finding, input_ids) -> int:
    """Add inputs to a finding's evidence (those already there stay); returns how many were added."""
    require(actor, CHANGE, finding)
    current = set(finding.input_links.values_list("input_id", flat=True))
    new = set(input_ids) - current
    _set_inputs(actor, organisation, finding, list(current | new))
    return len(new)


@transaction.atomic
def finding_delete(*, actor, organisation: Organisation, finding: Finding) -> None:
    require(actor, CHANGE, finding)
    delete_as(finding, actor)


def decision_target(organisation: Organisation, **target) -> dict:
    """The one strategy element (focus area, goal or action) a decision link points at, checked."""
    chosen = {k: v for k, v in target.items() if v is not None}
    if set(chosen) - {f"{f}_id" for f in TARGET_FIELDS} or len(chosen) != 1:
        raise ApplicationError(_("Link to exactly one focus area, goal or action."))
    ((key, pk),) = chosen.items()
    field = key.removesuffix("_id")
    message = _("Choose a focus area, goal or action of your organisation.")
    return {field: own(TARGET_MODELS[field].objects, organisation, pk, message)}


@transaction.atomic
def finding_link(*, actor, organisation: Organisation, finding: Finding, note: str = "", **target) -> FindingDecision:
    """Trace a finding to what was decided: a focus area, a goal or an action."""
    require(actor, CHANGE, finding)
    element = decision_target(organisation, **target)
    if finding.decisions.filter(**element).exists():
        raise ConflictError(_("The finding is already linked to this."))
    return save_as(FindingDecision(organisation=organisation, finding=finding, note=note, **element), actor)


@transaction.atomic
def finding_unlink(*, actor, organisation: Organisation, link: FindingDecision) -> None:
    require(actor, CHANGE, link)
    link.delete()
