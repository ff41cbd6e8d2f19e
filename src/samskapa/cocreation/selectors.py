"""Reads for co-creation, always scoped to one organisation; missing and foreign alike are 404."""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from samskapa.actions.models import Action
from samskapa.actors.models import Actor
from samskapa.cocreation.models import (
    Committee,
    CommitteeDecision,
    CommitteeMeeting,
    CommitteeMember,
    Consent,
    Consultation,
    Finding,
    FindingDecision,
    FindingInput,
    Group,
    GroupTarget,
    Input,
    Participation,
    Person,
    Question,
    Survey,
)
from samskapa.core.access import access_in_organisation
from samskapa.orgs.models import Organisation
from samskapa.strategy.models import FocusArea, Goal


def _people():
    """People who took part, each counted once: the head count where recorded, else the largest group
    (groups overlap, so adding them up would count a newcomer mother twice; the largest is the least it was)."""
    per = Participation.objects.filter(consultation=OuterRef("pk")).values("consultation")
    largest = Subquery(per.annotate(n=Max("count")).values("n"), output_field=IntegerField())
    return Coalesce("people", largest, 0)


def _count_of_inputs():
    per = Input.objects.filter(consultation=OuterRef("pk")).values("consultation")
    return Coalesce(Subquery(per.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)


def consultation_list(
    *, organisation: Organisation, actor: Actor | None = None, kind: str = "", status: str = ""
) -> QuerySet[Consultation]:
    """Consultations with how many took part and how many inputs were recorded (two subqueries, no N+1)."""
    consultations = Consultation.objects.filter(organisation=organisation).annotate(
        participant_total=_people(), input_count=_count_of_inputs()
    )
    if actor is not None:
        consultations = consultations.filter(actor_links__actor=actor)
    if kind:
        consultations = consultations.filter(kind=kind)
    if status:
        consultations = consultations.filter(status=status)
    return consultations


def consultation_get(*, organisation: Organisation, consultation_id) -> Consultation:
    queryset = Consultation.objects.prefetch_related("participation", "actors").select_related(
        "survey", "committee_meeting"
    )
    return access_in_organisation(queryset, organisation, pk=consultation_id)


def input_list(
    *,
    organisation: Organisation,
    consultation: Consultation | None = None,
    consultation_id: int | None = None,
    code: str = "",
    group: str = "",
    focus_area_id: int | None = None,
    unconfirmed: bool = False,
    reviewed: bool | None = None,
    language: str = "",
    since=None,
    until=None,
    search: str = "",
    newest_first: bool = False,
) -> QuerySet[Input]:
    """Inputs of the organisation with the filters of the inbox; "reviewed" means a person confirmed the areas."""
    inputs = (
        Input.objects.filter(organisation=organisation)
        .select_related("consultation")
        .prefetch_related("focus_areas", "findings")
    )
    if consultation is not None:
        inputs = inputs.filter(consultation=consultation)
    if consultation_id:
        inputs = inputs.filter(consultation_id=consultation_id)
    if code:
        # Codes are distinct three-letter words, so the quoted code in the JSON text is exact (any backend).
        inputs = inputs.filter(framework_codes__icontains=f'"{code}"')
    if group:
        inputs = inputs.filter(group=group)
    if focus_area_id:
        inputs = inputs.filter(focus_area_links__focus_area_id=focus_area_id)
    if unconfirmed or reviewed is False:
        inputs = inputs.filter(codes_confirmed=False)
    if reviewed:
        inputs = inputs.filter(codes_confirmed=True)
    if language:
        inputs = inputs.filter(language=language)
    if since:
        inputs = inputs.filter(created_at__date__gte=since)
    if until:
        inputs = inputs.filter(created_at__date__lte=until)
    if search:
        inputs = inputs.filter(Q(text__icontains=search) | Q(translation__icontains=search))
    return inputs.order_by("-created_at", "-pk") if newest_first else inputs


def input_get(*, organisation: Organisation, input_id) -> Input:
    return access_in_organisation(Input.objects.select_related("consultation"), organisation, pk=input_id)


def _decisions():
    return FindingDecision.objects.select_related("focus_area", "goal__focus_area", "action")


def finding_list(*, organisation: Organisation) -> QuerySet[Finding]:
    """Findings with their evidence and outcomes, in a fixed number of queries."""
    return Finding.objects.filter(organisation=organisation).prefetch_related(
        Prefetch("inputs", queryset=Input.objects.select_related("consultation")),
        Prefetch("decisions", queryset=_decisions()),
    )


def finding_page_list(*, organisation: Organisation) -> QuerySet[Finding]:
    """Findings for a list page: how many inputs each rests on (counted, not loaded) and their outcomes."""
    evidence = FindingInput.objects.filter(finding=OuterRef("pk")).values("finding")
    count = Subquery(evidence.annotate(n=Count("pk")).values("n"), output_field=IntegerField())
    return (
        Finding.objects.filter(organisation=organisation)
        .annotate(evidence_count=Coalesce(count, 0))
        .prefetch_related(Prefetch("decisions", queryset=_decisions()))
    )


EVIDENCE_SHOWN = 3


def you_said_we_did_lists(*, organisation: Organisation) -> tuple[QuerySet[Finding], QuerySet[Finding]]:
    """(decided, waiting) findings for pages that show them a page at a time: each decided one with
    its first few inputs only (a sliced prefetch) and how many there are in all."""
    waiting = finding_undecided_list(organisation=organisation).values("pk")
    sample = Prefetch("inputs", queryset=Input.objects.order_by("pk")[:EVIDENCE_SHOWN], to_attr="sample_inputs")
    findings = finding_page_list(organisation=organisation).order_by("statement", "pk")
    return findings.exclude(pk__in=waiting).prefetch_related(sample), findings.filter(pk__in=waiting)


def finding_undecided_list(*, organisation: Organisation) -> QuerySet[Finding]:
    """Findings with neither a decision linked nor an outcome written: what still waits for a decision."""
    return Finding.objects.filter(organisation=organisation, decisions__isnull=True, outcome__regex=r"^\s*$")


def finding_get(*, organisation: Organisation, finding_id) -> Finding:
    return access_in_organisation(finding_list(organisation=organisation), organisation, pk=finding_id)


def finding_link_get(*, organisation: Organisation, link_id) -> FindingDecision:
    return access_in_organisation(FindingDecision.objects.select_related("finding"), organisation, pk=link_id)


@dataclass
class YouSaidWeDid:
    decided: list[Finding]
    open: list[Finding]


def you_said_we_did(*, organisation: Organisation, published_only: bool = False) -> YouSaidWeDid:
    """Every finding with its evidence and outcome; those with no outcome yet listed apart."""
    findings = finding_list(organisation=organisation)
    if published_only:
        findings = findings.filter(is_published=True)
    decided, waiting = [], []
    for finding in findings:
        (decided if finding.decisions.all() or finding.outcome.strip() else waiting).append(finding)
    return YouSaidWeDid(decided, waiting)


def strategy_elements(*, organisation: Organisation):
    """The focus areas, goals and actions a finding or decision can be traced to, for choosers."""
    areas = FocusArea.objects.filter(organisation=organisation).select_related("strategy").order_by("strategy", "order")
    goals = Goal.objects.filter(organisation=organisation).select_related("focus_area__strategy")
    actions = Action.objects.filter(organisation=organisation).select_related("plan").order_by("plan", "title")
    return areas, goals.order_by("focus_area__strategy", "focus_area__order", "order"), actions


def committee_list(*, organisation: Organisation) -> QuerySet[Committee]:
    return Committee.objects.filter(organisation=organisation).annotate(
        member_count=Count("members", distinct=True), meeting_count=Count("meetings", distinct=True)
    )


def _meetings():
    return CommitteeMeeting.objects.select_related("consultation").annotate(decision_count=Count("decisions"))


def committee_get(*, organisation: Organisation, committee_id, with_meetings: bool = True) -> Committee:
    """The committee with its members and (unless a page reads them apart) every meeting."""
    queryset = Committee.objects.prefetch_related(
        Prefetch("members", queryset=CommitteeMember.objects.select_related("actor", "person"))
    )
    if with_meetings:
        queryset = queryset.prefetch_related(Prefetch("meetings", queryset=_meetings()))
    return access_in_organisation(queryset, organisation, pk=committee_id)


def meeting_list(*, committee: Committee) -> QuerySet[CommitteeMeeting]:
    """The meetings of a committee, the latest first (planned ones, without a date, on top)."""
    return _meetings().filter(committee=committee).order_by(F("consultation__held_on").desc(nulls_first=True), "-pk")


def member_get(*, organisation: Organisation, member_id) -> CommitteeMember:
    return access_in_organisation(CommitteeMember.objects.select_related("committee"), organisation, pk=member_id)


def meeting_get(*, organisation: Organisation, meeting_id) -> CommitteeMeeting:
    queryset = CommitteeMeeting.objects.select_related("committee", "consultation").prefetch_related(
        Prefetch(
            "decisions", queryset=CommitteeDecision.objects.select_related("focus_area", "goal__focus_area", "action")
        ),
        "consultation__participation",
    )
    return access_in_organisation(queryset, organisation, pk=meeting_id)


def decision_get(*, organisation: Organisation, decision_id) -> CommitteeDecision:
    return access_in_organisation(CommitteeDecision.objects.select_related("meeting"), organisation, pk=decision_id)


def survey_list(*, organisation: Organisation) -> QuerySet[Survey]:
    return (
        Survey.objects.filter(organisation=organisation)
        .select_related("consultation")
        .annotate(response_count=Count("responses", distinct=True), question_count=Count("questions", distinct=True))
        # Meta.ordering is not applied to an aggregated query; pages need a fixed order.
        .order_by("-created_at", "-pk")
    )


def _questions():
    return Question.objects.prefetch_related("choices")


def survey_get(*, organisation: Organisation, survey_id) -> Survey:
    queryset = Survey.objects.select_related("consultation").prefetch_related(Prefetch("questions", _questions()))
    return access_in_organisation(queryset, organisation, pk=survey_id)


def survey_by_key(*, key: str) -> Survey:
    """The public survey at /s/<key>/ (any organisation); 404 unless it has been opened."""
    from django.http import Http404

    survey = (
        Survey.objects.select_related("organisation", "consultation")
        .prefetch_related(Prefetch("questions", _questions()))
        .filter(key=key)
        .exclude(status=Survey.Status.DRAFT)
        .first()
    )
    if survey is None:
        raise Http404
    return survey


def question_get(*, organisation: Organisation, question_id) -> Question:
    return access_in_organisation(
        Question.objects.select_related("survey").prefetch_related("choices"), organisation, pk=question_id
    )


def person_list(*, organisation: Organisation, actor: Actor | None = None) -> QuerySet[Person]:
    people = (
        Person.objects.filter(organisation=organisation, anonymised_at__isnull=True)
        .select_related("actor")
        .prefetch_related("consents")
    )
    return people.filter(actor=actor) if actor is not None else people


def person_get(*, organisation: Organisation, person_id) -> Person:
    queryset = Person.objects.select_related("actor").prefetch_related(
        "consents", Prefetch("committee_seats", CommitteeMember.objects.select_related("committee"))
    )
    return access_in_organisation(queryset, organisation, pk=person_id)


def consent_get(*, organisation: Organisation, consent_id) -> Consent:
    return access_in_organisation(Consent.objects.select_related("person"), organisation, pk=consent_id)


@dataclass
class GroupHeard:
    group: str
    label: str
    consultations: int
    participants: int
    inputs: int
    target: GroupTarget | None

    @property
    def status(self) -> str:
        """not_heard, behind (short of the plan), on_track, or unplanned (heard, no target)."""
        if not self.participants and not self.consultations:
            return "not_heard"
        if self.target is None:
            return "unplanned"
        short = self.participants < self.target.participants or self.consultations < self.target.consultations
        return "behind" if short else "on_track"

    @property
    def share(self) -> int:
        """Percent of the planned participants heard so far (capped at 100)."""
        if not self.target or not self.target.participants:
            return 100 if self.participants else 0
        return min(100, round(100 * self.participants / self.target.participants))


@dataclass
class Overview:
    groups: list[GroupHeard]
    kinds: list[tuple[str, str, int]]
    unheard_actors: list[Actor]
    consultations_held: int
    participants: int  # people, each counted once per consultation (groups overlap; see _people)
    inputs: int


def participation_overview(*, organisation: Organisation) -> Overview:
    """Who has been heard, by group, against the plan; actors planned to be consulted who never were."""
    held = Participation.objects.filter(organisation=organisation).exclude(consultation__status="cancelled")
    by_group = {
        row["group"]: row
        for row in held.values("group").annotate(n=Sum("count"), c=Count("consultation", distinct=True))
    }
    inputs = dict(Input.objects.filter(organisation=organisation).values_list("group").annotate(n=Count("pk")))
    targets = {t.group: t for t in GroupTarget.objects.filter(organisation=organisation)}
    groups = [
        GroupHeard(
            value,
            label,
            by_group.get(value, {}).get("c", 0),
            by_group.get(value, {}).get("n", 0) or 0,
            inputs.get(value, 0),
            targets.get(value),
        )
        for value, label in Group.choices
    ]
    consultations = Consultation.objects.filter(organisation=organisation).exclude(status="cancelled")
    counts = dict(consultations.values_list("kind").annotate(n=Count("pk")))
    people = consultations.annotate(n=_people()).aggregate(total=Sum("n"))["total"] or 0
    kinds = [(value, label, counts.get(value, 0)) for value, label in Consultation.Kind.choices]
    planned = Actor.objects.filter(organisation=organisation, is_active=True).exclude(engagement_level="inform")
    unheard = list(planned.filter(consultation_links__isnull=True).distinct())
    return Overview(
        groups,
        kinds,
        unheard,
        consultations.filter(status="held").count(),
        people,
        sum(inputs.values()),
    )
