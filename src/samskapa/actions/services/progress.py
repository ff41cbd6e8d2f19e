"""Writes for progress updates and child impact assessments: what departments and partners report."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.actions.models import NEEDS_REASON, Action, ChildImpactAssessment, ProgressUpdate
from samskapa.actions.rules import EDIT, REPORT
from samskapa.actions.services.actions import ASSESSMENT_FIELDS, _check_children_rule, _claim_version
from samskapa.core.errors import refuse_unknown_fields
from samskapa.core.history import save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require


def _check_report_date(day: date) -> None:
    if day > timezone.localdate():
        raise ValidationError({"date": _("A progress update cannot be dated in the future.")})


@transaction.atomic
def progress_post(
    *,
    actor,
    organisation: Organisation,
    action: Action,
    text: str,
    date: date | None = None,
    status: str | None = None,
    percent_complete: int | None = None,
    version: int | None = None,
) -> ProgressUpdate:
    """Report on an action; a new status or percent is applied to the action (the text is the reason
    when it is delayed or cancelled). ``version`` guards those changes against a concurrent edit."""
    require(actor, REPORT, action)
    day = date or timezone.localdate()
    _check_report_date(day)
    if not text.strip():
        raise ValidationError({"text": _("Say what happened.")})
    new_status = status or action.status
    new_percent = action.percent_complete if percent_complete is None else percent_complete
    if new_status != action.status or new_percent != action.percent_complete:
        _claim_version(action, version)
        if new_status in NEEDS_REASON and new_status != action.status:
            action.status_reason = text.strip()
        action.status, action.percent_complete = new_status, new_percent
        save_as(action, actor)
        _check_children_rule(action)
    update = ProgressUpdate(
        organisation=organisation,
        action=action,
        date=day,
        text=text.strip(),
        status=action.status,
        percent_complete=action.percent_complete,
        author=actor,
    )
    update.full_clean()
    update.save()
    return update


@transaction.atomic
def assessment_save(
    *, actor, organisation: Organisation, action: Action, complete: bool = False, **fields: Any
) -> ChildImpactAssessment:
    """Write the action's child impact assessment; ``complete`` marks it completed (every answer given).
    A completed assessment stays completed: corrections must keep it whole."""
    require(actor, EDIT, action)
    refuse_unknown_fields(fields, ASSESSMENT_FIELDS)
    assessment = ChildImpactAssessment.objects.select_for_update().filter(action=action).first()
    assessment = assessment or ChildImpactAssessment(organisation=organisation, action=action)
    for field, value in fields.items():
        setattr(assessment, field, value)
    if assessment.assessed_on and assessment.assessed_on > timezone.localdate():
        raise ValidationError({"assessed_on": _("An assessment cannot be dated in the future.")})
    if complete:
        assessment.state = ChildImpactAssessment.State.COMPLETED
    return save_as(assessment, actor)
