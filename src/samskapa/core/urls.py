from django.urls import path

from samskapa.core import views_jobs

urlpatterns = [
    path("jobs/<int:job_id>/", views_jobs.job_detail, name="job-detail"),
]
