"""People named in the co-creation work (contact persons, committee members, interviewees) and
their consent. Everything else in co-creation is anonymous; these rows are the personal data."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned


class Person(OrganisationOwned):
    """A named individual the organisation keeps contact data about, only with recorded consent."""

    full_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_persons",
        verbose_name=_("organisation or group"),
    )
    title = models.CharField(_("role or title"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if self.actor_id and self.actor.organisation_id != self.organisation_id:
            raise ValidationError({"actor": _("Choose an actor from your organisation's registry.")})


class Consent(OrganisationOwned):
    """That a person agreed (or has withdrawn) to a purpose of processing, and when."""

    class Purpose(models.TextChoices):
        CONTACT = "contact", _("Keep contact details to reach them about the integration work")
        COMMITTEE = "committee", _("Membership of the co-creation committee, named in minutes")
        RECORDING = "recording", _("Record what they said in an interview, linked to their name")
        QUOTE = "quote", _("Quote them by name in published material")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents", verbose_name=_("person"))
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    given_on = models.DateField(_("given on"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    how = models.CharField(
        _("how it was given"), max_length=200, blank=True, help_text=_("For example: signed form, email of 3 May.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-given_on", "pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_purpose_display()}"

    def clean(self) -> None:
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            raise ValidationError({"withdrawn_on": _("Consent cannot be withdrawn before it was given.")})
        if self.expires_on and self.given_on and self.expires_on < self.given_on:
            raise ValidationError({"expires_on": _("Consent cannot end before it was given.")})
        if self.given_on and self.given_on > timezone.localdate():
            raise ValidationError({"given_on": _("Consent cannot be given in the future.")})

    def is_current(self, today=None) -> bool:
        today = today or timezone.localdate()
        return not self.withdrawn_on and (self.expires_on is None or self.expires_on >= today)
