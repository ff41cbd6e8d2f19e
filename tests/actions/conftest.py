import pytest
from tests.actions.factories import ActionPlanFactory
from tests.actors.factories import ActorFactory

from samskapa.actors.models import Actor
from samskapa.strategy import services as strategy_services


@pytest.fixture
def strategy(org, coordinator):
    return strategy_services.strategy_create(actor=coordinator, organisation=org, title="Integrationsstrategi")


@pytest.fixture
def area(org, coordinator, strategy):
    return strategy_services.focus_area_create(
        actor=coordinator, organisation=org, strategy=strategy, title="Utbildning"
    )


@pytest.fixture
def goal(org, coordinator, area):
    return strategy_services.goal_create(
        actor=coordinator, organisation=org, focus_area=area, text="Fler klarar skolan"
    )


@pytest.fixture
def plan(org, strategy):
    return ActionPlanFactory(organisation=org, strategy=strategy, title="Handlingsplan 2025–2026")


@pytest.fixture
def school(org):
    return ActorFactory(organisation=org, name="Barn- och utbildningsförvaltningen", kind=Actor.Kind.DEPARTMENT)


@pytest.fixture
def red_cross(org):
    return ActorFactory(organisation=org, name="Röda Korset", kind=Actor.Kind.NGO, sector=Actor.Sector.CIVIL)


@pytest.fixture
def new_action(org, coordinator, plan, area, school):
    """Create an action through the service, as a coordinator, with sensible defaults."""
    from samskapa.actions import services

    def make(actor=None, **fields):
        fields = {"title": "Läxhjälp på biblioteket", "focus_area_id": area.pk, "lead_id": school.pk, **fields}
        return services.action_create(actor=actor or coordinator, organisation=org, plan=plan, **fields)

    return make


@pytest.fixture
def api_for(db):
    """The shared API client, with PUT for the assessment and commitment routes."""
    from tests.conftest import ApiClient

    class Client(ApiClient):
        def put(self, path, data=None):
            return self._call("put", path, data if data is not None else {})

    return Client
