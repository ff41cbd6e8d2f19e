"""The demo gives each municipality a plausible action plan, obeying the children rule, and again without duplicates."""

from django.db.models import Count

from samskapa.actions.models import Action, ActionPlan, ChildImpactAssessment, ProgressUpdate
from samskapa.core.demo import demo_load


def _counts():
    return tuple(m.objects.count() for m in (ActionPlan, Action, ProgressUpdate, ChildImpactAssessment))


def test_demo_builds_three_action_plans_idempotently(db):
    orgs = {o.slug: o for o in demo_load(password="demo-pass-123").organisations}
    for slug in ("mark", "molndal", "mala"):
        (plan,) = ActionPlan.objects.filter(organisation=orgs[slug])
        assert plan.title.endswith("(demo)") and plan.strategy.organisation == orgs[slug]
        actions = list(plan.actions.select_related("focus_area", "lead"))
        assert len(actions) >= 5
        assert all(a.focus_area and a.lead.is_internal and a.budget and a.currency == "SEK" for a in actions)
        assert any(a.goals.exists() for a in actions) and any(a.partners.exists() for a in actions)
        assert all(a.principles.exists() for a in actions)
    molndal = ActionPlan.objects.get(organisation=orgs["molndal"])
    assert (molndal.period_start.year, molndal.period_end.year) == (2023, 2024)
    statuses = dict(Action.objects.values_list("status").annotate(n=Count("pk")))
    assert {"planned", "ongoing", "done", "delayed", "cancelled"} <= set(statuses)
    assert all(a.status_reason for a in Action.objects.filter(status__in=["delayed", "cancelled"]))
    assert {"municipal", "state", "amif", "esf"} <= set(Action.objects.values_list("funding", flat=True))
    assert ProgressUpdate.objects.filter(organisation=orgs["mark"], author__email__startswith="skola@").exists()
    for action in Action.objects.filter(affects_children=True, status__in=["ongoing", "done"]):
        assert action.assessment.is_completed, action.title
    assert ChildImpactAssessment.objects.filter(state="draft").exists()  # one still being written

    before = _counts()
    demo_load(password="demo-pass-123")
    assert _counts() == before
