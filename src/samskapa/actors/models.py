"""Actors: everyone who has a part in the local integration work, inside and outside the municipality.

The registry is the stakeholder map of the co-creation process (who they are, their tasks
in integration, how much influence and interest they have, how the municipality plans to
engage them). Actions name an internal actor as their lead and any actors as partners.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned
from samskapa.orgs.models import Membership


class Actor(OrganisationOwned):
    """A department, company, agency, organisation or group with a stake in integration."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Internal department")
        COMPANY = "company", _("Municipal company")
        AGENCY = "agency", _("National agency")
        REGION = "region", _("Region")
        NGO = "ngo", _("NGO or civil-society organisation")
        FAITH = "faith", _("Faith community")
        BUSINESS = "business", _("Business")
        SCHOOL = "school", _("School or education provider")
        RESIDENTS = "residents", _("Group of residents")
        NEWCOMERS = "newcomers", _("Group of newcomers")
        OTHER = "other", _("Other")

    class Sector(models.TextChoices):
        PUBLIC = "public", _("Public sector")
        PRIVATE = "private", _("Private sector")
        CIVIL = "civil", _("Civil society")
        COMMUNITY = "community", _("Residents and communities")

    class Engagement(models.TextChoices):
        """The levels of the participation ladder, from least to most power shared."""

        INFORM = "inform", _("Inform")
        CONSULT = "consult", _("Consult")
        INVOLVE = "involve", _("Involve")
        COLLABORATE = "collaborate", _("Collaborate")
        EMPOWER = "empower", _("Empower")

    # Kinds that belong to the municipality itself: only they can lead an action.
    INTERNAL_KINDS = frozenset({Kind.DEPARTMENT, Kind.COMPANY})

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices, blank=True)
    description = models.TextField(_("description"), blank=True)
    tasks = models.TextField(_("tasks in integration"), blank=True)
    influence = models.PositiveSmallIntegerField(
        _("influence (1-5)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    interest = models.PositiveSmallIntegerField(
        _("interest (1-5)"), default=3, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    engagement_level = models.CharField(
        _("planned engagement"), max_length=16, choices=Engagement.choices, default=Engagement.CONSULT
    )
    engagement_note = models.TextField(_("how we engage them"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_actor_name_per_org"),
            models.CheckConstraint(condition=models.Q(influence__gte=1, influence__lte=5), name="actor_influence_1_5"),
            models.CheckConstraint(condition=models.Q(interest__gte=1, interest__lte=5), name="actor_interest_1_5"),
        ]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name

    @property
    def is_internal(self) -> bool:
        return self.kind in self.INTERNAL_KINDS


class Relation(OrganisationOwned):
    """That two actors work together in a recorded way (the edges of the actor network)."""

    class Kind(models.TextChoices):
        COLLABORATES = "collaborates", _("Works with")
        FUNDS = "funds", _("Funds")
        COORDINATES = "coordinates", _("Coordinates")
        REFERS = "refers", _("Refers people to")
        REPRESENTS = "represents", _("Represents")

    source = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="relations_out", verbose_name=_("actor"))
    target = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="relations_in", verbose_name=_("with"))
    kind = models.CharField(_("kind of relation"), max_length=16, choices=Kind.choices, default=Kind.COLLABORATES)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source__name", "target__name"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="one_relation_of_a_kind"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="relation_not_to_itself"),
        ]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"

    def clean(self) -> None:
        if self.source_id and self.source_id == self.target_id:
            raise ValidationError({"target": _("An actor cannot have a relation with itself.")})
        for side in (self.source, self.target):
            if side.organisation_id != self.organisation_id:
                raise ValidationError(_("Choose actors from your organisation's registry."))


class Engagement(OrganisationOwned):
    """One line of the engagement plan: how, when and by whom an actor is engaged, and how far it got."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="engagements", verbose_name=_("actor"))
    level = models.CharField(_("engagement level"), max_length=16, choices=Actor.Engagement.choices)
    method = models.CharField(_("how"), max_length=300, help_text=_("For example: two focus groups in Arabic."))
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("starts_on").asc(nulls_last=True), "actor__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="engagement_period_in_order",
            )
        ]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagement plan")

    def __str__(self) -> str:
        return f"{self.actor}: {self.method}"

    @property
    def is_overdue(self) -> bool:
        """Still open although its end date has passed."""
        open_ = self.status in (self.Status.PLANNED, self.Status.UNDER_WAY)
        return bool(open_ and self.ends_on and self.ends_on < timezone.localdate())

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot come before the start.")})
        if self.actor_id and self.actor.organisation_id != self.organisation_id:
            raise ValidationError({"actor": _("Choose an actor from your organisation's registry.")})
        if (
            self.responsible_id  # by id: an unknown user is refused like a non-member, not a 500
            and not Membership.objects.filter(
                user_id=self.responsible_id, organisation_id=self.organisation_id
            ).exists()
        ):
            raise ValidationError({"responsible": _("Choose a member of your organisation.")})
