"""What people can do with actions, progress and child impact assessments, and what is refused."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from tests.actions.factories import COMPLETE_ASSESSMENT, ActionFactory, ActionPlanFactory
from tests.actors.factories import ActorFactory
from tests.factories import FocusAreaFactory, GoalFactory, StrategyFactory

from samskapa.actions import services
from samskapa.actions.models import Action, ActionPartner, ChildImpactAssessment, ProgressUpdate
from samskapa.actors.models import Actor
from samskapa.core.errors import ConflictError, PermissionRefused
from samskapa.orgs.models import Role
from samskapa.strategy.models import Principle


def test_action_create_links_goals_partners_and_principles_and_numbers_the_actions(
    org, coordinator, new_action, goal, red_cross
):
    principle = Principle.objects.get(organisation=org, code="co-creation")
    first = new_action(
        goal_ids=[goal.pk],
        partner_ids=[red_cross.pk],
        principle_ids=[principle.pk],
        budget=Decimal("125000.50"),
        funding="amif",
        start=date(2025, 2, 1),
        end=date(2026, 6, 30),
    )
    second = new_action(title="Språkcafé")
    assert (first.number, second.number) == (1, 2)
    assert first.currency == "SEK"
    assert list(first.goals.all()) == [goal]
    assert list(first.partners.all()) == [red_cross]
    assert list(first.principles.all()) == [principle]
    assert ActionPartner.objects.get(action=first).organisation == org


def test_action_create_rejects_goal_of_other_organisation(org, other_org, new_action):
    foreign = GoalFactory(focus_area=FocusAreaFactory(strategy=StrategyFactory(organisation=other_org)))
    with pytest.raises(ValidationError) as refused:
        new_action(goal_ids=[foreign.pk])
    assert "goal_ids" in refused.value.message_dict
    assert not Action.objects.exists()


def test_action_create_rejects_lead_and_partner_of_other_organisation(org, other_org, new_action):
    stranger = ActorFactory(organisation=other_org, name="Främmande förvaltning")
    with pytest.raises(ValidationError) as refused:
        new_action(lead_id=stranger.pk)
    assert "lead_id" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        new_action(partner_ids=[stranger.pk])
    assert "partner_ids" in refused.value.message_dict
    assert not Action.objects.exists()


def test_only_a_department_or_municipal_company_can_lead_an_action(new_action, red_cross):
    with pytest.raises(ValidationError) as refused:
        new_action(lead_id=red_cross.pk)
    assert "lead" in refused.value.message_dict


def test_the_focus_area_must_belong_to_the_plans_strategy(org, new_action):
    elsewhere = FocusAreaFactory(strategy=StrategyFactory(organisation=org), organisation=org)
    with pytest.raises(ValidationError) as refused:
        new_action(focus_area_id=elsewhere.pk)
    assert "focus_area" in refused.value.message_dict


def test_an_action_cannot_end_before_it_starts(new_action):
    with pytest.raises(ValidationError) as refused:
        new_action(start=date(2025, 6, 1), end=date(2025, 5, 1))
    assert "end" in refused.value.message_dict


def test_a_delayed_or_cancelled_action_needs_a_reason(org, coordinator, new_action):
    action = new_action()
    for status in ("delayed", "cancelled"):
        with pytest.raises(ValidationError) as refused:
            services.action_update(actor=coordinator, organisation=org, action=action, status=status)
        assert "status_reason" in refused.value.message_dict
        action.refresh_from_db()
    done = services.action_update(
        actor=coordinator,
        organisation=org,
        action=action,
        status="delayed",
        status_reason="Lokalen blev inte klar i tid.",
    )
    assert done.status == "delayed"


def test_a_done_action_is_100_percent_complete(org, coordinator, new_action):
    action = new_action(percent_complete=40)
    services.action_update(actor=coordinator, organisation=org, action=action, status="done")
    action.refresh_from_db()
    assert action.percent_complete == 100


def test_an_action_for_children_cannot_start_without_a_completed_assessment(org, coordinator, new_action):
    action = new_action(target_groups=["children"])
    assert action.affects_children  # children as a target group means it affects children
    with pytest.raises(ValidationError) as refused:
        services.action_update(actor=coordinator, organisation=org, action=action, status="ongoing")
    assert "child impact assessment" in refused.value.message_dict["status"][0]
    action.refresh_from_db()
    draft = {**COMPLETE_ASSESSMENT, "conclusion": ""}
    services.assessment_save(actor=coordinator, organisation=org, action=action, **draft)
    with pytest.raises(ValidationError):
        services.action_update(actor=coordinator, organisation=org, action=action, status="ongoing")
    action.refresh_from_db()  # a refused save leaves the row as it was
    assert action.status == "planned"
    services.assessment_save(actor=coordinator, organisation=org, action=action, complete=True, **COMPLETE_ASSESSMENT)
    services.action_update(actor=coordinator, organisation=org, action=action, status="ongoing")
    action.refresh_from_db()
    assert action.status == "ongoing"


def test_the_children_rule_holds_for_progress_updates_and_new_actions_alike(org, coordinator, new_action):
    with pytest.raises(ValidationError):
        new_action(affects_children=True, status="ongoing")
    assert not Action.objects.exists()
    action = new_action(affects_children=True)
    with pytest.raises(ValidationError):
        services.progress_post(
            actor=coordinator, organisation=org, action=action, text="Vi har börjat", status="ongoing"
        )
    assert not ProgressUpdate.objects.exists()
    action.refresh_from_db()
    assert action.status == "planned"


def test_marking_a_running_action_as_affecting_children_needs_an_assessment(org, coordinator, new_action):
    action = new_action(status="ongoing")
    with pytest.raises(ValidationError):
        services.action_update(actor=coordinator, organisation=org, action=action, affects_children=True)


def test_the_second_of_two_concurrent_edits_is_refused_and_nothing_is_overwritten(org, coordinator, new_action):
    action = new_action()
    mine = Action.objects.get(pk=action.pk)
    theirs = Action.objects.get(pk=action.pk)
    services.action_update(actor=coordinator, organisation=org, action=theirs, version=theirs.version, title="Deras")
    with pytest.raises(ConflictError) as refused:
        services.action_update(actor=coordinator, organisation=org, action=mine, version=mine.version, title="Min")
    assert "after you opened it" in refused.value.message
    assert refused.value.status == 409
    action.refresh_from_db()
    assert action.title == "Deras" and action.version == 2


def test_a_progress_update_that_changes_the_status_is_refused_if_the_action_changed_meanwhile(
    org, coordinator, new_action
):
    action = new_action()
    opened = action.version
    services.action_update(actor=coordinator, organisation=org, action=action, title="Ny titel")
    with pytest.raises(ConflictError):
        services.progress_post(
            actor=coordinator, organisation=org, action=action, text="Start", status="ongoing", version=opened
        )
    # A note that changes nothing on the action is always welcome.
    services.progress_post(actor=coordinator, organisation=org, action=action, text="Möte hållet", version=opened)
    assert ProgressUpdate.objects.count() == 1


def test_posting_progress_moves_the_action_and_keeps_the_history(org, coordinator, new_action):
    action = new_action()
    services.progress_post(
        actor=coordinator, organisation=org, action=action, text="Första träffen", status="ongoing", percent_complete=20
    )
    services.progress_post(
        actor=coordinator, organisation=org, action=action, text="Ledaren är sjuk; vi flyttar starten", status="delayed"
    )
    action.refresh_from_db()
    assert (action.status, action.percent_complete) == ("delayed", 20)
    assert action.status_reason == "Ledaren är sjuk; vi flyttar starten"
    statuses = list(action.history.order_by("history_date").values_list("status", "history_user_id"))
    assert statuses == [("planned", coordinator.pk), ("ongoing", coordinator.pk), ("delayed", coordinator.pk)]


def test_progress_cannot_be_dated_in_the_future_or_be_empty(org, coordinator, new_action):
    action = new_action()
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError):
        services.progress_post(actor=coordinator, organisation=org, action=action, text="Snart", date=tomorrow)
    with pytest.raises(ValidationError):
        services.progress_post(actor=coordinator, organisation=org, action=action, text="   ")
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize(
    ("role", "assigned", "may_edit", "may_report"),
    [
        (Role.COORDINATOR, False, True, True),
        (Role.ADMIN, False, True, True),
        (Role.EDITOR, True, True, True),
        (Role.EDITOR, False, False, False),
        (Role.PARTNER, True, False, True),
        (Role.PARTNER, False, False, False),
        (Role.COMMITTEE, True, False, False),
        (Role.VIEWER, True, False, False),
    ],
)
def test_editors_and_partners_work_only_on_the_actions_assigned_to_them(
    org, new_action, member_factory, role, assigned, may_edit, may_report
):
    person = member_factory(role)
    action = new_action(responsible_ids=[person.pk] if assigned else [])
    try:
        services.action_update(actor=person, organisation=org, action=action, title="Ändrad")
        edited = True
    except PermissionRefused:
        edited = False
    try:
        services.progress_post(actor=person, organisation=org, action=action, text="Rapport")
        reported = True
    except PermissionRefused:
        reported = False
    assert (edited, reported) == (may_edit, may_report)


def test_an_editor_who_creates_an_action_is_responsible_for_it(org, member_factory, new_action):
    editor = member_factory(Role.EDITOR)
    action = new_action(actor=editor)
    assert list(action.responsible.all()) == [editor]
    with pytest.raises(PermissionRefused):
        new_action(actor=member_factory(Role.PARTNER))


def test_responsible_people_must_be_members_of_the_organisation(org, other_org, new_action, member_factory):
    outsider = member_factory(Role.EDITOR, organisation=other_org)
    with pytest.raises(ValidationError) as refused:
        new_action(responsible_ids=[outsider.pk])
    assert "responsible_ids" in refused.value.message_dict


def test_an_action_with_progress_is_cancelled_rather_than_removed(org, coordinator, new_action, member_factory):
    action = new_action()
    with pytest.raises(PermissionRefused):
        services.action_delete(actor=member_factory(Role.EDITOR), organisation=org, action=action)
    services.progress_post(actor=coordinator, organisation=org, action=action, text="Start")
    with pytest.raises(ConflictError):
        services.action_delete(actor=coordinator, organisation=org, action=action)
    mistake = new_action(title="Dubblett")
    services.action_delete(actor=coordinator, organisation=org, action=mistake)
    assert list(Action.objects.values_list("title", flat=True)) == ["Läxhjälp på biblioteket"]
    assert Action.history.filter(title="Dubblett", history_type="-").exists()


def test_a_completed_assessment_considers_the_four_general_principles(org, coordinator, new_action):
    action = new_action(affects_children=True)
    with pytest.raises(ValidationError) as refused:
        services.assessment_save(
            actor=coordinator,
            organisation=org,
            action=action,
            complete=True,
            **{**COMPLETE_ASSESSMENT, "articles": [3]},
        )
    assert "articles" in refused.value.message_dict
    negative = {**COMPLETE_ASSESSMENT, "negative_impacts": "Längre skoldag", "mitigation": ""}
    with pytest.raises(ValidationError) as refused:
        services.assessment_save(actor=coordinator, organisation=org, action=action, complete=True, **negative)
    assert "mitigation" in refused.value.message_dict
    assert not ChildImpactAssessment.objects.exists()


def test_a_completed_assessment_stays_complete_when_corrected(org, coordinator, new_action):
    action = new_action(affects_children=True)
    services.assessment_save(actor=coordinator, organisation=org, action=action, complete=True, **COMPLETE_ASSESSMENT)
    with pytest.raises(ValidationError):
        services.assessment_save(actor=coordinator, organisation=org, action=action, conclusion="")
    corrected = services.assessment_save(
        actor=coordinator, organisation=org, action=action, conclusion="Bra för barnen"
    )
    assert corrected.is_completed and corrected.conclusion == "Bra för barnen"
    assert corrected.history.count() == 2


def test_an_assessment_cannot_be_dated_in_the_future(org, coordinator, new_action):
    action = new_action(affects_children=True)
    future = {**COMPLETE_ASSESSMENT, "assessed_on": timezone.localdate() + timedelta(days=3)}
    with pytest.raises(ValidationError):
        services.assessment_save(actor=coordinator, organisation=org, action=action, complete=True, **future)


def test_plan_create_refuses_a_strategy_of_another_organisation(org, other_org, coordinator):
    foreign = StrategyFactory(organisation=other_org)
    with pytest.raises(ValidationError):
        services.plan_create(
            actor=coordinator,
            organisation=org,
            strategy=foreign,
            title="Plan",
            period_start=date(2025, 1, 1),
            period_end=date(2026, 12, 31),
        )


def test_a_plan_cannot_end_before_it_starts_and_only_coordinators_make_plans(
    org, coordinator, strategy, member_factory
):
    period = {"period_start": date(2026, 1, 1), "period_end": date(2025, 1, 1)}
    with pytest.raises(ValidationError):
        services.plan_create(actor=coordinator, organisation=org, strategy=strategy, title="Plan", **period)
    with pytest.raises(PermissionRefused):
        services.plan_create(
            actor=member_factory(Role.EDITOR),
            organisation=org,
            strategy=strategy,
            title="Plan",
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
        )


def test_unknown_fields_are_refused(org, coordinator, new_action):
    action = new_action()
    with pytest.raises(Exception, match="cannot be changed"):
        services.action_update(actor=coordinator, organisation=org, action=action, organisation_id=99)


def test_a_focus_area_removed_from_the_strategy_leaves_its_actions_waiting_for_a_new_one(
    org, coordinator, new_action, area
):
    from samskapa.strategy import services as strategy_services

    action = new_action()
    strategy_services.focus_area_delete(actor=coordinator, organisation=org, focus_area=area)
    action.refresh_from_db()
    assert action.focus_area is None
    with pytest.raises(ValidationError) as refused:
        services.action_update(actor=coordinator, organisation=org, action=action, title="Ny")
    assert "focus_area_id" in refused.value.message_dict


def test_plan_factory_and_action_factory_build_consistent_rows(org):
    action = ActionFactory(plan=ActionPlanFactory(strategy=StrategyFactory(organisation=org)))
    action.full_clean()
    assert action.lead.kind == Actor.Kind.DEPARTMENT and action.focus_area.strategy == action.plan.strategy
