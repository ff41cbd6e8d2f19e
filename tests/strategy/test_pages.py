"""The strategy pages as a coordinator uses them."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samskapa.orgs.models import Role
from samskapa.strategy import services
from samskapa.strategy.selectors import revision_reminders

ADOPTION = {"adopted_by": "Kommunfullmäktige", "adopted_on": date(2026, 6, 1)}


def test_coordinator_writes_a_strategy_with_a_focus_area_and_a_goal_by_forms(org, coordinator, client_for):
    client = client_for(coordinator)
    response = client.post(
        f"/o/{org.slug}/strategy/new/", {"title": "Vår strategi", "language": "sv", "vision": "Alla hör till"}
    )
    assert response.status_code == 302
    detail = response["Location"]
    response = client.post(
        detail + "focus-areas/new/",
        {"title": "Tillhörighet", "we_want": "Alla ska vara med\n\nFler mötesplatser", "framework_codes": ["PAR"]},
    )
    assert response.status_code == 302
    page = client.get(detail).content.decode()
    assert "Tillhörighet" in page and "Fler mötesplatser" in page and "Participation" in page
    assert "UN Convention on the Rights of the Child" in page or "barnets rättigheter" in page


def test_a_bad_period_is_shown_on_the_form_and_nothing_is_saved(org, coordinator, client_for, strategy):
    response = client_for(coordinator).post(
        f"/o/{org.slug}/strategy/{strategy.pk}/edit/",
        {"title": "X", "language": "sv", "period_start": 2030, "period_end": 2020},
    )
    assert response.status_code == 200
    assert "cannot come before" in response.content.decode()
    strategy.refresh_from_db()
    assert strategy.title == "Integrationsstrategi"


def test_viewers_read_the_strategy_but_cannot_open_the_edit_pages(org, strategy, member_factory, client_for):
    client = client_for(member_factory(Role.VIEWER))
    page = client.get(f"/o/{org.slug}/strategy/{strategy.pk}/")
    assert page.status_code == 200 and "Edit the strategy" not in page.content.decode()
    assert client.get(f"/o/{org.slug}/strategy/{strategy.pk}/edit/").status_code == 403
    assert client.post(f"/o/{org.slug}/strategy/{strategy.pk}/adopt/", ADOPTION).status_code == 403


def test_hostile_html_in_the_strategy_is_shown_as_text(org, coordinator, client_for, strategy):
    evil = "<script>alert('x')</script>"
    services.strategy_update(actor=coordinator, organisation=org, strategy=strategy, vision=evil, title=evil)
    services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title=evil, we_will=[evil])
    client = client_for(coordinator)
    for path in ["", f"{strategy.pk}/", f"{strategy.pk}/versions/", f"{strategy.pk}/compare/?a=current&b=current"]:
        body = client.get(f"/o/{org.slug}/strategy/{path}").content.decode()
        assert evil not in body
    assert "&lt;script&gt;" in client.get(f"/o/{org.slug}/strategy/{strategy.pk}/").content.decode()


def test_compare_shows_what_was_added_changed_and_removed(org, coordinator, client_for, strategy):
    kept = services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Boende")
    gone = services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Fritid")
    services.strategy_adopt(actor=coordinator, organisation=org, strategy=strategy, **ADOPTION)
    services.strategy_revise(actor=coordinator, organisation=org, strategy=strategy)
    strategy.refresh_from_db()
    services.strategy_update(actor=coordinator, organisation=org, strategy=strategy, vision="En ny vision")
    services.focus_area_update(actor=coordinator, organisation=org, focus_area=kept, we_will=["Bygga fler bostäder"])
    services.goal_create(actor=coordinator, organisation=org, focus_area=kept, text="Ingen trångboddhet")
    services.focus_area_delete(actor=coordinator, organisation=org, focus_area=gone)
    services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Hälsa")
    services.strategy_adopt(actor=coordinator, organisation=org, strategy=strategy, **ADOPTION)

    response = client_for(coordinator).get(f"/o/{org.slug}/strategy/{strategy.pk}/compare/?a=1&b=2")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Compare Version 1 with Version 2" in body
    assert "En ny vision" in body and "Alla hör till" in body
    assert 'change--added"><th scope="row">Hälsa' in body
    assert 'change--removed"><th scope="row">Fritid' in body
    assert 'change--changed"><th scope="row">Boende' in body
    assert "Bygga fler bostäder" in body and "Ingen trångboddhet" in body


def test_comparing_an_unknown_version_is_not_found(org, coordinator, client_for, strategy):
    response = client_for(coordinator).get(f"/o/{org.slug}/strategy/{strategy.pk}/compare/?a=7&b=current")
    assert response.status_code == 200  # the form refuses a number that is not in the list
    assert "Select a valid choice" in response.content.decode()


def test_revision_reminder_starts_90_days_before_and_turns_overdue_after(org, coordinator, strategy):
    today = date(2026, 11, 25)
    strategy.revision_date = today + timedelta(days=91)
    strategy.save()
    assert revision_reminders(organisation=org, today=today) == []
    strategy.revision_date = today + timedelta(days=90)
    strategy.save()
    (reminder,) = revision_reminders(organisation=org, today=today)
    assert reminder.days_left == 90 and not reminder.overdue
    strategy.revision_date = today - timedelta(days=1)
    strategy.save()
    (reminder,) = revision_reminders(organisation=org, today=today)
    assert reminder.overdue


def test_dashboard_shows_coordinators_the_overdue_mark_and_viewers_nothing(
    org, coordinator, member_factory, client_for, strategy
):
    strategy.revision_date = timezone.localdate() - timedelta(days=3)
    strategy.save()
    body = client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    assert "Strategy revision" in body and "Overdue" in body
    assert "Overdue" not in client_for(member_factory(Role.VIEWER)).get(f"/o/{org.slug}/").content.decode()
    strategy.revision_date = timezone.localdate() + timedelta(days=30)
    strategy.save()
    body = client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    assert "30 days left" in body and "Overdue" not in body


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_strategy_page_costs_the_same_queries_with_5_or_50_focus_areas(
    org, coordinator, client_for, strategy, with_areas
):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/strategy/{strategy.pk}/"
    with_areas(strategy, 5)
    few = _queries(client, url)
    with_areas(strategy, 45)
    assert _queries(client, url) == few
    services.strategy_adopt(actor=coordinator, organisation=org, strategy=strategy, **ADOPTION)
    compare_url = f"/o/{org.slug}/strategy/{strategy.pk}/compare/?a=1&b=current"
    assert _queries(client, compare_url) <= few + 5
