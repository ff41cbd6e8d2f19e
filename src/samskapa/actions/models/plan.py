"""The action plan: its actions, who leads and takes part, progress updates and child impact assessments.

An ActionPlan turns a strategy into concrete activities for a period (Mölndal's plan for
2023–2024). Each Action belongs to one focus area of that strategy and serves some of its
goals. Links to goals, partners, principles and responsible people are rows of their own
(they carry the organisation and keep their history), so the action's history shows who
was added or removed, and when.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned, Publishable


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses that need a reason, and those an action that affects children may only reach
# with a completed child impact assessment.
NEEDS_REASON = frozenset({Status.DELAYED, Status.CANCELLED})
NEEDS_ASSESSMENT = frozenset({Status.ONGOING, Status.DONE})

# Computed, never stored: an action past its end date that is neither done nor cancelled is overdue,
# whatever its stored status says ("Planned, 0 %" fifteen months after its end reads overdue).
OVERDUE = "overdue"
OVERDUE_LABEL = pgettext_lazy("action status", "Overdue")
CLOSED = frozenset({Status.DONE, Status.CANCELLED})
# A running action without a progress report for this long is shown as unreported.
REPORT_INTERVAL = timedelta(days=183)


class Funding(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal budget")
    STATE = "state", _("State grant")
    AMIF = "amif", _("EU: Asylum, Migration and Integration Fund (AMIF)")
    ESF = "esf", _("EU: European Social Fund Plus (ESF+)")
    EU_OTHER = "eu_other", _("EU: other funds")
    REGION = "region", _("Region")
    OTHER = "other", _("Other")


class Currency(models.TextChoices):
    SEK = "SEK", "SEK"
    EUR = "EUR", "EUR"
    NOK = "NOK", "NOK"
    DKK = "DKK", "DKK"
    ISK = "ISK", "ISK"


CURRENCY_OF_COUNTRY = {"SE": "SEK", "FI": "EUR", "AX": "EUR", "NO": "NOK", "DK": "DKK"}


class TargetGroup(models.TextChoices):
    NEWCOMERS = "newcomers", _("Newcomers")
    CHILDREN = "children", _("Children (0–17)")
    UNACCOMPANIED = "unaccompanied", _("Unaccompanied minors")
    YOUTH = "youth", _("Young adults (18–25)")
    ADULTS = "adults", _("Adults")
    WOMEN = "women", _("Women")
    FAMILIES = "families", _("Families and parents")
    ELDERLY = "elderly", _("Older people")
    RESIDENTS = "residents", _("All residents and the host community")
    STAFF = "staff", _("Municipal staff")
    EMPLOYERS = "employers", _("Employers")


# Target groups that make an action one that affects children.
CHILD_GROUPS = frozenset({TargetGroup.CHILDREN, TargetGroup.UNACCOMPANIED, TargetGroup.FAMILIES})


class ActionPlan(OrganisationOwned):
    """A strategy's plan of concrete actions for a period, as decided (e.g. for 2023–2024)."""

    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("strategy")
    )
    title = models.CharField(_("title"), max_length=300)
    period_start = models.DateField(_("starts"))
    period_end = models.DateField(_("ends"))
    description = models.TextField(_("description"), blank=True)
    adopted_by = models.CharField(_("adopted by"), max_length=200, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The plan cannot end before it starts.")})
        if self.strategy_id and self.organisation_id and self.strategy.organisation_id != self.organisation_id:
            raise ValidationError({"strategy": _("Choose a strategy of your organisation.")})

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start.year, self.period_end.year + 1))


class Action(Publishable, OrganisationOwned):
    """A concrete activity of the action plan: who leads it, with whom, when, with what money, how far it is."""

    TRANSLATABLE_FIELDS = ("title", "description")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan"))
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    # SET_NULL: removing a focus area from the strategy never removes actions; they wait for a new one.
    focus_area = models.ForeignKey(
        "strategy.FocusArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("focus area"),
    )
    lead = models.ForeignKey(
        "actors.Actor", on_delete=models.PROTECT, related_name="led_actions", verbose_name=_("lead")
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.SEK)
    funding = models.CharField(_("funding source"), max_length=16, choices=Funding.choices, blank=True)
    funding_note = models.CharField(_("about the funding"), max_length=300, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    affects_children = models.BooleanField(_("affects children"), default=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    status_reason = models.TextField(_("reason for the status"), blank=True)
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    # Optimistic locking: every write raises it; a save that carries an older value is refused.
    version = models.PositiveIntegerField(_("version"), default=1)
    goals = models.ManyToManyField(
        "strategy.Goal", through="ActionGoal", related_name="actions", blank=True, verbose_name=_("goals")
    )
    partners = models.ManyToManyField(
        "actors.Actor", through="ActionPartner", related_name="partner_actions", blank=True, verbose_name=_("partners")
    )
    principles = models.ManyToManyField(
        "strategy.Principle",
        through="ActionPrinciple",
        related_name="actions",
        blank=True,
        verbose_name=_("principles"),
    )
    responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ActionResponsible",
        related_name="responsible_actions",
        blank=True,
        verbose_name=_("responsible people"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_action_number_per_plan"),
            models.CheckConstraint(
                condition=models.Q(percent_complete__lte=100), name="action_percent_complete_at_most_100"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status"])]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date | None = None) -> bool:
        """Past its end date and neither done nor cancelled."""
        today = today or timezone.localdate()
        return bool(self.end and self.end < today and self.status not in CLOSED)

    @property
    def shown_status(self) -> str:
        """The status every page shows: the stored one, or "overdue" when the dates say so."""
        return OVERDUE if self.is_overdue() else self.status

    @property
    def shown_status_label(self) -> str:
        return str(OVERDUE_LABEL) if self.is_overdue() else str(self.get_status_display())

    @property
    def public_status(self) -> str:
        """What residents read: an overdue action is simply delayed."""
        return Status.DELAYED if self.is_overdue() else self.status

    @property
    def public_status_label(self) -> str:
        return str(Status(self.public_status).label)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("An action cannot end before it starts.")
        groups = self.target_groups
        if not isinstance(groups, list) or not set(groups) <= set(TargetGroup.values):
            errors["target_groups"] = _("Choose target groups from the list.")
        elif CHILD_GROUPS & set(groups):
            self.affects_children = True
        if self.status in NEEDS_REASON and not self.status_reason.strip():
            errors["status_reason"] = _("Say why the action is %(status)s.") % {
                "status": self.get_status_display().lower()
            }
        if self.status == Status.DONE:
            self.percent_complete = 100
        if self.lead_id and not self.lead.is_internal:
            errors["lead"] = _("The lead must be one of the municipality's own departments or companies.")
        errors.update(self._foreign_rows())
        if errors:
            raise ValidationError(errors)

    def _foreign_rows(self) -> dict[str, str]:
        errors = {}
        if self.plan_id and self.plan.organisation_id != self.organisation_id:
            errors["plan"] = _("Choose an action plan of your organisation.")
        if self.lead_id and self.lead.organisation_id != self.organisation_id:
            errors["lead"] = _("Choose a lead from your organisation's actors.")
        if self.focus_area_id and self.plan_id and self.focus_area.strategy_id != self.plan.strategy_id:
            errors["focus_area"] = _("Choose a focus area of the plan's strategy.")
        return errors

    def get_target_groups_display(self) -> list[str]:
        return [str(TargetGroup(code).label) for code in self.target_groups if code in TargetGroup.values]


class ActionGoal(OrganisationOwned):
    """That an action serves a goal of its focus area."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey("strategy.Goal", on_delete=models.CASCADE, related_name="action_links")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "goal"], name="one_link_per_action_goal")]


class ActionPartner(OrganisationOwned):
    """That an actor takes part in an action, with what it has committed to."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="partner_links")
    actor = models.ForeignKey("actors.Actor", on_delete=models.PROTECT, related_name="action_links")
    commitment = models.CharField(_("commitment"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "actor"], name="one_link_per_action_partner")]


class ActionPrinciple(OrganisationOwned):
    """That an action serves one of the cross-cutting empowerment principles."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="principle_links")
    principle = models.ForeignKey("strategy.Principle", on_delete=models.CASCADE, related_name="action_links")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "principle"], name="one_link_per_action_principle")]


class ActionResponsible(OrganisationOwned):
    """That a member of the organisation is responsible for an action: it is assigned to them."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="responsible_links")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="action_links")
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "user"], name="one_link_per_action_person")]


class ProgressUpdate(Publishable, OrganisationOwned):
    """A dated report on how an action is going, with its status and percent complete after it."""

    TRANSLATABLE_FIELDS = ("text",)

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("what happened"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    percent_complete = models.PositiveSmallIntegerField(
        _("percent complete"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"
