"""Child impact assessments (barnkonsekvensanalys) of the actions that affect children."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskapa.core.models import OrganisationOwned


class UNCRCArticle(models.IntegerChoices):
    """Articles of the UN Convention on the Rights of the Child an assessment considers: the four
    general principles first, then the articles most often at stake for newcomer children."""

    NON_DISCRIMINATION = 2, _("Article 2: non-discrimination")
    BEST_INTERESTS = 3, _("Article 3: the best interests of the child")
    LIFE_DEVELOPMENT = 6, _("Article 6: life, survival and development")
    BEING_HEARD = 12, _("Article 12: the right to be heard")
    FAMILY_REUNIFICATION = 10, _("Article 10: family reunification")
    EXPRESSION = 13, _("Article 13: freedom of expression and information")
    PROTECTION = 19, _("Article 19: protection from violence")
    REFUGEE = 22, _("Article 22: refugee children")
    DISABILITY = 23, _("Article 23: children with disabilities")
    HEALTH = 24, _("Article 24: health and health care")
    STANDARD_OF_LIVING = 27, _("Article 27: an adequate standard of living")
    EDUCATION = 28, _("Article 28: the right to education")
    EDUCATION_AIMS = 29, _("Article 29: the aims of education")
    MINORITY = 30, _("Article 30: minority and indigenous children")
    LEISURE = 31, _("Article 31: rest, play, leisure and culture")
    RECOVERY = 39, _("Article 39: recovery and reintegration")


# The four general principles of the Convention: every completed assessment considers them.
GENERAL_PRINCIPLES = (2, 3, 6, 12)


class ChildImpactAssessment(OrganisationOwned):
    """How an action affects children (barnkonsekvensanalys): who, whether they were heard, what follows."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        COMPLETED = "completed", _("Completed")

    class Consulted(models.TextChoices):
        YES = "yes", _("Yes, children were consulted")
        NO = "no", _("No, children were not consulted")

    action = models.OneToOneField("actions.Action", on_delete=models.CASCADE, related_name="assessment")
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT)
    children_affected = models.TextField(_("which children are affected"), blank=True)
    consulted = models.CharField(_("were children consulted?"), max_length=8, choices=Consulted.choices, blank=True)
    consultation = models.TextField(_("how children were consulted, or why not"), blank=True)
    best_interest = models.TextField(_("the child's best interest"), blank=True)
    articles = models.JSONField(_("UNCRC articles considered"), default=list, blank=True)
    positive_impacts = models.TextField(_("positive impacts"), blank=True)
    negative_impacts = models.TextField(_("negative impacts"), blank=True)
    mitigation = models.TextField(_("what is done about the negative impacts"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    assessed_by = models.CharField(_("assessed by"), max_length=300, blank=True)
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("child impact assessment")
        verbose_name_plural = _("child impact assessments")

    def __str__(self) -> str:
        return f"{self.action}: {self.get_state_display()}"

    @property
    def is_completed(self) -> bool:
        return self.state == self.State.COMPLETED

    def clean(self) -> None:
        articles = self.articles
        if not isinstance(articles, list) or not set(articles) <= set(UNCRCArticle.values):
            raise ValidationError({"articles": _("Choose articles from the list.")})
        self.articles = sorted(set(articles))
        if self.action_id and self.action.organisation_id != self.organisation_id:
            raise ValidationError({"action": _("Choose an action of your organisation.")})
        if self.state == self.State.COMPLETED:
            self._clean_completed()

    def _clean_completed(self) -> None:
        """A completed assessment answers every question (the four general principles at least)."""
        required = ("children_affected", "consulted", "consultation", "best_interest", "conclusion", "assessed_by")
        errors = {name: _("Answer this to complete the assessment.") for name in required if not getattr(self, name)}
        missing = [n for n in GENERAL_PRINCIPLES if n not in self.articles]
        if missing:
            errors["articles"] = _("A completed assessment considers at least articles 2, 3, 6 and 12.")
        if not (self.positive_impacts.strip() or self.negative_impacts.strip()):
            errors["positive_impacts"] = _("Describe the positive or the negative impacts (or both).")
        if self.negative_impacts.strip() and not self.mitigation.strip():
            errors["mitigation"] = _("Say what is done about the negative impacts.")
        if self.assessed_on is None:
            errors["assessed_on"] = _("Give the date of the assessment.")
        if errors:
            raise ValidationError(errors)
