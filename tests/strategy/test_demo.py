"""The demo fills the four municipalities' strategies from the seeds, and again without duplicates."""

from datetime import date

from samskapa.core.demo import demo_load
from samskapa.strategy.models import FocusArea, Principle, Strategy, StrategyVersion
from samskapa.strategy.selectors import revision_reminders


def _counts():
    return (Strategy.objects.count(), FocusArea.objects.count(), StrategyVersion.objects.count())


def test_demo_builds_the_three_strategies_idempotently(db):
    result = demo_load(password="demo-pass-123")
    orgs = {o.slug: o for o in result.organisations}
    mark = Strategy.objects.get(organisation=orgs["mark"])
    assert mark.language == "sv" and "hör hemma" in mark.vision and mark.focus_areas.count() == 4
    molndal = Strategy.objects.get(organisation=orgs["molndal"])
    assert [a.title for a in molndal.focus_areas.all()] == [
        "Arbete och egenförsörjning",
        "Utbildning",
        "Delaktighet och sociala sammanhang",
        "Boende",
        "Internt utvecklingsarbete",
    ]
    assert all(a.strategic_choices for a in molndal.focus_areas.all())
    assert molndal.status == "adopted" and molndal.adopted_by == "Kommunfullmäktige"
    assert molndal.adopted_on.year == 2021 and molndal.adopted_on.month == 6
    mala = Strategy.objects.get(organisation=orgs["mala"])
    assert [a.title for a in mala.focus_areas.all()] == ["Tillhörighet", "Framtid", "Fritid"]
    assert all(a.we_want and a.we_will for a in mala.focus_areas.all())
    (reminder,) = revision_reminders(organisation=orgs["mala"], today=date(2026, 11, 25))
    assert reminder.overdue
    assert Principle.objects.filter(organisation=orgs["mark"]).count() == 8
    vaasa = Strategy.objects.get(organisation=orgs["vaasa"])
    assert vaasa.language == "fi" and vaasa.status == "adopted" and vaasa.focus_areas.count() == 5
    assert "Työ ja osaaminen" in [a.title for a in vaasa.focus_areas.all()]

    before = _counts()
    demo_load(password="demo-pass-123")
    assert _counts() == before
