from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "samskapa.api"
    label = "api"
    verbose_name = "API"
