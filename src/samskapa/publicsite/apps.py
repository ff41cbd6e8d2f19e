from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicsiteConfig(AppConfig):
    name = "samskapa.publicsite"
    label = "publicsite"
    verbose_name = _("Public pages")

    def ready(self) -> None:
        from samskapa.publicsite import signals  # noqa: F401  (connects the cache invalidation)
