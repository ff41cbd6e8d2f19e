from django.contrib import admin

from samskapa.core.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "kind", "status", "done_steps", "total_steps", "created_at"]
    list_filter = ["status", "kind"]
