from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MouConfig(AppConfig):
    name = "mou"
    label = "mou"
    verbose_name = _("Memoranda of understanding")

    def ready(self) -> None:
        from mou import (  # noqa: F401 - registration on import
            notifications,  # the mou.expiring event
            panels,  # MOU boxes on the home and organisation pages
        )
