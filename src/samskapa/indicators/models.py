"""Indicators: how the strategy's goals are measured, and the observed values over time.

An indicator says what is measured (definition, unit, which direction is better), against
which baseline and target, for which goals, and where the values come from: entered by
hand or from a file, or fetched from an open-statistics source (Kolada, the PxWeb
databases of Statistics Sweden and Statistics Finland, Eurostat). Observations are the
values: one per area, period and breakdown, each with its source and when it was fetched.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned, Publishable
from samskapa.indicators.periods import period_label
from samskapa.indicators.sources import registry
from samskapa.indicators.sources.registry import ONLINE_SOURCES, source_choices
from samskapa.indicators.status import Status


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")
    NEITHER = "neither", _("Neither: a figure for context")


class Frequency(models.TextChoices):
    YEAR = "year", _("Every year")
    QUARTER = "quarter", _("Every quarter")
    MONTH = "month", _("Every month")


class Source(models.TextChoices):
    """The sources the code names itself (demo data, the Kolada catalogue); the field's choices
    are every registered source (sources/registry.py), these and any added since."""

    MANUAL = "manual", _("Entered by hand or from a CSV/XLSX file")
    KOLADA = "kolada", _("Kolada (Swedish municipal key figures)")
    SCB = "scb", _("Statistics Sweden (PxWeb)")
    STATFI = "statfi", _("Statistics Finland (PxWeb)")
    EUROSTAT = "eurostat", _("Eurostat")


class Sex(models.TextChoices):
    TOTAL = "total", _("Everyone")
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")


class Origin(models.TextChoices):
    ALL = "", _("Born anywhere")
    FOREIGN = "foreign", _("Born abroad")
    NATIVE = "native", _("Born in the country")


class Breakdown(models.TextChoices):
    """The breakdowns an indicator can be shown by (where its source has them)."""

    SEX = "sex", _("Women and men")
    AGE = "age", _("Age groups")
    ORIGIN = "origin", _("Born abroad or in the country")


class SyncStatus(models.TextChoices):
    NEVER = "never", _("Not fetched yet")
    OK = "ok", _("Fetched")
    FAILED = "failed", _("Last fetch failed")


class Indicator(Publishable, OrganisationOwned):
    """A measurable sign of progress towards one or more goals, with a baseline and a target."""

    TRANSLATABLE_FIELDS = ("title", "definition", "unit")

    title = models.CharField(_("title"), max_length=300)
    definition = models.TextField(_("definition"), blank=True, help_text=_("What is counted, and how."))
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example %, number, SEK per resident.")
    )
    decimals = models.PositiveSmallIntegerField(_("decimals shown"), default=1)
    direction = models.CharField(_("which direction is better"), max_length=8, choices=Direction.choices)
    frequency = models.CharField(_("how often"), max_length=8, choices=Frequency.choices, default=Frequency.YEAR)
    breakdowns = models.JSONField(_("breakdowns"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=12, choices=source_choices, default=Source.MANUAL)
    source_config = models.JSONField(_("source settings"), default=dict, blank=True)
    home_area = models.CharField(
        _("our area"), max_length=24, blank=True, help_text=_("The code the source uses for our municipality.")
    )
    reference_areas = models.JSONField(_("areas to compare with"), default=list, blank=True)
    national_area = models.CharField(_("national figure"), max_length=24, blank=True)
    all_areas = models.BooleanField(
        _("fetch every municipality"), default=False, help_text=_("For rankings: the source's values for all areas.")
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(_("baseline value"), max_digits=20, decimal_places=6, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=20, decimal_places=6, null=True, blank=True)
    goals = models.ManyToManyField(
        "strategy.Goal", through="IndicatorGoal", related_name="indicators", blank=True, verbose_name=_("goals")
    )
    focus_areas = models.ManyToManyField(
        "strategy.FocusArea",
        through="IndicatorFocusArea",
        related_name="indicators",
        blank=True,
        verbose_name=_("focus areas"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who enters the values"),
    )
    due_days = models.PositiveSmallIntegerField(
        _("days to enter a value"),
        default=90,
        help_text=_("A value is expected this many days after the end of each period."),
    )
    sync_status = models.CharField(
        _("fetch status"), max_length=8, choices=SyncStatus.choices, default=SyncStatus.NEVER
    )
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last error at"), null=True, blank=True)
    # Worked out from the values, target and baseline (standing.py), stored so that lists filter and
    # sort by it in the database; not history, since it follows from what history keeps.
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNKNOWN, editable=False
    )
    history = HistoricalRecords(
        excluded_fields=["sync_status", "last_fetched_at", "last_error", "last_error_at", "status"]
    )

    class Meta:
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["organisation", "status"], name="indicator_org_status")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(baseline_year__isnull=True) | models.Q(baseline_value__isnull=False),
                name="indicator_baseline_has_value",
            ),
            models.CheckConstraint(
                condition=models.Q(target_year__isnull=True) | models.Q(target_value__isnull=False),
                name="indicator_target_has_value",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        for year_field, value_field in (("baseline_year", "baseline_value"), ("target_year", "target_value")):
            year, value = getattr(self, year_field), getattr(self, value_field)
            if (year is None) != (value is None):
                errors[value_field] = _("Give both the year and the value, or neither.")
            elif year is not None and not 1900 <= year <= 2200:
                errors[year_field] = _("Give a year such as 2025.")
        if self.baseline_year and self.target_year and self.target_year <= self.baseline_year:
            errors["target_year"] = _("The target year must come after the baseline year.")
        if not isinstance(self.breakdowns, list) or not set(self.breakdowns) <= set(Breakdown.values):
            errors["breakdowns"] = _("Choose breakdowns from the list.")
        if not isinstance(self.reference_areas, list) or not all(isinstance(a, str) for a in self.reference_areas):
            errors["reference_areas"] = _("Give the areas to compare with as a list of codes.")
        if self.decimals > 6:
            errors["decimals"] = _("Show at most 6 decimals.")
        if errors:
            raise ValidationError(errors)

    @property
    def baseline(self):
        """(year, value) of the baseline, or None."""
        return (
            (self.baseline_year, self.baseline_value)
            if self.baseline_year and self.baseline_value is not None
            else None
        )

    @property
    def target(self):
        """(year, value) of the target, or None."""
        return (self.target_year, self.target_value) if self.target_year and self.target_value is not None else None

    @property
    def is_online(self) -> bool:
        return self.source in ONLINE_SOURCES

    @property
    def source_summary(self) -> str:
        """What is fetched, in a few words ("KPI N02268", "table TAB4823"); "" for values entered by hand."""
        adapter = registry.get(self.source)
        return adapter.describe(self.source_config) if adapter else ""

    @property
    def source_credit(self) -> str:
        """How the source asks to be credited beside its figures ("Källa: Kolada"), or ""."""
        adapter = registry.get(self.source)
        return adapter.licence if adapter else ""

    @property
    def source_credit_language(self) -> str:
        adapter = registry.get(self.source)
        return adapter.licence_language if adapter else ""

    @property
    def areas(self) -> list[str]:
        """Every area whose values are kept: ours first, then the references, then the national figure."""
        return list(dict.fromkeys(a for a in [self.home_area, *self.reference_areas, self.national_area] if a))


class IndicatorGoal(OrganisationOwned):
    """That an indicator measures a goal of the strategy."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey("strategy.Goal", on_delete=models.CASCADE, related_name="indicator_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["indicator", "goal"], name="one_link_per_indicator_goal")]


class IndicatorFocusArea(OrganisationOwned):
    """That an indicator follows up a focus area as a whole (for strategies without formal goals)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="focus_area_links")
    focus_area = models.ForeignKey("strategy.FocusArea", on_delete=models.CASCADE, related_name="indicator_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "focus_area"], name="one_link_per_indicator_focus_area")
        ]


class Observation(OrganisationOwned):
    """One value of an indicator: for an area, a period and a breakdown, with where it came from.

    Values are never deleted by a fetch: a source that revises a value keeps the one it
    replaced (``previous_value``), and a failed fetch changes nothing.
    """

    # A fetch can bring a million values, so the table keeps one index (the unique one, which
    # starts with the indicator) and no database-level foreign-key triggers, which cost more
    # than the insert itself on PostgreSQL. Deleting still cascades (Django does it), and a
    # fetch locks its indicator's row, so no value can outlive its indicator.
    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
        db_index=False,
        db_constraint=False,
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", db_index=False, db_constraint=False
    )
    area_code = models.CharField(_("area"), max_length=24)
    period_start = models.DateField(_("period starts"))
    period_end = models.DateField(_("period ends"))
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, default=Sex.TOTAL)
    age = models.CharField(_("age group"), max_length=24, blank=True, default="")
    origin = models.CharField(_("born"), max_length=8, choices=Origin.choices, blank=True, default="")
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=6)
    status = models.CharField(_("flag"), max_length=24, blank=True, help_text=_("The source's mark, e.g. provisional."))
    source = models.CharField(_("source"), max_length=12)
    fetched_at = models.DateTimeField(_("fetched or entered"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    previous_value = models.DecimalField(
        _("value before revision"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    revised_at = models.DateTimeField(_("revised"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "area_code", "period_start", "sex", "age", "origin"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area_code", "period_start", "period_end", "sex", "age", "origin"],
                name="one_observation_per_cell",
            ),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")), name="period_order"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_code} {self.period_start:%Y-%m-%d} {self.value}"

    @property
    def period(self) -> str:
        return period_label(self.period_start, self.period_end)

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})


class Area(models.Model):
    """A place a statistics source reports on (municipality, region, country), with its name.

    Public reference data shared by every organisation: codes and names as the source
    publishes them, kept so pages can name the areas they compare.
    """

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")
        COUNTRY = "country", _("Country")
        GROUP = "group", _("Group of municipalities")
        OTHER = "other", _("Other")

    scheme = models.CharField(_("source"), max_length=12)
    code = models.CharField(_("code"), max_length=24)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["scheme", "code"]
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="one_area_per_scheme_code")]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class FollowUpReport(OrganisationOwned):
    """The annual follow-up report of a strategy as the council reads it, made in the background."""

    strategy = models.ForeignKey("strategy.Strategy", on_delete=models.CASCADE, related_name="follow_up_reports")
    year = models.PositiveSmallIntegerField(_("year followed up"))
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=300)
    pdf = models.FileField(_("PDF"), upload_to="followup/%Y/", blank=True)
    docx = models.FileField(_("DOCX"), upload_to="followup/%Y/", blank=True)
    job = models.ForeignKey("core.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")

    def __str__(self) -> str:
        return self.title

    @property
    def is_ready(self) -> bool:
        return bool(self.pdf and self.docx)
