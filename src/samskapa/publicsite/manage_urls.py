"""The coordinator's pages for the public site, at /o/<slug>/public/."""

from django.urls import path

from samskapa.publicsite import converters  # noqa: F401  (registers <lang:...>)
from samskapa.publicsite.views import manage

app_name = "public-manage"
urlpatterns = [
    path("", manage.overview, name="overview"),
    path("settings/", manage.site_settings, name="settings"),
    path("content/", manage.content_list, name="content"),
    path("translations/", manage.translations, name="translations"),
    path("translations/<slug:content_kind>/<int:content_id>/<lang:lang>/", manage.translate, name="translate"),
    path("translations/<slug:content_kind>/<int:content_id>/written-in/", manage.written_in, name="written-in"),
]
