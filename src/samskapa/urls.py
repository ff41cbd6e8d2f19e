from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from samskapa.api.main import api
from samskapa.core import views as core_views
from samskapa.orgs import views as org_views

admin.site.site_header = settings.ADMIN_SITE_HEADER

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("samskapa.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("invite/<str:token>/", org_views.invitation_accept, name="invitation-accept"),
    path("orgs/new/", org_views.organisation_create, name="organisation-create"),
    path("o/<slug:org_slug>/", include("samskapa.orgs.urls")),
    path("o/<slug:org_slug>/strategy/", include("samskapa.strategy.urls")),
    path("o/<slug:org_slug>/actions/", include("samskapa.actions.urls")),
    path("o/<slug:org_slug>/actors/", include("samskapa.actors.urls")),
    path("o/<slug:org_slug>/cocreation/", include("samskapa.cocreation.urls")),
    path("o/<slug:org_slug>/indicators/", include("samskapa.indicators.urls")),
    path("o/<slug:org_slug>/documents/", include("samskapa.analysis.urls")),
    path("o/<slug:org_slug>/public/", include("samskapa.publicsite.manage_urls")),
    path("p/", include("samskapa.publicsite.urls")),
    path("s/", include("samskapa.cocreation.public_urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
