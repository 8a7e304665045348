"""The admin site's names; each app registers its own models in its admin.py."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.rules import is_programme_admin

admin.site.site_header = _("Smart City Portal administration")
admin.site.site_title = _("Smart City Portal administration")
admin.site.index_title = _("Programme records")


class ProgrammeAdminOnly:
    """Only programme administrators (and superusers) see or change these records in the admin."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_programme_admin(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return is_programme_admin(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return is_programme_admin(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return is_programme_admin(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return is_programme_admin(request.user)
