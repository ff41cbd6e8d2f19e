"""Documents an organisation uploads, their passages with framework codes, and good practices."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.files import short_file_name
from samskapa.core.models import OrganisationOwned, TimeStampedModel


def document_path(instance: "Document", filename: str) -> str:
    return f"documents/{instance.organisation_id}/{instance.sha256[:16]}/{short_file_name(filename)}"


class Document(OrganisationOwned):
    """A strategy, plan or analysis the organisation uploaded for the gap analysis."""

    class Mode(models.TextChoices):
        # One mode since the language-model mode was measured no better (bench/gap_eval.py);
        # the field stays so that the API's documents keep their shape.
        FAST = "fast", _("Fast (term lists and a small model)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for analysis")
        ANALYSING = "analysing", _("Being analysed")
        ANALYSED = "analysed", _("Analysed")
        FAILED = "failed", _("Could not be read")

    # The states in which the document waits for a background job.
    BUSY = (Status.QUEUED, Status.ANALYSING)

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(
        _("published by"),
        max_length=200,
        blank=True,
        help_text=_("The municipality or body whose document this is, when it is not your own."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    mode = models.CharField(_("analysis mode"), max_length=16, choices=Mode.choices, default=Mode.FAST)
    file = models.FileField(_("file"), upload_to=document_path, max_length=500)
    original_filename = models.CharField(_("file name"), max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    error_code = models.CharField(max_length=32, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    report = models.JSONField(_("gap report"), default=dict, blank=True)
    job = models.ForeignKey("core.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    analysed_at = models.DateTimeField(_("analysed"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["report"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    @property
    def is_analysed(self) -> bool:
        return self.status == self.Status.ANALYSED and bool(self.report)


class Passage(OrganisationOwned):
    """A paragraph or list item of a document, with the codes the classifier gave and any correction."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField()
    page = models.PositiveIntegerField(default=1)
    kind = models.CharField(max_length=16, default="paragraph")
    heading = models.TextField(blank=True)
    text = models.TextField()
    language = models.CharField(max_length=8, blank=True)
    labels = models.JSONField(default=list, help_text=_("Codes suggested by the classifier."))
    scores = models.JSONField(default=dict)
    terms = models.JSONField(default=dict)
    corrected_labels = models.JSONField(null=True, blank=True, help_text=_("Codes set by a person."))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrected_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["scores", "terms"])

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="one_passage_per_position")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def effective_labels(self) -> list[str]:
        return self.labels if self.corrected_labels is None else self.corrected_labels


class GoodPractice(TimeStampedModel):
    """A practice from somewhere that addresses an area of the framework.

    Practices without an organisation form the shared library every organisation sees;
    an organisation's own additions carry it and are seen only by it.
    """

    organisation = models.ForeignKey(
        "orgs.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    practised_by = models.CharField(_("organisation behind it"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    summary = models.TextField(_("summary"))
    areas = models.JSONField(_("areas"), default=list)
    link = models.URLField(_("link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.title
