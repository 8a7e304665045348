from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name_th", "last_name_th", "language", "is_staff", "is_active")
    list_filter = ("is_staff", "is_active", "groups", "language")
    search_fields = ("email", "first_name_th", "last_name_th", "first_name_en", "last_name_en")
    readonly_fields = ("uuid", "last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("uuid", "email", "password")}),
        (
            _("Personal info"),
            {
                "fields": (
                    "title",
                    ("first_name_th", "last_name_th"),
                    ("first_name_en", "last_name_en"),
                    "phone",
                    "language",
                )
            },
        ),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
