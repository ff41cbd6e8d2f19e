"""Writes for consultations, who took part, and the inputs recorded in them."""

from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.actors.models import Actor
from samskapa.analysis.suggest import codes_for
from samskapa.cocreation.models import (
    Consultation,
    ConsultationActor,
    Group,
    GroupTarget,
    Input,
    InputFocusArea,
    Participation,
    Person,
)
from samskapa.cocreation.services._common import CHANGE, own, own_all, set_links
from samskapa.core.errors import ApplicationError, refuse_unknown_fields
from samskapa.core.history import delete_as, save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require
from samskapa.strategy.models import FocusArea

CONSULTATION_FIELDS = (
    "title",
    "kind",
    "status",
    "held_on",
    "ends_on",
    "place",
    "languages",
    "facilitator",
    "interpreter",
    "purpose",
    "summary",
    "legal_basis",
    "consent_note",
    "is_published",
)
INPUT_FIELDS = (
    "kind",
    "text",
    "group",
    "language",
    "translation",
    "translation_language",
    "person_id",
    "framework_codes",
)
MAX_INPUT_CHARS = 10_000


def _set_actors(actor, organisation, consultation, actor_ids) -> None:
    actors = own_all(Actor.objects, organisation, actor_ids, _("Choose actors from your organisation's registry."))
    set_links(
        actor=actor,
        organisation=organisation,
        link_model=ConsultationActor,
        owner_field="consultation",
        owner=consultation,
        target_field="actor",
        targets=actors,
    )


@transaction.atomic
def consultation_create(*, actor, organisation: Organisation, actor_ids=None, **fields) -> Consultation:
    """Plan or record a consultation; who took part is counted separately (participation_set)."""
    require(actor, CHANGE, organisation)
    refuse_unknown_fields(fields, CONSULTATION_FIELDS)
    consultation = save_as(Consultation(organisation=organisation, **fields), actor)
    if actor_ids:
        _set_actors(actor, organisation, consultation, actor_ids)
    return consultation


@transaction.atomic
def consultation_update(*, actor, organisation: Organisation, consultation: Consultation, actor_ids=None, **changes):
    require(actor, CHANGE, consultation)
    refuse_unknown_fields(changes, CONSULTATION_FIELDS)
    if "kind" in changes and changes["kind"] != consultation.kind and _is_bound(consultation):
        raise ApplicationError(_("The kind of a survey or committee meeting cannot be changed."))
    for field, value in changes.items():
        setattr(consultation, field, value)
    save_as(consultation, actor)
    if actor_ids is not None:
        _set_actors(actor, organisation, consultation, actor_ids)
    return consultation


def _is_bound(consultation: Consultation) -> bool:
    return hasattr(consultation, "survey") or hasattr(consultation, "committee_meeting")


@transaction.atomic
def consultation_delete(*, actor, organisation: Organisation, consultation: Consultation) -> None:
    """Remove a consultation with its counts and inputs (a survey's answers go with it)."""
    require(actor, CHANGE, consultation)
    delete_as(consultation, actor)


@transaction.atomic
def participation_set(
    *, actor, organisation: Organisation, consultation: Consultation, counts: dict, people: int | None = None
) -> None:
    """Record how many people of each group took part (a count of 0 removes the group) and, apart, how many
    people took part in all: groups overlap (a newcomer mother is a newcomer and a woman), so only that
    number is a head count."""
    require(actor, CHANGE, consultation)
    if set(counts) - set(Group.values):
        raise ApplicationError(_("Choose groups from the list."))
    if not all(_is_count(n) for n in counts.values()) or (people is not None and not _is_count(people)):
        raise ApplicationError(_("Give each number as a whole number from 0 upwards."))
    head_count = people if people is not None else consultation.people
    if head_count is not None and head_count < max(counts.values(), default=0):
        raise ApplicationError(_("The people taking part cannot be fewer than those of the largest group."))
    for group, count in counts.items():
        if count == 0:
            Participation.objects.filter(consultation=consultation, group=group).delete()
        else:
            Participation.objects.update_or_create(
                consultation=consultation, group=group, defaults={"organisation": organisation, "count": count}
            )
    if people is not None:
        consultation.people = people
        save_as(consultation, actor)


def _is_count(n) -> bool:
    return isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 1_000_000


@transaction.atomic
def group_target_set(
    *, actor, organisation: Organisation, group: str, participants: int, consultations: int, note: str = ""
) -> GroupTarget:
    """Plan how many people of a group the organisation means to hear, in how many consultations."""
    require(actor, CHANGE, organisation)
    target = GroupTarget.objects.filter(organisation=organisation, group=group).first()
    target = target or GroupTarget(organisation=organisation, group=group)
    target.participants, target.consultations, target.note = participants, consultations, note
    return save_as(target, actor)


def _check_input(organisation, fields: dict) -> None:
    text = fields.get("text")
    if text is not None and not str(text).strip():
        raise ApplicationError(_("Write what was said."))
    if text is not None and len(text) > MAX_INPUT_CHARS:
        raise ApplicationError(_("An input can be at most %(n)s characters long.") % {"n": MAX_INPUT_CHARS})
    if len(fields.get("translation") or "") > MAX_INPUT_CHARS:
        raise ApplicationError(_("A translation can be at most %(n)s characters long.") % {"n": MAX_INPUT_CHARS})
    if fields.get("person_id") is not None:
        person = own(Person.objects, organisation, fields["person_id"], _("Choose a person of your organisation."))
        if not person.consents.filter(purpose="recording", withdrawn_on__isnull=True).exists():
            raise ApplicationError(_("Link an input to a person only with their consent to record what they said."))


def _set_focus_areas(actor, organisation, item: Input, focus_area_ids) -> None:
    message = _("Choose focus areas of your organisation's strategy.")
    areas = own_all(FocusArea.objects, organisation, focus_area_ids, message)
    set_links(
        actor=actor,
        organisation=organisation,
        link_model=InputFocusArea,
        owner_field="input",
        owner=item,
        target_field="focus_area",
        targets=areas,
    )


@transaction.atomic
def input_create(
    *, actor, organisation: Organisation, consultation: Consultation, focus_area_ids=(), **fields
) -> Input:
    """Record one thing said; unless areas are given, the classifier suggests them for a person to confirm."""
    require(actor, CHANGE, consultation)
    refuse_unknown_fields(fields, INPUT_FIELDS)
    _check_input(organisation, fields)
    item = Input(organisation=organisation, consultation=consultation, **fields)
    if fields.get("framework_codes"):
        item.codes_confirmed = True
    else:
        item.suggested_codes = codes_for([item.text])[0]
    save_as(item, actor)
    if focus_area_ids:
        _set_focus_areas(actor, organisation, item, focus_area_ids)
    return item


@transaction.atomic
def input_update(*, actor, organisation: Organisation, item: Input, focus_area_ids=None, **changes) -> Input:
    require(actor, CHANGE, item)
    refuse_unknown_fields(changes, INPUT_FIELDS)
    _check_input(organisation, changes)
    for field, value in changes.items():
        setattr(item, field, value)
    if "framework_codes" in changes:
        item.codes_confirmed = True
    save_as(item, actor)
    if focus_area_ids is not None:
        _set_focus_areas(actor, organisation, item, focus_area_ids)
    return item


@transaction.atomic
def input_confirm_codes(*, actor, organisation: Organisation, item: Input, codes: list[str] | None = None) -> Input:
    """A person confirms the areas of an input: the suggestion as it is, or corrected."""
    require(actor, CHANGE, item)
    item.framework_codes = list(item.suggested_codes if codes is None else codes)
    item.codes_confirmed = True
    return save_as(item, actor)


@transaction.atomic
def input_suggest(*, actor, organisation: Organisation, items: list[Input]) -> int:
    """Ask the classifier again for inputs whose areas nobody has confirmed; returns how many were updated."""
    require(actor, CHANGE, organisation)
    open_items = [i for i in items if not i.codes_confirmed and i.organisation_id == organisation.pk]
    for item, codes in zip(open_items, codes_for([i.text for i in open_items]), strict=True):
        item.suggested_codes = codes
        save_as(item, actor)
    return len(open_items)


@transaction.atomic
def input_delete(*, actor, organisation: Organisation, item: Input) -> None:
    require(actor, CHANGE, item)
    delete_as(item, actor)
