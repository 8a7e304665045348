"""The admin site's names; each app registers its own models in its admin.py."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Smart City Portal administration")
admin.site.site_title = _("Smart City Portal administration")
admin.site.index_title = _("Programme records")


def _login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
    """The admin signs in through the portal's login page, with its two-factor step."""
    return redirect_to_login(
        request.GET.get("next") or reverse("admin:index"), login_url=reverse("accounts:login")
    )


admin.site.login = _login
