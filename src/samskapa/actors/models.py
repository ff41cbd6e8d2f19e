"""Actors: everyone who has a part in the local integration work, inside and outside the municipality.

The registry is the stakeholder map of the co-creation process (who they are, their tasks
in integration, how much influence and interest they have, how the municipality plans to
engage them). Actions name an internal actor as their lead and any actors as partners.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned


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
