from django.urls import path

from samskapa.strategy import views

app_name = "strategy"

urlpatterns = [
    path("", views.strategy_index, name="index"),
    path("new/", views.strategy_create, name="create"),
    path("foundations/", views.foundation_list, name="foundations"),
    path("<int:strategy_id>/", views.strategy_detail, name="detail"),
    path("<int:strategy_id>/edit/", views.strategy_edit, name="edit"),
    path("<int:strategy_id>/status/", views.strategy_status, name="status"),
    path("<int:strategy_id>/adopt/", views.strategy_adopt, name="adopt"),
    path("<int:strategy_id>/revise/", views.strategy_revise, name="revise"),
    path("<int:strategy_id>/focus-areas/new/", views.focus_area_create, name="focus-area-create"),
    path("<int:strategy_id>/versions/", views.version_list, name="versions"),
    path("<int:strategy_id>/compare/", views.version_compare, name="compare"),
    path("focus-areas/<int:focus_area_id>/", views.focus_area_edit, name="focus-area-edit"),
    path("focus-areas/<int:focus_area_id>/move/", views.focus_area_move, name="focus-area-move"),
    path("focus-areas/<int:focus_area_id>/delete/", views.focus_area_delete, name="focus-area-delete"),
    path("focus-areas/<int:focus_area_id>/goals/new/", views.goal_create, name="goal-create"),
    path("goals/<int:goal_id>/", views.goal_edit, name="goal-edit"),
    path("versions/<int:version_id>/", views.version_detail, name="version-detail"),
    path("<int:strategy_id>/export.pdf", views.strategy_export, {"kind": "pdf"}, name="export-pdf"),
    path("<int:strategy_id>/export.docx", views.strategy_export, {"kind": "docx"}, name="export-docx"),
    path("versions/<int:version_id>/export.pdf", views.version_export, {"kind": "pdf"}, name="version-export-pdf"),
    path("versions/<int:version_id>/export.docx", views.version_export, {"kind": "docx"}, name="version-export-docx"),
]
