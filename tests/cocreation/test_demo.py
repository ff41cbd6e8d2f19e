"""The demo holds a realistic co-creation process for Mark and registries for Mölndal and Malå."""

from django.db.models import Count

from samskapa.actors.models import Actor, Relation
from samskapa.cocreation.models import Consultation, Finding, FindingDecision, Input, Participation, Response
from samskapa.cocreation.selectors import participation_overview, you_said_we_did
from samskapa.core.demo import demo_load


def _counts():
    return tuple(m.objects.count() for m in (Actor, Relation, Consultation, Input, Finding, FindingDecision, Response))


def test_the_demo_runs_marks_co_creation_process_idempotently(db):
    orgs = {o.slug: o for o in demo_load(password="demo-pass-123").organisations}
    mark = orgs["mark"]
    kinds = dict(Consultation.objects.filter(organisation=mark).values_list("kind").annotate(n=Count("pk")))
    assert 34 <= sum(kinds.values()) <= 40 and kinds["interview"] >= 15 and kinds["focus_group"] >= 5
    assert kinds["committee"] >= 3 and kinds["survey"] == 1
    assert 250 <= Input.objects.filter(organisation=mark).count() <= 450
    assert Input.objects.filter(organisation=mark, language="ar").exists()
    board = you_said_we_did(organisation=mark)
    assert len(board.decided) >= 5 and board.open  # some findings still wait for an outcome
    assert all(f.inputs.all() for f in board.decided)
    assert FindingDecision.objects.filter(organisation=mark, action__isnull=False).exists()
    heard = {g.group: g for g in participation_overview(organisation=mark).groups}
    assert heard["children"].participants > 0 and heard["host"].status == "behind"
    assert Participation.objects.filter(organisation=mark, consultation__kind="survey").exists()
    assert Actor.objects.filter(organisation=orgs["mala"], name="Region Västerbotten").exists()
    assert Actor.objects.filter(organisation=orgs["molndal"]).count() >= 10
    before = _counts()
    demo_load(password="demo-pass-123")
    assert _counts() == before


def test_the_demo_counts_each_person_once_and_attributes_quotes_to_groups_that_were_there(db):
    from samskapa.cocreation.demo import head_count, speaker

    mark = {o.slug: o for o in demo_load(password="demo-pass-123").organisations}["mark"]
    mother = Consultation.objects.get(organisation=mark, title="Intervju: nyanländ mamma, nyss kommen")
    assert mother.people == 1  # a newcomer and a woman, one person
    overview = participation_overview(organisation=mark)
    group_sum = sum(g.participants for g in overview.groups)
    assert 0 < overview.participants < group_sum  # the groups overlap; the head count does not add them up
    women = Consultation.objects.get(organisation=mark, title="Fokusgrupp: kvinnogruppen på biblioteket (arabiska)")
    groups = set(Input.objects.filter(consultation=women).values_list("group", flat=True))
    assert groups <= {"newcomers", "women"} and "women" in groups
    staff_only = Input.objects.filter(organisation=mark, consultation__participation__group="staff", language="ar")
    assert not staff_only.exclude(group__in=["newcomers", "women", "children"]).exists()
    assert head_count({"children": 12, "newcomers": 7}) == 12 and head_count({"staff": 3, "ngos": 4}) == 7
    assert speaker({"newcomers": 9, "women": 9}, "women", "en") == "women"
    assert speaker({"staff": 2}, "school", "en") == "staff"


def test_demo_survey_answers_are_recorded_in_the_language_they_are_written_in(db):
    from samskapa.cocreation.demo import FREE_TEXT

    written_in = dict(FREE_TEXT)
    demo_load(password="demo-pass-123")
    answers = Input.objects.filter(organisation__slug="mark", text__in=written_in)
    assert answers.exists()
    assert all(answer.language == written_in[answer.text] for answer in answers)
