"""Small checks every co-creation service uses."""

from django.db.models import Model, QuerySet

from samskapa.core.errors import ApplicationError

CHANGE = "cocreation.change_consultations"
MINUTES = "cocreation.record_committee_minutes"
DELETE_DECISIONS = "cocreation.delete_committee_decisions"
PEOPLE = "cocreation.manage_personal_data"


def own(queryset: QuerySet, organisation, pk, message: str) -> Model:
    """The organisation's row with this id, or a refusal with ``message`` (another organisation's id is unknown)."""
    found = queryset.filter(organisation=organisation, pk=pk).first() if isinstance(pk, int) else None
    if found is None:
        raise ApplicationError(message)
    return found


def own_all(queryset: QuerySet, organisation, ids, message: str) -> list:
    wanted = set(ids or ())
    if not all(isinstance(i, int) for i in wanted):
        raise ApplicationError(message)
    found = list(queryset.filter(organisation=organisation, pk__in=wanted))
    if len(found) != len(wanted):
        raise ApplicationError(message)
    return found


def set_links(*, actor, organisation, link_model, owner_field: str, owner, target_field: str, targets) -> None:
    """Make the through-table rows of ``owner`` point exactly at ``targets`` (each row carries the organisation)."""
    from samskapa.core.history import save_as

    wanted = {t.pk for t in targets}
    links = link_model.objects.filter(**{owner_field: owner})
    links.exclude(**{f"{target_field}_id__in": wanted}).delete()
    present = set(links.values_list(f"{target_field}_id", flat=True))
    for pk in sorted(wanted - present):
        save_as(link_model(organisation=organisation, **{owner_field: owner, f"{target_field}_id": pk}), actor)
