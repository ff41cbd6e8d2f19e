"""The actor registry's list at scale: one page of 50, sorted by any column, filters kept, the cost
(queries and bytes) the same with 60 or 600 actors; the map draws at most 100."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.actors.factories import ActorFactory

from samskapa.actors.models import Actor, Engagement


def _measure(client, url) -> tuple[int, int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(context.captured_queries), len(response.content), response.content.decode()


def _names(page: str) -> list[str]:
    return re.findall(r'<a href="/o/[^/]+/actors/\d+/">([^<]+)</a>', page)


def _bulk(org, count: int, first: int = 1, **fields) -> None:
    Actor.objects.bulk_create(
        Actor(organisation=org, name=f"Förening {n:04d}", kind=Actor.Kind.NGO, **fields)
        for n in range(first, first + count)
    )


def test_the_registry_costs_the_same_with_60_or_600_actors_and_shows_one_page(org, coordinator, client_for):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/actors/"
    _bulk(org, 60)
    queries, size, _page = _measure(client, url)
    _bulk(org, 540, first=61)
    queries_10x, size_10x, page = _measure(client, url)
    assert queries_10x == queries and queries <= 10  # and not one per row of the page either
    assert size_10x < 120_000 and size_10x - size < 500
    assert len(_names(page)) == 50 and "Showing 1–50 of 600" in page


def test_paging_keeps_the_filter_and_sort_and_a_page_too_far_shows_the_last(org, coordinator, client_for):
    _bulk(org, 60)
    ActorFactory(organisation=org, name="Kulturförvaltningen")
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/actors/?kind=ngo&sort=-name").content.decode()
    assert "?kind=ngo&amp;sort=-name&amp;page=2" in page and "?kind=ngo&amp;sort=name" in page
    assert _names(page)[0] == "Förening 0060" and "Kulturförvaltningen" not in page
    last = client.get(f"/o/{org.slug}/actors/?kind=ngo&sort=-name&page=99").content.decode()
    assert "Page 2 of 2" in last and _names(last) == [f"Förening {n:04d}" for n in range(10, 0, -1)]


@pytest.fixture
def three(org, coordinator):
    made = [
        ActorFactory(
            organisation=org, name="Arbetsförmedlingen", kind="agency", sector="public",
            influence=5, interest=2, engagement_level="inform",
        ),
        ActorFactory(
            organisation=org, name="Bokcirkeln", kind="ngo", sector="civil",
            influence=1, interest=4, engagement_level="empower",
        ),
        ActorFactory(
            organisation=org, name="Centrumkyrkan", kind="faith", sector="community",
            influence=3, interest=5, engagement_level="consult",
        ),
    ]  # fmt: skip
    for actor, lines in zip(made, [0, 2, 1], strict=True):
        for n in range(lines):
            Engagement.objects.create(organisation=org, actor=actor, level="consult", method=f"Möte {n}")
    return [actor.name for actor in made]


@pytest.mark.parametrize(
    ("key", "order"),
    [
        ("name", [0, 1, 2]),
        ("kind", [0, 2, 1]),  # agency, faith, ngo
        ("sector", [1, 2, 0]),  # civil, community, public
        ("influence", [1, 2, 0]),
        ("interest", [0, 1, 2]),
        ("engagement", [0, 2, 1]),  # inform, consult, empower: up the ladder
        ("lines", [0, 2, 1]),
    ],
)
def test_every_column_sorts_both_ways(org, coordinator, client_for, three, key, order):
    client = client_for(coordinator)
    expected = [three[i] for i in order]
    assert _names(client.get(f"/o/{org.slug}/actors/?sort={key}").content.decode()) == expected
    assert _names(client.get(f"/o/{org.slug}/actors/?sort=-{key}").content.decode()) == expected[::-1]


def test_the_map_draws_the_most_influential_hundred_and_says_so(org, coordinator, client_for):
    _bulk(org, 150, influence=2)
    ActorFactory(organisation=org, name="Kommunstyrelsen", influence=5)
    page = client_for(coordinator).get(f"/o/{org.slug}/actors/map/").content.decode()
    assert "The map and the network show the 100 most influential of 151 actors." in page
    assert "Kommunstyrelsen" in page and page.count("<circle") == 2 * 100 + 5  # grid + network + legend


def test_another_organisations_actors_stay_out_of_reach(org, other_org, coordinator, client_for):
    foreign = ActorFactory(organisation=other_org, name="Främmande förening")
    client = client_for(coordinator)
    assert client.get(f"/o/{org.slug}/actors/{foreign.pk}/").status_code == 404
    assert "Främmande förening" not in client.get(f"/o/{org.slug}/actors/?sort=name").content.decode()
