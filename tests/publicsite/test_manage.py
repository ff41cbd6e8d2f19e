"""The coordinator's pages for the public site: settings, publishing, translations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.factories import StrategyFactory

from samskapa.orgs.models import Role
from samskapa.publicsite.forms import unit_field_name
from samskapa.publicsite.models import PublicSite, Translation
from samskapa.publicsite.registry import kind_get
from samskapa.strategy.models import Strategy

PAGES = ["", "settings/", "content/?kind=strategy", "translations/"]


@pytest.mark.parametrize("path", PAGES)
def test_editors_and_viewers_cannot_open_the_public_site_pages(org, member_factory, client_for, path):
    for role in (Role.EDITOR, Role.VIEWER, Role.PARTNER):
        assert client_for(member_factory(role)).get(f"/o/{org.slug}/public/{path}").status_code == 403


def test_the_nav_and_dashboard_lead_coordinators_to_the_public_pages(org, coordinator, client_for):
    page = client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    assert f'href="/o/{org.slug}/public/"' in page and "The public site is not open yet." in page


def test_opening_the_site_by_form_needs_a_contact_and_saves_nothing_without(org, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post(f"/o/{org.slug}/public/settings/", {"is_public": "on", "licence": "CC-BY-4.0"})
    assert response.status_code == 200 and "needs a contact address" in response.content.decode()
    assert not PublicSite.objects.exists()
    response = client.post(
        f"/o/{org.slug}/public/settings/",
        {"is_public": "on", "licence": "CC-BY-4.0", "contact_email": "info@mark.example", "response_days": "10"},
    )
    assert response.status_code == 302
    site = PublicSite.objects.get(organisation=org)
    assert site.is_public and site.response_days == 10


def test_a_bad_licence_or_date_is_refused_with_a_message(org, coordinator, client_for):
    response = client_for(coordinator).post(
        f"/o/{org.slug}/public/settings/", {"licence": "ALL-RIGHTS", "statement_reviewed_on": "yesterday"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Select a valid choice" in page and "Enter a valid date" in page
    assert not PublicSite.objects.exists()


def test_publishing_from_the_list_and_the_refusal_for_a_draft(org, coordinator, client_for, strategy):
    draft = StrategyFactory(organisation=org, title="Ett utkast")
    client = client_for(coordinator)
    url = f"/o/{org.slug}/public/content/?kind=strategy"
    response = client.post(url, {"ids": [strategy.pk, draft.pk], "action": "publish"})
    assert response.status_code == 200 and "Ett utkast" in response.content.decode()
    assert not Strategy.objects.filter(is_published=True).exists()
    response = client.post(url, {"ids": [strategy.pk], "action": "publish"})
    assert response.status_code == 302
    assert Strategy.objects.get(pk=strategy.pk).is_published


def test_choosing_nothing_or_a_foreign_row_publishes_nothing(org, other_org, coordinator, client_for, strategy):
    foreign = StrategyFactory(organisation=other_org)
    client = client_for(coordinator)
    url = f"/o/{org.slug}/public/content/?kind=strategy"
    assert "Choose at least one" in client.post(url, {"action": "publish"}).content.decode()
    assert client.post(url, {"ids": [foreign.pk], "action": "publish"}).status_code == 200
    assert not Strategy.objects.filter(is_published=True).exists()


def test_an_unknown_kind_is_not_found(org, coordinator, client_for):
    assert client_for(coordinator).get(f"/o/{org.slug}/public/content/?kind=members").status_code == 404


def test_the_content_list_takes_the_same_queries_for_ten_times_the_rows(org, coordinator, client_for, strategy):
    client = client_for(coordinator)

    def queries(count):
        StrategyFactory.create_batch(count, organisation=org)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/o/{org.slug}/public/content/?kind=strategy").status_code == 200
        return len(captured)

    assert queries(2) == queries(20)


def test_translating_by_form_shows_the_original_and_saves(org, coordinator, client_for, published):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/public/translations/strategy/{published.pk}/ar/"
    page = client.get(url).content.decode()
    assert "Integrationsstrategi för Mark" in page and 'lang="ar" dir="rtl"' in page
    unit = next(u for u in kind_get("strategy").public_units(published) if u.field == "title")
    response = client.post(url, {unit_field_name(unit): "استراتيجية الاندماج"})
    assert response.status_code == 302
    assert Translation.objects.get(language="ar", field="title").value == "استراتيجية الاندماج"
    assert "استراتيجية الاندماج" in client.get(url).content.decode()


def test_a_translation_with_the_wrong_number_of_statements_is_refused_on_the_form(
    org, coordinator, client_for, published
):
    unit = next(u for u in kind_get("strategy").public_units(published) if u.field == "we_want")
    response = client_for(coordinator).post(
        f"/o/{org.slug}/public/translations/strategy/{published.pk}/en/", {unit_field_name(unit): "Only one"}
    )
    assert response.status_code == 200 and "2 statements" in response.content.decode()
    assert not Translation.objects.exists()


def test_the_original_language_or_one_not_offered_has_no_translation_page(org, coordinator, client_for, published):
    client = client_for(coordinator)
    assert client.get(f"/o/{org.slug}/public/translations/strategy/{published.pk}/sv/").status_code == 404
    assert client.get(f"/o/{org.slug}/public/translations/strategy/{published.pk}/fi/").status_code == 404


def test_the_completeness_view_counts_what_is_missing_per_language(org, coordinator, client_for, published):
    from tests.publicsite.test_services import key

    from samskapa.publicsite import services

    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(published, "title"): "Strategy"}
    )
    page = client_for(coordinator).get(f"/o/{org.slug}/public/translations/").content.decode()
    # Published texts: strategy title, vision, purpose; area 1 title, summary, we_want, we_will;
    # its goal text and target; area 2 title: 10 in all.
    assert "1 of 10" in page and "0 of 10" in page


def test_a_changed_original_shows_the_translation_as_out_of_date(org, coordinator, client_for, published):
    from tests.publicsite.conftest import adopt
    from tests.publicsite.test_services import key

    from samskapa.publicsite import services
    from samskapa.strategy import services as strategy_services

    services.translations_save(
        actor=coordinator, organisation=org, obj=published, language="en", values={key(published, "title"): "Strategy"}
    )
    strategy_services.strategy_revise(actor=coordinator, organisation=org, strategy=published)
    published.refresh_from_db()
    strategy_services.strategy_update(actor=coordinator, organisation=org, strategy=published, title="Ny titel")
    adopt(coordinator, org, published)
    client = client_for(coordinator)
    assert "1 out of date" in client.get(f"/o/{org.slug}/public/translations/").content.decode()
    page = client.get(f"/o/{org.slug}/public/translations/strategy/{published.pk}/en/").content.decode()
    assert "The original has changed" in page and "Strategy" in page


def test_a_coordinator_records_the_language_an_original_is_written_in(org, coordinator, client_for):
    from tests.actions.factories import ActionFactory
    from tests.factories import OrganisationFactory

    from samskapa.actions.models import Action

    org.languages = ["fi", "en"]
    org.save()
    action = ActionFactory(plan__organisation=org, title="Kielikahvila", is_published=True)
    assert action.language == "sv"
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/public/translations/action/{action.pk}/en/").content.decode()
    assert f'action="/o/{org.slug}/public/translations/action/{action.pk}/written-in/"' in page
    url = f"/o/{org.slug}/public/translations/action/{action.pk}/written-in/"
    assert client.post(url, {"language": "fi"}).status_code == 302
    assert Action.objects.get(pk=action.pk).language == "fi"
    client.post(url, {"language": "ar"})  # not one of the organisation's languages
    assert Action.objects.get(pk=action.pk).language == "fi"
    foreign = ActionFactory(plan__organisation=OrganisationFactory(), title="Främmande")
    elsewhere = f"/o/{org.slug}/public/translations/action/{foreign.pk}/written-in/"
    assert client.post(elsewhere, {"language": "fi"}).status_code == 404
    assert Action.objects.get(pk=foreign.pk).language == "sv"
