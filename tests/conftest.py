"""Shared fixtures: two organisations, people in every role, logged-in clients."""

import pytest
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

from samskapa.accounts.services import token_create
from samskapa.orgs.models import Role


@pytest.fixture(autouse=True)
def _interface_language_reset():
    """A request in Swedish leaves Swedish active in the thread; each test starts from the default."""
    yield
    translation.deactivate()


@pytest.fixture
def org(db):
    return OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463")


@pytest.fixture
def other_org(db):
    return OrganisationFactory(name="Främmande kommun", slug="frammande", municipality_code="2418")


@pytest.fixture
def member_factory(org):
    def make(role: str = Role.COORDINATOR, organisation=None, **user_kwargs):
        return MembershipFactory(organisation=organisation or org, role=role, user=UserFactory(**user_kwargs)).user

    return make


@pytest.fixture
def admin(member_factory):
    return member_factory(Role.ADMIN)


@pytest.fixture
def coordinator(member_factory):
    return member_factory(Role.COORDINATOR)


def logged_in_client(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def client_for():
    return logged_in_client


class ApiClient:
    """Calls the API with a personal access token, as a script would."""

    def __init__(self, user):
        _token, self.raw = token_create(user=user, name="tests")
        self.client = Client(HTTP_ACCEPT_LANGUAGE="en")

    def _call(self, method, path, data=None):
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {self.raw}"}
        if data is not None:
            kwargs.update(data=data, content_type="application/json")
        return getattr(self.client, method)(f"/api/v1{path}", **kwargs)

    def get(self, path):
        return self._call("get", path)

    def post(self, path, data=None):
        return self._call("post", path, data if data is not None else {})

    def patch(self, path, data=None):
        return self._call("patch", path, data if data is not None else {})

    def delete(self, path):
        return self._call("delete", path)


@pytest.fixture
def api_for(db):
    return ApiClient


# Property tests share two cores with browsers and servers in CI: slow input generation there
# says nothing about the code, so neither the deadline nor the too-slow health check applies.
hypothesis_settings.register_profile("samskapa", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("samskapa")
