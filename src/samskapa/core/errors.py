"""The one application error type: raised by services, shown to users, mapped to JSON."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _


class ApplicationError(Exception):
    """A refusal a user can act on: the message is translated and safe to show."""

    status = 400

    def __init__(self, message: str, *, status: int | None = None, extra: dict[str, Any] | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
        if status is not None:
            self.status = status


class PermissionRefused(ApplicationError):
    """The user is a member but their role does not allow this."""

    status = 403


class ConflictError(ApplicationError):
    """Someone else changed the thing first (optimistic locking) or it already exists."""

    status = 409


def refuse_unknown_fields(changes: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """Refuse a change that names a field the service does not let its caller change."""
    if unknown := set(changes) - set(allowed):
        raise ApplicationError(_("These fields cannot be changed: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
