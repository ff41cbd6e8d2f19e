"""Organisations, members, invitations and background jobs."""

from datetime import datetime

from django.urls import reverse
from ninja import Router, Schema, Status
from pydantic import Field

from samskapa.api.pagination import paged
from samskapa.api.patching import PatchSchema
from samskapa.api.scope import org_scope
from samskapa.core.selectors import job_get
from samskapa.core.types import OrgRequest
from samskapa.orgs import selectors, services
from samskapa.orgs.models import Country, Membership, Organisation, Role
from samskapa.orgs.selectors import membership_list_for_user

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    slug: str
    name: str
    country: str
    municipality_code: str
    default_language: str
    languages: list[str]


class MembershipOut(Schema):
    organisation: OrganisationOut
    role: Role


class MeOut(Schema):
    email: str
    full_name: str
    memberships: list[MembershipOut]


class OrganisationIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    slug: str = Field(pattern=r"^[a-z0-9-]{1,60}$")
    country: Country = Country.SWEDEN
    municipality_code: str = Field("", max_length=10)
    default_language: str = "sv"
    languages: list[str] = []


class OrganisationPatch(PatchSchema):
    patches = (Organisation,)
    name: str | None = Field(None, min_length=1, max_length=200)
    country: Country | None = None
    municipality_code: str | None = Field(None, max_length=10)
    default_language: str | None = None
    languages: list[str] | None = None


class MemberOut(Schema):
    id: int
    email: str = Field(alias="user.email")
    full_name: str = Field(alias="user.full_name")
    role: Role
    title: str


class MemberPatch(PatchSchema):
    patches = (Membership,)
    role: Role
    title: str | None = Field(None, max_length=200)


class InvitationIn(Schema):
    email: str = Field(max_length=254)
    role: Role


class InvitationOut(Schema):
    id: int
    email: str
    role: Role
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


class InvitationCreatedOut(InvitationOut):
    link: str


class JobOut(Schema):
    id: int
    kind: str
    title: str
    status: str
    percent: int
    done_steps: int
    total_steps: int
    message: str
    result: dict
    result_url: str


@router.get("/me", response=MeOut, tags=["me"])
def me(request: OrgRequest):
    return {
        "email": request.user.email,
        "full_name": request.user.full_name,
        "memberships": list(membership_list_for_user(user=request.user)),
    }


@router.get("/orgs", response=list[OrganisationOut])
@paged
def organisation_list(request: OrgRequest):
    return [m.organisation for m in membership_list_for_user(user=request.user)]


@router.post("/orgs", response={201: OrganisationOut})
def organisation_create(request: OrgRequest, payload: OrganisationIn):
    return Status(201, services.organisation_create(actor=request.user, **payload.dict()))


@router.get("/orgs/{org_slug}", response=OrganisationOut)
def organisation_detail(request: OrgRequest, org_slug: str):
    return org_scope(request, org_slug)


@router.patch("/orgs/{org_slug}", response=OrganisationOut)
def organisation_update(request: OrgRequest, org_slug: str, payload: OrganisationPatch):
    organisation = org_scope(request, org_slug)
    return services.organisation_update(
        actor=request.user, organisation=organisation, **payload.dict(exclude_none=True)
    )


@router.get("/orgs/{org_slug}/members", response=list[MemberOut])
@paged
def member_list(request: OrgRequest, org_slug: str):
    return selectors.member_list(organisation=org_scope(request, org_slug, "orgs.view_members"))


@router.patch("/orgs/{org_slug}/members/{membership_id}", response=MemberOut)
def member_update(request: OrgRequest, org_slug: str, membership_id: int, payload: MemberPatch):
    organisation = org_scope(request, org_slug)
    membership = selectors.member_get(organisation=organisation, membership_id=membership_id)
    return services.membership_update(
        actor=request.user, organisation=organisation, membership=membership, **payload.dict()
    )


@router.delete("/orgs/{org_slug}/members/{membership_id}", response={204: None})
def member_remove(request: OrgRequest, org_slug: str, membership_id: int):
    organisation = org_scope(request, org_slug)
    membership = selectors.member_get(organisation=organisation, membership_id=membership_id)
    services.membership_remove(actor=request.user, organisation=organisation, membership=membership)
    return Status(204, None)


@router.get("/orgs/{org_slug}/invitations", response=list[InvitationOut])
@paged
def invitation_list(request: OrgRequest, org_slug: str):
    return selectors.invitation_list(organisation=org_scope(request, org_slug, "orgs.manage_members"))


@router.post("/orgs/{org_slug}/invitations", response={201: InvitationCreatedOut})
def invitation_create(request: OrgRequest, org_slug: str, payload: InvitationIn):
    """Create an invitation; the one-time link is in the answer and is never shown again."""
    organisation = org_scope(request, org_slug)
    invitation, raw = services.invitation_create(actor=request.user, organisation=organisation, **payload.dict())
    link = request.build_absolute_uri(reverse("invitation-accept", args=[raw]))
    services.invitation_send(invitation=invitation, link=link)
    invitation.link = link  # type: ignore[attr-defined]  # shown in this answer only
    return Status(201, invitation)


@router.delete("/orgs/{org_slug}/invitations/{invitation_id}", response=InvitationOut)
def invitation_revoke(request: OrgRequest, org_slug: str, invitation_id: int):
    organisation = org_scope(request, org_slug)
    invitation = selectors.invitation_get(organisation=organisation, invitation_id=invitation_id)
    return services.invitation_revoke(actor=request.user, organisation=organisation, invitation=invitation)


@router.get("/orgs/{org_slug}/jobs/{job_id}", response=JobOut, tags=["background work"])
def job_detail(request: OrgRequest, org_slug: str, job_id: int):
    """Progress of background work; poll until status is done or failed."""
    return job_get(organisation=org_scope(request, org_slug, "core.view_job"), job_id=job_id)
