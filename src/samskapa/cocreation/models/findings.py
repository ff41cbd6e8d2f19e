"""Findings: what the coordinator concludes from the inputs, with its evidence and its outcome."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.cocreation.models.decisions import DecisionLink
from samskapa.core.models import OrganisationOwned, Publishable


class Finding(Publishable, OrganisationOwned):
    """A statement drawn from what people said ("you said"), traced to what was decided ("we did")."""

    TRANSLATABLE_FIELDS = ("statement", "detail", "outcome")

    statement = models.CharField(_("finding"), max_length=300)
    detail = models.TextField(_("more about it"), blank=True)
    outcome = models.TextField(
        _("what we did"), blank=True, help_text=_("In plain language: what was decided because of this finding.")
    )
    inputs = models.ManyToManyField(
        "cocreation.Input", through="FindingInput", related_name="findings", blank=True, verbose_name=_("evidence")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["statement", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return self.statement


class FindingInput(OrganisationOwned):
    """That an input is evidence for a finding."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="input_links")
    input = models.ForeignKey("cocreation.Input", on_delete=models.CASCADE, related_name="finding_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finding", "input"], name="one_link_per_input")]


class FindingDecision(DecisionLink):
    """That a finding led to a focus area, a goal or an action."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="decisions")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
