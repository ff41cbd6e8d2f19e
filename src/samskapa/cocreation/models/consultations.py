"""Consultations (interviews, focus groups, workshops, surveys, meetings) and what was said in them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned, Publishable
from samskapa.strategy.models import FrameworkCode


class Group(models.TextChoices):
    """Who was heard, counted in aggregate: no names are needed."""

    NEWCOMERS = "newcomers", _("Newcomers")
    CHILDREN = "children", _("Children and youth")
    WOMEN = "women", _("Women")
    HOST = "host", _("Host community")
    STAFF = "staff", _("Municipal staff")
    NGOS = "ngos", _("NGOs and civil society")
    BUSINESSES = "businesses", _("Businesses")


class LegalBasis(models.TextChoices):
    """Why the organisation may record what is recorded (GDPR article 6)."""

    ANONYMOUS = "anonymous", _("Only anonymous notes are kept (no personal data)")
    CONSENT = "consent", _("Consent of the participants")
    PUBLIC_TASK = "public_task", _("Task in the public interest")
    LEGITIMATE = "legitimate", _("Legitimate interests")


def validate_languages(value) -> None:
    known = {code for code, _name in settings.SAMSKAPA_CONTENT_LANGUAGES}
    if not isinstance(value, list) or not all(isinstance(v, str) and v in known for v in value):
        raise ValidationError(_("Choose languages from the list."))


def validate_codes(value) -> None:
    if not isinstance(value, list) or not all(v in FrameworkCode.values for v in value):
        raise ValidationError(_("Choose areas of the framework from the list."))


class Consultation(Publishable, OrganisationOwned):
    """A planned or held occasion to hear people: its form, when, where, in which languages, who came."""

    TRANSLATABLE_FIELDS = ("title", "purpose", "summary")

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Interview")
        FOCUS_GROUP = "focus_group", _("Focus group")
        WORKSHOP = "workshop", _("Workshop")
        SURVEY = "survey", _("Survey")
        COMMITTEE = "committee", _("Co-creation committee meeting")
        PUBLIC_MEETING = "public_meeting", _("Public meeting")
        ONLINE = "online", _("Online consultation")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField(_("date"), null=True, blank=True)
    ends_on = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("For surveys and online consultations.")
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True, validators=[validate_languages])
    facilitator = models.CharField(_("facilitator"), max_length=200, blank=True)
    interpreter = models.BooleanField(_("with an interpreter"), default=False)
    people = models.PositiveIntegerField(
        _("people taking part"),
        null=True,
        blank=True,
        help_text=_("Each person counted once, even one who belongs to several groups."),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=16, choices=LegalBasis.choices, default=LegalBasis.ANONYMOUS
    )
    consent_note = models.TextField(
        _("consent"), blank=True, help_text=_("How participants were told what is recorded, and how they agreed.")
    )
    actors = models.ManyToManyField(
        "actors.Actor", through="ConsultationActor", related_name="consultations", blank=True, verbose_name=_("actors")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("held_on").desc(nulls_first=True), "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.held_on and self.ends_on and self.ends_on < self.held_on:
            raise ValidationError({"ends_on": _("The last day cannot come before the first.")})
        if self.status == self.Status.HELD and not self.held_on:
            raise ValidationError({"held_on": _("Give the date it was held.")})
        if self.legal_basis == LegalBasis.CONSENT and not self.consent_note.strip():
            raise ValidationError({"consent_note": _("Say how the participants gave their consent.")})


class ConsultationActor(OrganisationOwned):
    """That an actor took part in (or was invited to) a consultation."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="consultation_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["consultation", "actor"], name="one_link_per_actor")]


class Participation(OrganisationOwned):
    """How many people of one group took part in a consultation (aggregate, no names)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="participation")
    group = models.CharField(_("group"), max_length=16, choices=Group.choices)
    count = models.PositiveIntegerField(_("number of participants"))

    class Meta:
        ordering = ["group"]
        constraints = [models.UniqueConstraint(fields=["consultation", "group"], name="one_count_per_group")]
        verbose_name = _("participation")
        verbose_name_plural = _("participation")


class GroupTarget(OrganisationOwned):
    """The engagement plan for a group of people: how many of them the organisation means to hear."""

    group = models.CharField(_("group"), max_length=16, choices=Group.choices)
    participants = models.PositiveIntegerField(_("people to hear"), default=0)
    consultations = models.PositiveIntegerField(_("consultations with them"), default=1)
    note = models.CharField(_("how"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["group"]
        constraints = [models.UniqueConstraint(fields=["organisation", "group"], name="one_target_per_group")]
        verbose_name = _("participation target")
        verbose_name_plural = _("participation targets")


class Input(OrganisationOwned):
    """One thing said in a consultation (a quote or a note), anonymous by default, tagged by area."""

    class Kind(models.TextChoices):
        QUOTE = "quote", _("Quote")
        NOTE = "note", _("Note")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="inputs", verbose_name=_("consultation")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.NOTE)
    text = models.TextField(_("what was said"))
    group = models.CharField(_("respondent group"), max_length=16, choices=Group.choices, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    translation = models.TextField(
        _("staff translation"),
        blank=True,
        help_text=_("What was said, translated by staff; the original is kept as it was said."),
    )
    translation_language = models.CharField(_("language of the translation"), max_length=8, blank=True)
    person = models.ForeignKey(
        "cocreation.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("said by (only with consent)"),
    )
    framework_codes = models.JSONField(
        _("areas of the framework"), default=list, blank=True, validators=[validate_codes]
    )
    suggested_codes = models.JSONField(_("suggested areas"), default=list, blank=True, validators=[validate_codes])
    codes_confirmed = models.BooleanField(_("areas confirmed by a person"), default=False)
    focus_areas = models.ManyToManyField(
        "strategy.FocusArea", through="InputFocusArea", related_name="inputs", blank=True, verbose_name=_("focus areas")
    )
    source_answer = models.OneToOneField(
        "cocreation.Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="input"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation_id", "pk"]
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        # The inbox shows an organisation's newest inputs first: without this, each page sorted all of
        # a large municipality's 50,000 inputs (43 ms); with it, the first 50 are read in index order.
        indexes = [models.Index(fields=["organisation", "-created_at", "-id"], name="input_inbox_newest")]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self) -> None:
        known = {code for code, _name in settings.SAMSKAPA_CONTENT_LANGUAGES}
        if self.language and self.language not in known:
            raise ValidationError({"language": _("Choose a language from the list.")})
        if self.translation_language and self.translation_language not in known:
            raise ValidationError({"translation_language": _("Choose a language from the list.")})
        if self.translation.strip() and not self.translation_language:
            raise ValidationError({"translation_language": _("Say which language the translation is in.")})
        if self.consultation_id and self.consultation.organisation_id != self.organisation_id:
            raise ValidationError({"consultation": _("Choose a consultation of your organisation.")})


class InputFocusArea(OrganisationOwned):
    """That an input speaks to a focus area of the strategy."""

    input = models.ForeignKey(Input, on_delete=models.CASCADE, related_name="focus_area_links")
    focus_area = models.ForeignKey("strategy.FocusArea", on_delete=models.CASCADE, related_name="input_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["input", "focus_area"], name="one_link_per_focus_area")]
