import pytest
from django.core.cache import caches
from tests.publicsite.factories import PublicSiteFactory

from samskapa.publicsite import services as public_services
from samskapa.strategy import services

ADOPTION = {"adopted_by": "Kommunfullmäktige", "adopted_on": "2026-06-01"}


@pytest.fixture(autouse=True)
def empty_page_cache():
    caches["public"].clear()
    yield
    caches["public"].clear()


@pytest.fixture
def site(org):
    return PublicSiteFactory(organisation=org)


def adopt(coordinator, org, strategy):
    from datetime import date

    services.strategy_adopt(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        adopted_by="Kommunfullmäktige",
        adopted_on=date(2026, 6, 1),
    )
    strategy.refresh_from_db()
    return strategy


@pytest.fixture
def strategy(org, coordinator):
    """An adopted strategy with two focus areas and a goal, not yet published."""
    strategy = services.strategy_create(
        actor=coordinator,
        organisation=org,
        title="Integrationsstrategi för Mark",
        vision="Alla ska känna att de hör hemma här.",
        purpose="Att bygga ett inkluderande samhälle.",
        period_start=2026,
        period_end=2030,
    )
    area = services.focus_area_create(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        title="Tillhörighet",
        summary="Vi vill att alla känner sig välkomna.",
        we_want=["Alla ska känna sig trygga.", "Fler mötesplatser."],
        we_will=["Erbjuda samhällsorientering."],
    )
    services.goal_create(
        actor=coordinator, organisation=org, focus_area=area, text="Fler känner sig välkomna", target="80 %"
    )
    services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Arbete")
    return adopt(coordinator, org, strategy)


@pytest.fixture
def published(org, coordinator, strategy, site):
    public_services.content_publish(actor=coordinator, organisation=org, obj=strategy)
    strategy.refresh_from_db()
    return strategy
