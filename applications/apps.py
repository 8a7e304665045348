from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    label = "applications"
    verbose_name = _("Proposals")

    def ready(self) -> None:
        from applications import (  # noqa: F401 - registration on import
            api,  # /api/v1/calls/, applications/, assignments/ on the shared router
            notifications,  # applications.* events
            panels,  # open calls on the home page, proposals on organisation and dashboard
        )
