"""Public pages and open data, at /p/: no account needed, the language in the address."""

from django.urls import path

from samskapa.publicsite import converters  # noqa: F401  (registers <lang:...>)
from samskapa.publicsite.views import data, public

app_name = "publicsite"
urlpatterns = [
    path("", public.index, name="index"),
    path("organisations.<slug:data_format>", data.organisations, name="organisations"),
    path("<slug:site_slug>/", public.site_root, name="site"),
    path("<slug:site_slug>/data/datapackage.json", data.datapackage, name="datapackage"),
    path("<slug:site_slug>/data/<slug:dataset>.<slug:data_format>", data.dataset, name="dataset"),
    path("<slug:site_slug>/<lang:lang>/", public.home, name="home"),
    path("<slug:site_slug>/<lang:lang>/strategy/", public.strategy, name="strategy"),
    path("<slug:site_slug>/<lang:lang>/strategy/<int:strategy_id>/", public.strategy, name="strategy-detail"),
    path("<slug:site_slug>/<lang:lang>/actions/", public.actions, name="actions"),
    path("<slug:site_slug>/<lang:lang>/indicators/", public.indicators, name="indicators"),
    path("<slug:site_slug>/<lang:lang>/indicators/<int:indicator_id>/", public.indicator, name="indicator"),
    path("<slug:site_slug>/<lang:lang>/consultations/", public.consultations, name="consultations"),
    path("<slug:site_slug>/<lang:lang>/you-said-we-did/", public.findings, name="findings"),
    path("<slug:site_slug>/<lang:lang>/accessibility/", public.accessibility_statement, name="accessibility"),
    path("<slug:site_slug>/<lang:lang>/data/", public.open_data, name="data"),
    path("<slug:site_slug>/<lang:lang>/summary.pdf", public.summary_pdf, name="summary"),
]
