"""Forms of the coordinator's public-site pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.publicsite.models import Licence
from samskapa.publicsite.texts import Unit, digest, direction


class SiteForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("The public pages are open to everyone"),
        required=False,
        help_text=_("Only content you publish is shown. Turn this off to close the whole site at once."),
    )
    intro = forms.CharField(
        label=_("Welcome text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A few plain sentences at the top of the public home page, in the default language."),
    )
    contact_email = forms.EmailField(
        label=_("Contact email"),
        required=False,
        help_text=_("Where residents send questions and report accessibility problems. Needed for a public site."),
    )
    contact_phone = forms.CharField(label=_("Contact telephone"), max_length=40, required=False)
    response_days = forms.IntegerField(
        label=_("We answer within (working days)"), min_value=1, max_value=90, required=False
    )
    licence = forms.ChoiceField(label=_("Licence of the open data"), choices=Licence.choices)
    attribution = forms.CharField(
        label=_("Credit"),
        max_length=200,
        required=False,
        help_text=_("Whom reusers of the data credit; your organisation's name when left empty."),
    )
    known_issues = forms.CharField(
        label=_("Known accessibility problems"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Content you know is not accessible, and what you do about it. Shown in the statement."),
    )
    enforcement_name = forms.CharField(label=_("Supervisory authority"), max_length=200, required=False)
    enforcement_url = forms.URLField(
        label=_("Supervisory authority's web address"), required=False, assume_scheme="https"
    )
    statement_reviewed_on = forms.DateField(
        label=_("Statement last reviewed"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When a person last read the generated statement and found it right. Format: YYYY-MM-DD."),
    )


class IdsField(forms.Field):
    """Row numbers from checkboxes; the service checks they are the organisation's own."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        try:
            return [int(item) for item in value or []]
        except (TypeError, ValueError) as error:
            raise forms.ValidationError(_("Choose rows from the list.")) from error


class PublishForm(forms.Form):
    ACTIONS = [("publish", _("Publish")), ("unpublish", _("Unpublish"))]

    ids = IdsField(required=False)
    action = forms.ChoiceField(choices=ACTIONS)

    def clean(self):
        data = super().clean() or {}
        if not data.get("ids"):
            raise forms.ValidationError(_("Choose at least one row."))
        return data


def unit_field_name(unit: Unit) -> str:
    """A form field per text and wording (a published version and the working copy may differ)."""
    ct_id, object_id, field = unit.key
    return f"t-{ct_id}-{object_id}-{field}-{digest(unit.source)[:12]}"


class TranslationForm(forms.Form):
    """One field per text to translate, written in the target language's direction."""

    def __init__(self, *args, units: list[Unit], language: str, initial_values: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.units = {unit_field_name(unit): unit for unit in units}
        attrs = {"lang": language, "dir": direction(language)}
        for name, unit in self.units.items():
            rows = max(2, min(8, (len(unit.source) if unit.is_list else len(str(unit.source)) // 70 + 1)))
            self.fields[name] = forms.CharField(
                label=f"{unit.group} · {unit.label}" if unit.group else unit.label,
                required=False,
                widget=forms.Textarea(attrs={**attrs, "rows": rows}),
                initial=initial_values.get(name, ""),
                help_text=_("One line per statement.") if unit.is_list else "",
            )

    def values(self) -> dict:
        """The texts as the service takes them: by text and digest of its original."""
        return {
            (*self.units[name].key, digest(self.units[name].source)): value for name, value in self.cleaned_data.items()
        }


class WrittenInForm(forms.Form):
    """Which of the organisation's languages the original texts are written in."""

    language = forms.ChoiceField(label=_("The original is written in"))

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        from samskapa.publicsite.texts import language_name

        self.fields["language"].choices = [(code, language_name(code)) for code in languages]
