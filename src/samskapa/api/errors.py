"""One JSON error shape for the whole API: {"message": "...", ...details}."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from samskapa.core.errors import ApplicationError


def _field(loc) -> str:
    # ninja reports where a value was: ("body", "payload", "role") → "role"
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "data")]
    return ".".join(parts)


def register_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ApplicationError)
    def application_error(request, exc: ApplicationError):
        return api.create_response(request, {"message": exc.message, **exc.extra}, status=exc.status)

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc: NinjaValidationError):
        errors = [{"field": _field(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors]
        return api.create_response(request, {"message": _("The input is not valid."), "errors": errors}, status=400)

    @api.exception_handler(DjangoValidationError)
    def invalid_model(request, exc: DjangoValidationError):
        errors = [
            {"field": field, "message": str(message)}
            for field, messages in getattr(exc, "message_dict", {"": exc.messages}).items()
            for message in messages
        ]
        return api.create_response(request, {"message": _("The input is not valid."), "errors": errors}, status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"message": _("Not found.")}, status=404)

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return api.create_response(request, {"message": _("Your role does not allow this.")}, status=403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return api.create_response(
            request,
            {"message": _("Authentication required: send a personal access token as 'Authorization: Bearer <token>'.")},
            status=401,
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return api.create_response(request, {"message": str(exc)}, status=exc.status_code)
