"""Forms of the indicator pages: they parse what a person typed; services decide the rest."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samskapa.indicators.models import Breakdown, Direction, Frequency, Origin, Sex
from samskapa.indicators.sources import registry
from samskapa.indicators.sources.eurostat import SUGGESTED_DATASETS

# The form of what an indicator fetches lives with its source (sources/kolada.py, sources/eurostat.py).

AREA_HELP = _("Codes or names, separated by commas; for example Borås, Alingsås or 1490, 1489.")


def _year_field(label):
    return forms.IntegerField(label=label, required=False, min_value=1900, max_value=2200)


def _value_field(label):
    return forms.DecimalField(label=label, required=False, max_digits=20, decimal_places=6, localize=True)


class GoalChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, goal):
        return f"{goal.focus_area.title} — {goal.text[:120]}"


class FocusAreaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, area):
        return f"{area.strategy.title} — {area.title}"


class IndicatorForm(forms.Form):
    """What every indicator has, whatever its source."""

    title = forms.CharField(label=_("Title"), max_length=300)
    definition = forms.CharField(
        label=_("Definition"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What is counted, and how."),
    )
    unit = forms.CharField(
        label=_("Unit"), max_length=40, required=False, help_text=_("For example %, number, SEK per resident.")
    )
    decimals = forms.IntegerField(label=_("Decimals shown"), min_value=0, max_value=6, initial=1)
    direction = forms.ChoiceField(label=_("Which direction is better"), choices=Direction.choices)
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, initial=Frequency.YEAR)
    breakdowns = forms.MultipleChoiceField(
        label=_("Breakdowns"), choices=Breakdown.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    goals = GoalChoiceField(
        label=_("Goals it measures"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    focus_areas = FocusAreaChoiceField(
        label=_("Focus areas it follows up"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For focus areas without formal goals; an indicator of a goal counts for its focus area."),
    )
    baseline_year = _year_field(_("Baseline year"))
    baseline_value = _value_field(_("Baseline value"))
    target_year = _year_field(_("Target year"))
    target_value = _value_field(_("Target value"))
    reference_areas = forms.CharField(label=_("Areas to compare with"), required=False, help_text=AREA_HELP)
    national_area = forms.CharField(
        label=_("National figure"),
        max_length=24,
        required=False,
        help_text=_("The source's code for the whole country."),
    )
    all_areas = forms.BooleanField(
        label=_("Fetch every municipality"), required=False, help_text=_("To see where we rank among all of them.")
    )
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Who enters the values"), queryset=None, required=False
    )
    due_days = forms.IntegerField(
        label=_("Days to enter a value"),
        min_value=0,
        max_value=730,
        initial=90,
        help_text=_("A value is expected this many days after the end of each period; the coordinator is reminded."),
    )
    is_published = forms.BooleanField(
        label=_("Show on the public pages"), required=False, help_text=_("With its chart and the values as a table.")
    )

    def __init__(self, *args, goals, focus_areas, members, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["goals"]).queryset = goals
        cast(forms.ModelMultipleChoiceField, self.fields["focus_areas"]).queryset = focus_areas
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = members
        owner.label_from_instance = lambda user: user.get_full_name() or user.email  # type: ignore[method-assign,assignment]

    def clean_reference_areas(self) -> list[str]:
        return [part.strip() for part in self.cleaned_data["reference_areas"].split(",") if part.strip()]


class EurostatDatasetForm(forms.Form):
    """The first step of picking from Eurostat: which dataset."""

    dataset = forms.RegexField(
        label=_("Eurostat dataset"),
        max_length=40,
        regex=r"^[A-Za-z0-9_]{2,40}$",
        help_text=_("The dataset code, e.g. lfsa_ergacob (employment rate by country of birth)."),
        error_messages={"invalid": _("Write a dataset code such as lfsa_ergacob.")},
        widget=forms.TextInput(attrs={"list": "eurostat-datasets"}),
    )

    suggestions = SUGGESTED_DATASETS

    def clean_dataset(self) -> str:
        return self.cleaned_data["dataset"].strip().lower()


class EurostatDimensionsForm(forms.Form):
    """The second step: the values of each of the dataset's dimensions, offered from its structure.

    The area and the period come from the indicator; a dimension with one value is taken as it
    is; of the others one value is chosen, or several where they are a breakdown we understand
    (sex, age, country of birth).
    """

    since = _year_field(_("Fetch from the year"))

    def __init__(self, *args, meta, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.meta, self.roles = meta, roles
        self.fixed = [v for v in self.pickable() if len(v.values) == 1]
        for variable in self.pickable():
            if len(variable.values) == 1:
                continue
            breakdown = (roles.get(variable.code) or {}).get("map") or {}
            widget = forms.CheckboxSelectMultiple if len(variable.values) <= 12 else forms.SelectMultiple
            self.fields[f"dim_{variable.code}"] = forms.MultipleChoiceField(
                label=variable.label if variable.label != variable.code else variable.code,
                choices=[(code, f"{label} ({code})" if label != code else code) for code, label in variable.values],
                initial=[c for c, _l in variable.values if c in breakdown] or [variable.values[0][0]],
                help_text=_("Choose several to compare them.") if breakdown else _("Choose one."),
                widget=widget,
            )

    def pickable(self):
        """The dimensions a person chooses values of (not the area, not the period)."""
        return [v for v in self.meta.variables if (self.roles.get(v.code) or {}).get("role") not in ("area", "time")]

    def dimension_fields(self):
        return [self[name] for name in self.fields if name.startswith("dim_")]

    def clean(self):
        cleaned: dict[str, Any] = super().clean() or {}
        filters = {v.code: [v.values[0][0]] for v in self.fixed}
        for variable in self.pickable():
            name = f"dim_{variable.code}"
            if name not in self.fields:
                continue
            chosen = cleaned.get(name) or []
            breakdown = (self.roles.get(variable.code) or {}).get("map") or {}
            if len(chosen) > 1 and not set(chosen) <= set(breakdown):
                self.add_error(name, _("Choose exactly one value."))
            filters[variable.code] = chosen
        cleaned["filters"] = filters
        return cleaned


class ObservationForm(forms.Form):
    period = forms.CharField(
        label=_("Period"), max_length=20, help_text=_("A year (2024), quarter (2024Q1) or month (2024-03).")
    )
    value = forms.CharField(label=_("Value"), max_length=40)
    sex = forms.ChoiceField(label=_("Women or men"), choices=Sex.choices, initial=Sex.TOTAL)
    age = forms.CharField(label=_("Age group"), max_length=24, required=False, help_text=_("Empty for all ages."))
    origin = forms.ChoiceField(label=_("Born"), choices=Origin.choices, required=False)
    area_code = forms.CharField(label=_("Area"), max_length=24, required=False, help_text=_("Empty for our own area."))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("Columns: period, value, and optionally area_code, sex, age, origin, note — as in the export."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), max_length=100)


class PxWebSearchForm(SearchForm):
    site = forms.ChoiceField(label=_("Database"), choices=lambda: [(a.key, a.label) for a in registry.table_sources()])


class ReportForm(forms.Form):
    strategy: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Strategy"), queryset=None)
    year = forms.IntegerField(label=_("Year followed up"), min_value=1990, max_value=2200)

    def __init__(self, *args, strategies, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["strategy"]).queryset = strategies


ROLE_CHOICES = [
    ("fixed", _("One value")),
    ("area", _("The area")),
    ("time", _("The period")),
    ("sex", _("Breakdown: women and men")),
    ("age", _("Breakdown: age groups")),
    ("origin", _("Breakdown: born abroad or in the country")),
    ("total", _("Leave out (the table sums it up)")),
]


class TableForm(forms.Form):
    """Which variable of a statistical table is what, and which of its values to fetch."""

    latest = forms.IntegerField(
        label=_("Periods to fetch"), min_value=0, max_value=100, initial=12, help_text=_("The latest ones; 0 for all.")
    )

    def __init__(self, *args, meta, roles, selection=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meta = meta
        selection = selection or {}
        for index, variable in enumerate(meta.variables):
            guess = roles.get(variable.code, {})
            role = guess.get("role") or ("total" if variable.elimination else "fixed")
            choices = [c for c in ROLE_CHOICES if c[0] != "total" or variable.elimination]
            self.fields[f"role_{index}"] = forms.ChoiceField(
                label=_("“%(variable)s” is") % {"variable": variable.label}, choices=choices, initial=role
            )
            initial: list[str]
            if role in ("area", "time") and not selection.get(variable.code):
                initial = []
            else:
                initial = selection.get(variable.code) or list(guess.get("map", {})) or [variable.values[0][0]]
            self.fields[f"values_{index}"] = forms.MultipleChoiceField(
                label=_("Values of “%(variable)s”") % {"variable": variable.label},
                choices=variable.values,
                initial=initial,
                required=False,
                help_text=_("Not needed for the area and the period."),
                widget=forms.SelectMultiple(attrs={"size": min(6, len(variable.values))}),
            )

    def variable_fields(self):
        return [(v, self[f"role_{i}"], self[f"values_{i}"]) for i, v in enumerate(self.meta.variables)]

    def clean(self):
        from samskapa.indicators.sources.mapping import guess_breakdown

        cleaned: dict[str, Any] = super().clean() or {}
        roles: dict[str, dict] = {}
        selection: dict[str, list[str]] = {}
        errors: list[str] = []
        for index, variable in enumerate(self.meta.variables):
            role, values = cleaned.get(f"role_{index}"), cleaned.get(f"values_{index}") or []
            labels = dict(variable.values)
            if role in ("area", "time"):
                roles[variable.code] = {"role": role}
            elif role == "fixed":
                if len(values) != 1:
                    self.add_error(f"values_{index}", _("Choose exactly one value."))
                selection[variable.code] = values[:1]
            elif role in ("sex", "age", "origin"):
                if not values:
                    self.add_error(f"values_{index}", _("Choose the values to fetch."))
                mapping = {}
                for code in values:
                    meaning = guess_breakdown(role, code, labels.get(code, code))
                    if meaning is None:
                        errors.append(
                            gettext(
                                "We cannot tell what “%(value)s” stands for; make “%(variable)s” one value instead."
                            )
                            % {"value": labels.get(code, code), "variable": variable.label}
                        )
                    mapping[code] = meaning
                roles[variable.code] = {"role": role, "map": mapping}
        if sum(1 for r in roles.values() if r["role"] == "time") != 1:
            errors.append(gettext("Exactly one variable is the period."))
        if sum(1 for r in roles.values() if r["role"] == "area") > 1:
            errors.append(gettext("At most one variable is the area."))
        for error in errors:
            self.add_error(None, error)
        cleaned["config"] = {
            "table": self.meta.id,
            "roles": roles,
            "selection": selection,
            "latest": cleaned.get("latest") or 0,
        }
        return cleaned


class IndicatorFilterForm(forms.Form):
    """The indicator list's filters, in the address (the overview's figures link to ?status=…)."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    q = forms.CharField(label=_("Words in the title"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from samskapa.indicators.status import Status

        cast(forms.ChoiceField, self.fields["status"]).choices = [("", _("All")), *Status.choices]

    @property
    def is_filtered(self) -> bool:
        return bool(self.is_bound and self.is_valid() and any(self.cleaned_data.values()))

    def chosen(self) -> dict[str, str]:
        """What to filter by; an unknown status or an overlong text filters nothing (shown as an error)."""
        if not self.is_bound or not self.is_valid():
            return {"status": "", "text": ""}
        return {"status": self.cleaned_data["status"], "text": self.cleaned_data["q"].strip()}
