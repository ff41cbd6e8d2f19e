"""The isolation walker: every page and API route, called with another organisation's slug
and ids, answers 404 (or 405 for a method the route does not have) and never its data."""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.isolation_registry import ID_MAKERS, NOT_ORGANISATION_SCOPED

from samskapa.accounts.services import token_create
from samskapa.orgs.models import Invitation, Membership, Organisation, Role

PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
METHODS = ["get", "post", "put", "patch", "delete"]
SECRET = "SECRET-B"


def all_routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return sorted(set(walk(get_resolver().url_patterns)))


def org_routes():
    routes = [r for r in all_routes() if "<" in r and not r.startswith("admin/")]
    unknown = {p for r in routes for p in PARAM.findall(r)} - set(ID_MAKERS) - NOT_ORGANISATION_SCOPED - {"org_slug"}
    assert not unknown, f"Register these URL parameters in tests/isolation_registry.py: {sorted(unknown)}"
    return [r for r in routes if "org_slug" in PARAM.findall(r)]


def fill(route: str, values: dict) -> str:
    return "/" + PARAM.sub(lambda m: str(values[m.group(1)]), route)


def snapshot(org):
    return (
        Organisation.objects.filter(pk=org.pk).values_list("name", "languages").get(),
        sorted(Membership.objects.filter(organisation=org).values_list("user_id", "role")),
        sorted(Invitation.objects.filter(organisation=org).values_list("pk", "revoked_at", "accepted_at")),
    )


@pytest.fixture
def two_organisations(db):
    mine = OrganisationFactory(slug="mine")
    theirs = OrganisationFactory(slug="theirs", name=f"{SECRET} kommun")
    user = UserFactory()
    MembershipFactory(organisation=mine, user=user, role=Role.ADMIN)
    MembershipFactory(organisation=theirs, role=Role.ADMIN)
    foreign_ids = {name: make(theirs) for name, make in ID_MAKERS.items()}
    own_ids = {name: make(mine) for name, make in ID_MAKERS.items()}
    return mine, theirs, user, foreign_ids, own_ids


def _call(client, method, url, headers):
    kwargs = {"content_type": "application/json", "data": {}} if method != "get" else {}
    return getattr(client, method)(url, **kwargs, **headers)


def test_every_route_refuses_another_organisations_slug_and_ids(two_organisations):
    mine, theirs, user, foreign_ids, _own_ids = two_organisations
    _token, raw = token_create(user=user, name="walker")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    before = snapshot(theirs)
    checked = 0
    for route in org_routes():
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if route.startswith("api/") else {}
        # Their slug: every method is 404 (or 405), before any input is even read.
        url = fill(route, {**foreign_ids, "org_slug": theirs.slug})
        for method in METHODS:
            response = _call(client, method, url, headers)
            assert response.status_code in (404, 405), f"{method.upper()} {url} answered {response.status_code}"
            assert SECRET.encode() not in response.content, f"{method.upper()} {url} leaked data"
            checked += 1
        if not set(PARAM.findall(route)) - {"org_slug"}:
            continue
        # My slug with their ids: exactly what an id that never existed gets.
        url = fill(route, {**foreign_ids, "org_slug": mine.slug})
        missing = fill(route, {**dict.fromkeys(foreign_ids, 987654), "org_slug": mine.slug})
        for method in METHODS:
            response, baseline = _call(client, method, url, headers), _call(client, method, missing, headers)
            assert response.status_code == baseline.status_code, f"{method.upper()} {url}: {response.status_code}"
            assert SECRET.encode() not in response.content, f"{method.upper()} {url} leaked data"
            checked += 1
    assert snapshot(theirs) == before, "a refused call changed the other organisation"
    assert checked >= 50, f"the walker checked only {checked} calls; did it find the routes?"


def test_the_walker_sees_the_same_routes_answer_for_ones_own_organisation(two_organisations):
    """Guards the walker itself: with one's own slug and ids, routes do not answer 404."""
    mine, _theirs, user, _foreign_ids, own_ids = two_organisations
    _token, raw = token_create(user=user, name="walker")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    for route in org_routes():
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if route.startswith("api/") else {}
        url = fill(route, {**own_ids, "org_slug": mine.slug})
        statuses = {_call(client, "get", url, headers).status_code}
        assert statuses - {404}, f"GET {url} is 404 even for its own organisation"


def test_a_person_cannot_revoke_someone_elses_token(db, client_for):
    owner, intruder = UserFactory(), UserFactory()
    token, _raw = token_create(user=owner, name="theirs")
    response = client_for(intruder).post(f"/accounts/me/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is None
