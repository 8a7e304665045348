from __future__ import annotations

from django.contrib import admin

from smartcity.files.models import StoredFile


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin[StoredFile]):
    list_display = ("original_name", "content_type", "size", "uploaded_by", "created_at")
    list_select_related = ("uploaded_by",)
    search_fields = ("original_name", "sha256")
    readonly_fields = (
        "uuid",
        "file",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "created_at",
    )
