"""Co-creation: consultations, inputs, findings, committee, surveys, consent."""

from datetime import date, datetime

from django.db.models import Prefetch
from django.http import HttpResponse
from ninja import ModelSchema, Query, Router, Schema, Status
from pydantic import Field

from samskapa.api.pagination import Rows, grouped, paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.cocreation import gdpr, selectors
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
    Input,
    InputFocusArea,
    LegalBasis,
    Person,
    Question,
    Survey,
)
from samskapa.cocreation.results import export_csv_chunks, export_xlsx_file, survey_results
from samskapa.cocreation.services import committee as committee_services
from samskapa.cocreation.services import consultations as consultation_services
from samskapa.cocreation.services import findings as finding_services
from samskapa.cocreation.services import people as people_services
from samskapa.cocreation.services import surveys as survey_services
from samskapa.core.downloads import streaming_file_response, temporary_file_response
from samskapa.core.types import OrgRequest
from samskapa.strategy.models import FrameworkCode

router = Router(tags=["cocreation"])
VIEW, COMMITTEE, PEOPLE = (
    "cocreation.view_consultations",
    "cocreation.view_committee",
    "cocreation.manage_personal_data",
)


def _plain(data: dict) -> dict:
    def value(v):
        if isinstance(v, list):
            return [value(i) for i in v]
        return v.value if hasattr(v, "value") else v

    return {k: value(v) for k, v in data.items()}


# --- consultations -----------------------------------------------------------------------------


class ParticipationOut(Schema):
    group: Group
    count: int


class ConsultationOut(ModelSchema):
    actor_ids: list[int]
    participation: list[ParticipationOut]
    languages: list[str]  # a list in a JSON column: ninja would describe it as an object

    class Meta:
        model = Consultation
        fields = [
            "id",
            "title",
            "kind",
            "status",
            "held_on",
            "ends_on",
            "place",
            "languages",
            "facilitator",
            "interpreter",
            "purpose",
            "summary",
            "legal_basis",
            "consent_note",
            "is_published",
            "people",
        ]

    @staticmethod
    def resolve_actor_ids(obj):
        return [a.pk for a in obj.actors.all()]

    @staticmethod
    def resolve_participation(obj):
        return list(obj.participation.all())


class ConsultationIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    kind: Consultation.Kind
    status: Consultation.Status = Consultation.Status.PLANNED
    held_on: date | None = None
    ends_on: date | None = None
    place: str = Field("", max_length=200)
    languages: list[str] = []
    facilitator: str = Field("", max_length=200)
    interpreter: bool = False
    purpose: str = ""
    summary: str = ""
    legal_basis: LegalBasis = LegalBasis.ANONYMOUS
    consent_note: str = ""
    is_published: bool = False
    actor_ids: list[int] = []


class ConsultationPatch(PatchSchema):
    patches = (Consultation,)
    title: str | None = Field(None, min_length=1, max_length=200)
    kind: Consultation.Kind | None = None
    status: Consultation.Status | None = None
    held_on: date | None = None
    ends_on: date | None = None
    place: str | None = Field(None, max_length=200)
    languages: list[str] | None = None
    facilitator: str | None = Field(None, max_length=200)
    interpreter: bool | None = None
    purpose: str | None = None
    summary: str | None = None
    legal_basis: LegalBasis | None = None
    consent_note: str | None = None
    is_published: bool | None = None
    actor_ids: list[int] | None = None


class CountsIn(Schema):
    counts: dict[Group, int] = Field(description="People per group; 0 removes the group.")
    people: int | None = Field(
        None, ge=0, description="People taking part, each counted once (groups overlap); omit to keep it."
    )


def _consultation(request, org_slug, consultation_id, capability=VIEW):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.consultation_get(organisation=organisation, consultation_id=consultation_id)


@router.get("/orgs/{org_slug}/consultations", response=list[ConsultationOut])
@paged
def consultation_list(request: OrgRequest, org_slug: str, kind: Consultation.Kind | None = None):
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.consultation_list(organisation=organisation, kind=kind.value if kind else "").prefetch_related(
        "actors", "participation"
    )


@router.post("/orgs/{org_slug}/consultations", response={201: ConsultationOut})
def consultation_create(request: OrgRequest, org_slug: str, payload: ConsultationIn):
    organisation = org_scope(request, org_slug)
    created = consultation_services.consultation_create(
        actor=request.user, organisation=organisation, **_plain(payload.dict())
    )
    return Status(201, selectors.consultation_get(organisation=organisation, consultation_id=created.pk))


@router.get("/orgs/{org_slug}/consultations/{consultation_id}", response=ConsultationOut)
def consultation_detail(request: OrgRequest, org_slug: str, consultation_id: int):
    return _consultation(request, org_slug, consultation_id)[1]


@router.patch("/orgs/{org_slug}/consultations/{consultation_id}", response=ConsultationOut)
def consultation_update(request: OrgRequest, org_slug: str, consultation_id: int, payload: ConsultationPatch):
    organisation, consultation = _consultation(request, org_slug, consultation_id, "orgs.view_organisation")
    changes = _plain(payload.dict(exclude_unset=True))
    consultation_services.consultation_update(
        actor=request.user, organisation=organisation, consultation=consultation, **changes
    )
    return selectors.consultation_get(organisation=organisation, consultation_id=consultation.pk)


@router.delete("/orgs/{org_slug}/consultations/{consultation_id}", response={204: None})
def consultation_delete(request: OrgRequest, org_slug: str, consultation_id: int):
    organisation, consultation = _consultation(request, org_slug, consultation_id, "orgs.view_organisation")
    consultation_services.consultation_delete(actor=request.user, organisation=organisation, consultation=consultation)
    return Status(204, None)


@router.put("/orgs/{org_slug}/consultations/{consultation_id}/participation", response=ConsultationOut)
def participation_set(request: OrgRequest, org_slug: str, consultation_id: int, payload: CountsIn):
    """Who took part, as counts per group (no names)."""
    organisation, consultation = _consultation(request, org_slug, consultation_id, "orgs.view_organisation")
    counts = {g.value: n for g, n in payload.counts.items()}
    consultation_services.participation_set(
        actor=request.user, organisation=organisation, consultation=consultation, counts=counts, people=payload.people
    )
    return selectors.consultation_get(organisation=organisation, consultation_id=consultation.pk)


# --- inputs ------------------------------------------------------------------------------------


class InputOut(ModelSchema):
    consultation_id: int
    person_id: int | None
    focus_area_ids: list[int]
    finding_ids: list[int]
    framework_codes: list[str]  # lists in JSON columns: ninja would describe them as objects
    suggested_codes: list[str]

    class Meta:
        model = Input
        fields = [
            "id",
            "kind",
            "text",
            "group",
            "language",
            "translation",
            "translation_language",
            "framework_codes",
            "suggested_codes",
            "codes_confirmed",
            "created_at",
        ]

    # A row of the list carries plain lists of its links' ids (see _input_rows); one input read
    # alone has its relations prefetched as usual (selectors.input_list(...).get()).
    @staticmethod
    def resolve_focus_area_ids(obj):
        if hasattr(obj, "focus_area_id_list"):
            return obj.focus_area_id_list
        return [a.pk for a in obj.focus_areas.all()]

    @staticmethod
    def resolve_finding_ids(obj):
        if hasattr(obj, "finding_id_list"):
            return obj.finding_id_list
        return [f.pk for f in obj.findings.all()]


class InputIn(Schema):
    kind: Input.Kind = Input.Kind.NOTE
    text: str = Field(min_length=1, max_length=consultation_services.MAX_INPUT_CHARS)
    group: Group | None = None
    language: str = Field("", max_length=8)
    translation: str = Field("", max_length=consultation_services.MAX_INPUT_CHARS, description="Staff translation.")
    translation_language: str = Field("", max_length=8)
    person_id: int | None = None
    framework_codes: list[FrameworkCode] = Field([], description="Leave empty to have codes suggested.")
    focus_area_ids: list[int] = []


class InputPatch(PatchSchema):
    patches = (Input,)
    kind: Input.Kind | None = None
    text: str | None = Field(None, min_length=1, max_length=consultation_services.MAX_INPUT_CHARS)
    group: Group | None = None
    language: str | None = Field(None, max_length=8)
    translation: str | None = Field(None, max_length=consultation_services.MAX_INPUT_CHARS)
    translation_language: str | None = Field(None, max_length=8)
    person_id: int | None = None
    framework_codes: list[FrameworkCode] | None = None
    focus_area_ids: list[int] | None = None


class ConfirmIn(Schema):
    codes: list[FrameworkCode] | None = Field(None, description="Omit to confirm the suggestion as it is.")


def _input_out(organisation, item):
    return selectors.input_list(organisation=organisation).get(pk=item.pk)


def _input_rows(ids: list[int]) -> list[Input]:
    """What a row of the inputs list shows, for the page's inputs only: the ids of focus areas and
    findings as plain values (one query each), no consultation object (its id is on the input).
    The related managers and objects built per input were most of the cost of a long list."""
    rows = list(Input.objects.filter(pk__in=ids).order_by())  # the page keeps the order of its ids
    links = {"input_id__in": ids}
    # in the order of the focus areas and findings themselves, as a single input lists them
    areas = InputFocusArea.objects.filter(**links).order_by("focus_area__order", "focus_area_id")
    findings = FindingInput.objects.filter(**links).order_by("finding__statement", "finding_id")
    area_ids, finding_ids = grouped(areas, "input_id", "focus_area_id"), grouped(findings, "input_id", "finding_id")
    for item in rows:
        item.focus_area_id_list, item.finding_id_list = area_ids[item.pk], finding_ids[item.pk]
    return rows


@router.get("/orgs/{org_slug}/inputs", response=list[InputOut])
@paged
def input_list(
    request: OrgRequest,
    org_slug: str,
    consultation_id: int | None = None,
    code: FrameworkCode | None = None,
    group: Group | None = None,
    focus_area: int | None = None,
    unconfirmed: bool = False,
    reviewed: bool | None = Query(None, description="true: codes confirmed by a person; false: not yet."),  # noqa: B008
    language: str = Query("", max_length=8),  # noqa: B008
    updated_since: datetime | None = Query(None, description="Only inputs changed at or after this moment."),  # noqa: B008
    q: str = "",
):
    """The inputs of every consultation (or one), in the order they were entered."""
    organisation = org_scope(request, org_slug, VIEW)
    consultation = (
        selectors.consultation_get(organisation=organisation, consultation_id=consultation_id)
        if consultation_id
        else None
    )
    inputs = selectors.input_list(
        organisation=organisation,
        consultation=consultation,
        code=code.value if code else "",
        group=group.value if group else "",
        focus_area_id=focus_area,
        unconfirmed=unconfirmed,
        reviewed=reviewed,
        language=language,
        search=q[:200],
    )
    if updated_since is not None:
        inputs = inputs.filter(updated_at__gte=updated_since)
    # The selector's filters, then only the page's rows read with what a row shows. In the order
    # entered: the organisation's index holds it, so even the last page of 50,000 is read without
    # sorting them (ordered by consultation first, every page sorted all the inputs).
    return Rows(inputs.order_by("pk"), _input_rows)


@router.post("/orgs/{org_slug}/consultations/{consultation_id}/inputs", response={201: InputOut})
def input_create(request: OrgRequest, org_slug: str, consultation_id: int, payload: InputIn):
    organisation, consultation = _consultation(request, org_slug, consultation_id, "orgs.view_organisation")
    data = _plain(payload.dict())
    data["group"] = data["group"] or ""
    item = consultation_services.input_create(
        actor=request.user, organisation=organisation, consultation=consultation, **data
    )
    return Status(201, _input_out(organisation, item))


@router.patch("/orgs/{org_slug}/inputs/{input_id}", response=InputOut)
def input_update(request: OrgRequest, org_slug: str, input_id: int, payload: InputPatch):
    organisation = org_scope(request, org_slug)
    item = selectors.input_get(organisation=organisation, input_id=input_id)
    changes = _plain(payload.dict(exclude_unset=True))
    if "group" in changes:
        changes["group"] = changes["group"] or ""
    consultation_services.input_update(actor=request.user, organisation=organisation, item=item, **changes)
    return _input_out(organisation, item)


@router.post("/orgs/{org_slug}/inputs/{input_id}/confirm", response=InputOut)
def input_confirm(request: OrgRequest, org_slug: str, input_id: int, payload: ConfirmIn):
    """A person confirms the suggested framework codes, or gives the right ones."""
    organisation = org_scope(request, org_slug)
    item = selectors.input_get(organisation=organisation, input_id=input_id)
    codes = [c.value for c in payload.codes] if payload.codes is not None else None
    consultation_services.input_confirm_codes(actor=request.user, organisation=organisation, item=item, codes=codes)
    return _input_out(organisation, item)


@router.delete("/orgs/{org_slug}/inputs/{input_id}", response={204: None})
def input_delete(request: OrgRequest, org_slug: str, input_id: int):
    organisation = org_scope(request, org_slug)
    item = selectors.input_get(organisation=organisation, input_id=input_id)
    consultation_services.input_delete(actor=request.user, organisation=organisation, item=item)
    return Status(204, None)


# --- findings ----------------------------------------------------------------------------------


class DecisionLinkOut(ModelSchema):
    focus_area_id: int | None
    goal_id: int | None
    action_id: int | None

    class Meta:
        model = FindingDecision
        fields = ["id", "note"]


class FindingOut(ModelSchema):
    input_ids: list[int]
    decisions: list[DecisionLinkOut]
    has_outcome: bool

    class Meta:
        model = Finding
        fields = ["id", "statement", "detail", "outcome", "is_published"]

    # A row of the list carries plain lists of its links (see _finding_rows); one finding read
    # alone has its relations prefetched as usual (selectors.finding_get).
    @staticmethod
    def resolve_input_ids(obj):
        if hasattr(obj, "input_id_list"):
            return obj.input_id_list
        return [i.pk for i in obj.inputs.all()]

    @staticmethod
    def resolve_decisions(obj):
        return obj.decision_rows if hasattr(obj, "decision_rows") else list(obj.decisions.all())

    @staticmethod
    def resolve_has_outcome(obj):
        decisions = obj.decision_rows if hasattr(obj, "decision_rows") else obj.decisions.all()
        return bool(decisions) or bool(obj.outcome.strip())


class FindingIn(Schema):
    statement: str = Field(min_length=1, max_length=300)
    detail: str = ""
    outcome: str = ""
    is_published: bool = False
    input_ids: list[int] = []


class FindingPatch(PatchSchema):
    patches = (Finding,)
    statement: str | None = Field(None, min_length=1, max_length=300)
    detail: str | None = None
    outcome: str | None = None
    is_published: bool | None = None
    input_ids: list[int] | None = None


class LinkIn(Schema):
    focus_area_id: int | None = None
    goal_id: int | None = None
    action_id: int | None = None
    note: str = Field("", max_length=300)


class YouSaidWeDidOut(Schema):
    decided: list[FindingOut]
    open: list[FindingOut]


def _finding(request, org_slug, finding_id, capability=VIEW):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.finding_get(organisation=organisation, finding_id=finding_id)


def _finding_rows(ids: list[int]) -> list[Finding]:
    """What a row of the findings list shows, for the page's findings only: the ids of the inputs
    (a finding may rest on hundreds: read as plain pairs, no object built for them) and the
    decision links as they are."""
    findings = list(
        Finding.objects.filter(pk__in=ids).prefetch_related(
            Prefetch("decisions", FindingDecision.objects.all(), to_attr="decision_rows")
        )
    )
    # In the order entered, as the inputs list pages them: the link's own index holds it.
    links = FindingInput.objects.filter(finding_id__in=ids).order_by("finding_id", "input_id")
    evidence = grouped(links, "finding_id", "input_id")
    for finding in findings:
        finding.input_id_list = evidence[finding.pk]
    return findings


@router.get("/orgs/{org_slug}/findings", response=list[FindingOut])
@paged
def finding_list(request: OrgRequest, org_slug: str):
    return Rows(selectors.finding_list(organisation=org_scope(request, org_slug, VIEW)), _finding_rows)


@router.get("/orgs/{org_slug}/you-said-we-did", response=YouSaidWeDidOut)
def you_said_we_did(request: OrgRequest, org_slug: str):
    """Every finding with its evidence and outcome; ``open`` lists those with no outcome yet."""
    return selectors.you_said_we_did(organisation=org_scope(request, org_slug, VIEW))


@router.post("/orgs/{org_slug}/findings", response={201: FindingOut})
def finding_create(request: OrgRequest, org_slug: str, payload: FindingIn):
    organisation = org_scope(request, org_slug)
    finding = finding_services.finding_create(actor=request.user, organisation=organisation, **payload.dict())
    return Status(201, selectors.finding_get(organisation=organisation, finding_id=finding.pk))


@router.get("/orgs/{org_slug}/findings/{finding_id}", response=FindingOut)
def finding_detail(request: OrgRequest, org_slug: str, finding_id: int):
    return _finding(request, org_slug, finding_id)[1]


@router.patch("/orgs/{org_slug}/findings/{finding_id}", response=FindingOut)
def finding_update(request: OrgRequest, org_slug: str, finding_id: int, payload: FindingPatch):
    organisation, finding = _finding(request, org_slug, finding_id, "orgs.view_organisation")
    finding_services.finding_update(
        actor=request.user, organisation=organisation, finding=finding, **payload.dict(exclude_unset=True)
    )
    return selectors.finding_get(organisation=organisation, finding_id=finding.pk)


@router.delete("/orgs/{org_slug}/findings/{finding_id}", response={204: None})
def finding_delete(request: OrgRequest, org_slug: str, finding_id: int):
    organisation, finding = _finding(request, org_slug, finding_id, "orgs.view_organisation")
    finding_services.finding_delete(actor=request.user, organisation=organisation, finding=finding)
    return Status(204, None)


@router.post("/orgs/{org_slug}/findings/{finding_id}/decisions", response={201: DecisionLinkOut})
def finding_link(request: OrgRequest, org_slug: str, finding_id: int, payload: LinkIn):
    """Trace the finding to what was decided: give exactly one of focus_area_id, goal_id, action_id."""
    organisation, finding = _finding(request, org_slug, finding_id, "orgs.view_organisation")
    data = payload.dict()
    note = data.pop("note")
    return Status(
        201,
        finding_services.finding_link(
            actor=request.user, organisation=organisation, finding=finding, note=note, **data
        ),
    )


@router.delete("/orgs/{org_slug}/finding-decisions/{link_id}", response={204: None})
def finding_unlink(request: OrgRequest, org_slug: str, link_id: int):
    organisation = org_scope(request, org_slug)
    link = selectors.finding_link_get(organisation=organisation, link_id=link_id)
    finding_services.finding_unlink(actor=request.user, organisation=organisation, link=link)
    return Status(204, None)


# --- participation overview --------------------------------------------------------------------


class GroupHeardOut(Schema):
    group: Group
    consultations: int
    participants: int
    inputs: int
    planned_participants: int | None
    planned_consultations: int | None
    status: str
    share: int

    @staticmethod
    def resolve_planned_participants(obj):
        return obj.target.participants if obj.target else None

    @staticmethod
    def resolve_planned_consultations(obj):
        return obj.target.consultations if obj.target else None


class OverviewOut(Schema):
    groups: list[GroupHeardOut]
    consultations_held: int
    participants: int
    inputs: int
    unheard_actor_ids: list[int]

    @staticmethod
    def resolve_unheard_actor_ids(obj):
        return [a.pk for a in obj.unheard_actors]


class GroupTargetIn(Schema):
    group: Group
    participants: int = Field(ge=0, le=1_000_000)
    consultations: int = Field(1, ge=0, le=10_000)
    note: str = Field("", max_length=300)


@router.get("/orgs/{org_slug}/participation", response=OverviewOut)
def participation_overview(request: OrgRequest, org_slug: str):
    """Who has been heard, by group, against the plan (status: on_track, behind, not_heard, unplanned)."""
    return selectors.participation_overview(organisation=org_scope(request, org_slug, VIEW))


@router.put("/orgs/{org_slug}/participation-targets", response=OverviewOut)
def group_target_set(request: OrgRequest, org_slug: str, payload: GroupTargetIn):
    """Plan how many people of a group to hear, in how many consultations."""
    organisation = org_scope(request, org_slug)
    consultation_services.group_target_set(actor=request.user, organisation=organisation, **_plain(payload.dict()))
    return selectors.participation_overview(organisation=organisation)


# --- committee ---------------------------------------------------------------------------------


class MemberOut(ModelSchema):
    actor_id: int | None
    person_id: int | None
    person_name: str | None

    class Meta:
        model = CommitteeMember
        fields = ["id", "role", "joined_on", "left_on"]

    @staticmethod
    def resolve_person_name(obj):
        return obj.person.full_name if obj.person else None


class MeetingSummaryOut(Schema):
    id: int
    consultation_id: int
    title: str
    held_on: date | None
    status: Consultation.Status

    @staticmethod
    def resolve_title(obj):
        return obj.consultation.title

    @staticmethod
    def resolve_held_on(obj):
        return obj.consultation.held_on

    @staticmethod
    def resolve_status(obj):
        return obj.consultation.status


class CommitteeOut(ModelSchema):
    members: list[MemberOut]
    meetings: list[MeetingSummaryOut]

    class Meta:
        model = Committee
        fields = ["id", "name", "mandate"]

    @staticmethod
    def resolve_members(obj):
        return list(obj.members.all())

    @staticmethod
    def resolve_meetings(obj):
        return list(obj.meetings.all())


class CommitteeIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    mandate: str = ""


class CommitteePatch(PatchSchema):
    patches = (Committee,)
    name: str | None = Field(None, min_length=1, max_length=200)
    mandate: str | None = None


class MemberIn(Schema):
    actor_id: int | None = None
    person_id: int | None = None
    role: CommitteeMember.Role = CommitteeMember.Role.MEMBER
    joined_on: date | None = None
    left_on: date | None = None


class MemberPatch(PatchSchema):
    patches = (CommitteeMember,)
    role: CommitteeMember.Role | None = None
    joined_on: date | None = None
    left_on: date | None = None


class CommitteeDecisionOut(ModelSchema):
    focus_area_id: int | None
    goal_id: int | None
    action_id: int | None

    class Meta:
        model = CommitteeDecision
        fields = ["id", "text"]


class MeetingOut(MeetingSummaryOut):
    committee_id: int
    place: str
    agenda: str
    minutes: str
    decisions: list[CommitteeDecisionOut]

    @staticmethod
    def resolve_place(obj):
        return obj.consultation.place

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.all())


class MeetingIn(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    status: Consultation.Status = Consultation.Status.PLANNED
    held_on: date | None = None
    place: str = Field("", max_length=200)
    agenda: str = ""
    minutes: str = ""


class MeetingPatch(PatchSchema):
    patches = (CommitteeMeeting, Consultation)
    title: str | None = Field(None, min_length=1, max_length=200)
    status: Consultation.Status | None = None
    held_on: date | None = None
    place: str | None = Field(None, max_length=200)
    agenda: str | None = None
    minutes: str | None = None


class DecisionIn(Schema):
    text: str = Field(min_length=1, max_length=5000)
    focus_area_id: int | None = None
    goal_id: int | None = None
    action_id: int | None = None


def _committee(request, org_slug, committee_id, capability=COMMITTEE):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.committee_get(organisation=organisation, committee_id=committee_id)


def _meeting(request, org_slug, meeting_id, capability=COMMITTEE):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.meeting_get(organisation=organisation, meeting_id=meeting_id)


@router.get("/orgs/{org_slug}/committees", response=list[CommitteeOut])
@paged
def committee_list(request: OrgRequest, org_slug: str):
    organisation = org_scope(request, org_slug, COMMITTEE)
    return [
        selectors.committee_get(organisation=organisation, committee_id=c.pk)
        for c in selectors.committee_list(organisation=organisation)
    ]


@router.post("/orgs/{org_slug}/committees", response={201: CommitteeOut})
def committee_create(request: OrgRequest, org_slug: str, payload: CommitteeIn):
    organisation = org_scope(request, org_slug)
    committee = committee_services.committee_create(actor=request.user, organisation=organisation, **payload.dict())
    return Status(201, selectors.committee_get(organisation=organisation, committee_id=committee.pk))


@router.get("/orgs/{org_slug}/committees/{committee_id}", response=CommitteeOut)
def committee_detail(request: OrgRequest, org_slug: str, committee_id: int):
    return _committee(request, org_slug, committee_id)[1]


@router.patch("/orgs/{org_slug}/committees/{committee_id}", response=CommitteeOut)
def committee_update(request: OrgRequest, org_slug: str, committee_id: int, payload: CommitteePatch):
    organisation, committee = _committee(request, org_slug, committee_id, "orgs.view_organisation")
    committee_services.committee_update(
        actor=request.user, organisation=organisation, committee=committee, **payload.dict(exclude_unset=True)
    )
    return selectors.committee_get(organisation=organisation, committee_id=committee.pk)


@router.post("/orgs/{org_slug}/committees/{committee_id}/members", response={201: MemberOut})
def member_add(request: OrgRequest, org_slug: str, committee_id: int, payload: MemberIn):
    organisation, committee = _committee(request, org_slug, committee_id, "orgs.view_organisation")
    data = _plain(payload.dict(exclude_none=True))
    return Status(
        201, committee_services.member_add(actor=request.user, organisation=organisation, committee=committee, **data)
    )


@router.patch("/orgs/{org_slug}/committee-members/{member_id}", response=MemberOut)
def member_update(request: OrgRequest, org_slug: str, member_id: int, payload: MemberPatch):
    organisation = org_scope(request, org_slug)
    member = selectors.member_get(organisation=organisation, member_id=member_id)
    changes = _plain(payload.dict(exclude_unset=True))
    return committee_services.member_update(actor=request.user, organisation=organisation, member=member, **changes)


@router.delete("/orgs/{org_slug}/committee-members/{member_id}", response={204: None})
def member_remove(request: OrgRequest, org_slug: str, member_id: int):
    organisation = org_scope(request, org_slug)
    member = selectors.member_get(organisation=organisation, member_id=member_id)
    committee_services.member_remove(actor=request.user, organisation=organisation, member=member)
    return Status(204, None)


@router.post("/orgs/{org_slug}/committees/{committee_id}/meetings", response={201: MeetingOut})
def meeting_create(request: OrgRequest, org_slug: str, committee_id: int, payload: MeetingIn):
    organisation, committee = _committee(request, org_slug, committee_id, "orgs.view_organisation")
    data = _plain(payload.dict(exclude_none=True))
    meeting = committee_services.meeting_create(
        actor=request.user, organisation=organisation, committee=committee, **data
    )
    return Status(201, selectors.meeting_get(organisation=organisation, meeting_id=meeting.pk))


@router.get("/orgs/{org_slug}/meetings/{meeting_id}", response=MeetingOut)
def meeting_detail(request: OrgRequest, org_slug: str, meeting_id: int):
    return _meeting(request, org_slug, meeting_id)[1]


@router.patch("/orgs/{org_slug}/meetings/{meeting_id}", response=MeetingOut)
def meeting_update(request: OrgRequest, org_slug: str, meeting_id: int, payload: MeetingPatch):
    """Committee members may write the agenda and minutes; coordinators change the rest."""
    organisation, meeting = _meeting(request, org_slug, meeting_id, "orgs.view_organisation")
    changes = _plain(payload.dict(exclude_unset=True))
    committee_services.meeting_update(actor=request.user, organisation=organisation, meeting=meeting, **changes)
    return selectors.meeting_get(organisation=organisation, meeting_id=meeting.pk)


@router.post("/orgs/{org_slug}/meetings/{meeting_id}/decisions", response={201: CommitteeDecisionOut})
def decision_add(request: OrgRequest, org_slug: str, meeting_id: int, payload: DecisionIn):
    organisation, meeting = _meeting(request, org_slug, meeting_id, "orgs.view_organisation")
    return Status(
        201,
        committee_services.decision_add(
            actor=request.user, organisation=organisation, meeting=meeting, **payload.dict()
        ),
    )


@router.delete("/orgs/{org_slug}/committee-decisions/{decision_id}", response={204: None})
def decision_delete(request: OrgRequest, org_slug: str, decision_id: int):
    organisation = org_scope(request, org_slug)
    decision = selectors.decision_get(organisation=organisation, decision_id=decision_id)
    committee_services.decision_delete(actor=request.user, organisation=organisation, decision=decision)
    return Status(204, None)


# --- surveys -----------------------------------------------------------------------------------


class ChoiceOut(Schema):
    id: int
    order: int
    label: str
    texts: dict


class QuestionOut(ModelSchema):
    choices: list[ChoiceOut]

    class Meta:
        model = Question
        fields = ["id", "order", "kind", "text", "help", "required", "scale_max", "texts"]

    @staticmethod
    def resolve_choices(obj):
        return list(obj.choices.all())


class SurveyOut(ModelSchema):
    consultation_id: int
    questions: list[QuestionOut]
    public_path: str
    languages: list[str]  # a list in a JSON column: ninja would describe it as an object

    class Meta:
        model = Survey
        fields = [
            "id",
            "key",
            "title",
            "intro",
            "thanks",
            "languages",
            "status",
            "closes_on",
            "ask_group",
            "texts",
            "is_published",
        ]

    @staticmethod
    def resolve_questions(obj):
        return list(obj.questions.all())

    @staticmethod
    def resolve_public_path(obj):
        return f"/s/{obj.key}/"


class SurveyIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    languages: list[str] = Field(min_length=1, description="The first is the language the texts are written in.")
    intro: str = ""
    thanks: str = ""
    closes_on: date | None = None
    ask_group: bool = True
    texts: dict[str, dict[str, str]] = Field({}, description='Texts in the other languages: {"ar": {"title": ...}}')
    is_published: bool = False


class SurveyPatch(PatchSchema):
    patches = (Survey, Consultation)
    title: str | None = Field(None, min_length=1, max_length=200)
    languages: list[str] | None = None
    intro: str | None = None
    thanks: str | None = None
    closes_on: date | None = None
    ask_group: bool | None = None
    texts: dict[str, dict[str, str]] | None = None
    is_published: bool | None = None


class SurveyStatusIn(Schema):
    status: Survey.Status


class QuestionIn(Schema):
    kind: Question.Kind
    text: str = Field(min_length=1, max_length=500)
    help: str = Field("", max_length=500)
    required: bool = False
    scale_max: int = Field(5, ge=2, le=10)
    texts: dict[str, dict[str, str]] = {}
    choices: list[str] = Field([], max_length=survey_services.MAX_CHOICES)
    choice_texts: list[dict[str, dict[str, str]]] | None = None


class QuestionPatch(PatchSchema):
    patches = (Question,)
    kind: Question.Kind | None = None
    text: str | None = Field(None, min_length=1, max_length=500)
    help: str | None = Field(None, max_length=500)
    required: bool | None = None
    scale_max: int | None = Field(None, ge=2, le=10)
    texts: dict[str, dict[str, str]] | None = None
    choices: list[str] | None = Field(None, max_length=survey_services.MAX_CHOICES)
    choice_texts: list[dict[str, dict[str, str]]] | None = None


class ResultOut(Schema):
    question_id: int
    text: str
    answered: int
    counts: list[dict]
    mean: float | None

    @staticmethod
    def resolve_question_id(obj):
        return obj.question.pk

    @staticmethod
    def resolve_text(obj):
        return obj.question.text

    @staticmethod
    def resolve_counts(obj):
        return [{"label": label, "count": n, "percent": pct} for label, n, pct in obj.counts]


class ResultsOut(Schema):
    responses: int
    questions: list[ResultOut]


def _survey(request, org_slug, survey_id, capability=VIEW):
    organisation = org_scope(request, org_slug, capability)
    return organisation, selectors.survey_get(organisation=organisation, survey_id=survey_id)


@router.get("/orgs/{org_slug}/surveys", response=list[SurveyOut])
@paged
def survey_list(request: OrgRequest, org_slug: str):
    organisation = org_scope(request, org_slug, VIEW)
    return selectors.survey_list(organisation=organisation).prefetch_related("questions__choices")


@router.post("/orgs/{org_slug}/surveys", response={201: SurveyOut})
def survey_create(request: OrgRequest, org_slug: str, payload: SurveyIn):
    organisation = org_scope(request, org_slug)
    survey = survey_services.survey_create(actor=request.user, organisation=organisation, **payload.dict())
    return Status(201, selectors.survey_get(organisation=organisation, survey_id=survey.pk))


@router.get("/orgs/{org_slug}/surveys/{survey_id}", response=SurveyOut)
def survey_detail(request: OrgRequest, org_slug: str, survey_id: int):
    return _survey(request, org_slug, survey_id)[1]


@router.patch("/orgs/{org_slug}/surveys/{survey_id}", response=SurveyOut)
def survey_update(request: OrgRequest, org_slug: str, survey_id: int, payload: SurveyPatch):
    organisation, survey = _survey(request, org_slug, survey_id, "orgs.view_organisation")
    survey_services.survey_update(
        actor=request.user, organisation=organisation, survey=survey, **payload.dict(exclude_unset=True)
    )
    return selectors.survey_get(organisation=organisation, survey_id=survey.pk)


@router.post("/orgs/{org_slug}/surveys/{survey_id}/status", response=SurveyOut)
def survey_status(request: OrgRequest, org_slug: str, survey_id: int, payload: SurveyStatusIn):
    """Open the survey for answers (it must be complete in every language) or close it."""
    organisation, survey = _survey(request, org_slug, survey_id, "orgs.view_organisation")
    survey_services.survey_set_status(
        actor=request.user, organisation=organisation, survey=survey, status=payload.status.value
    )
    return selectors.survey_get(organisation=organisation, survey_id=survey.pk)


@router.post("/orgs/{org_slug}/surveys/{survey_id}/questions", response={201: QuestionOut})
def question_add(request: OrgRequest, org_slug: str, survey_id: int, payload: QuestionIn):
    organisation, survey = _survey(request, org_slug, survey_id, "orgs.view_organisation")
    question = survey_services.question_add(
        actor=request.user, organisation=organisation, survey=survey, **_plain(payload.dict())
    )
    return Status(201, selectors.question_get(organisation=organisation, question_id=question.pk))


@router.patch("/orgs/{org_slug}/questions/{question_id}", response=QuestionOut)
def question_update(request: OrgRequest, org_slug: str, question_id: int, payload: QuestionPatch):
    organisation = org_scope(request, org_slug)
    question = selectors.question_get(organisation=organisation, question_id=question_id)
    changes = _plain(payload.dict(exclude_unset=True))
    survey_services.question_update(actor=request.user, organisation=organisation, question=question, **changes)
    return selectors.question_get(organisation=organisation, question_id=question.pk)


@router.delete("/orgs/{org_slug}/questions/{question_id}", response={204: None})
def question_delete(request: OrgRequest, org_slug: str, question_id: int):
    organisation = org_scope(request, org_slug)
    question = selectors.question_get(organisation=organisation, question_id=question_id)
    survey_services.question_delete(actor=request.user, organisation=organisation, question=question)
    return Status(204, None)


@router.get("/orgs/{org_slug}/surveys/{survey_id}/results", response=ResultsOut)
def survey_results_api(request: OrgRequest, org_slug: str, survey_id: int):
    total, results = survey_results(_survey(request, org_slug, survey_id)[1])
    return {"responses": total, "questions": results}


@router.get("/orgs/{org_slug}/surveys/{survey_id}/answers.csv", response={200: None})
def survey_export_csv(request: OrgRequest, org_slug: str, survey_id: int) -> HttpResponse:
    """All answers, one row per response and one fixed column per question, streamed (flat memory)."""
    survey = _survey(request, org_slug, survey_id)[1]
    return streaming_file_response(export_csv_chunks(survey), title=survey.title, extension="csv")


@router.get("/orgs/{org_slug}/surveys/{survey_id}/answers.xlsx", response={200: None})
def survey_export_xlsx(request: OrgRequest, org_slug: str, survey_id: int) -> HttpResponse:
    survey = _survey(request, org_slug, survey_id)[1]
    return temporary_file_response(export_xlsx_file(survey), title=survey.title, extension="xlsx")


# --- people and consent ------------------------------------------------------------------------


class ConsentOut(ModelSchema):
    class Meta:
        model = Consent
        fields = ["id", "purpose", "given_on", "expires_on", "withdrawn_on", "how"]


class PersonOut(ModelSchema):
    actor_id: int | None
    consents: list[ConsentOut]

    class Meta:
        model = Person
        fields = ["id", "full_name", "email", "phone", "title", "note"]

    @staticmethod
    def resolve_consents(obj):
        return list(obj.consents.all())


class ConsentIn(Schema):
    purpose: Consent.Purpose
    given_on: date
    expires_on: date | None = None
    how: str = Field("", max_length=200)


class PersonIn(Schema):
    full_name: str = Field(min_length=1, max_length=200)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    title: str = Field("", max_length=200)
    note: str = ""
    actor_id: int | None = None
    consent: ConsentIn


class PersonPatch(PatchSchema):
    patches = (Person,)
    full_name: str | None = Field(None, min_length=1, max_length=200)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=200)
    note: str | None = None
    actor_id: int | None = None


class WithdrawIn(Schema):
    withdrawn_on: date


class ErasedOut(Schema):
    erased: bool
    still_mentioned: list[dict]


def _person(request, org_slug, person_id):
    organisation = org_scope(request, org_slug, PEOPLE)
    return organisation, selectors.person_get(organisation=organisation, person_id=person_id)


@router.get("/orgs/{org_slug}/people", response=list[PersonOut])
@paged
def person_list(request: OrgRequest, org_slug: str):
    return selectors.person_list(organisation=org_scope(request, org_slug, PEOPLE))


@router.post("/orgs/{org_slug}/people", response={201: PersonOut})
def person_create(request: OrgRequest, org_slug: str, payload: PersonIn):
    """A named person, only together with their consent."""
    organisation = org_scope(request, org_slug)
    data = payload.dict()
    consent = _plain(data.pop("consent"))
    person = people_services.person_create(actor=request.user, organisation=organisation, consent=consent, **data)
    return Status(201, selectors.person_get(organisation=organisation, person_id=person.pk))


@router.get("/orgs/{org_slug}/people/{person_id}", response=PersonOut)
def person_detail(request: OrgRequest, org_slug: str, person_id: int):
    return _person(request, org_slug, person_id)[1]


@router.patch("/orgs/{org_slug}/people/{person_id}", response=PersonOut)
def person_update(request: OrgRequest, org_slug: str, person_id: int, payload: PersonPatch):
    organisation, person = _person(request, org_slug, person_id)
    people_services.person_update(
        actor=request.user, organisation=organisation, person=person, **payload.dict(exclude_unset=True)
    )
    return selectors.person_get(organisation=organisation, person_id=person.pk)


@router.post("/orgs/{org_slug}/people/{person_id}/consents", response={201: ConsentOut})
def consent_add(request: OrgRequest, org_slug: str, person_id: int, payload: ConsentIn):
    organisation, person = _person(request, org_slug, person_id)
    return Status(
        201,
        people_services.consent_add(
            actor=request.user, organisation=organisation, person=person, **_plain(payload.dict())
        ),
    )


@router.post("/orgs/{org_slug}/consents/{consent_id}/withdraw", response=ConsentOut)
def consent_withdraw(request: OrgRequest, org_slug: str, consent_id: int, payload: WithdrawIn):
    organisation = org_scope(request, org_slug, PEOPLE)
    consent = selectors.consent_get(organisation=organisation, consent_id=consent_id)
    return people_services.consent_withdraw(
        actor=request.user, organisation=organisation, consent=consent, **payload.dict()
    )


@router.get("/orgs/{org_slug}/people/{person_id}/export", response=dict)
def person_export(request: OrgRequest, org_slug: str, person_id: int):
    """Everything kept about the person (the data subject's right of access)."""
    organisation, person = _person(request, org_slug, person_id)
    return gdpr.person_export(actor=request.user, organisation=organisation, person=person)


@router.post("/orgs/{org_slug}/people/{person_id}/erase", response=ErasedOut)
def person_erase(request: OrgRequest, org_slug: str, person_id: int):
    """Erase the person everywhere (history included); their anonymous inputs stay."""
    organisation, person = _person(request, org_slug, person_id)
    left = gdpr.person_erase(actor=request.user, organisation=organisation, person=person)
    return {"erased": True, "still_mentioned": [{"table": t, "row": str(pk), "column": c} for t, pk, c in left.found]}
