"""PATCH bodies: a field left out keeps its value; an explicit ``null`` clears it or is refused.

One rule for every PATCH in the API, read from the Django model behind the body: ``null``
on a field that may be empty clears it (nullable → null, text → "", a list or link set →
empty), and ``null`` on a field that must have a value is refused with the one JSON error
shape naming the field, before any service runs. Before this, a null reached the services
as if it were a value and some answered 500.
"""

from typing import ClassVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

REQUIRED = object()


def _model_field(model_classes, name: str):
    candidates = [name]
    if name.endswith("_ids"):  # goal_ids → goals (a set of links)
        candidates.append(name.removesuffix("_ids") + "s")
    for model in model_classes:
        for candidate in candidates:
            try:
                return model._meta.get_field(candidate)
            except FieldDoesNotExist:
                continue
    return None


def cleared_value(model_classes, name: str):
    """What ``null`` means for the field: the empty value it may take, or REQUIRED."""
    field = _model_field(model_classes, name)
    if field is None:
        return REQUIRED
    if field.many_to_many or field.one_to_many:
        return []
    if field.null:
        return None
    if field.blank and isinstance(field, (models.CharField, models.TextField)):
        return ""
    if field.blank and field.has_default():
        return field.get_default()
    return REQUIRED


class PatchSchema(Schema):
    """Base of every PATCH body; ``patches`` names the model(s) whose fields it changes."""

    patches: ClassVar[tuple[type[models.Model], ...]] = ()

    @model_validator(mode="after")
    def _explicit_nulls(self):
        errors = []
        for name in sorted(self.model_fields_set):
            if getattr(self, name) is not None:
                continue
            value = cleared_value(self.patches, name)
            if value is REQUIRED:
                message = _("This field needs a value; leave it out to keep the current one.")
                errors.append(
                    InitErrorDetails(type=PydanticCustomError("null_refused", message), loc=(name,), input=None)
                )
            elif value is not None:
                self.__dict__[name] = value  # cleared; still counted as set, so the service applies it
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self
