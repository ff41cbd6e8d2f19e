"""Base models every domain app builds on, and background jobs with progress."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def validate_content_language(value: str) -> None:
    codes = {code for code, _name in settings.SAMSKAPA_CONTENT_LANGUAGES}
    if value and value not in codes:
        raise ValidationError(_("Choose a language from the list."))


class TimeStampedModel(models.Model):
    """Adds when a row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class OrganisationOwned(TimeStampedModel):
    """A row that belongs to one organisation; it always carries it, even when a parent implies it."""

    organisation = models.ForeignKey(
        "orgs.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )

    class Meta:
        abstract = True


class Publishable(models.Model):
    """Something the organisation may show on its public pages (/p/<slug>/); nothing is public by default.

    ``TRANSLATABLE_FIELDS`` names the text fields that are shown to residents and can be
    written in each of the organisation's languages (the public site keeps the translations).
    """

    TRANSLATABLE_FIELDS: tuple[str, ...] = ()

    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to everyone on the organisation's public pages.")
    )
    # The language the texts are written in: public pages mark them with it (lang, dir), and
    # show translations into other languages as such. Empty means the organisation's default
    # language, which ``save`` fills in for a new row.
    language = models.CharField(
        _("written in"),
        max_length=8,
        blank=True,
        validators=[validate_content_language],
        help_text=_("The language the texts are written in."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Publishable rows are also OrganisationOwned; the organisation gives the default language.
        if not self.language and getattr(self, "organisation_id", None):
            self.language = getattr(self, "organisation").default_language  # noqa: B009
        super().save(*args, **kwargs)


class Job(OrganisationOwned):
    """A piece of background work (analysis, import, report) whose progress a page can follow."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    done_steps = models.PositiveIntegerField(_("steps done"), default=0)
    total_steps = models.PositiveIntegerField(_("steps in all"), default=0)
    message = models.CharField(_("message"), max_length=500, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    result_url = models.CharField(_("result link"), max_length=500, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The lease: a running job's worker writes this every little while. When it has not for
    # longer than SAMSKAPA_JOB_LEASE_SECONDS the worker is gone (killed, restarted, out of
    # memory) and the job is tried again once or marked failed (core.jobs).
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total_steps:
            return 0
        return min(100, round(100 * self.done_steps / self.total_steps))

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def failures(self) -> list[dict]:
        """The parts of the work that failed, with their reason (a fetch of many indicators)."""
        parts = (self.result or {}).get("results") or []
        return [part for part in parts if isinstance(part, dict) and not part.get("ok", True)]
