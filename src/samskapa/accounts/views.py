"""The signed-in person's own page: name, language and API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskapa.accounts import selectors, services
from samskapa.accounts.forms import ProfileForm, TokenForm
from samskapa.core.errors import ApplicationError
from samskapa.core.types import AuthedRequest


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"full_name": user.full_name, "preferred_language": user.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(user=user, **form.cleaned_data)
        messages.success(request, _("Your details were saved."))
        response = redirect("profile")
        if user.preferred_language:
            translation.activate(user.preferred_language)
            response.set_cookie("django_language", user.preferred_language, samesite="Lax")
        return response
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "token_form": TokenForm(), "tokens": selectors.token_list(user=user)},
    )


@require_POST
@login_required
def token_create(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "accounts/profile.html",
            {"form": ProfileForm(), "token_form": form, "tokens": selectors.token_list(user=request.user)},
            status=400,
        )
    token, raw = services.token_create(user=request.user, name=form.cleaned_data["name"])
    return render(request, "accounts/token_created.html", {"token": token, "raw": raw})


@require_POST
@login_required
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    try:
        services.token_revoke(user=request.user, token_id=token_id)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token was revoked; it no longer works."))
    return redirect("profile")
