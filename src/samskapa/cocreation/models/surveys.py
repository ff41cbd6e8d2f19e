"""Public surveys: short questionnaires in several languages that residents answer without an account."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.cocreation.models.consultations import Group, validate_languages
from samskapa.core.models import OrganisationOwned, Publishable


def new_key() -> str:
    return secrets.token_urlsafe(9)


def validate_texts(value) -> None:
    """Texts in other languages: {"ar": {"title": "...", ...}, ...}, strings only."""
    if not isinstance(value, dict) or not all(
        isinstance(lang, str) and isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values())
        for lang, texts in value.items()
    ):
        raise ValidationError(_("Give the texts in each language as plain text."))


class Translated(models.Model):
    """Text fields written in the survey's first language, with ``texts`` holding the other languages."""

    TEXT_FIELDS: tuple[str, ...] = ()
    texts = models.JSONField(_("texts in other languages"), default=dict, blank=True, validators=[validate_texts])

    class Meta:
        abstract = True

    def text_in(self, field: str, language: str) -> str:
        """The field in ``language``, falling back to the first language when not written."""
        return (self.texts.get(language) or {}).get(field) or getattr(self, field)

    def is_fallback(self, field: str, language: str, first: str) -> bool:
        """Whether ``text_in`` gives the first language's text because ``language`` has none: pages then
        mark it with the first language's ``lang`` and a badge, so it is never passed off as a translation."""
        return language != first and bool(getattr(self, field)) and not (self.texts.get(language) or {}).get(field)


class Survey(Translated, Publishable, OrganisationOwned):
    """A questionnaire with a public address (/s/<key>/); its answers are anonymous."""

    TRANSLATABLE_FIELDS = ("title", "intro")
    TEXT_FIELDS = ("title", "intro", "thanks")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for answers")
        CLOSED = "closed", _("Closed")

    consultation = models.OneToOneField(
        "cocreation.Consultation", on_delete=models.CASCADE, related_name="survey", verbose_name=_("consultation")
    )
    key = models.CharField(_("public key"), max_length=20, unique=True, default=new_key, editable=False)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    thanks = models.TextField(_("thank-you message"), blank=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[validate_languages],
        help_text=_("The first is the one written first."),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    ask_group = models.BooleanField(
        _("ask which group the respondent belongs to"),
        default=True,
        help_text=_("Optional for the respondent; it shows who has been heard."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # The texts on the row are written in the survey's first language; the others are in ``texts``.
        if self.languages:
            self.language = self.languages[0]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not self.languages:
            raise ValidationError({"languages": _("Choose at least one language.")})

    @property
    def first_language(self) -> str:
        return self.languages[0] if self.languages else "sv"


class Question(Translated, OrganisationOwned):
    """One question of a survey: free text, one choice, several choices, or a scale."""

    TEXT_FIELDS = ("text", "help")

    class Kind(models.TextChoices):
        TEXT = "text", _("Free text")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        SCALE = "scale", _("Scale")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind of question"), max_length=8, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    help = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    scale_max = models.PositiveSmallIntegerField(_("scale from 1 to"), default=5)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.kind == self.Kind.SCALE and not 2 <= self.scale_max <= 10:
            raise ValidationError({"scale_max": _("A scale goes from 1 to between 2 and 10.")})

    @property
    def has_choices(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class Choice(Translated, OrganisationOwned):
    """An answer one can pick in a choice question."""

    TEXT_FIELDS = ("label",)

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveIntegerField(_("order"), default=0)
    label = models.CharField(_("choice"), max_length=200)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.label


class Response(OrganisationOwned):
    """One anonymous set of answers: nothing about the respondent but the language and, if given, the group."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    language = models.CharField(_("language"), max_length=8)
    group = models.CharField(_("group"), max_length=16, choices=Group.choices, blank=True)

    class Meta:
        ordering = ["pk"]


class Answer(OrganisationOwned):
    """The answer to one question: text, chosen choices (ids) or a number on the scale."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True)
    choice_ids = models.JSONField(default=list, blank=True)
    number = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")]
