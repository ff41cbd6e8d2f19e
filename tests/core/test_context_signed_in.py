"""What every signed-in page pays before its own content: the session, the person, their memberships
and the organisation in the address, each read once per request, however many organisations the
person belongs to (issue 15: a trivial signed-in page within 1.25x the cost of the same page anonymous)."""

import pytest
from django.db import connection
from django.test import Client as Client_
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
    # The session, then the person with their memberships and organisations (orgs.backends).
    assert len(queries) <= 2, "\n".join(queries)
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
def test_small_organisation_page_pays_two_queries_for_who_is_asking(admin, org):
    client = logged_in_client(admin)
    url = reverse("orgs:settings", args=[org.slug])
    queries = _queries(client, url)
    # The session, the person with their memberships (the organisation and the role come with them).
    assert len(queries) <= 2, "\n".join(queries)


@pytest.mark.django_db
def test_another_organisations_address_is_still_refused(coordinator, other_org):
    response = logged_in_client(coordinator).get(reverse("orgs:dashboard", args=[other_org.slug]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_switcher_is_not_read_by_an_anonymous_page(client):
    queries = _queries(client, reverse("login"))
    assert not _membership_reads(queries)


@pytest.mark.django_db
def test_a_person_without_organisations_pays_the_session_and_the_person(client_for):
    from tests.factories import UserFactory

    queries = _queries(client_for(UserFactory()), reverse("home"))
    assert len(queries) <= 3, "\n".join(queries)  # the session, the person, their (no) memberships


@pytest.mark.django_db
def test_a_removed_member_loses_the_organisation_on_the_next_page(coordinator, org):
    client = logged_in_client(coordinator)
    assert client.get(reverse("orgs:dashboard", args=[org.slug])).status_code == 200
    coordinator.memberships.all().delete()
    assert client.get(reverse("orgs:dashboard", args=[org.slug])).status_code == 404


@pytest.mark.django_db
def test_signing_in_with_the_password_still_works(org):
    from tests.factories import PASSWORD, MembershipFactory, UserFactory

    person = MembershipFactory(organisation=org, user=UserFactory(email="anna@example.test")).user
    client = Client_(HTTP_ACCEPT_LANGUAGE="en")
    answer = client.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    assert answer.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert org.name in page
