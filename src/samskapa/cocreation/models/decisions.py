"""What a finding or a committee decision is traced to: a focus area, a goal or an action."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskapa.core.models import OrganisationOwned

TARGET_FIELDS = ("focus_area", "goal", "action")


class DecisionLink(OrganisationOwned):
    """A link to exactly one strategy element of the same organisation."""

    focus_area = models.ForeignKey(
        "strategy.FocusArea",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("focus area"),
    )
    goal = models.ForeignKey(
        "strategy.Goal", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("goal")
    )
    action = models.ForeignKey(
        "actions.Action", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("action")
    )

    class Meta:
        abstract = True

    @property
    def target(self):
        return next((getattr(self, f) for f in TARGET_FIELDS if getattr(self, f"{f}_id")), None)

    @property
    def target_kind(self) -> str:
        return next((f for f in TARGET_FIELDS if getattr(self, f"{f}_id")), "")

    def clean(self) -> None:
        chosen = [f for f in TARGET_FIELDS if getattr(self, f"{f}_id")]
        if len(chosen) != 1:
            raise ValidationError(_("Link to exactly one focus area, goal or action."))
        if self.target.organisation_id != self.organisation_id:
            raise ValidationError(_("Choose a focus area, goal or action of your organisation."))
