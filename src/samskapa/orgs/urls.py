from django.urls import include, path

from samskapa.orgs import views

app_name = "orgs"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("settings/", views.organisation_settings, name="settings"),
    path("members/", views.member_list, name="members"),
    path("members/<int:membership_id>/", views.member_edit, name="member-edit"),
    path("invitations/<int:invitation_id>/revoke/", views.invitation_revoke, name="invitation-revoke"),
    path("", include("samskapa.core.urls")),
]
