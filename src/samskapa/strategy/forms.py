"""Forms for the strategy pages; lists of statements are typed one per line."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from samskapa.strategy.models import FrameworkCode, Strategy

ONE_PER_LINE = _("One statement per line.")


class LinesField(forms.CharField):
    """A list of short texts, edited as one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class StrategyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    period_start = forms.IntegerField(label=_("First year"), min_value=1900, max_value=2200, required=False)
    period_end = forms.IntegerField(label=_("Last year"), min_value=1900, max_value=2200, required=False)
    language = forms.ChoiceField(label=_("Language of the strategy"), choices=settings.SAMSKAPA_CONTENT_LANGUAGES)
    vision = forms.CharField(label=_("Vision"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    purpose = forms.CharField(label=_("Purpose"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    target_groups = forms.CharField(label=_("Target groups"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    revision_date = forms.DateField(
        label=_("Revise by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Coordinators are reminded from 90 days before. Format: YYYY-MM-DD."),
    )
    foundation_ids = forms.TypedMultipleChoiceField(
        label=_("Foundations"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the strategy builds on. Add more to the list on the foundations page."),
    )

    def __init__(self, *args, foundations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["foundation_ids"].choices = [(f.pk, f.name) for f in foundations]


class FocusAreaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("In plain language"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("A short summary anyone can read."),
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    we_want = LinesField(label=_("We want"), required=False, help_text=ONE_PER_LINE)
    we_will = LinesField(label=_("We will"), required=False, help_text=ONE_PER_LINE)
    strategic_choices = LinesField(label=_("Strategic choices"), required=False, help_text=ONE_PER_LINE)
    framework_codes = forms.MultipleChoiceField(
        label=_("Framework areas"), choices=FrameworkCode.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class GoalForm(forms.Form):
    text = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 2}))
    target = forms.CharField(
        label=_("Measurable target"),
        max_length=300,
        required=False,
        help_text=_("For example: 60 % of newcomers in work or studies within two years."),
    )


class AdoptForm(forms.Form):
    adopted_by = forms.CharField(
        label=_("Adopted by"), max_length=200, help_text=_("The body that decided, e.g. the municipal council.")
    )
    adopted_on = forms.DateField(
        label=_("Adopted on"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("Format: YYYY-MM-DD.")
    )
    decision_reference = forms.CharField(label=_("Decision reference"), max_length=200, required=False)


class FoundationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, s) for s in (Strategy.Status.DRAFT, Strategy.Status.CONSULTATION, Strategy.Status.ARCHIVED)]
    )


class CompareForm(forms.Form):
    a = forms.ChoiceField(label=_("Compare"))
    b = forms.ChoiceField(label=_("with"))

    def __init__(self, *args, versions=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(v.number), _("Version %(number)s") % {"number": v.number}) for v in versions]
        choices.append(("current", _("Working copy")))
        self.fields["a"].choices = self.fields["b"].choices = choices
