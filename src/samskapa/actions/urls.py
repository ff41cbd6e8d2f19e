from django.urls import path

from samskapa.actions.views import action, plans

app_name = "actions"

urlpatterns = [
    path("", plans.index, name="index"),
    path("mine/", plans.mine, name="mine"),
    path("list/", plans.action_index, name="list"),
    path("plans/new/", plans.plan_create, name="plan-create"),
    path("plans/<int:plan_id>/", plans.plan_detail, name="plan"),
    path("plans/<int:plan_id>/edit/", plans.plan_edit, name="plan-edit"),
    path("plans/<int:plan_id>/timeline/", plans.plan_timeline, name="timeline"),
    path("plans/<int:plan_id>/overview/", plans.plan_overview, name="overview"),
    path("plans/<int:plan_id>/import/", plans.plan_import, name="import"),
    path("plans/<int:plan_id>/export.xlsx", plans.plan_export_xlsx, name="export-xlsx"),
    path("plans/<int:plan_id>/export.csv", plans.plan_export_csv, name="export-csv"),
    path("plans/<int:plan_id>/new/", action.action_create, name="action-create"),
    path("<int:action_id>/", action.action_detail, name="action"),
    path("<int:action_id>/edit/", action.action_edit, name="action-edit"),
    path("<int:action_id>/progress/", action.progress_post, name="progress"),
    path("<int:action_id>/assessment/", action.assessment_edit, name="assessment"),
    path("<int:action_id>/partners/", action.partner_commitments, name="partners"),
    path("<int:action_id>/delete/", action.action_delete, name="action-delete"),
]
