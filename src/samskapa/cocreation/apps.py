from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CocreationConfig(AppConfig):
    name = "samskapa.cocreation"
    label = "cocreation"
    verbose_name = _("Co-creation")
