"""The integration strategy: its foundations, focus areas, goals, principles and frozen versions.

The Strategy row with its focus areas and goals is the living working copy; adopting it
freezes a StrategyVersion (a JSON snapshot). Revising reopens the same rows for editing, so
the ids that actions link to (focus areas, goals) stay stable across versions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned, Publishable


class FrameworkCode(models.TextChoices):
    """The ten thematic areas of the framework (docs: taxonomy.md)."""

    EDU = "EDU", _("Education and language")
    EMP = "EMP", _("Employment and self-sufficiency")
    HEA = "HEA", _("Health and wellbeing")
    HOU = "HOU", _("Housing and segregation")
    PAR = "PAR", _("Participation, social cohesion and leisure")
    CHI = "CHI", _("Children and youth")
    EQU = "EQU", _("Equal treatment and gender equality")
    INF = "INF", _("Reception, information and accessible services")
    GOV = "GOV", _("Collaboration and governance")
    MON = "MON", _("Monitoring, evaluation and revision")


def _clean_text_list(value, field: str) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValidationError({field: _("Give a list of non-empty statements.")})


class Foundation(OrganisationOwned):
    """A document, law or convention the organisation's strategies build on (extendable list)."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="one_foundation_name_per_org")]
        verbose_name = _("foundation")
        verbose_name_plural = _("foundations")

    def __str__(self) -> str:
        return self.name


class Principle(OrganisationOwned):
    """A cross-cutting empowerment action (Mark's eight) that actions can serve."""

    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="one_principle_code_per_org")]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self) -> str:
        return self.name


class Strategy(Publishable, OrganisationOwned):
    """An organisation's integration strategy: the working copy that is edited, adopted and revised.

    When published, the public pages show its latest adopted version, never the working copy.
    """

    TRANSLATABLE_FIELDS = ("title", "vision", "purpose", "target_groups")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("Out for consultation")
        ADOPTED = "adopted", _("Adopted")
        REVISION = "revision", _("Under revision")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=300)
    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    vision = models.TextField(_("vision"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    adopted_by = models.CharField(_("adopted by"), max_length=200, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    revision_date = models.DateField(_("revise by"), null=True, blank=True)
    foundations = models.ManyToManyField(
        Foundation, through="StrategyFoundation", related_name="strategies", blank=True, verbose_name=_("foundations")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The last year cannot come before the first year.")})
        for field in ("period_start", "period_end"):
            year = getattr(self, field)
            if year is not None and not 1900 <= year <= 2200:
                raise ValidationError({field: _("Give a year such as 2025.")})

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.CONSULTATION, self.Status.REVISION)

    @property
    def period(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start or self.period_end or "")


class StrategyFoundation(OrganisationOwned):
    """That a strategy builds on a foundation (carries the organisation like every row)."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="foundation_links")
    foundation = models.ForeignKey(Foundation, on_delete=models.CASCADE, related_name="strategy_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["strategy", "foundation"], name="one_link_per_foundation")]


class FocusArea(OrganisationOwned):
    """One of the strategy's focus areas (Mölndal's fokusområden, Malå's steps), in order.

    Statements and strategic choices are ordered lists of text kept on the row (JSON): they
    are always edited, versioned and compared together with their focus area, nothing links
    to a single statement, and the page reads them without extra queries. Goals are rows,
    because actions link to them.
    """

    TRANSLATABLE_FIELDS = ("title", "description", "summary", "we_want", "we_will", "strategic_choices")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="focus_areas")
    title = models.CharField(_("title"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)
    description = models.TextField(_("description"), blank=True)
    summary = models.TextField(_("in plain language"), blank=True)
    we_want = models.JSONField(_("we want"), default=list, blank=True)
    we_will = models.JSONField(_("we will"), default=list, blank=True)
    strategic_choices = models.JSONField(_("strategic choices"), default=list, blank=True)
    framework_codes = models.JSONField(_("framework areas"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        for field in ("we_want", "we_will", "strategic_choices"):
            _clean_text_list(getattr(self, field), field)
        codes = self.framework_codes
        if not isinstance(codes, list) or not set(codes) <= set(FrameworkCode.values):
            raise ValidationError({"framework_codes": _("Choose framework areas from the list.")})

    def get_framework_codes_display(self) -> list[str]:
        return [FrameworkCode(code).label for code in self.framework_codes]


class Goal(OrganisationOwned):
    """A goal of a focus area, optionally with a measurable target."""

    TRANSLATABLE_FIELDS = ("text", "target")

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("goal"))
    target = models.CharField(_("measurable target"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.text[:80]


class StrategyVersion(OrganisationOwned):
    """A frozen copy of the strategy as adopted: what the council decided, kept for ever."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("content"))
    adopted_by = models.CharField(_("adopted by"), max_length=200, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["strategy", "-number"]
        constraints = [models.UniqueConstraint(fields=["strategy", "number"], name="one_version_number_per_strategy")]
        verbose_name = _("strategy version")
        verbose_name_plural = _("strategy versions")

    def __str__(self) -> str:
        return f"{self.strategy} v{self.number}"
