import pytest
from tests.factories import FocusAreaFactory, GoalFactory

from samskapa.strategy import services


@pytest.fixture
def strategy(org, coordinator):
    return services.strategy_create(
        actor=coordinator, organisation=org, title="Integrationsstrategi", vision="Alla hör till", period_start=2025
    )


@pytest.fixture
def with_areas(org):
    def make(strategy, count, goals_each=2):
        for n in range(count):
            area = FocusAreaFactory(
                strategy=strategy, organisation=org, title=f"Område {n}", we_want=["a"], framework_codes=["EDU"]
            )
            for _ in range(goals_each):
                GoalFactory(focus_area=area, organisation=org)
        return strategy

    return make
