from django.urls import path

from samskapa.analysis import views, views_practices

app_name = "analysis"

urlpatterns = [
    path("", views.document_list, name="documents"),
    path("compare/", views.compare, name="compare"),
    path("<int:document_id>/", views.document_detail, name="document"),
    path("<int:document_id>/report.pdf", views.document_report_pdf, name="document-pdf"),
    path("<int:document_id>/edit/", views.document_edit, name="document-edit"),
    path("<int:document_id>/reanalyse/", views.document_reanalyse, name="document-reanalyse"),
    path("<int:document_id>/delete/", views.document_delete, name="document-delete"),
    path("<int:document_id>/passages/", views.passage_list, name="passages"),
    path("passages/<int:passage_id>/", views.passage_correct, name="passage-correct"),
    path("practices/", views_practices.practice_list, name="practices"),
    path("practices/new/", views_practices.practice_create, name="practice-create"),
    path("practices/<int:practice_id>/edit/", views_practices.practice_edit, name="practice-edit"),
    path("practices/<int:practice_id>/delete/", views_practices.practice_delete, name="practice-delete"),
]
