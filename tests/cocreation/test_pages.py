"""The co-creation and registry pages as a coordinator uses them: content, filters, and query counts
that stay the same with ten times the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from samskapa.orgs.models import Role

LISTS = [
    "actors/",
    "actors/?kind=department&level=consult",
    "actors/map/",
    "actors/plan/",
    "cocreation/",
    "cocreation/consultations/",
    "cocreation/inputs/",
    "cocreation/inputs/?code=PAR&group=newcomers",
    "cocreation/findings/",
    "cocreation/you-said-we-did/",
    "cocreation/committee/{committee}/",
    "cocreation/surveys/",
    "cocreation/surveys/{survey}/",
    "cocreation/surveys/{survey}/results/",
    "cocreation/surveys/{survey}/export.csv",
    "cocreation/people/",
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("path", LISTS)
def test_every_list_costs_the_same_queries_with_ten_times_the_data(
    org, coordinator, client_for, grow, open_survey, path
):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/" + path.format(committee=grow.committee.pk, survey=open_survey.pk)
    grow(2)
    few = _queries(client, url)
    grow(18)
    assert _queries(client, url) == few


def test_the_map_draws_the_grid_and_network_with_the_data_as_tables(org, coordinator, client_for, grow):
    grow(3)
    body = client_for(coordinator).get(f"/o/{org.slug}/actors/map/").content.decode()
    assert body.count("<svg") >= 2 and "Influence and interest" in body and "Who works with whom" in body
    assert "Pairs of actors that work together" in body and "Manage closely" in body


def test_filtering_the_registry_by_kind_and_level_shows_only_matching_actors(org, coordinator, client_for):
    from tests.actors.factories import ActorFactory

    ActorFactory(organisation=org, name="Röda Korset", kind="ngo", engagement_level="collaborate")
    ActorFactory(organisation=org, name="Skolan", kind="department", engagement_level="consult")
    client = client_for(coordinator)
    body = client.get(f"/o/{org.slug}/actors/?kind=ngo").content.decode()
    assert "Röda Korset" in body and "Skolan" not in body
    body = client.get(f"/o/{org.slug}/actors/map/?level=consult").content.decode()
    assert "Skolan" in body and "Röda Korset" not in body


def test_hostile_html_is_shown_as_text_on_every_page(org, coordinator, client_for, strategy_area):
    from tests.actors.factories import ActorFactory
    from tests.cocreation.factories import ConsultationFactory, FindingFactory, InputFactory

    evil = "<script>alert(1)</script>"
    actor = ActorFactory(organisation=org, name=evil, tasks=evil)
    consultation = ConsultationFactory(organisation=org, title=evil, place=evil)
    InputFactory(consultation=consultation, text=evil)
    finding = FindingFactory(organisation=org, statement=evil, outcome=evil)
    client = client_for(coordinator)
    for path in [
        "actors/",
        "actors/map/",
        f"actors/{actor.pk}/",
        "cocreation/consultations/",
        f"cocreation/consultations/{consultation.pk}/",
        "cocreation/inputs/",
        f"cocreation/findings/{finding.pk}/",
        "cocreation/you-said-we-did/",
    ]:
        body = client.get(f"/o/{org.slug}/{path}").content.decode()
        assert evil not in body, path


def test_viewers_read_the_registry_but_cannot_change_it(org, member_factory, client_for):
    from tests.actors.factories import ActorFactory

    actor = ActorFactory(organisation=org)
    client = client_for(member_factory(Role.VIEWER))
    assert client.get(f"/o/{org.slug}/actors/{actor.pk}/").status_code == 200
    assert client.get(f"/o/{org.slug}/actors/new/").status_code == 403
    assert client.post(f"/o/{org.slug}/actors/{actor.pk}/delete/").status_code == 403
    assert client.get(f"/o/{org.slug}/cocreation/people/").status_code == 403


def test_partners_see_actors_but_not_consultations(org, member_factory, client_for):
    client = client_for(member_factory(Role.PARTNER))
    assert client.get(f"/o/{org.slug}/actors/").status_code == 200
    assert client.get(f"/o/{org.slug}/cocreation/").status_code == 403


def test_the_overview_shows_groups_not_heard_against_the_plan(org, coordinator, client_for):
    from tests.cocreation.factories import ConsultationFactory

    from samskapa.cocreation.models import GroupTarget, Participation

    consultation = ConsultationFactory(organisation=org, status="held")
    Participation.objects.create(organisation=org, consultation=consultation, group="women", count=4)
    GroupTarget.objects.create(organisation=org, group="women", participants=20, consultations=2)
    body = client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    # The overview's "Groups heard" figure: planned groups heard as planned, and those not yet.
    assert "Groups heard" in body and "0 of 1" in body and "Not yet:" in body and "Women" in body
