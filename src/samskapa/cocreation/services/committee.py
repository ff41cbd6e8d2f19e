"""Writes for the co-creation committee: members, meetings (which are consultations), decisions."""

from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.actors.models import Actor
from samskapa.cocreation.models import (
    Committee,
    CommitteeDecision,
    CommitteeMeeting,
    CommitteeMember,
    Consultation,
    Person,
)
from samskapa.cocreation.services._common import CHANGE, DELETE_DECISIONS, MINUTES, own
from samskapa.cocreation.services.consultations import consultation_create, consultation_update
from samskapa.cocreation.services.findings import decision_target
from samskapa.core.errors import ApplicationError, ConflictError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require

MEETING_FIELDS = ("title", "status", "held_on", "place", "languages", "facilitator", "summary", "is_published")


@transaction.atomic
def committee_create(*, actor, organisation: Organisation, name: str, mandate: str = "") -> Committee:
    require(actor, CHANGE, organisation)
    if Committee.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise ConflictError(_("There is already a committee called “%(name)s”.") % {"name": name})
    return save_as(Committee(organisation=organisation, name=name, mandate=mandate), actor)


@transaction.atomic
def committee_update(*, actor, organisation: Organisation, committee: Committee, **changes) -> Committee:
    require(actor, CHANGE, committee)
    refuse_unknown_fields(changes, ("name", "mandate"))
    for field, value in changes.items():
        setattr(committee, field, value)
    return save_as(committee, actor)


@transaction.atomic
def member_add(
    *, actor, organisation: Organisation, committee: Committee, actor_id=None, person_id=None, **fields
) -> CommitteeMember:
    """A seat for an actor, a named person (who must have consented to it), or a person for an actor."""
    require(actor, CHANGE, committee)
    refuse_unknown_fields(fields, ("role", "joined_on", "left_on"))
    seat = CommitteeMember(organisation=organisation, committee=committee, **fields)
    if actor_id is not None:
        seat.actor = own(Actor.objects, organisation, actor_id, _("Choose an actor from your organisation's registry."))
    if person_id is not None:
        person = own(Person.objects, organisation, person_id, _("Choose a person of your organisation."))
        if not any(c.is_current() for c in person.consents.filter(purpose="committee")):
            raise ApplicationError(_("Record the person's consent to committee membership first."))
        seat.person = person
    return save_as(seat, actor)


@transaction.atomic
def member_update(*, actor, organisation: Organisation, member: CommitteeMember, **changes) -> CommitteeMember:
    require(actor, CHANGE, member)
    refuse_unknown_fields(changes, ("role", "joined_on", "left_on"))
    for field, value in changes.items():
        setattr(member, field, value)
    return save_as(member, actor)


@transaction.atomic
def member_remove(*, actor, organisation: Organisation, member: CommitteeMember) -> None:
    require(actor, CHANGE, member)
    delete_as(member, actor)


@transaction.atomic
def meeting_create(
    *, actor, organisation: Organisation, committee: Committee, agenda: str = "", minutes: str = "", **consultation
) -> CommitteeMeeting:
    """A committee meeting, recorded as a consultation of its own kind (so who came and what was said count)."""
    require(actor, CHANGE, committee)
    refuse_unknown_fields(consultation, MEETING_FIELDS)
    consultation.setdefault("title", _("Meeting of %(name)s") % {"name": committee.name})
    held = consultation_create(actor=actor, organisation=organisation, kind=Consultation.Kind.COMMITTEE, **consultation)
    meeting = CommitteeMeeting(
        organisation=organisation, committee=committee, consultation=held, agenda=agenda, minutes=minutes
    )
    return save_as(meeting, actor)


@transaction.atomic
def meeting_update(*, actor, organisation: Organisation, meeting: CommitteeMeeting, **changes) -> CommitteeMeeting:
    """Agenda and minutes may be written by committee members; the rest by coordinators."""
    require(actor, MINUTES, meeting)
    refuse_unknown_fields(changes, MEETING_FIELDS + ("agenda", "minutes"))
    for field in ("agenda", "minutes"):
        if field in changes:
            setattr(meeting, field, changes.pop(field))
    if changes:
        consultation_update(actor=actor, organisation=organisation, consultation=meeting.consultation, **changes)
    return save_as(meeting, actor)


@transaction.atomic
def decision_add(
    *, actor, organisation: Organisation, meeting: CommitteeMeeting, text: str, **target
) -> CommitteeDecision:
    """Record a decision of the meeting, linked to the strategy element it concerns (or to none)."""
    require(actor, MINUTES, meeting)
    if not text.strip():
        raise ApplicationError(_("Write the decision."))
    chosen = {k: v for k, v in target.items() if v is not None}
    element = decision_target(organisation, **chosen) if chosen else {}
    return save_as(CommitteeDecision(organisation=organisation, meeting=meeting, text=text, **element), actor)


@transaction.atomic
def decision_delete(*, actor, organisation: Organisation, decision: CommitteeDecision) -> None:
    """Remove a recorded decision: the coordinator's, not every member's (see orgs/roles.py)."""
    require(actor, DELETE_DECISIONS, decision)
    delete_as(decision, actor)
