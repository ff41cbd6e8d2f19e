"""The pictures as Chromium draws them, in Swedish and Finnish as well as English: every mark is there
and every text lies inside its picture (measured by the browser, not estimated); the overview and
the tables do not push a phone's page sideways; axe-core finds nothing on the overview."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from tests.actions.factories import ActionFactory, ActionPlanFactory
from tests.actors.factories import ActorFactory
from tests.factories import FocusAreaFactory, MembershipFactory, OrganisationFactory, StrategyFactory, UserFactory
from tests.indicators.factories import IndicatorFactory, series

from samskapa.orgs.models import Role

pytestmark = pytest.mark.django_db(transaction=True)

# For each picture on the page: how many marks it has, and the texts the browser draws outside it.
MEASURE = """() => [...document.querySelectorAll('svg[role=img]')].map(svg => {
  const box = svg.viewBox.baseVal;
  const outside = [...svg.querySelectorAll('text')].filter(t => {
    const b = t.getBBox();
    const m = t.getCTM && svg.getCTM() ? svg.getCTM().inverse().multiply(t.getCTM()) : null;
    const corners = [[b.x, b.y], [b.x + b.width, b.y + b.height]].map(([x, y]) => {
      if (!m) return [x, y];
      return [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    });
    return corners.some(([x, y]) =>
      x < box.x - 1 || y < box.y - 1 || x > box.x + box.width + 1 || y > box.y + box.height + 1);
  }).map(t => t.textContent.trim());
  return {marks: svg.querySelectorAll('rect, circle, polyline, line').length, outside};
})"""


@pytest.fixture
def mark():
    org = OrganisationFactory(name="Marks kommun", slug="mark", municipality_code="1463")
    user = UserFactory(email="samordnare@mark.test", full_name="Samira Samordnare")
    MembershipFactory(organisation=org, user=user, role=Role.COORDINATOR)
    today = timezone.localdate()
    plan = ActionPlanFactory(strategy=StrategyFactory(organisation=org), period_start=date(today.year - 2, 1, 1))
    area = FocusAreaFactory(strategy=plan.strategy, organisation=org, title="Arbete, utbildning och språk")
    for n, interest in enumerate([1, 3, 5, 5]):
        ActorFactory(organisation=org, name=f"Förvaltning för samverkan {n}", influence=5 - n, interest=interest)
    ActionFactory(
        plan=plan,
        focus_area=area,
        title="Språkcafé på kvällen i Kinna bibliotek",
        start=today - timedelta(days=700),
        end=today - timedelta(days=460),
    )
    indicator = IndicatorFactory(organisation=org, title="Besök på språkcaféer", unit="besök", decimals=0)
    series(indicator, {2021: 950, 2022: 1200, 2023: 14800})
    return org, user, plan, indicator


@pytest.mark.parametrize("language", ["sv", "fi", "en"])
def test_pictures_are_drawn_whole_in_every_interface_language(page_for, live_server, mark, language):
    org, user, plan, indicator = mark
    for width in (390, 1280):
        page = page_for(user, language=language, viewport=(width, 900))
        for path in [
            f"/o/{org.slug}/actors/map/",
            f"/o/{org.slug}/actions/plans/{plan.pk}/timeline/",
            f"/o/{org.slug}/actions/plans/{plan.pk}/overview/",
            f"/o/{org.slug}/indicators/{indicator.pk}/",
            f"/o/{org.slug}/indicators/follow-up/",
        ]:
            page.goto(live_server.url + path)
            pictures = page.evaluate(MEASURE)
            assert pictures, path
            for picture in pictures:
                assert picture["marks"] > 0, path
                assert picture["outside"] == [], (path, width)
            assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"), (path, width)


@pytest.mark.parametrize("language", ["sv", "fi"])
def test_the_overview_reads_overdue_and_is_accessible(page_for, live_server, assert_accessible, mark, language):
    org, user, _plan, _indicator = mark
    page = page_for(user, language=language, viewport=(390, 900))
    page.goto(f"{live_server.url}/o/{org.slug}/")
    overdue = page.locator(".figure--bad").first
    assert overdue.locator(".figure__count").inner_text() == "1"
    assert_accessible(page)
    overdue.click()
    assert "Språkcafé på kvällen i Kinna bibliotek" in page.content()
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
