from django.urls import path

from samskapa.analysis import views

app_name = "analysis"

urlpatterns = [
    path("", views.document_list, name="documents"),
    path("compare/", views.compare, name="compare"),
    path("<int:document_id>/", views.document_detail, name="document"),
    path("<int:document_id>/passages/", views.passage_list, name="passages"),
    path("passages/<int:passage_id>/", views.passage_correct, name="passage-correct"),
]
