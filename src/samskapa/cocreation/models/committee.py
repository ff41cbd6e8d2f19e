"""The co-creation committee: its members, meetings with agenda and minutes, and decisions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.cocreation.models.decisions import DecisionLink
from samskapa.core.models import OrganisationOwned


class Committee(OrganisationOwned):
    """A standing group of actors and people who design the strategy together with the municipality."""

    name = models.CharField(_("name"), max_length=200)
    mandate = models.TextField(_("mandate"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="one_committee_name_per_org")]
        verbose_name = _("co-creation committee")
        verbose_name_plural = _("co-creation committees")

    def __str__(self) -> str:
        return self.name


class CommitteeMember(OrganisationOwned):
    """A seat on the committee: an actor, a named person (with consent), or a person for an actor."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("actor")
    )
    person = models.ForeignKey(
        "cocreation.Person",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="committee_seats",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("member until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "pk"]
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self) -> str:
        return str(self.person or self.actor)

    def clean(self) -> None:
        if not self.actor_id and not self.person_id:
            raise ValidationError(_("Choose an actor, a person, or both."))
        for thing in (self.actor, self.person):
            if thing is not None and thing.organisation_id != self.organisation_id:
                raise ValidationError(_("Choose actors and people of your organisation."))
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("The end cannot come before the start.")})


class CommitteeMeeting(OrganisationOwned):
    """A meeting of the committee; it is also a consultation, so who came and what was said count."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    consultation = models.OneToOneField(
        "cocreation.Consultation", on_delete=models.CASCADE, related_name="committee_meeting"
    )
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("consultation__held_on").desc(nulls_first=True), "-pk"]
        verbose_name = _("committee meeting")
        verbose_name_plural = _("committee meetings")

    def __str__(self) -> str:
        return self.consultation.title


class CommitteeDecision(DecisionLink):
    """A decision the committee took at a meeting, linked to the strategy element it concerns."""

    meeting = models.ForeignKey(CommitteeMeeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("committee decision")
        verbose_name_plural = _("committee decisions")

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self) -> None:
        # A decision may also stand on its own (e.g. on the committee's way of working).
        if self.focus_area_id or self.goal_id or self.action_id:
            super().clean()
