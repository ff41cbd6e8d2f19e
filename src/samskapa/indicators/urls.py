from django.urls import path

from samskapa.indicators import views, views_catalogue, views_followup

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_index, name="index"),
    path("new/", views.indicator_create, name="create"),
    path("sync/", views.sync_all, name="sync-all"),
    path("export.csv", views.export_all_csv, name="export-csv"),
    path("export.xlsx", views.export_all_xlsx, name="export-xlsx"),
    path("catalogue/kolada/", views_catalogue.kolada_search, name="kolada"),
    path("catalogue/kolada/add/", views_catalogue.kolada_add, name="kolada-add"),
    path("catalogue/pxweb/", views_catalogue.pxweb_search, name="pxweb"),
    path("catalogue/pxweb/table/", views_catalogue.pxweb_table, name="pxweb-table"),
    path("catalogue/eurostat/", views_catalogue.eurostat_pick, name="eurostat"),
    path("follow-up/", views_followup.dashboard, name="follow-up"),
    path("reports/", views_followup.report_list, name="reports"),
    path("reports/<int:report_id>/pdf/", views_followup.report_pdf, name="report-pdf"),
    path("reports/<int:report_id>/docx/", views_followup.report_docx, name="report-docx"),
    path("<int:indicator_id>/", views.indicator_detail, name="detail"),
    path("<int:indicator_id>/edit/", views.indicator_edit, name="edit"),
    path("<int:indicator_id>/delete/", views.indicator_delete, name="delete"),
    path("<int:indicator_id>/values/", views.observation_create, name="value-create"),
    path("<int:indicator_id>/import/", views.observation_import, name="import"),
    path("<int:indicator_id>/sync/", views.indicator_sync, name="sync"),
    path("<int:indicator_id>/export.csv", views.export_one_csv, name="export-one-csv"),
    path("<int:indicator_id>/export.xlsx", views.export_one_xlsx, name="export-one-xlsx"),
    path("values/<int:observation_id>/", views.observation_edit, name="value-edit"),
]
