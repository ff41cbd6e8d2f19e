"""The public site of an organisation (/p/<slug>/) and the translations of what it shows."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned


class Licence(models.TextChoices):
    """Open licences an organisation can put its open data under (SPDX identifiers)."""

    CC_BY_4 = "CC-BY-4.0", "Creative Commons Attribution 4.0 (CC BY 4.0)"
    CC0 = "CC0-1.0", "Creative Commons Zero 1.0 (CC0 1.0)"
    CC_BY_SA_4 = "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)"
    ODC_BY = "ODC-By-1.0", "Open Data Commons Attribution 1.0 (ODC-By)"
    NLOD_2 = "NLOD-2.0", "Norwegian Licence for Open Government Data 2.0 (NLOD)"


LICENCE_URLS = {
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.ODC_BY: "https://opendatacommons.org/licenses/by/1-0/",
    Licence.NLOD_2: "https://data.norge.no/nlod/en/2.0",
}

# Who supervises the accessibility of public-sector websites, per country (the statement links
# there); an organisation can change it. Sweden: DIGG under lag (2018:1937); Finland: the
# Regional State Administrative Agency for Southern Finland under laki digitaalisten palvelujen
# tarjoamisesta (306/2019).
ENFORCEMENT_DEFAULTS = {
    "SE": ("Myndigheten för digital förvaltning (DIGG)", "https://www.digg.se/tdosanmalan"),
    "FI": ("Etelä-Suomen aluehallintovirasto, saavutettavuuden valvonta", "https://www.saavutettavuusvaatimukset.fi/"),
}


class PublicSite(OrganisationOwned):
    """The organisation's public pages: whether they are open, their licence, contact and intro.

    ``content_version`` and ``content_changed_at`` move whenever anything the pages show
    changes; they make the ETag, the Last-Modified date and the key of the page cache.
    ``counts_version`` and ``counts_changed_at`` move when only the numbers of people heard
    change (a survey answer): just the pages showing those numbers are drawn anew.
    """

    TRANSLATABLE_FIELDS = ("intro", "known_issues")

    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("When on, anyone can read the published content at /p/<short name>/.")
    )
    intro = models.TextField(
        _("welcome text"), blank=True, help_text=_("A few plain sentences at the top of the public home page.")
    )
    licence = models.CharField(_("licence of the open data"), max_length=20, choices=Licence, default=Licence.CC_BY_4)
    attribution = models.CharField(
        _("attribution"),
        max_length=200,
        blank=True,
        help_text=_("Whom reusers credit; the organisation's name when left empty."),
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Where residents send questions and report accessibility problems.")
    )
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    response_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"),
        null=True,
        blank=True,
        help_text=_("Promised in the accessibility statement."),
    )
    known_issues = models.TextField(
        _("known accessibility problems"),
        blank=True,
        help_text=_("Content you know is not accessible, and what you do about it. Shown in the statement."),
    )
    enforcement_name = models.CharField(_("supervisory authority"), max_length=200, blank=True)
    enforcement_url = models.URLField(_("supervisory authority's address"), blank=True)
    statement_reviewed_on = models.DateField(
        _("statement last reviewed"), null=True, blank=True, help_text=_("When a person last checked the statement.")
    )
    published_at = models.DateTimeField(_("first made public"), null=True, blank=True)
    content_version = models.PositiveBigIntegerField(default=1, editable=False)
    content_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    counts_version = models.PositiveBigIntegerField(default=1, editable=False)
    counts_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    history = HistoricalRecords(
        excluded_fields=["content_version", "content_changed_at", "counts_version", "counts_changed_at"]
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation"], name="one_public_site_per_org")]
        verbose_name = _("public site")
        verbose_name_plural = _("public sites")

    def __str__(self) -> str:
        return str(self.organisation)

    def clean(self) -> None:
        if self.is_public and not self.contact_email:
            raise ValidationError(
                {"contact_email": _("A public site needs a contact address for questions and accessibility feedback.")}
            )

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(Licence(self.licence), "")

    @property
    def credit(self) -> str:
        return self.attribution or self.organisation.name


class Translation(OrganisationOwned):
    """A text of published content written in another language, for one version of its original.

    The original it was made from is kept with its digest: when the original changes, the
    translation is out of date, and a frozen version (an adopted strategy) still finds the
    translation of its own text.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    source_digest = models.CharField(max_length=32)
    source = models.JSONField(_("original"))
    value = models.JSONField(_("translation"))
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language", "source_digest"],
                name="one_translation_per_original",
            )
        ]
        indexes = [models.Index(fields=["organisation", "language"], name="translation_org_language")]
        ordering = ["-updated_at"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")

    def __str__(self) -> str:
        return f"{self.content_type.model}#{self.object_id}.{self.field} [{self.language}]"
