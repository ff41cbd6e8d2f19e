"""Factories for the action plan; every row gets its organisation from its parent explicitly."""

from datetime import date

import factory
from tests.actors.factories import ActorFactory
from tests.factories import FocusAreaFactory, StrategyFactory

from samskapa.actions.models import Action, ActionPlan, ChildImpactAssessment, ProgressUpdate


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    strategy = factory.SubFactory(StrategyFactory)
    organisation = factory.SelfAttribute("strategy.organisation")
    title = factory.Sequence(lambda n: f"Handlingsplan {n}")
    period_start = date(2025, 1, 1)
    period_end = date(2026, 12, 31)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    organisation = factory.SelfAttribute("plan.organisation")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Åtgärd {n}")
    focus_area = factory.SubFactory(
        FocusAreaFactory,
        strategy=factory.SelfAttribute("..plan.strategy"),
        organisation=factory.SelfAttribute("..organisation"),
    )
    lead = factory.SubFactory(ActorFactory, organisation=factory.SelfAttribute("..organisation"))
    start = date(2025, 3, 1)
    end = date(2025, 11, 30)
    currency = "SEK"


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    organisation = factory.SelfAttribute("action.organisation")
    date = date(2025, 4, 1)
    text = factory.Sequence(lambda n: f"Lägesrapport {n}")
    status = factory.SelfAttribute("action.status")
    percent_complete = factory.SelfAttribute("action.percent_complete")


COMPLETE_ASSESSMENT = {
    "children_affected": "Barn 6–12 år i familjer som nyss flyttat till kommunen.",
    "consulted": "yes",
    "consultation": "Samtal med elevråden på två skolor.",
    "best_interest": "Barnen får stöd i skolan och en trygg fritid.",
    "articles": [2, 3, 6, 12, 28],
    "positive_impacts": "Bättre skolresultat och fler vänner.",
    "negative_impacts": "",
    "mitigation": "",
    "conclusion": "Åtgärden är till barnens bästa.",
    "assessed_by": "Elevhälsan",
    "assessed_on": date(2025, 2, 1),
}


class ChildImpactAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildImpactAssessment

    action = factory.SubFactory(ActionFactory)
    organisation = factory.SelfAttribute("action.organisation")
    state = ChildImpactAssessment.State.COMPLETED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return super()._create(model_class, *args, **{**COMPLETE_ASSESSMENT, **kwargs})


def bulk_actions(plan, area, lead, count: int, first: int = 1, **fields) -> None:
    """``count`` actions numbered from ``first`` in one insert: plans of hundreds for query counts."""
    Action.objects.bulk_create(
        Action(
            organisation=plan.organisation,
            plan=plan,
            number=first + n,
            title=f"Åtgärd {first + n}",
            focus_area=area,
            lead=lead,
            **fields,
        )
        for n in range(count)
    )
