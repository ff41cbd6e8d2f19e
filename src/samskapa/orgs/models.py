"""Organisations (the tenants), their members with roles, and invitations."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import TimeStampedModel


class Country(models.TextChoices):
    SWEDEN = "SE", _("Sweden")
    FINLAND = "FI", _("Finland")
    NORWAY = "NO", _("Norway")
    DENMARK = "DK", _("Denmark")
    ALAND = "AX", _("Åland")
    OTHER = "XX", _("Other")


# The official municipality code's shape per country: Sweden's kommunkod has four digits,
# Finland's kuntanumero three, Norway's kommunenummer four, Denmark's kommunekode three.
MUNICIPALITY_CODE_PATTERNS = {"SE": r"\d{4}", "FI": r"\d{3}", "AX": r"\d{3}", "NO": r"\d{4}", "DK": r"\d{3}"}


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    EDITOR = "editor", _("Editor")
    PARTNER = "partner", _("Partner")
    COMMITTEE = "committee", _("Committee member")
    VIEWER = "viewer", _("Viewer")


def content_language_codes() -> list[str]:
    return [code for code, _name in settings.SAMSKAPA_CONTENT_LANGUAGES]


class Organisation(TimeStampedModel):
    """A municipality or region that runs its integration strategy here."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.SWEDEN)
    municipality_code = models.CharField(
        _("municipality code"),
        max_length=10,
        blank=True,
        help_text=_("The official code, e.g. Sweden's four-digit kommunkod or Finland's kuntanumero."),
    )
    default_language = models.CharField(_("default language"), max_length=8, default="sv")
    languages = models.JSONField(
        _("languages residents read"),
        default=list,
        blank=True,
        help_text=_("Languages the organisation publishes in, besides the default language."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        pattern = MUNICIPALITY_CODE_PATTERNS.get(self.country)
        if self.municipality_code and pattern and not re.fullmatch(pattern, self.municipality_code):
            raise ValidationError(
                {"municipality_code": _("This is not a valid municipality code for the chosen country.")}
            )
        known = set(content_language_codes())
        if self.default_language not in known:
            raise ValidationError({"default_language": _("Choose a language from the list.")})
        if not isinstance(self.languages, list) or not set(self.languages) <= known:
            raise ValidationError({"languages": _("Choose languages from the list.")})

    @property
    def all_languages(self) -> list[str]:
        """The default language first, then the others, without repeats."""
        return list(dict.fromkeys([self.default_language, *self.languages]))


class Membership(TimeStampedModel):
    """A person's role in one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    title = models.CharField(
        _("title or department"),
        max_length=200,
        blank=True,
        help_text=_("For example: integration coordinator, school department, Red Cross."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "user__email"]
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_per_org")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class Invitation(TimeStampedModel):
    """A one-time link that makes the person who opens it a member with the given role."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("organisation")
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        from django.utils import timezone

        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
