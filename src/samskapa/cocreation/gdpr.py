"""Personal data of co-creation: a data-subject export, erasure, and the retention rule.

Where a person can be is one registry (core/personal_data.py). Erasure and anonymisation
remove the person's own rows, cut the links to them, replace their name, e-mail and phone in
every text column of the organisation's tables and of the background-work queue (history
included), and remove stored files that showed them; the anonymous inputs stay. ``traces``
then searches every table of the database for what is left.
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samskapa.cocreation.models import CommitteeMember, Consent, Input, Person
from samskapa.cocreation.services._common import PEOPLE
from samskapa.core import personal_data
from samskapa.core.errors import ApplicationError
from samskapa.orgs.services import require

ERASED = "[…]"
TEXT_FIELDS = personal_data.TEXT_FIELDS


def _needles(person: Person) -> list[str]:
    """The strings that identify the person (too short ones would match everything)."""
    return sorted({v.strip() for v in (person.full_name, person.email, person.phone) if v and len(v.strip()) >= 4})


def _text_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS) and not f.choices]


def _matching(model, needles: list[str], fields: list[str]):
    query = Q()
    for name in fields:
        for needle in needles:
            query |= Q(**{f"{name}__icontains": needle})
    return model._default_manager.filter(query) if fields and needles else model._default_manager.none()


def _replace(value, needles):
    if isinstance(value, str):
        for needle in needles:
            value = _replace_ci(value, needle)
        return value
    if value is None or isinstance(value, (int, float, bool)):
        return value
    return json.loads(_replace(json.dumps(value, ensure_ascii=False), needles))


def _replace_ci(text: str, needle: str) -> str:
    lowered, target, out, start = text.lower(), needle.lower(), [], 0
    while (found := lowered.find(target, start)) >= 0:
        out.append(text[start:found] + ERASED)
        start = found + len(needle)
    return "".join(out) + text[start:]


def _scrub(organisation, needles: list[str]) -> int:
    """Replace the needles in every text place of the registry: the organisation's rows, and the
    rows of shared tables (the task queue) that contain them."""
    changed = 0
    for model, fields in personal_data.text_columns().items():
        rows = _matching(model, needles, fields)
        if personal_data.has_organisation(model):
            rows = rows.filter(organisation=organisation)
        for row in rows:
            updates = {name: _replace(getattr(row, name), needles) for name in fields}
            model._default_manager.filter(pk=row.pk).update(**updates)
            changed += 1
    return changed


def _has_organisation(model) -> bool:
    return personal_data.has_organisation(model)


def _files_mentioning(organisation, needles: list[str]) -> list[tuple[models.Model, str]]:
    """(row, file field) of the registry's files that show the person, read before any text is replaced."""
    found = []
    for place in personal_data.places(personal_data.REMOVE_FILE):
        if not place.mentioned_by:
            continue
        rows = _matching(place.model_class, needles, list(place.mentioned_by)).filter(organisation=organisation)
        found += [(row, place.field) for row in rows.distinct()]
    return found


def _regenerable_files(organisation) -> list[tuple[models.Model, str]]:
    found = []
    for place in personal_data.places(personal_data.REMOVE_FILE):
        if not place.mentioned_by:
            found += [(row, place.field) for row in place.model_class.objects.filter(organisation=organisation)]
    return found


def _remove_files(files: list[tuple[models.Model, str]]) -> None:
    """Take the files out of storage once the erasure is committed; their rows stay, without a file."""
    for row, name in files:
        stored = getattr(row, name)
        if not stored or not stored.name:
            continue
        type(row)._default_manager.filter(pk=row.pk).update(**{name: ""})
        transaction.on_commit(partial(stored.storage.delete, stored.name))


def _history_of(model):
    return model.history.model if hasattr(model, "history") else None


@dataclass
class Traces:
    """Where the person can still be found: (table, row id, column)."""

    found: list[tuple[str, object, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.found)


def traces(needles: list[str], organisation=None) -> Traces:
    """Search every text column of every table (history tables included) for the needles; rows of
    other organisations are not looked at (they are theirs to handle, and not to be revealed)."""
    result = Traces()
    for model in apps.get_models():
        fields = _text_fields(model)
        rows = _matching(model, needles, fields)
        if organisation is not None and _has_organisation(model):
            rows = rows.filter(organisation=organisation)
        for row in rows.values("pk", *fields):
            for name in fields:
                text = json.dumps(row[name], ensure_ascii=False) if not isinstance(row[name], str) else row[name]
                if text and any(n.lower() in text.lower() for n in needles):
                    result.found.append((model._meta.db_table, row["pk"], name))
    return result


def person_export(*, actor, organisation, person: Person) -> dict:
    """Everything the organisation keeps about the person, as JSON-ready data (GDPR article 15)."""
    require(actor, PEOPLE, person)
    consents = Consent.objects.filter(person=person)
    seats = CommitteeMember.objects.filter(person=person).select_related("committee", "actor")
    inputs = Input.objects.filter(person=person).select_related("consultation")
    needles = _needles(person)
    return {
        "exported_at": timezone.now().isoformat(),
        "organisation": organisation.name,
        "person": {
            "id": person.pk,
            "name": person.full_name,
            "email": person.email,
            "phone": person.phone,
            "title": person.title,
            "note": person.note,
            "organisation_or_group": person.actor.name if person.actor else None,
            "recorded_at": person.created_at.isoformat(),
        },
        "consents": [
            {
                "purpose": c.get_purpose_display(),
                "given_on": c.given_on.isoformat(),
                "valid_until": c.expires_on.isoformat() if c.expires_on else None,
                "withdrawn_on": c.withdrawn_on.isoformat() if c.withdrawn_on else None,
                "how": c.how,
            }
            for c in consents
        ],
        "committee_seats": [
            {
                "committee": s.committee.name,
                "role": s.get_role_display(),
                "from": _iso(s.joined_on),
                "until": _iso(s.left_on),
            }
            for s in seats
        ],
        "things_said": [
            {"consultation": i.consultation.title, "date": _iso(i.consultation.held_on), "text": i.text} for i in inputs
        ],
        "mentioned_in": [
            {"table": table, "row": str(pk), "column": column}
            for table, pk, column in traces(needles, organisation).found
        ],
        "files": [
            {"table": row._meta.db_table, "row": str(row.pk), "file": getattr(row, name).name}
            for row, name in _files_mentioning(organisation, needles)
            if getattr(row, name)
        ],
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _forget(organisation, person: Person, needles: list[str]) -> None:
    """Unlink the person from inputs and committee seats, blank their history rows, replace them
    in every text and remove the files that showed them (the registry's places, in that order)."""
    files = _files_mentioning(organisation, needles)
    Input.objects.filter(person=person).update(person=None)
    Input.history.model.objects.filter(person_id=person.pk).update(person=None)
    CommitteeMember.objects.filter(person=person, actor__isnull=True).delete()
    CommitteeMember.objects.filter(person=person).update(person=None)
    CommitteeMember.history.model.objects.filter(person_id=person.pk).delete()
    if _scrub(organisation, needles):
        files += _regenerable_files(organisation)
    _remove_files(files)


@transaction.atomic
def person_erase(*, actor, organisation, person: Person) -> Traces:
    """Remove the person everywhere (GDPR article 17); what they said stays, anonymous. Returns what is left."""
    require(actor, PEOPLE, person)
    needles = _needles(person)
    _forget(organisation, person, needles)
    pk = person.pk
    Consent.objects.filter(person_id=pk).delete()
    Consent.history.model.objects.filter(person_id=pk).delete()
    Person.objects.filter(pk=pk).delete()
    Person.history.model.objects.filter(id=pk).delete()
    return traces(needles, organisation)


@transaction.atomic
def person_anonymise(*, organisation, person: Person) -> None:
    """Keep the row (committee history, counts) but drop everything that identifies the person."""
    if person.anonymised_at:
        raise ApplicationError(_("This person's data has already been erased."))
    needles = _needles(person)
    _forget(organisation, person, needles)
    Person.objects.filter(pk=person.pk).update(
        full_name=_("Anonymised person"), email="", phone="", note="", title="", anonymised_at=timezone.now()
    )
    Person.history.model.objects.filter(id=person.pk).delete()
    Consent.history.model.objects.filter(person_id=person.pk).update(how="")
    Consent.objects.filter(person_id=person.pk).update(how="")


def retention_days() -> int:
    return settings.SAMSKAPA_CONTACT_RETENTION_DAYS


def retention_due(*, organisation=None, days: int | None = None, today: date | None = None) -> list[Person]:
    """People whose consent has ended (withdrawn or expired) more than ``days`` ago, and who have none current."""
    today = today or timezone.localdate()
    limit = today - timedelta(days=retention_days() if days is None else days)
    people = Person.objects.filter(anonymised_at__isnull=True).prefetch_related("consents")
    if organisation is not None:
        people = people.filter(organisation=organisation)
    due = []
    for person in people:
        consents = list(person.consents.all())
        if any(c.is_current(today) for c in consents):
            continue
        ended = [d for c in consents for d in (c.withdrawn_on, c.expires_on) if d]
        last = max(ended) if ended else timezone.localdate(person.updated_at)
        if last < limit:
            due.append(person)
    return due


def retention_apply(*, organisation=None, days: int | None = None, today=None, progress=None) -> list[Person]:
    """Anonymise everyone due under the retention rule; ``progress(done, total)`` is told along the way."""
    due = retention_due(organisation=organisation, days=days, today=today)
    for n, person in enumerate(due, start=1):
        with transaction.atomic():
            person_anonymise(organisation=person.organisation, person=person)
        if progress:
            progress(n, len(due))
    return due
