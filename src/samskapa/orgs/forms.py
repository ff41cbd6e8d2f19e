from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samskapa.orgs.models import Country, Role


def language_choices():
    return settings.SAMSKAPA_CONTENT_LANGUAGES


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices)
    municipality_code = forms.CharField(
        label=_("Municipality code"),
        max_length=10,
        required=False,
        help_text=_("Sweden: four-digit kommunkod (e.g. 1463). Finland: three-digit kuntanumero (e.g. 091)."),
    )
    default_language = forms.ChoiceField(label=_("Default language"), choices=language_choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages residents read"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class OrganisationCreateForm(OrganisationForm):
    slug = forms.SlugField(
        label=_("Short name in addresses"),
        max_length=60,
        help_text=_("Lower-case letters, digits and hyphens; used in /o/<short name>/."),
    )
    field_order = ["name", "slug"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.EDITOR)


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(label=_("Title or department"), max_length=200, required=False)


class AcceptInvitationForm(forms.Form):
    """For someone without an account: the invitation's email becomes their login."""

    full_name = forms.CharField(label=_("Your name"), max_length=200)
    password1 = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput, min_length=8)
    password2 = forms.CharField(label=_("Repeat the password"), widget=forms.PasswordInput)

    def clean(self):
        data = super().clean() or {}
        if data.get("password1") != data.get("password2"):
            raise forms.ValidationError(_("The two passwords differ."))
        return data
