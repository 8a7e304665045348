"""The admin site's names and its dates; each app registers its own models in its admin.py.

Dates are site-wide here, so no ModelAdmin has to remember them: every model DateField of every
admin form (inlines included) is an EraDateField (dd/mm/yyyy in the Buddhist Era in the Thai
admin, CE in English), and list and read-only cells show dates and datetimes by `thai_date`.
This module is imported by the admin's autodiscovery before any app registered after
`smartcity` in INSTALLED_APPS, i.e. before the ModelAdmins copy the defaults below.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.admin import helpers, options
from django.contrib.admin import utils as admin_utils
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smartcity.accounts.rules import is_programme_admin
from smartcity.dates import EraDateField, EraDateInput, thai_date, thai_datetime

admin.site.site_header = _("Smart City Portal administration")
admin.site.site_title = _("Smart City Portal administration")
admin.site.index_title = _("Programme records")
# Off: at 1366 px its 300 px squeezed every changelist; the breadcrumbs and the index navigate.
admin.site.enable_nav_sidebar = False

options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateField] = {
    "form_class": EraDateField,
    "widget": EraDateInput,
}


def display_for_field(
    value: Any,  # noqa: ANN401 - whatever the model field holds
    field: models.Field[Any, Any],
    empty_value_display: str,
    avoid_link: bool = False,
) -> str:
    """Django's cell rendering, with dates by the portal's rules ("1 ต.ค. 2568")."""
    if isinstance(value, dt.date) and not getattr(field, "flatchoices", None):
        return thai_datetime(value) if isinstance(value, dt.datetime) else thai_date(value)
    return admin_utils.display_for_field(value, field, empty_value_display, avoid_link)


# the changelist and the read-only fields of change forms look the function up by these names
admin_list.display_for_field = display_for_field  # type: ignore[attr-defined]  # not in stubs
helpers.display_for_field = display_for_field  # type: ignore[attr-defined]


if TYPE_CHECKING:  # the mixins below go before a ModelAdmin in the bases
    _AdminBase = options.BaseModelAdmin[Any]
else:
    _AdminBase = object


class SuperuserOnly(_AdminBase):
    """Security records (API tokens, sign-in attempts and lockouts): superusers only, not every
    programme administrator, although those hold every permission (accounts/backends.py)."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

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


def _login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """The admin signs in through the portal's login page, with its two-factor step."""
    return redirect_to_login(
        request.GET.get("next") or reverse("admin:index"), login_url=reverse("accounts:login")
    )


admin.site.login = _login  # type: ignore[method-assign]  # the site's own view, replaced


class ProgrammeAdminOnly(_AdminBase):
    """Only programme administrators (and superusers) see or change these records in the admin."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(is_programme_admin(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return bool(is_programme_admin(request.user))

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return bool(is_programme_admin(request.user))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return bool(is_programme_admin(request.user))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ANN401
        return bool(is_programme_admin(request.user))
