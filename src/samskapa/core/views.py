"""Shared view helpers and the platform-wide pages (home, health)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.forms import Form
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samskapa.core.errors import ApplicationError
from samskapa.orgs.selectors import memberships_of_request, organisation_for_request


def org_view(capability: str = "orgs.view_organisation") -> Callable:
    """Resolve the organisation from the URL once, require membership (404) and the capability (403)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapper(request: HttpRequest, org_slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            # One query for all the person's memberships, shared with the layout's organisation switcher;
            # it also primes the role cache the permission rules read, saving a query per check.
            organisation, membership = organisation_for_request(request, slug=org_slug)
            request.organisation, request.membership = organisation, membership  # type: ignore[attr-defined]
            if not request.user.has_perm(capability, organisation):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def call_service(form: Form, service: Callable[..., Any], **kwargs: Any) -> Any:
    """Run a service and return its result (True when it returns nothing).

    Refusals (ApplicationError) and validation errors become form errors, on the field they
    name when the form has it; the service is atomic, so nothing has changed.
    """
    try:
        result = service(**kwargs)
    except ValidationError as error:
        for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
            form.add_error(field if field in form.fields else None, errors)
    except ApplicationError as error:
        form.add_error(None, error.message)
    else:
        return True if result is None else result
    return None


def home(request: HttpRequest) -> HttpResponse:
    """Signed in: the person's organisations. Not signed in: the public sites to read, and sign in."""
    from samskapa.publicsite.selectors import public_site_list
    from samskapa.publicsite.texts import language_name

    if not request.user.is_authenticated:
        sites = [
            (site.organisation, [(code, language_name(code)) for code in site.organisation.all_languages])
            for site in public_site_list()
        ]
        return render(request, "core/landing.html", {"sites": sites})
    memberships = memberships_of_request(request)  # the same list the layout's switcher shows
    return render(request, "core/home.html", {"memberships": memberships})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})
