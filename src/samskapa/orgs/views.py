"""Organisation pages: dashboard, settings, members and invitations; thin over the services."""

from django.contrib import messages
from django.contrib.auth import login, password_validation
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.accounts.services import user_get_or_create
from samskapa.core.errors import ApplicationError
from samskapa.core.selectors import job_list
from samskapa.core.types import OrgRequest
from samskapa.core.views import call_service, org_view
from samskapa.orgs import selectors, services
from samskapa.orgs.forms import (
    AcceptInvitationForm,
    InvitationForm,
    MembershipForm,
    OrganisationCreateForm,
    OrganisationForm,
)
from samskapa.orgs.overview import overview


@org_view()
def dashboard(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    context = {"jobs": job_list(organisation=org)[:5], "overview": overview(organisation=org)}
    return render(request, "orgs/dashboard.html", context)


@login_required
def organisation_create(request: OrgRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        org = call_service(form, services.organisation_create, actor=request.user, **form.cleaned_data)
        if org:
            messages.success(request, _("The organisation was created. You are its administrator."))
            return redirect("orgs:dashboard", org_slug=org.slug)
    return render(request, "orgs/organisation_form.html", {"form": form, "creating": True})


@org_view("orgs.change_organisation")
def organisation_settings(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    initial = {f: getattr(org, f) for f in services.EDITABLE_ORGANISATION_FIELDS}
    form = OrganisationForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and call_service(form, services.organisation_update, actor=request.user, organisation=org, **form.cleaned_data)
    ):
        messages.success(request, _("The settings were saved."))
        return redirect("orgs:settings", org_slug=org.slug)
    return render(request, "orgs/organisation_form.html", {"form": form})


@org_view("orgs.view_members")
def member_list(request: OrgRequest) -> HttpResponse:
    org = request.organisation
    form = InvitationForm(request.POST or None)
    new_link = None
    if request.method == "POST":
        if not request.user.has_perm("orgs.manage_members", org):
            raise PermissionDenied
        if form.is_valid():
            created = call_service(
                form, services.invitation_create, actor=request.user, organisation=org, **form.cleaned_data
            )
            if created:
                invitation, raw = created
                new_link = request.build_absolute_uri(reverse("invitation-accept", args=[raw]))
                services.invitation_send(invitation=invitation, link=new_link)
                messages.success(
                    request, _("The invitation was created and sent to %(email)s.") % {"email": invitation.email}
                )
                form = InvitationForm()
    context = {
        "members": selectors.member_list(organisation=org),
        "invitations": selectors.invitation_list(organisation=org).filter(
            accepted_at__isnull=True, revoked_at__isnull=True
        ),
        "form": form,
        "new_link": new_link,
        "can_manage": request.user.has_perm("orgs.manage_members", org),
    }
    return render(request, "orgs/member_list.html", context)


@org_view("orgs.manage_members")
def member_edit(request: OrgRequest, membership_id: int) -> HttpResponse:
    org = request.organisation
    membership = selectors.member_get(organisation=org, membership_id=membership_id)
    form = MembershipForm(request.POST or None, initial={"role": membership.role, "title": membership.title})
    if request.method == "POST":
        if "remove" in request.POST:
            removed = call_service(
                form, services.membership_remove, actor=request.user, organisation=org, membership=membership
            )
            if not form.errors:
                messages.success(request, _("%(user)s is no longer a member.") % {"user": membership.user})
                return redirect("orgs:members", org_slug=org.slug)
            del removed
        elif form.is_valid() and call_service(
            form,
            services.membership_update,
            actor=request.user,
            organisation=org,
            membership=membership,
            **form.cleaned_data,
        ):
            messages.success(request, _("The role was saved."))
            return redirect("orgs:members", org_slug=org.slug)
    return render(request, "orgs/member_edit.html", {"form": form, "member": membership})


@require_POST
@org_view("orgs.manage_members")
def invitation_revoke(request: OrgRequest, invitation_id: int) -> HttpResponse:
    org = request.organisation
    invitation = selectors.invitation_get(organisation=org, invitation_id=invitation_id)
    try:
        services.invitation_revoke(actor=request.user, organisation=org, invitation=invitation)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation was withdrawn."))
    return redirect("orgs:members", org_slug=org.slug)


def invitation_accept(request: OrgRequest, token: str) -> HttpResponse:
    """Open an invitation link: join with the current account, or create one for the invited email."""
    try:
        invitation = services.invitation_for_token(token)
    except ApplicationError as error:
        return render(request, "orgs/invitation_invalid.html", {"message": error.message}, status=error.status)
    if request.user.is_authenticated:
        try:
            services.invitation_check_recipient(invitation, request.user)
        except ApplicationError as error:
            return render(request, "orgs/invitation_invalid.html", {"message": error.message}, status=error.status)
    form = AcceptInvitationForm(request.POST or None) if not request.user.is_authenticated else None
    if request.method == "POST":
        user = request.user if request.user.is_authenticated else _new_user_from(form, invitation)
        if user is not None:
            try:
                membership = services.invitation_accept(raw_token=token, user=user)
            except ApplicationError as error:
                return render(request, "orgs/invitation_invalid.html", {"message": error.message}, status=error.status)
            if not request.user.is_authenticated:
                login(request, user, backend="samskapa.orgs.backends.MemberBackend")
            messages.success(request, _("Welcome to %(org)s.") % {"org": membership.organisation})
            return redirect("orgs:dashboard", org_slug=membership.organisation.slug)
    return render(request, "orgs/invitation_accept.html", {"invitation": invitation, "form": form})


def _new_user_from(form: AcceptInvitationForm | None, invitation):
    if form is None or not form.is_valid():
        return None
    from samskapa.accounts.models import User

    if User.objects.filter(email=invitation.email).exists():
        form.add_error(None, _("An account with this email exists already. Log in first, then open the link again."))
        return None
    try:
        password_validation.validate_password(form.cleaned_data["password1"], User(email=invitation.email))
    except ValidationError as error:
        form.add_error("password1", error)
        return None
    user, _created = user_get_or_create(
        email=invitation.email, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password1"]
    )
    return user
