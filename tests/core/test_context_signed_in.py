"""What every signed-in page pays before its own content: the session, the person, their memberships
and the organisation in the address, each read once per request, however many organisations the
person belongs to (issue 15: a trivial signed-in page within 1.25x the cost of the same page anonymous)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from tests.conftest import logged_in_client
from tests.factories import MembershipFactory, OrganisationFactory

from samskapa.orgs.models import Role


def _queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _membership_reads(queries: list[str]) -> list[str]:
    """Reads of the person's own memberships (not a page's list of an organisation's members)."""
    return [sql for sql in queries if '"orgs_membership"."user_id" =' in sql.split("WHERE", 1)[-1]]


def _join(user, count: int) -> None:
    for n in range(count):
        MembershipFactory(user=user, organisation=OrganisationFactory(name=f"Grannkommun {n}"), role=Role.VIEWER)


@pytest.mark.django_db
@pytest.mark.parametrize("others", [0, 5])
def test_home_page_reads_session_person_and_memberships_once(coordinator, others):
    _join(coordinator, others)
    client = logged_in_client(coordinator)
    queries = _queries(client, reverse("home"))
    # The session, the person, and their memberships with the organisations: one query each.
    assert len(queries) <= 3, "\n".join(queries)
    assert len(_membership_reads(queries)) == 1


@pytest.mark.django_db
def test_home_page_lists_every_organisation_once_with_the_switcher(coordinator, org):
    _join(coordinator, 2)
    page = logged_in_client(coordinator).get(reverse("home")).content.decode()
    assert page.count(f'href="/o/{org.slug}/"') == 2  # the card and the switcher, from the same read
    assert "Grannkommun 0" in page and "Grannkommun 1" in page


@pytest.mark.django_db
def test_organisation_page_does_not_grow_with_memberships(coordinator, org):
    url = reverse("orgs:members", args=[org.slug])
    client = logged_in_client(coordinator)
    client.get(url)  # warm caches that do not depend on the person (content types, settings)
    alone = _queries(client, url)
    _join(coordinator, 6)
    member_of_seven = _queries(client, url)
    assert len(member_of_seven) == len(alone), "\n".join(member_of_seven)
    # The organisation in the address comes from the same read as the switcher.
    assert len(_membership_reads(member_of_seven)) == 1


@pytest.mark.django_db
def test_small_organisation_page_pays_three_queries_for_who_is_asking(admin, org):
    client = logged_in_client(admin)
    url = reverse("orgs:settings", args=[org.slug])
    queries = _queries(client, url)
    # The session, the person, their memberships (the organisation and the role come with them).
    assert len(queries) <= 3, "\n".join(queries)


@pytest.mark.django_db
def test_another_organisations_address_is_still_refused(coordinator, other_org):
    response = logged_in_client(coordinator).get(reverse("orgs:dashboard", args=[other_org.slug]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_switcher_is_not_read_by_an_anonymous_page(client):
    queries = _queries(client, reverse("login"))
    assert not _membership_reads(queries)
