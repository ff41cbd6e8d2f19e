from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Interface language"), choices=[("", _("Follow the browser")), *settings.LANGUAGES], required=False
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the token is for"),
        max_length=100,
        help_text=_("For example: the statistics import script."),
    )
