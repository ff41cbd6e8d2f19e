"""Public survey addresses, outside /o/: answered without an account."""

from django.urls import path

from samskapa.cocreation.views import public

urlpatterns = [
    path("<str:survey_key>/", public.survey_start, name="survey-public"),
    path("<str:survey_key>/<str:language>/", public.survey_answer_page, name="survey-answer"),
    path("<str:survey_key>/<str:language>/thanks/", public.survey_thanks, name="survey-thanks"),
]
