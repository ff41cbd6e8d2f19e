"""One JSON error shape for the whole API: {"message": "...", ...details}, 500 included."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.db import DataError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from samskapa.core.errors import ApplicationError

logger = logging.getLogger("django.request")


class FieldErrorOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    """The one error shape; some errors add details (such as ``current_version`` on 409)."""

    model_config = {"extra": "allow"}
    message: str
    errors: list[FieldErrorOut] = []


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

    @api.exception_handler(MultiPartParserError)
    def unreadable_upload(request, exc):
        return api.create_response(request, {"message": _("The upload could not be read: %s") % exc}, status=400)

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        # Django's own refusals of hostile requests (too many fields, a body over the limit).
        status = 413 if isinstance(exc, RequestDataTooBig) else 400
        return api.create_response(request, {"message": _("The request was refused: %s") % exc}, status=status)

    @api.exception_handler(OverflowError)
    def too_large(request, exc):
        # SQLite cannot compare or store an integer beyond 64 bits (an id or a number in a body).
        return api.create_response(request, {"message": _("A number in the request is too large.")}, status=400)

    @api.exception_handler(DataError)
    def unstorable(request, exc):
        # PostgreSQL's refusal of a value (a number out of range); the service's transaction rolled back.
        return api.create_response(request, {"message": _("A value in the request cannot be stored.")}, status=400)

    @api.exception_handler(Exception)
    def server_error(request, exc):
        if settings.DEBUG:
            raise exc  # the developer sees Django's traceback page
        # Logged and signalled as Django does for any 500, so error reporting sees it too.
        logger.error("Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500})
        got_request_exception.send(sender=None, request=request)
        message = _("Something went wrong on our side. The error has been logged; please try again later.")
        return api.create_response(request, {"message": message, "errors": []}, status=500)
