from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "samskapa.indicators"
    label = "indicators"
    verbose_name = _("Indicators and follow-up")

    def ready(self) -> None:
        from samskapa.indicators import jobs  # noqa: F401  (registers the background work)
