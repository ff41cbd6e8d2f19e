from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RateLimitsConfig(AppConfig):
    name = "samskapa.ratelimits"
    label = "ratelimits"
    verbose_name = _("Rate limits")
