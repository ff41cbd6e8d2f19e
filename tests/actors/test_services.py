import pytest
from django.core.exceptions import ValidationError
from tests.actors.factories import ActorFactory

from samskapa.actors import selectors, services
from samskapa.actors.models import Actor
from samskapa.core.errors import ConflictError, PermissionRefused
from samskapa.orgs.models import Role


def test_actor_create_records_the_stakeholder_with_its_engagement(org, coordinator):
    created = services.actor_create(
        actor=coordinator,
        organisation=org,
        name="Arbetsförmedlingen",
        kind=Actor.Kind.AGENCY,
        influence=5,
        interest=4,
        engagement_level=Actor.Engagement.COLLABORATE,
    )
    assert created.organisation == org and not created.is_internal
    assert created.history.first().history_user == coordinator


def test_actor_create_refuses_influence_outside_one_to_five(org, coordinator):
    with pytest.raises(ValidationError):
        services.actor_create(actor=coordinator, organisation=org, name="X", kind=Actor.Kind.NGO, influence=9)
    assert not Actor.objects.exists()


def test_actor_create_refuses_a_name_taken_in_the_same_organisation(org, other_org, coordinator):
    ActorFactory(organisation=org, name="Röda Korset")
    ActorFactory(organisation=other_org, name="Svenska kyrkan")
    with pytest.raises(ConflictError):
        services.actor_create(actor=coordinator, organisation=org, name="röda korset", kind=Actor.Kind.NGO)
    services.actor_create(actor=coordinator, organisation=org, name="Svenska kyrkan", kind=Actor.Kind.FAITH)


def test_actor_update_is_refused_to_a_viewer(org, member_factory):
    target = ActorFactory(organisation=org)
    with pytest.raises(PermissionRefused):
        services.actor_update(actor=member_factory(Role.VIEWER), organisation=org, target=target, interest=1)


def test_actor_list_internal_only_gives_departments_and_companies(org, other_org):
    ActorFactory(organisation=org, name="Skola", kind=Actor.Kind.DEPARTMENT)
    ActorFactory(organisation=org, name="Bostadsbolaget", kind=Actor.Kind.COMPANY)
    ActorFactory(organisation=org, name="Förening", kind=Actor.Kind.NGO)
    ActorFactory(organisation=other_org, name="Annan skola", kind=Actor.Kind.DEPARTMENT)
    names = set(selectors.actor_list(organisation=org, internal_only=True).values_list("name", flat=True))
    assert names == {"Skola", "Bostadsbolaget"}
