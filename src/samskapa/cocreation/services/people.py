"""Writes for the people named in co-creation and their consent (the personal data of this app)."""

from django.db import transaction
from django.utils.translation import gettext as _

from samskapa.actors.models import Actor
from samskapa.cocreation.models import Consent, Person
from samskapa.cocreation.services._common import PEOPLE, own
from samskapa.core.errors import ApplicationError, refuse_unknown_fields
from samskapa.core.history import save_as
from samskapa.orgs.models import Organisation
from samskapa.orgs.services import require

PERSON_FIELDS = ("full_name", "email", "phone", "title", "note", "actor_id")
CONSENT_FIELDS = ("purpose", "given_on", "expires_on", "how")


def _with_actor(organisation, fields: dict) -> dict:
    if fields.get("actor_id") is not None:
        own(Actor.objects, organisation, fields["actor_id"], _("Choose an actor from your organisation's registry."))
    return fields


@transaction.atomic
def person_create(*, actor, organisation: Organisation, consent: dict, **fields) -> Person:
    """A named person, recorded only together with their consent (purpose, date, how)."""
    require(actor, PEOPLE, organisation)
    refuse_unknown_fields(fields, PERSON_FIELDS)
    refuse_unknown_fields(consent, CONSENT_FIELDS)
    if not consent.get("purpose") or not consent.get("given_on"):
        raise ApplicationError(_("Record the person's consent: its purpose and the date it was given."))
    person = save_as(Person(organisation=organisation, **_with_actor(organisation, fields)), actor)
    consent_add(actor=actor, organisation=organisation, person=person, **consent)
    return person


@transaction.atomic
def person_update(*, actor, organisation: Organisation, person: Person, **changes) -> Person:
    require(actor, PEOPLE, person)
    refuse_unknown_fields(changes, PERSON_FIELDS)
    if person.anonymised_at:
        raise ApplicationError(_("This person's data has been erased."))
    for field, value in _with_actor(organisation, changes).items():
        setattr(person, field, value)
    return save_as(person, actor)


@transaction.atomic
def consent_add(*, actor, organisation: Organisation, person: Person, **fields) -> Consent:
    require(actor, PEOPLE, person)
    refuse_unknown_fields(fields, CONSENT_FIELDS)
    return save_as(Consent(organisation=organisation, person=person, **fields), actor)


@transaction.atomic
def consent_withdraw(*, actor, organisation: Organisation, consent: Consent, withdrawn_on) -> Consent:
    """Record that the person withdrew; the retention rule then removes their data after the set period."""
    require(actor, PEOPLE, consent)
    if consent.withdrawn_on:
        raise ApplicationError(_("This consent was already withdrawn."))
    consent.withdrawn_on = withdrawn_on
    return save_as(consent, actor)
