"""The public pages in Chromium: every page type in Swedish, Finnish, English and Arabic, at phone
and desktop sizes, axe-clean, every link reachable by keyboard alone; and the coordinator's way
from opening the site to an Arabic translation on the public page.

With SAMSKAPA_RECORD_ACCESSIBILITY=1 (``make accessibility-record``) the walk writes its result
to src/samskapa/publicsite/data/accessibility-checks.json, which the accessibility statement reads.
"""

import json
import os
from datetime import date
from pathlib import Path

import pytest
from tests.browser.conftest import AXE, axe_violations
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.publicsite.factories import PublicSiteFactory

from samskapa.orgs.models import Role
from samskapa.publicsite import services as public_services
from samskapa.publicsite.accessibility import RECORD
from samskapa.strategy import services

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["sv", "fi", "en", "ar"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
PAGE_TYPES = {
    "index": "/p/?lang={lang}",
    "home": "/p/mark/{lang}/",
    "strategy": "/p/mark/{lang}/strategy/",
    "accessibility": "/p/mark/{lang}/accessibility/",
    "open data": "/p/mark/{lang}/data/",
    "actions": "/p/mark/{lang}/actions/",
    "indicators": "/p/mark/{lang}/indicators/",
    "indicator": "/p/mark/{lang}/indicators/{indicator}/",
    "consultations": "/p/mark/{lang}/consultations/",
    "you said, we did": "/p/mark/{lang}/you-said-we-did/",
}


def _progress(org, strategy) -> int:
    """A published action with progress, an indicator with values, consultations held and open
    (with a survey), and a finding traced to the action; returns the indicator's id."""
    from tests.actions.factories import ActionFactory, ActionPlanFactory, ProgressUpdateFactory
    from tests.cocreation.factories import FindingDecisionFactory, FindingFactory, SurveyFactory
    from tests.indicators.factories import IndicatorFactory, series

    from samskapa.cocreation.models import Participation
    from samskapa.publicsite.services import public_content_changed

    area = strategy.focus_areas.order_by("order", "pk").first()
    plan = ActionPlanFactory(strategy=strategy, organisation=org)
    action = ActionFactory(
        plan=plan,
        focus_area=area,
        title="Språkcaféer på biblioteket",
        status="ongoing",
        percent_complete=40,
        is_published=True,
    )
    ProgressUpdateFactory(action=action, text="Tio träffar har hållits.", is_published=True)
    indicator = IndicatorFactory(organisation=org, title="Andel i arbete två år efter ankomst", is_published=True)
    series(indicator, {2016 + year: 30 + 2 * year for year in range(8)})
    survey = SurveyFactory(
        organisation=org,
        consultation__organisation=org,
        consultation__is_published=True,
        status="open",
        is_published=True,
    )
    Participation.objects.create(organisation=org, consultation=survey.consultation, group="newcomers", count=40)
    finding = FindingFactory(
        organisation=org, statement="Fler vill öva svenska", outcome="Vi startade språkcaféer.", is_published=True
    )
    FindingDecisionFactory(finding=finding, organisation=org, action=action)
    public_content_changed(org.pk)
    return indicator.pk


@pytest.fixture
def site():
    from django.core.cache import caches

    caches["public"].clear()
    org = OrganisationFactory(name="Marks kommun", slug="mark", default_language="sv", languages=["fi", "en", "ar"])
    coordinator = UserFactory(email="samordnare@mark.test")
    MembershipFactory(organisation=org, user=coordinator, role=Role.COORDINATOR)
    strategy = services.strategy_create(
        actor=coordinator,
        organisation=org,
        title="Integrationsstrategi för Mark",
        vision="Ett nära samhälle där alla känner att de hör till.",
        purpose="Att bygga ett inkluderande samhälle som vilar på rättigheter.",
        period_start=2026,
        period_end=2030,
    )
    area = services.focus_area_create(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        title="Delaktighet och gemenskap",
        summary="Platser och människor som hjälper nya invånare att träffa andra.",
        we_want=["Fler mötesplatser i skolor och bibliotek."],
        we_will=["Ordna språkcaféer.", "Ge nya invånare en kontaktperson."],
    )
    services.goal_create(actor=coordinator, organisation=org, focus_area=area, text="Fler deltar i föreningslivet")
    services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Arbete och språk")
    services.strategy_adopt(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        adopted_by="Kommunfullmäktige",
        adopted_on=date(2026, 6, 1),
    )
    PublicSiteFactory(organisation=org, intro="Här berättar vi om integrationsarbetet i Mark.")
    public_services.content_publish(actor=coordinator, organisation=org, obj=strategy)
    strategy.indicator_id = _progress(org, strategy)
    return org, coordinator, strategy


def keyboard_reaches_every_link(page) -> list[str]:
    """Tab through the page from the top; the links never focused (an empty list when all are)."""
    wanted = set(
        page.eval_on_selector_all(
            "a[href]", "links => links.filter(a => a.getClientRects().length).map(a => a.getAttribute('href'))"
        )
    )
    reached = set()
    page.locator("body").focus()
    for _ in range(len(wanted) * 3 + 10):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement && document.activeElement.getAttribute('href')")
        if href is not None:
            reached.add(href)
        if wanted <= reached:
            break
    return sorted(wanted - reached)


def test_every_public_page_type_is_accessible_in_four_languages_on_phone_and_desktop(site, page_for, live_server):
    problems, checked = [], []
    for size, viewport in VIEWPORTS.items():
        for language in LANGUAGES:
            page = page_for(language=language, viewport=viewport)
            for kind, address in PAGE_TYPES.items():
                page.goto(live_server.url + address.format(lang=language, indicator=site[2].indicator_id))
                expected = "rtl" if language == "ar" else "ltr"
                assert page.locator("html").get_attribute("dir") == expected, (kind, language)
                assert page.locator("html").get_attribute("lang") == language, (kind, language)
                violations = axe_violations(page)
                missed = keyboard_reaches_every_link(page)
                problems += [f"{kind} {language} {size}: {v}" for v in violations]
                problems += [f"{kind} {language} {size}: keyboard never reaches {href}" for href in missed]
                checked.append((kind, language, size))
    _record(page_for, checked, problems)
    assert problems == [], "\n".join(problems)


def _record(page_for, checked, problems) -> None:
    if os.environ.get("SAMSKAPA_RECORD_ACCESSIBILITY") != "1":
        return
    axe_version = json.loads((AXE.parent / "package.json").read_text())["version"]
    browser = page_for().context.browser
    record = {
        "checked_on": date.today().isoformat(),  # noqa: DTZ011  (the day of the check, wherever it ran)
        "tool": f"axe-core {axe_version} in Chromium {browser.version.split('.')[0]}",
        "pages": sorted({kind for kind, _l, _s in checked}),
        "languages": LANGUAGES,
        "viewports": [f"{w}×{h}" for w, h in VIEWPORTS.values()],
        "checks": len(checked),
        "violations": sum(1 for p in problems if "keyboard" not in p),
        "keyboard": not any("keyboard" in p for p in problems),
    }
    Path(RECORD).parent.mkdir(parents=True, exist_ok=True)
    Path(RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_the_site_shows_the_reader_where_a_translation_falls_back(site, page_for, live_server, assert_accessible):
    page = page_for(language="ar", viewport=VIEWPORTS["phone"])
    page.goto(f"{live_server.url}/p/mark/")
    assert page.url.endswith("/p/mark/ar/")
    page.get_by_role("navigation", name="الأقسام").get_by_role("link", name="استراتيجيتنا").click()
    heading = page.get_by_role("heading", level=1)
    assert heading.get_attribute("lang") == "sv" and heading.get_attribute("dir") == "ltr"
    assert "Svenska" in heading.inner_text()
    assert page.locator(".notice").is_visible()
    page.get_by_role("navigation", name="اللغات").get_by_role("link", name="Suomi").click()
    assert page.url.endswith("/p/mark/fi/strategy/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert_accessible(page)


def test_coordinator_opens_the_site_publishes_and_translates_into_arabic(
    site, page_for, live_server, assert_accessible
):
    org, coordinator, strategy = site
    public_services.content_unpublish(actor=coordinator, organisation=org, obj=strategy)
    page = page_for(coordinator)
    page.goto(f"{live_server.url}/o/mark/")
    page.get_by_role("navigation", name="Marks kommun: sections").get_by_role("link", name="Public pages").click()
    assert_accessible(page)
    page.get_by_role("link", name="Change the settings of the public site").click()
    assert_accessible(page)
    page.get_by_label("Contact email").fill("integration@mark.example")
    page.get_by_label("We answer within (working days)").fill("10")
    page.get_by_label("Licence of the open data").select_option("CC0-1.0")
    page.get_by_role("button", name="Save").click()
    assert "were saved" in page.locator(".messages").inner_text()

    page.get_by_role("link", name="Strategies").click()
    assert_accessible(page)
    page.get_by_label("Integrationsstrategi för Mark").check()
    page.get_by_role("button", name="Publish the chosen", exact=True).click()
    assert "Published: 1." in page.locator(".messages").inner_text()
    page.get_by_role("link", name="ar", exact=True).click()
    assert_accessible(page)
    title = page.get_by_label("Title:", exact=True)
    assert title.get_attribute("dir") == "rtl" and title.get_attribute("lang") == "ar"
    title.fill("استراتيجية الاندماج في مارك")
    page.get_by_label("Focus area 1: Delaktighet och gemenskap · We will:").fill("تنظيم مقاهٍ لغوية\nشخص للتواصل")
    page.get_by_role("button", name="Save the translations").click()
    assert "were saved" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}/o/mark/public/translations/")
    assert_accessible(page)
    assert "2 of" in page.locator("table").inner_text()

    reader = page_for(language="ar")
    reader.goto(f"{live_server.url}/p/mark/ar/strategy/")
    assert reader.get_by_role("heading", level=1).inner_text() == "استراتيجية الاندماج في مارك"
    assert reader.get_by_text("تنظيم مقاهٍ لغوية").is_visible()


@pytest.fixture
def finnish_site():
    """A Finnish city that writes in Finnish and translates into Swedish, with an indicator of 900."""
    from django.core.cache import caches
    from tests.actions.factories import ActionFactory, ActionPlanFactory
    from tests.indicators.factories import IndicatorFactory, series

    from samskapa.publicsite.services import public_content_changed

    caches["public"].clear()
    org = OrganisationFactory(
        name="Vaasan kaupunki", slug="vaasa", country="FI", default_language="fi", languages=["sv"]
    )
    coordinator = UserFactory(email="koordinaattori@vaasa.test")
    MembershipFactory(organisation=org, user=coordinator, role=Role.COORDINATOR)
    strategy = services.strategy_create(
        actor=coordinator,
        organisation=org,
        title="Vaasan kotouttamisohjelma",
        vision="Jokainen voi kokea olevansa kotona.",
    )
    area = services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Työ ja osaaminen")
    services.strategy_adopt(
        actor=coordinator,
        organisation=org,
        strategy=strategy,
        adopted_by="Kaupunginvaltuusto",
        adopted_on=date(2025, 5, 26),
    )
    PublicSiteFactory(organisation=org, intro="Täällä kerromme kotoutumisen edistämisestä.")
    public_services.content_publish(actor=coordinator, organisation=org, obj=strategy)
    plan = ActionPlanFactory(strategy=strategy, organisation=org)
    ActionFactory(plan=plan, focus_area=area, title="Kielikahvila kirjastossa", status="ongoing", is_published=True)
    indicator = IndicatorFactory(
        organisation=org,
        title="Kotoutumissuunnitelmien määrä kolmessa kuukaudessa",
        unit="kpl",
        decimals=0,
        is_published=True,
    )
    series(indicator, {2023: 700, 2024: 900})
    public_content_changed(org.pk)
    return org


def test_a_finnish_site_reads_in_finnish_and_swedish_and_its_tables_become_cards_on_a_phone(
    finnish_site, page_for, live_server
):
    problems = []
    for size, viewport in VIEWPORTS.items():
        for language in ("fi", "sv"):
            page = page_for(language=language, viewport=viewport)
            page.goto(f"{live_server.url}/p/vaasa/")
            assert page.url.endswith(f"/p/vaasa/{language}/"), "the reader's language is offered first"
            for path in ("", "strategy/", "actions/", "indicators/"):
                page.goto(f"{live_server.url}/p/vaasa/{language}/{path}")
                assert page.locator("html").get_attribute("lang") == language
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0], (path, language, size)
                problems += [f"{path or 'home'} {language} {size}: {v}" for v in axe_violations(page)]
            number = page.locator("table.stack .number").first
            assert number.inner_text().replace("\u00a0", " ") == "900"
            assert number.evaluate("el => el.getClientRects().length") == 1, "a number never breaks"
            if size == "phone":
                assert page.locator("table.stack thead").evaluate("el => el.getBoundingClientRect().height") <= 1
                assert page.locator("table.stack td").first.evaluate("el => getComputedStyle(el).display") == "block"
    assert problems == [], "\n".join(problems)
