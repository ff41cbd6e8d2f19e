from django.urls import path

from samskapa.actors import views

app_name = "actors"
urlpatterns = [
    path("", views.actor_index, name="index"),
    path("map/", views.actor_map, name="map"),
    path("new/", views.actor_create, name="create"),
    path("<int:actor_id>/", views.actor_detail, name="detail"),
    path("<int:actor_id>/edit/", views.actor_edit, name="edit"),
    path("<int:actor_id>/delete/", views.actor_delete, name="delete"),
    path("<int:actor_id>/relations/new/", views.relation_create, name="relation-create"),
    path("relations/<int:relation_id>/delete/", views.relation_delete, name="relation-delete"),
    path("plan/", views.engagement_plan, name="plan"),
    path("plan/new/", views.engagement_create, name="engagement-create"),
    path("plan/<int:engagement_id>/", views.engagement_edit, name="engagement-edit"),
    path("plan/<int:engagement_id>/delete/", views.engagement_delete, name="engagement-delete"),
]
