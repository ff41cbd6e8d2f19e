"""Forms for the action plan pages; choices come from the organisation, ids go to the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.actions.models import (
    OVERDUE,
    OVERDUE_LABEL,
    ChildImpactAssessment,
    Currency,
    Funding,
    Status,
    TargetGroup,
    UNCRCArticle,
)
from samskapa.actions.selectors import UNREPORTED, ActionFilter
from samskapa.core.widgets import LongSelect
from samskapa.strategy.forms import LinesField

DATE = {"widget": forms.DateInput(attrs={"type": "date"}), "help_text": _("Format: YYYY-MM-DD.")}


def _ids(label, *, required=False, **kwargs):
    return forms.TypedMultipleChoiceField(
        label=label, coerce=int, required=required, widget=forms.CheckboxSelectMultiple, **kwargs
    )


class PlanForm(forms.Form):
    strategy_id = forms.TypedChoiceField(label=_("Strategy"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=300, help_text=_("For example: Action plan 2025–2026."))
    period_start = forms.DateField(label=_("Starts"), **DATE)
    period_end = forms.DateField(label=_("Ends"), **DATE)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    adopted_by = forms.CharField(
        label=_("Adopted by"),
        max_length=200,
        required=False,
        help_text=_("For example: the municipal executive board."),
    )
    adopted_on = forms.DateField(label=_("Adopted on"), required=False, **DATE)

    def __init__(self, *args, strategies=(), editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy_id"].choices = [(s.pk, s.title) for s in strategies]
        if editing:
            del self.fields["strategy_id"]


# Groups of the action form, in the order a person fills it in.
ACTION_SECTIONS = [
    (_("The action"), ("title", "description")),
    (_("Place in the strategy"), ("focus_area_id", "goal_ids", "principle_ids")),
    (_("Who"), ("lead_id", "new_lead_name", "partner_ids", "new_partner_names", "responsible_ids")),
    (_("When and with what money"), ("start", "end", "budget", "currency", "funding", "funding_note")),
    (_("For whom"), ("target_groups", "affects_children")),
    (_("How far it is"), ("status", "status_reason", "percent_complete")),
]


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    focus_area_id = forms.TypedChoiceField(label=_("Focus area"), coerce=int)
    goal_ids = _ids(_("Goals it serves"))
    principle_ids = _ids(_("Principles it serves"))
    lead_id = forms.TypedChoiceField(
        label=_("Lead"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("A department or company of the municipality."),
    )
    new_lead_name = forms.CharField(
        label=_("Or a new department or company as lead"),
        max_length=200,
        required=False,
        help_text=_("It is added to the actor registry."),
    )
    partner_ids = _ids(_("Partners"))
    new_partner_names = LinesField(
        label=_("New partners"), required=False, help_text=_("One per line; they are added to the actor registry.")
    )
    responsible_ids = _ids(_("Responsible people"), help_text=_("They see the action as theirs and report on it."))
    start = forms.DateField(label=_("Start"), required=False, **DATE)
    end = forms.DateField(label=_("End"), required=False, **DATE)
    budget = forms.DecimalField(label=_("Budget"), max_digits=14, decimal_places=2, min_value=0, required=False)
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    funding = forms.ChoiceField(label=_("Funding source"), choices=[("", "—"), *Funding.choices], required=False)
    funding_note = forms.CharField(
        label=_("About the funding"),
        max_length=300,
        required=False,
        help_text=_("For example: the project it is part of, or the grant's reference."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"), choices=TargetGroup.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    affects_children = forms.BooleanField(
        label=_("The action affects children"),
        required=False,
        help_text=_("Then it needs a completed child impact assessment before it starts."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    status_reason = forms.CharField(
        label=_("Reason for the status"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Needed when the action is delayed or cancelled."),
    )
    percent_complete = forms.IntegerField(label=_("Percent complete"), min_value=0, max_value=100, initial=0)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, choices: dict, can_assign: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for name, options in choices.items():
            self.fields[name].choices = options
        self.fields["lead_id"].choices = [("", "—"), *choices["lead_id"]]
        if not can_assign:
            del self.fields["responsible_ids"]

    def clean(self):
        data = super().clean()
        if not data.get("lead_id") and not (data.get("new_lead_name") or "").strip():
            self.add_error("lead_id", _("Choose the lead, or name a new one."))
        return data

    def sections(self):
        return [(title, [self[name] for name in names if name in self.fields]) for title, names in ACTION_SECTIONS]


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Date"), **DATE)
    text = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("When the action is delayed or cancelled, this is the reason."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    percent_complete = forms.IntegerField(label=_("Percent complete"), min_value=0, max_value=100)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AssessmentForm(forms.Form):
    children_affected = forms.CharField(
        label=_("Which children are affected?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Ages, groups and about how many; for example newly arrived pupils in years 4–6."),
    )
    consulted = forms.ChoiceField(
        label=_("Were children consulted?"),
        choices=ChildImpactAssessment.Consulted.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    consultation = forms.CharField(
        label=_("How were they consulted, or why not?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    best_interest = forms.CharField(
        label=_("What is the child's best interest here?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    articles = forms.TypedMultipleChoiceField(
        label=_("Articles of the UN Convention on the Rights of the Child considered"),
        choices=UNCRCArticle.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The four general principles (articles 2, 3, 6 and 12) are always considered."),
    )
    positive_impacts = forms.CharField(
        label=_("Positive impacts for children"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    negative_impacts = forms.CharField(
        label=_("Negative impacts for children"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    mitigation = forms.CharField(
        label=_("What is done about the negative impacts?"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    conclusion = forms.CharField(label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    assessed_by = forms.CharField(
        label=_("Assessed by"),
        max_length=300,
        required=False,
        help_text=_("Who made the assessment, for example the pupil health team."),
    )
    assessed_on = forms.DateField(label=_("Assessed on"), required=False, **DATE)


class CommitmentsForm(forms.Form):
    """What each partner of an action has committed to: one field per partner."""

    def __init__(self, *args, links=(), **kwargs):
        super().__init__(*args, **kwargs)
        for link in links:
            self.fields[f"commitment-{link.actor_id}"] = forms.CharField(
                label=link.actor.name, max_length=300, required=False, initial=link.commitment
            )

    def commitments(self) -> dict[int, str]:
        return {int(name.split("-", 1)[1]): value for name, value in self.cleaned_data.items()}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("XLSX or CSV with the columns of the export."))
    create_actors = forms.BooleanField(
        label=_("Add leads and partners the actor registry does not have yet"), required=False
    )


class FilterForm(forms.Form):
    """The action plan's filters, in the address so that a filtered list can be shared and bookmarked.

    Every page of a plan renders them, so their selects are written in Python (core.widgets.LongSelect).
    """

    focus_area = forms.TypedChoiceField(
        label=_("Focus area"), coerce=int, required=False, empty_value=None, widget=LongSelect
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("All")),
            *Status.choices,
            (OVERDUE, OVERDUE_LABEL),
            (UNREPORTED, _("No progress report for six months")),
        ],
        required=False,
        widget=LongSelect,
    )
    lead = forms.TypedChoiceField(label=_("Lead"), coerce=int, required=False, empty_value=None, widget=LongSelect)
    funding = forms.ChoiceField(
        label=_("Funding source"), choices=[("", _("All")), *Funding.choices], required=False, widget=LongSelect
    )
    year = forms.TypedChoiceField(label=_("Active in"), coerce=int, required=False, empty_value=None, widget=LongSelect)
    target_group = forms.ChoiceField(
        label=_("Target group"), choices=[("", _("All")), *TargetGroup.choices], required=False, widget=LongSelect
    )
    q = forms.CharField(label=_("Words in the title or description"), required=False, max_length=100)

    def __init__(self, *args, areas=(), leads=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        every = ("", _("All"))
        self.fields["focus_area"].choices = [every, *[(a.pk, a.title) for a in areas]]
        self.fields["lead"].choices = [every, *leads]  # (id, name) pairs
        self.fields["year"].choices = [every, *[(y, str(y)) for y in years]]

    def to_filter(self) -> ActionFilter:
        if not self.is_bound or not self.is_valid():
            return ActionFilter()
        data = self.cleaned_data
        return ActionFilter(
            focus_area_id=data["focus_area"],
            status=data["status"],
            lead_id=data["lead"],
            funding=data["funding"],
            year=data["year"],
            target_group=data["target_group"],
            text=data["q"].strip(),
        )

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())
