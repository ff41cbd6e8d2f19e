from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "samskapa.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from samskapa.core.sessions import signed_in

        user_logged_in.connect(signed_in, dispatch_uid="samskapa.core.sessions.signed_in")
