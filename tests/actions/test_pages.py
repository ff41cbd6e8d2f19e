"""The action plan pages as coordinators, departments and partners use them."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from tests.actions.factories import COMPLETE_ASSESSMENT, ActionFactory, ProgressUpdateFactory, bulk_actions

from samskapa.actions import services
from samskapa.actions.models import Action, ActionPlan, ChildImpactAssessment, ProgressUpdate
from samskapa.actors.models import Actor
from samskapa.orgs.models import Role


def _action_data(area, school, **extra):
    return {
        "title": "Läxhjälp på biblioteket",
        "focus_area_id": area.pk,
        "lead_id": school.pk if school else "",
        "currency": "SEK",
        "status": "planned",
        "percent_complete": 0,
        "start": "2025-02-01",
        "end": "2025-12-31",
        **extra,
    }


def test_coordinator_creates_a_plan_and_adds_an_action_by_forms(
    org, coordinator, client_for, strategy, area, goal, school
):
    client = client_for(coordinator)
    response = client.post(
        f"/o/{org.slug}/actions/plans/new/",
        {
            "strategy_id": strategy.pk,
            "title": "Handlingsplan 2025–2026",
            "period_start": "2025-01-01",
            "period_end": "2026-12-31",
        },
    )
    assert response.status_code == 302, response.content.decode()
    plan = ActionPlan.objects.get()
    response = client.post(
        f"/o/{org.slug}/actions/plans/{plan.pk}/new/",
        _action_data(area, school, goal_ids=[goal.pk], budget="25000", funding="state", target_groups=["adults"]),
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "Läxhjälp på biblioteket" in page and "Fler klarar skolan" in page and "25,000.00 SEK" in page
    listing = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/").content.decode()
    assert f"/o/{org.slug}/actions/{action.pk}/" in listing and "1 action" in listing


def test_a_new_lead_and_partners_named_in_the_form_join_the_actor_registry(org, coordinator, client_for, plan, area):
    data = _action_data(area, None, lead_id="", new_lead_name="Socialtjänsten", new_partner_names="Rädda Barnen\nIKEA")
    response = client_for(coordinator).post(f"/o/{org.slug}/actions/plans/{plan.pk}/new/", data)
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get()
    assert action.lead.name == "Socialtjänsten" and action.lead.is_internal
    assert sorted(action.partners.values_list("name", flat=True)) == ["IKEA", "Rädda Barnen"]
    assert Actor.objects.get(name="IKEA").kind == Actor.Kind.OTHER


def test_the_form_shows_the_childrens_rule_and_saves_nothing(org, coordinator, client_for, plan, area, school):
    data = _action_data(area, school, target_groups=["children"], status="ongoing")
    response = client_for(coordinator).post(f"/o/{org.slug}/actions/plans/{plan.pk}/new/", data)
    assert response.status_code == 200
    assert "complete its child impact assessment" in response.content.decode()
    assert not Action.objects.exists()


def test_the_second_of_two_people_editing_an_action_gets_a_clear_refusal(
    org, coordinator, client_for, new_action, area, school
):
    action = new_action()
    first, second = client_for(coordinator), client_for(coordinator)
    url = f"/o/{org.slug}/actions/{action.pk}/edit/"
    assert 'name="version" value="1"' in first.get(url).content.decode()
    assert first.post(url, _action_data(area, school, title="Första ändringen", version=1)).status_code == 302
    response = second.post(url, _action_data(area, school, title="Andra ändringen", version=1))
    assert response.status_code == 409
    assert "after you opened it" in response.content.decode()
    assert Action.objects.get().title == "Första ändringen"


def test_a_partner_reports_progress_on_an_assigned_action_and_its_history_shows(
    org, new_action, member_factory, client_for
):
    partner = member_factory(Role.PARTNER, full_name="Pia Partner")
    action = new_action(responsible_ids=[partner.pk])
    client = client_for(partner)
    page = client.get(f"/o/{org.slug}/actions/{action.pk}/").content.decode()
    assert "Report progress" in page and "Edit the action" not in page
    response = client.post(
        f"/o/{org.slug}/actions/{action.pk}/progress/",
        {
            "date": "2025-03-01",
            "text": "Första träffen med 12 deltagare",
            "status": "ongoing",
            "percent_complete": 15,
            "version": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()
    page = client.get(f"/o/{org.slug}/actions/{action.pk}/").content.decode()
    assert "Första träffen med 12 deltagare" in page
    assert "Status: Planned → Ongoing" in page and "Pia Partner" in page
    assert client.get(f"/o/{org.slug}/actions/{action.pk}/edit/").status_code == 403


def test_a_partner_cannot_report_on_an_action_not_assigned_to_them(org, new_action, member_factory, client_for):
    action = new_action()
    client = client_for(member_factory(Role.PARTNER))
    assert client.get(f"/o/{org.slug}/actions/{action.pk}/progress/").status_code == 403
    assert client.post(f"/o/{org.slug}/actions/{action.pk}/progress/", {"text": "x"}).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_a_delayed_update_needs_its_text_and_future_dates_are_refused(org, coordinator, client_for, new_action):
    action = new_action()
    url = f"/o/{org.slug}/actions/{action.pk}/progress/"
    tomorrow = timezone.localdate().toordinal() + 1
    response = client_for(coordinator).post(
        url,
        {
            "date": date.fromordinal(tomorrow).isoformat(),
            "text": "Snart",
            "status": "delayed",
            "percent_complete": 0,
            "version": 1,
        },
    )
    assert response.status_code == 200 and "future" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_the_assessment_is_saved_as_a_draft_then_completed_and_lets_the_action_start(
    org, coordinator, client_for, new_action
):
    action = new_action(affects_children=True)
    client = client_for(coordinator)
    url = f"/o/{org.slug}/actions/{action.pk}/assessment/"
    form = client.get(url).content.decode()
    assert "Article 12: the right to be heard" in form
    draft = {"children_affected": "Barn i årskurs 4–6", "articles": [2, 3], "draft": "1"}
    assert client.post(url, draft).status_code == 302
    assert not ChildImpactAssessment.objects.get().is_completed
    incomplete = client.post(url, {**draft, "complete": "1"})
    assert incomplete.status_code == 200 and "at least articles 2, 3, 6 and 12" in incomplete.content.decode()
    complete = {**COMPLETE_ASSESSMENT, "assessed_on": "2025-02-01", "complete": "1"}
    assert client.post(url, complete).status_code == 302
    assert ChildImpactAssessment.objects.get().is_completed
    services.progress_post(actor=coordinator, organisation=org, action=action, text="Start", status="ongoing")


def test_partners_commitments_are_recorded(org, coordinator, client_for, new_action, red_cross):
    action = new_action(partner_ids=[red_cross.pk])
    url = f"/o/{org.slug}/actions/{action.pk}/partners/"
    response = client_for(coordinator).post(url, {f"commitment-{red_cross.pk}": "Två volontärer varje tisdag"})
    assert response.status_code == 302
    assert (
        "Två volontärer varje tisdag"
        in client_for(coordinator).get(f"/o/{org.slug}/actions/{action.pk}/").content.decode()
    )


def test_the_plan_list_filters_and_exports_what_is_shown(org, coordinator, client_for, plan, area, school):
    ActionFactory(plan=plan, organisation=org, focus_area=area, lead=school, title="Språkcafé", funding="amif")
    ActionFactory(plan=plan, organisation=org, focus_area=area, lead=school, title="Läxhjälp", status="done")
    client = client_for(coordinator)
    page = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/?status=done").content.decode()
    assert "Läxhjälp" in page and "Språkcafé" not in page and "1 action matches the filter" in page
    exported = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/export.csv?funding=amif")
    text = exported.getvalue().decode("utf-8-sig")
    assert "Språkcafé" in text and "Läxhjälp" not in text
    assert exported["Content-Disposition"].startswith("attachment; filename=")


def test_the_import_page_lists_row_errors_and_imports_nothing_then_imports_a_good_file(
    org, coordinator, client_for, plan, area, school
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from samskapa.core.tabular import csv_bytes

    client = client_for(coordinator)
    url = f"/o/{org.slug}/actions/plans/{plan.pk}/import/"
    bad = csv_bytes(["Title", "Focus area", "Lead"], [["A", "Okänt", school.name]])
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", bad), "import": "1"})
    assert response.status_code == 400
    assert "The strategy has no focus area “Okänt”." in response.content.decode()
    good = csv_bytes(["Title", "Focus area", "Lead"], [["A", "Utbildning", school.name]])
    checked = client.post(url, {"file": SimpleUploadedFile("a.csv", good), "check": "1"})
    assert "importing it adds 1 actions" in checked.content.decode() and not Action.objects.exists()
    done = client.post(url, {"file": SimpleUploadedFile("a.csv", good), "import": "1"})
    assert done.status_code == 302 and Action.objects.count() == 1
    broken = client.post(url, {"file": SimpleUploadedFile("a.xlsx", b"PK\x03\x04 nonsense"), "import": "1"})
    assert broken.status_code == 400 and "not a readable XLSX" in broken.content.decode()


def test_timeline_and_overview_draw_the_plan_with_the_figures_beside(org, coordinator, client_for, plan, area, school):
    ActionFactory(
        plan=plan,
        organisation=org,
        focus_area=area,
        lead=school,
        title="Språkcafé",
        status="ongoing",
        percent_complete=50,
    )
    ActionFactory(plan=plan, organisation=org, focus_area=area, lead=school, title="Utan datum", start=None, end=None)
    client = client_for(coordinator)
    timeline = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/timeline/").content.decode()
    assert "<svg" in timeline and 'role="img"' in timeline and "Språkcafé" in timeline
    assert "1 action without dates is only in the table." in timeline
    overview = client.get(f"/o/{org.slug}/actions/plans/{plan.pk}/overview/").content.decode()
    assert (
        "<svg" in overview
        and "Actions per focus area and status" in overview
        and "2 actions, 25 % on average" in overview
    )


def test_hostile_html_in_an_action_is_shown_as_text_everywhere(org, coordinator, client_for, new_action):
    evil = "<script>alert('x')</script>"
    action = new_action(title=evil, description=evil)
    services.progress_post(actor=coordinator, organisation=org, action=action, text=evil)
    client = client_for(coordinator)
    for path in [
        f"actions/{action.pk}/",
        f"actions/plans/{action.plan_id}/",
        f"actions/plans/{action.plan_id}/timeline/",
        f"actions/{action.pk}/edit/",
        "actions/",
        "",
    ]:
        body = client.get(f"/o/{org.slug}/{path}").content.decode()
        assert evil not in body, path


def test_viewers_read_the_plan_but_cannot_open_the_forms(org, member_factory, client_for, new_action):
    action = new_action()
    client = client_for(member_factory(Role.VIEWER))
    assert client.get(f"/o/{org.slug}/actions/{action.pk}/").status_code == 200
    for path in [
        f"{action.pk}/edit/",
        f"{action.pk}/assessment/",
        f"plans/{action.plan_id}/new/",
        f"plans/{action.plan_id}/import/",
        "plans/new/",
    ]:
        assert client.get(f"/o/{org.slug}/actions/{path}").status_code == 403, path
    assert client.post(f"/o/{org.slug}/actions/{action.pk}/delete/").status_code == 403


def test_the_dashboard_lists_the_actions_assigned_to_me_and_the_missing_assessments(
    org, coordinator, member_factory, client_for, new_action
):
    editor = member_factory(Role.EDITOR)
    new_action(title="Min åtgärd", responsible_ids=[editor.pk])
    new_action(title="Barnens sommar", affects_children=True)
    assert "Min åtgärd" in client_for(editor).get(f"/o/{org.slug}/").content.decode()
    body = client_for(coordinator).get(f"/o/{org.slug}/").content.decode()
    assert "1 action affecting children waits for its child impact assessment." in body


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:  # a download reads the database as it is sent
            response.getvalue()
    return len(context.captured_queries)


def _bulk_actions(plan, area, lead, count, start=1):
    year = {"start": date(2025, 1, 1), "end": date(2025, 12, 31)}
    bulk_actions(plan, area, lead, count, first=start, status="ongoing", **year)


@pytest.mark.parametrize("view", ["", "timeline/", "overview/", "export.xlsx", "export.csv"])
def test_plan_pages_cost_the_same_queries_with_50_or_500_actions(
    org, coordinator, client_for, plan, area, school, view
):
    client = client_for(coordinator)
    url = f"/o/{org.slug}/actions/plans/{plan.pk}/{view}"
    _bulk_actions(plan, area, school, 50)
    few = _queries(client, url)
    _bulk_actions(plan, area, school, 450, start=51)
    assert _queries(client, url) == few


def test_the_action_page_costs_the_same_queries_with_5_or_50_updates_and_links(
    org, coordinator, client_for, new_action, red_cross, goal
):
    action = new_action(partner_ids=[red_cross.pk], goal_ids=[goal.pk])
    client = client_for(coordinator)
    url = f"/o/{org.slug}/actions/{action.pk}/"
    ProgressUpdateFactory.create_batch(5, action=action, organisation=org)
    few = _queries(client, url)
    ProgressUpdateFactory.create_batch(45, action=action, organisation=org)
    for n in range(10):
        services.action_update(actor=coordinator, organisation=org, action=action, title=f"Titel {n}")
    assert _queries(client, url) == few
