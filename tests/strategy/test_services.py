"""What a coordinator can do with the strategy, and what each role may not."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from samskapa.core.errors import ApplicationError, ConflictError, PermissionRefused
from samskapa.orgs.models import Role
from samskapa.strategy import services
from samskapa.strategy.models import Foundation, Principle, Strategy, StrategyVersion

ADOPTION = {"adopted_by": "Kommunfullmäktige", "adopted_on": date(2026, 6, 1), "decision_reference": "KF §12"}


@pytest.mark.parametrize(
    ("role", "may_change", "may_adopt"),
    [
        (Role.ADMIN, True, True),
        (Role.COORDINATOR, True, True),
        (Role.EDITOR, False, False),
        (Role.PARTNER, False, False),
        (Role.COMMITTEE, False, False),
        (Role.VIEWER, False, False),
    ],
)
def test_only_administrators_and_coordinators_write_and_adopt_the_strategy(
    org, strategy, member_factory, role, may_change, may_adopt
):
    user = member_factory(role)
    assert user.has_perm("strategy.view_strategy", org)
    try:
        services.focus_area_create(actor=user, organisation=org, strategy=strategy, title="Boende")
        changed = True
    except PermissionRefused:
        changed = False
    assert changed is may_change
    try:
        services.strategy_adopt(actor=user, organisation=org, strategy=strategy, **ADOPTION)
        adopted = True
    except PermissionRefused:
        adopted = False
    assert adopted is may_adopt
    assert StrategyVersion.objects.filter(strategy=strategy).exists() is may_adopt


def test_a_new_strategy_gets_the_default_foundations_and_the_eight_principles(org, strategy):
    names = list(strategy.foundations.values_list("name", flat=True))
    assert len(names) == 4
    assert any("Rights of the Child" in n or "barnets rättigheter" in n for n in names)
    assert Principle.objects.filter(organisation=org).count() == 8
    assert Foundation.objects.filter(organisation=org).count() == 4


def test_the_foundation_list_can_be_extended_but_not_twice_with_the_same_name(org, coordinator, strategy):
    services.foundation_create(actor=coordinator, organisation=org, name="Diskrimineringslagen")
    with pytest.raises(ConflictError):
        services.foundation_create(actor=coordinator, organisation=org, name="diskrimineringslagen")
    assert Foundation.objects.filter(organisation=org).count() == 5


def test_adopting_freezes_a_version_that_later_edits_do_not_change(org, coordinator, strategy):
    area = services.focus_area_create(
        actor=coordinator, organisation=org, strategy=strategy, title="Utbildning", we_will=["Erbjuda SFI"]
    )
    services.goal_create(actor=coordinator, organisation=org, focus_area=area, text="Fler klarar skolan")
    version = services.strategy_adopt(actor=coordinator, organisation=org, strategy=strategy, **ADOPTION)
    strategy.refresh_from_db()
    assert strategy.status == Strategy.Status.ADOPTED and version.number == 1
    assert version.snapshot["focus_areas"][0]["we_will"] == ["Erbjuda SFI"]
    assert version.snapshot["focus_areas"][0]["goals"][0]["text"] == "Fler klarar skolan"
    with pytest.raises(ConflictError):
        services.focus_area_update(actor=coordinator, organisation=org, focus_area=area, title="Skola")

    services.strategy_revise(actor=coordinator, organisation=org, strategy=strategy)
    area.refresh_from_db()
    services.focus_area_update(actor=coordinator, organisation=org, focus_area=area, title="Skola")
    version.refresh_from_db()
    assert version.snapshot["focus_areas"][0]["title"] == "Utbildning"
    second = services.strategy_adopt(actor=coordinator, organisation=org, strategy=strategy, **ADOPTION)
    assert second.number == 2 and second.snapshot["focus_areas"][0]["title"] == "Skola"


def test_revising_starts_from_the_adopted_content_and_keeps_ids_for_actions(org, coordinator, strategy):
    area = services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title="Boende")
    services.strategy_adopt(actor=coordinator, organisation=org, strategy=strategy, **ADOPTION)
    services.strategy_revise(actor=coordinator, organisation=org, strategy=strategy)
    strategy.refresh_from_db()
    assert strategy.status == Strategy.Status.REVISION
    assert list(strategy.focus_areas.values_list("pk", "title")) == [(area.pk, "Boende")]


def test_only_an_adopted_strategy_can_be_revised(org, coordinator, strategy):
    with pytest.raises(ConflictError):
        services.strategy_revise(actor=coordinator, organisation=org, strategy=strategy)


def test_adopting_needs_the_body_and_the_date(org, coordinator, strategy):
    with pytest.raises(ApplicationError):
        services.strategy_adopt(
            actor=coordinator, organisation=org, strategy=strategy, adopted_by=" ", adopted_on=date(2026, 1, 1)
        )
    strategy.refresh_from_db()
    assert strategy.status == Strategy.Status.DRAFT and not strategy.versions.exists()


def test_status_moves_through_consultation_and_archive_but_not_backwards_from_archive(org, coordinator, strategy):
    services.strategy_set_status(actor=coordinator, organisation=org, strategy=strategy, status="consultation")
    services.strategy_set_status(actor=coordinator, organisation=org, strategy=strategy, status="archived")
    with pytest.raises(ConflictError):
        services.strategy_set_status(actor=coordinator, organisation=org, strategy=strategy, status="draft")
    with pytest.raises(ConflictError):
        services.strategy_set_status(actor=coordinator, organisation=org, strategy=strategy, status="adopted")


def test_focus_areas_keep_their_order_and_move_up_and_down(org, coordinator, strategy):
    a, b, c = (
        services.focus_area_create(actor=coordinator, organisation=org, strategy=strategy, title=t) for t in "ABC"
    )
    services.focus_area_move(actor=coordinator, organisation=org, focus_area=c, direction="up")
    assert list(strategy.focus_areas.values_list("title", flat=True)) == ["A", "C", "B"]
    services.focus_area_move(actor=coordinator, organisation=org, focus_area=a, direction="up")
    assert list(strategy.focus_areas.values_list("title", flat=True)) == ["A", "C", "B"]


def test_framework_codes_must_come_from_the_taxonomy(org, coordinator, strategy):
    with pytest.raises(ValidationError):
        services.focus_area_create(
            actor=coordinator, organisation=org, strategy=strategy, title="X", framework_codes=["EDU", "XYZ"]
        )
    assert not strategy.focus_areas.exists()


def test_choosing_a_foundation_of_another_organisation_is_refused(org, other_org, coordinator, strategy):
    foreign = Foundation.objects.create(organisation=other_org, name="Främmande")
    with pytest.raises(ApplicationError):
        services.strategy_update(actor=coordinator, organisation=org, strategy=strategy, foundation_ids=[foreign.pk])
    assert strategy.foundations.count() == 4


def test_every_change_is_in_the_history_with_who_made_it(org, coordinator, strategy):
    services.strategy_update(actor=coordinator, organisation=org, strategy=strategy, vision="Ny vision")
    assert strategy.history.first().history_user == coordinator
    assert strategy.history.count() == 2
