"""The admin site's names; each app registers its own models in its admin.py."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Smart City Portal administration")
admin.site.site_title = _("Smart City Portal administration")
admin.site.index_title = _("Programme records")


class SuperuserOnly:
    """Security records (API tokens, sign-in attempts and lockouts): superusers only, not every
    programme administrator, although those hold every permission (accounts/backends.py)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return self.has_module_permission(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.has_module_permission(request) and super().has_delete_permission(request, obj)


# this app's admin module loads after rest_framework.authtoken's and axes' (INSTALLED_APPS order)
for model, model_admin in list(admin.site._registry.items()):
    if model._meta.app_label in {"authtoken", "axes"}:
        admin.site.unregister(model)
        admin.site.register(
            model, type(type(model_admin).__name__, (SuperuserOnly, type(model_admin)), {})
        )
