from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "municipalities"
    verbose_name = _("Municipalities")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from municipalities.reference import ensure_geography

        # regions, provinces and districts come back after every migrate or test flush
        post_migrate.connect(
            ensure_geography, sender=self, dispatch_uid="municipalities.ensure_geography"
        )
