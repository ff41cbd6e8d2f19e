"""Forms for the registry pages. Fields come from the models (labels, help, limits stay in one
place); foreign keys are offered only from the organisation's own rows and reach the services as ids."""

from django import forms
from django.conf import settings
from django.db.models import Model
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from samskapa.actors.models import Actor, Engagement, Relation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def form_for(model: type[Model], fields, *, widgets=None, bases=(forms.Form,)) -> type[forms.Form]:
    """A plain form with the model's own fields (no model instance: services do the saving)."""
    declared = fields_for_model(model, fields=fields, widgets=widgets)
    return type(f"{model.__name__}Form", bases, dict(declared))


def scope(form: forms.Form, **querysets) -> forms.Form:
    """Offer only the organisation's rows in the form's choice fields."""
    for name, queryset in querysets.items():
        form.fields[name].queryset = queryset
    return form


def as_ids(form: forms.Form) -> dict:
    """The form's cleaned data for a service: a chosen row ``actor`` becomes ``actor_id``."""
    out = {}
    for name, value in form.cleaned_data.items():
        if isinstance(form.fields[name], forms.ModelChoiceField) and not isinstance(
            form.fields[name], forms.ModelMultipleChoiceField
        ):
            out[f"{name}_id"] = value.pk if value is not None else None
        else:
            out[name] = value
    return out


def initial_from(instance: Model, fields) -> dict:
    """A form's initial values from an instance (foreign keys as ids)."""
    concrete = {f.name: f for f in instance._meta.concrete_fields}
    return {f: getattr(instance, concrete[f].attname if f in concrete else f) for f in fields}


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", settings.SAMSKAPA_CONTENT_LANGUAGES)
        super().__init__(**kwargs)


ActorForm = form_for(
    Actor,
    [
        "name",
        "kind",
        "sector",
        "description",
        "tasks",
        "influence",
        "interest",
        "engagement_level",
        "engagement_note",
        "website",
        "is_active",
    ],
    widgets={
        "description": forms.Textarea(attrs={"rows": 3}),
        "tasks": forms.Textarea(attrs={"rows": 3}),
        "engagement_note": forms.Textarea(attrs={"rows": 3}),
    },
)

ActorForm.base_fields["website"] = forms.URLField(
    label=_("Website"), required=False, max_length=200, assume_scheme="https"
)

RelationForm = form_for(Relation, ["target", "kind", "note"], widgets={"note": forms.Textarea(attrs={"rows": 2})})

EngagementForm = form_for(
    Engagement,
    ["actor", "level", "method", "starts_on", "ends_on", "responsible", "status", "note"],
    widgets={"starts_on": DATE, "ends_on": DATE, "note": forms.Textarea(attrs={"rows": 2})},
)


class ActorFilterForm(forms.Form):
    """Filter the registry and its pictures by kind and planned engagement level."""

    kind = forms.MultipleChoiceField(
        label=_("Kind"), choices=Actor.Kind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    level = forms.MultipleChoiceField(
        label=_("Planned engagement"),
        choices=Actor.Engagement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"kinds": self.cleaned_data["kind"], "levels": self.cleaned_data["level"]}
