from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "samskapa.analysis"
    label = "analysis"
    verbose_name = _("Documents and gap analysis")

    def ready(self) -> None:
        from samskapa.analysis import jobs  # noqa: F401  (registers the background work)
